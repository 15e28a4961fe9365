import type { FirstAnswer, LongestBlock, PaneStart } from "./browser";
import type { RecalcResult } from "./recalc";
import type { ColdStep, ProcessTiming } from "./startup";
import type { Sample } from "./stats";

/*
 * The text under the benchmark table, written from the figures of the same run: every number
 * in it is measured, and every comparison (within, over, before, after) is computed, so the
 * text cannot contradict the table.
 */

export interface Findings {
  bundle?: { runtime: number; pane: number };
  startup?: {
    bare: ProcessTiming;
    check: ProcessTiming;
    checkFile: ProcessTiming;
    cold: Record<ColdStep, Sample>;
    budget: { check: number; checkFile: number };
  };
  checkWarm?: Sample;
  readWarm?: Sample;
  formulas?: RecalcResult & { budget: number };
  browser?: {
    first: FirstAnswer;
    pane: PaneStart;
    block: LongestBlock;
    bytes: number;
    budget: { pane: number; block: number };
  };
}

const ms = (s: Sample | number, digits = 0) =>
  `${(typeof s === "number" ? s : s.median).toFixed(digits)} ms`;
const times = (r: number) => `${r.toFixed(2)}×`;
const within = (value: number, budget: number) =>
  value <= budget ? `within its budget of ${budget}×` : `**over** its budget of ${budget}×`;

function startupText(s: NonNullable<Findings["startup"]>, f: Findings): string {
  const { bare, check, checkFile, cold } = s;
  const ownCheck = check.cpu.median - bare.cpu.median;
  const ownFile = checkFile.cpu.median - bare.cpu.median;
  const warm = f.checkWarm
    ? ` (${(cold.checkFirst.median / f.checkWarm.median).toFixed(0)}× the warm ${ms(f.checkWarm, 2)} in the table)`
    : "";
  const readWarm = f.readWarm ? `, ${ms(f.readWarm)} warm in this process` : "";
  return [
    `- **Command line**: \`up check\` used ${ms(check.cpu)} CPU, ${times(check.cpuRatio.median)} a bare \`node -e 0\` (${ms(bare.cpu)}), ${within(check.cpuRatio.median, s.budget.check)}; \`up check examples/up-2024-published.xlsx\` used ${ms(checkFile.cpu)}, ${times(checkFile.cpuRatio.median)}, ${within(checkFile.cpuRatio.median, s.budget.checkFile)}. In wall time the ratios were ${times(check.wallRatio.median)} and ${times(checkFile.wallRatio.median)}.`,
    `- **Where a run's own ${ms(ownCheck)} (no file) and ${ms(ownFile)} (the published example) go**, measured step by step in fresh processes: requiring the core ${ms(cold.requireCore)}, building the 2024 plan ${ms(cold.plan2024)}, the first \`checkPlan\` ${ms(cold.checkFirst)}${warm}, a second one ${ms(cold.checkSecond)}; for a file, requiring ExcelJS's Node build (with JSZip) ${ms(cold.requireExcelJS)}, the reader ${ms(cold.requireReader)}, the first read ${ms(cold.readFirst)} (a second read of the same bytes ${ms(cold.readSecond)}${readWarm}). A command-line run only ever gets these first calls; the warm figures in the table are what the engine costs once running.`,
  ].join("\n");
}

function formulasText(r: NonNullable<Findings["formulas"]>): string {
  return `- **Formulas**: ${r.up.runs.length > 0 ? ms(r.up) : "—"} for the 10 000 UP.* cells: ${times(r.helperColumn.ratio.median)} the sheet a spreadsheet user writes with a helper column (${ms(r.helperColumn.native)}), ${within(r.helperColumn.ratio.median, r.budget)}, and ${times(r.inline.ratio.median)} the sheet that repeats every lookup inline (${ms(r.inline.native)}). UP and native cells differed by at most €${r.largestDifference}.`;
}

function browserText(b: NonNullable<Findings["browser"]>): string {
  const { pane, block, first } = b;
  const s = pane.scripts;
  const before = (t: Sample) =>
    t.median < s.officeLoaded.median
      ? "before office.js had arrived"
      : "after office.js had arrived";
  const blockText =
    block.longest.median === 0
      ? `no task of 50 ms or more blocked the page in the median run (${block.longTasks.max} long tasks in the worst run)`
      : `the longest task blocked the page for ${ms(block.longest)} in the median run (${block.longest.min.toFixed(0)}–${block.longest.max.toFixed(0)} ms over the runs, ${block.longTasks.median} long tasks)`;
  return [
    `- **Pane start**: ${ms(pane.pane)} to an enabled file button, ${times(pane.ratio.median)} the baseline page (${ms(pane.baseline)}), ${within(pane.ratio.median, b.budget.pane)}; the blank page took ${ms(pane.blank)}. office.js had arrived at ${ms(s.officeLoaded)}; runtime.js was requested at ${ms(s.runtimeRequested)} (${before(s.runtimeRequested)}) and the pane's chunk at ${ms(s.paneRequested)} (${before(s.paneRequested)}).`,
    `- **First answer**: ${ms(first.time)} from inserting runtime.js to UP.CONTRIBUTION's result, of which ${ms(first.loaded)} fetching, parsing and running runtime.js.`,
    `- **Reading ${(b.bytes / 1024 / 1024).toFixed(1)} MB in the browser page**: ${blockText}; the findings showed after ${ms(block.read)}. The budget (issue 15) is under ${b.budget.block} ms: ${block.longest.median < b.budget.block ? "met" : "**missed**"}.`,
  ].join("\n");
}

export function findingsText(f: Findings): string {
  const parts = ["## What this run found", ""];
  if (f.startup) parts.push(startupText(f.startup, f));
  if (f.formulas) parts.push(formulasText(f.formulas));
  if (f.browser) parts.push(browserText(f.browser));
  if (f.bundle) {
    parts.push(
      `- **Sizes**: runtime.js is ${(f.bundle.runtime / 1024).toFixed(1)} KB gzip; the pane's initial JS ${(f.bundle.pane / 1024).toFixed(1)} KB.`
    );
  }
  return parts.join("\n");
}
