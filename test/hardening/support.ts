import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlan } from "../../src/core/check";
import { formatCell } from "../../src/core/address";
import { CheckResult } from "../../src/core/model";
import { ReadResult } from "../../src/reader";
import { readPlanFromBuffer } from "../../src/workbook/read";
import { CliRun, runCli } from "../support/runCli";

export const ROOT = join(__dirname, "..", "..");
export const EXAMPLES = join(ROOT, "examples");
export const PUBLISHED = join(EXAMPLES, "up-2024-published.xlsx");
export const TEMPLATE = join(EXAMPLES, "up-2024-template.xlsx");
export const CORPUS = "/work/shared/corpus/sheetjs";

/** A fresh copy of an example workbook, to damage. */
export async function example(which: "published" | "template"): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(which === "published" ? PUBLISHED : TEMPLATE);
  return wb;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface Outcome extends ReadResult {
  check?: CheckResult;
  /** Read notes and findings as `severity rule/table cell: message` lines, for matching. */
  lines: string[];
}

/** Reads a workbook as the command line and the browser page do, and checks its plan. */
export async function readAndCheck(wb: ExcelJS.Workbook, name = "plan.xlsx"): Promise<Outcome> {
  const read = await readPlanFromBuffer(await bytesOf(wb), name);
  const check = read.plan ? checkPlan(read.plan) : undefined;
  const lines = [
    ...read.notes.map(
      (n) =>
        `note ${n.severity} ${n.table ?? "-"} ${n.cell ? formatCell(n.cell) : "-"}: ${n.message.nl}`
    ),
    ...(check?.findings ?? []).map(
      (f) =>
        `finding ${f.severity} ${f.rule} ${f.year ?? "-"} ${f.cell ? formatCell(f.cell) : "-"}: ${f.message.nl}`
    ),
  ];
  return { ...read, check, lines };
}

/** A scratch directory holding the given files, for the command line to run in. */
export function scratch(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "up-hardening-"));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

export async function cliIn(dir: string, ...args: string[]): Promise<CliRun> {
  return runCli(args, dir);
}
