import ExcelJS from "exceljs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { plan2024 } from "../core/plan2024";
import { writePublishedWorkbook } from "./published";
import { writeTemplateWorkbook } from "./template";

/** The example workbooks in examples/, both from the embedded 2024 plan. */
export const EXAMPLES: readonly { file: string; make: () => ExcelJS.Workbook }[] = [
  { file: "up-2024-template.xlsx", make: () => writeTemplateWorkbook(plan2024()) },
  { file: "up-2024-published.xlsx", make: () => writePublishedWorkbook(plan2024()) },
];

/** Writes the examples into `dir`; returns the paths written. */
export async function writeExamples(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const e of EXAMPLES) {
    const path = join(dir, e.file);
    await e.make().xlsx.writeFile(path);
    paths.push(path);
  }
  return paths;
}
