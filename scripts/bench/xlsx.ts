import { readFileSync } from "node:fs";
import ExcelJS from "../../src/workbook/exceljs";
import { Plan } from "../../src/core/model";
import { readPlanFromBuffer } from "../../src/workbook/read";
import { writeTemplateWorkbook } from "../../src/workbook/template";
import { Sample, time } from "./stats";
import { figureCount } from "./synthetic";

/*
 * Reading .xlsx bytes the way the page and the command line do (readPlanFromBuffer: ExcelJS,
 * then the reader), timed from bytes in memory to a plan.
 */

export interface ReadTiming {
  time: Sample;
  bytes: number;
  /** Figures in the plan read back: the reader must have read the whole workbook. */
  figures: number;
}

async function timeRead(bytes: Uint8Array, name: string, runs: number): Promise<ReadTiming> {
  let plan: Plan | undefined;
  const t = await time(async () => {
    plan = (await readPlanFromBuffer(bytes, name)).plan;
  }, runs);
  if (!plan) throw new Error(`reading ${name} gave no plan`);
  return { time: t, bytes: bytes.length, figures: figureCount(plan) };
}

export function readFile(path: string, runs: number): Promise<ReadTiming> {
  return timeRead(new Uint8Array(readFileSync(path)), path, runs);
}

/** The UP template holding `plan`, as the bytes of a saved .xlsx. */
export async function templateBytes(plan: Plan): Promise<Uint8Array> {
  return new Uint8Array(await writeTemplateWorkbook(plan).xlsx.writeBuffer());
}

/**
 * Writes `plan` into the template and times reading it back. Without its key components:
 * the reader rightly refuses component rows of municipalities that are not among the 16.
 */
export async function readPlanOf(synthetic: Plan, runs: number): Promise<ReadTiming> {
  const plan: Plan = { ...synthetic, keyComponents: undefined };
  const r = await timeRead(await templateBytes(plan), `${plan.title}.xlsx`, runs);
  const written = figureCount(plan);
  if (r.figures !== written) {
    throw new Error(`the reader found ${r.figures} of the ${written} figures written`);
  }
  return r;
}

/** One row of the appendix sheet: the kind of cells a plan's supporting sheet holds. */
function appendixRow(r: number): (string | number | boolean)[] {
  return [
    `Post ${r % 97}`,
    r * 13.5,
    r % 7,
    `Gemeente ${r % 16}`,
    r * 1.25,
    r * 100 + 0.5,
    `toelichting ${r % 31}`,
    r,
    r / 3,
    r % 2 === 0,
  ];
}

async function withAppendix(published: Uint8Array, rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(published as unknown as ArrayBuffer);
  const ws = wb.addWorksheet("Bijlage");
  for (let r = 1; r <= rows; r++) ws.addRow(appendixRow(r));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The published example with an appendix sheet of figures added until the file is at least
 * `bytes` long: a plan workbook of that size, as a municipality's own may be.
 */
export async function paddedWorkbook(published: string, bytes: number): Promise<Uint8Array> {
  const base = new Uint8Array(readFileSync(published));
  const probe = await withAppendix(base, 1000);
  const perRow = (probe.length - base.length) / 1000;
  let rows = Math.ceil((bytes - base.length) / perRow);
  let out = await withAppendix(base, rows);
  while (out.length < bytes) {
    rows = Math.ceil(rows * 1.02);
    out = await withAppendix(base, rows);
  }
  return out;
}
