import { readFileSync } from "node:fs";
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
