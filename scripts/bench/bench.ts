import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { checkPlan } from "../../src/core/check";
import { plan2024 } from "../../src/core/plan2024";
import { contribution } from "../../src/core/query";
import { CHROMIUM, haveChromium, launchChromium, serveStatic } from "../../test/support/browser";
import { sharedBuild } from "../../test/support/build";
import { BENCH_PAGES, firstAnswer, paneStart } from "./browser";
import { BUDGETS, BuildStats, bundleSizes, KB } from "./bundleSize";
import { FORMULA_CELLS, recalculation } from "./recalc";
import { formatMs, formatRatio, time, timeRounds } from "./stats";
import { figureCount, SCALES, syntheticPlan } from "./synthetic";
import { readFile, readPlanOf } from "./xlsx";

/*
 * `npm run bench`: every figure of issue 6 with its budget, one table, printed and written to
 * docs/BENCHMARKS.md. Times are medians of repeated runs with their spread; comparisons are
 * ratios of runs interleaved in this one process, because the machine is shared and noisy.
 */

const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "docs", "BENCHMARKS.md");
const PUBLISHED = join(ROOT, "examples", "up-2024-published.xlsx");
/** 10× more input may cost at most 12× more time. */
const GROWTH = 1.2;

interface Row {
  figure: string;
  measured: string;
  budget: string;
  /** Undefined where the figure is only reported. */
  met?: boolean;
}

const rows: Row[] = [];

function row(figure: string, measured: string, budget = "report", met?: boolean): void {
  rows.push({ figure, measured, budget, met });
  const mark = met === undefined ? "" : met ? "  ok" : "  MISSED";
  console.log(`${figure}: ${measured}  [${budget}]${mark}`);
}

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/**
 * The production build (`npm run build`'s configuration) with stats: the tests' shared build,
 * reused when the sources have not changed since.
 */
async function build(): Promise<{ dist: string; stats: BuildStats; built: boolean }> {
  const { dist, statsFile, built } = await sharedBuild();
  return { dist, stats: JSON.parse(readFileSync(statsFile, "utf8")), built };
}

function sizes(dist: string, stats: BuildStats): void {
  const s = bundleSizes(stats, dist);
  row(
    "bundle: functions path (runtime.js, gzip)",
    kb(s.runtime.gzip),
    `≤ ${kb(BUDGETS.runtime)}`,
    s.runtime.gzip <= BUDGETS.runtime
  );
  row(
    `bundle: pane initial JS (${s.pane.files.join(" + ")}, gzip)`,
    kb(s.pane.gzip),
    `≤ ${kb(BUDGETS.pane)}`,
    s.pane.gzip <= BUDGETS.pane
  );
}

async function check2024(): Promise<void> {
  const plan = plan2024();
  const t = await time(() => checkPlan(plan), 40, 50, 25);
  row("check, 2024 plan (engine only)", formatMs(t, 2), "median < 5 ms", t.median < 5);
}

async function checkScaling(): Promise<void> {
  const plans = SCALES.map((scale) => {
    const plan = syntheticPlan(scale);
    const errors = checkPlan(plan).summary.error;
    // A consistent plan: every rule runs to the end and nothing is cut short by findings.
    if (errors > 0) throw new Error(`synthetic plan ${scale.label} has ${errors} errors`);
    return { scale, plan, figures: figureCount(plan) };
  });
  // Batches make each timed run last tens of milliseconds at every size.
  const checks = plans.map(
    ({ plan }) =>
      () =>
        checkPlan(plan)
  );
  const { samples, ratios } = await timeRounds(checks, 7, 2, [100, 15, 2, 1]);
  plans.forEach(({ scale, plan, figures }, i) => {
    const what = `check, synthetic ${scale.label} (${figures} figures, ${plan.municipalities.length} municipalities, ${plan.totals!.years.length} years)`;
    if (i === 0) {
      row(what, formatMs(samples[i], 2));
      return;
    }
    const input = figures / plans[i - 1].figures;
    const growth = ratios[i];
    const last = i === plans.length - 1;
    const ok = growth.median <= GROWTH * input && (!last || samples[i].median < 2000);
    row(
      what,
      `${formatMs(samples[i])}; time ×${growth.median.toFixed(1)} (${growth.min.toFixed(1)}–${growth.max.toFixed(1)}) for input ×${input.toFixed(1)}`,
      `time growth ≤ ${GROWTH} × input growth (×${(GROWTH * input).toFixed(1)})${last ? "; < 2 s" : ""}`,
      ok
    );
  });
}

async function reading(): Promise<void> {
  const published = await readFile(PUBLISHED, 15);
  row(
    `read .xlsx: examples/up-2024-published.xlsx (${kb(published.bytes)}, ${published.figures} figures)`,
    formatMs(published.time)
  );
  const synthetic = await readPlanOf(syntheticPlan(SCALES[2]), 5);
  row(
    `read .xlsx: synthetic 100× template workbook (${kb(synthetic.bytes)}, ${synthetic.figures} figures)`,
    formatMs(synthetic.time),
    "< 1 s",
    synthetic.time.median < 1000
  );
}

async function formulas(): Promise<void> {
  const r = await recalculation(10);
  row(`recalculation, ${FORMULA_CELLS} native formulas (HyperFormula)`, formatMs(r.native));
  row(
    `recalculation, ${FORMULA_CELLS} UP.* formulas (HyperFormula)`,
    `${formatMs(r.up)}; ${formatRatio(r.ratio)} native`,
    "≤ 1.5 × native",
    r.ratio.median <= 1.5
  );
}

async function browser(dist: string): Promise<string | undefined> {
  if (!haveChromium()) {
    row(
      "first answer / pane start",
      `not measured: ${CHROMIUM} is missing`,
      "≤ 100 ms / ≤ 2 × blank + 300 ms"
    );
    return undefined;
  }
  const server = await serveStatic(dist, { pages: BENCH_PAGES });
  const base = server.origin;
  const chromium = await launchChromium();
  try {
    const expected = contribution(plan2024(), "Heerlen", 2025).toNumber();
    const first = await firstAnswer(chromium, base, 10);
    if (first.value !== expected) {
      throw new Error(`first answer: UP.CONTRIBUTION gave ${String(first.value)}, not ${expected}`);
    }
    row(
      "first answer: runtime.js loaded → UP.CONTRIBUTION result (Chromium)",
      `${formatMs(first.time)}; runtime.js loaded and run after ${formatMs(first.loaded)}`,
      "≤ 100 ms",
      first.time.median <= 100
    );
    const pane = await paneStart(chromium, base, 10);
    row("pane start: blank page served the same way", formatMs(pane.blank));
    const limit = 2 * pane.blank.median + 300;
    row(
      "pane start: taskpane.html → file button enabled",
      `${formatMs(pane.pane)}; ${formatRatio(pane.ratio)} blank`,
      `≤ 2 × blank + 300 ms (${limit.toFixed(0)} ms)`,
      pane.pane.median <= limit
    );
    return chromium.version();
  } finally {
    await chromium.close();
    await server.close();
  }
}

function table(): string {
  const lines = [
    "| figure | median (min–max) | budget | met |",
    "|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${r.measured} | ${r.budget} | ${r.met === undefined ? "—" : r.met ? "yes" : "**no**"} |`
    ),
  ];
  return lines.join("\n");
}

function machine(
  chromium: string | undefined,
  seconds: number,
  built: boolean,
  load: number[],
  loadAfter: number[]
): string {
  const cpu = cpus();
  return [
    `- date: ${new Date().toISOString().replace("T", " ").slice(0, 16)} UTC`,
    `- cpu: ${cpu[0]?.model ?? "unknown"}, ${cpu.length} cores`,
    `- memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- node ${process.version}; Chromium ${chromium ?? "not available"}`,
    `- load average (1, 5, 15 min) at the start: ${load.map((l) => l.toFixed(2)).join(", ")}; at the end: ${loadAfter.map((l) => l.toFixed(2)).join(", ")} (the machine is shared)`,
    `- the whole run, ${built ? "production build included" : "the tests' unchanged production build reused"}: ${seconds.toFixed(0)} s`,
  ].join("\n");
}

const METHOD = `## How each figure is measured

Times of work in the Node process (check, read, recalculation) are the process's CPU time
(user + system), so that other processes on the shared cores do not count; a garbage collection
runs before each timed run. Times in Chromium (first answer, pane start) are wall time, as a user
waits them, and so depend on the load shown above.

- **bundle**: gzip level 9 of the files of a production build (\`scripts/bench/bundleSize.ts\`, the
  same helper with which \`test/build/build.test.ts\` asserts these budgets in \`npm test\`).
  The functions path is runtime.js, everything the shared runtime runs before the functions
  register; the pane's initial JS is runtime.js and the chunk group the pane's lazy import loads at
  once (office.js, Office's own, not counted; ExcelJS loads only when a file is opened).
- **check**: \`checkPlan\` on a plan already in memory. The synthetic plans
  (\`scripts/bench/synthetic.ts\`) have the 2024 plan's shape with the roles, cost lines and
  municipalities multiplied by 1, 5, 10, 40 and the years by 1, 2, 10, 25; they are consistent
  (no errors), so every rule runs over every row. Their municipalities are synthetic names and
  are the plan's participants. Growth compares medians of consecutive sizes in the same run.
- **read .xlsx**: \`readPlanFromBuffer\` (ExcelJS, then the reader) from bytes in memory. The 100×
  workbook is the synthetic 100× plan written into the UP template (without its key components:
  the reader refuses component rows of municipalities that are not among the 16).
- **recalculation**: HyperFormula with the UP.* functions registered from the metadata generated
  from \`src/functions/functions.ts\` (\`test/functions/hyperformulaUp.ts\`), answering from the
  built-in plan. 2 500 rows × 4 formulas: \`UP.CONTRIBUTION(name; year)\`,
  \`UP.CONTRIBUTION(name; year+1)\`, \`UP.KEY(name; year)\`, \`UP.TOTAL(year)\`, against the same sheet
  with \`ROUND(INDEX/MATCH key × INDEX/MATCH total; 0)\`, \`IF(ISNUMBER(MATCH(year)); INDEX/MATCH key)\`
  and \`INDEX/MATCH total\`. All formulas read one year cell; a timed run changes it, so all
  10 000 are evaluated again. UP and native runs alternate; the ratio is taken per pair. Before
  timing, every UP cell is compared with its native twin (at most €1 apart: UP allocates by
  largest remainder, ROUND does not).
- **first answer**: a page loads the built runtime.js with office.js's two globals stood in for
  (outside Excel, so the built-in plan answers), then calls the associated CONTRIBUTION; time
  from inserting the script to the streamed result, which must equal the engine's answer.
- **pane start**: taskpane.html of the production build on 127.0.0.1 in headless Chromium, from
  navigation to the enabled "Excel-bestand kiezen…" button, against a blank page with such a
  button from the same server. A fresh browser context each run; runs alternate.
`;

const FINDINGS = `## What the budgets found

- **Recalculation** was 1.66× native (UP 471 ms, native 284 ms, wall time on a quiet moment)
  when each UP.CONTRIBUTION cell allocated the year's total over the 16 keys again
  (\`computedContributions\`, about 75 µs a call). \`src/functions/answers.ts\` now keeps the
  keys and each year's allocation per plan object (a changed workbook gives a new plan object);
  the same sheet then recalculates in 0.3–0.7× the native time.
- **Pane start** depends on the load of the shared machine more than any other figure: where
  Chromium's resource timings were read (quiet moments, 6 loads), office.js and the file it
  fetches take 60–100 ms, runtime.js runs at about 180 ms (it is deferred behind office.js),
  asks for the pane's two chunks at once, and React and Fluent parse and render in about 85 ms:
  265–340 ms in all, under the budget of about 400 ms. Under a load average above 10 on the
  2 cores that CPU-bound work takes 450 ms or more, while the blank page, which has none, stays
  near 50 ms. Starting the pane's import before \`Office.onReady\` would gain nothing: the chunks
  are already requested within a few milliseconds of runtime.js running.
- **First answer** varies with the machine the same way: 49 ms in the run above, 107 ms in a run
  minutes before on the same machine (both with load averages of 6–9), of which fetching,
  parsing and running runtime.js took 43 and 90 ms; the answer itself (the built-in plan built,
  the year allocated) takes under 20 ms. runtime.js also carries the reader and the workbook plan
  source (about a quarter of its source), which only Excel needs; loading them after the
  functions register would shorten this path, but in Excel the first answer needs them anyway.
- **Sizes**: runtime.js grew from 45 to 49 KB gzip while these benchmarks were written; the pane's
  initial JS (runtime.js included) is about 187 KB of its 200 KB.
`;

export async function main(): Promise<boolean> {
  const started = performance.now();
  const load = loadavg();
  console.log("production build …");
  const { dist, stats, built } = await build();
  sizes(dist, stats);
  await check2024();
  await checkScaling();
  await reading();
  await formulas();
  const chromium = await browser(dist);
  const seconds = (performance.now() - started) / 1000;
  const missed = rows.filter((r) => r.met === false);
  const doc = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (scripts/bench/); run it again to replace this file.",
    "",
    machine(chromium, seconds, built, load, loadavg()),
    "",
    table(),
    "",
    missed.length === 0
      ? "Every budget is met."
      : `Budgets missed: ${missed.map((r) => r.figure).join("; ")}.`,
    "",
    METHOD,
    FINDINGS,
  ].join("\n");
  writeFileSync(OUT, doc);
  console.log(
    `\n${table()}\n\n${missed.length === 0 ? "Every budget is met." : `${missed.length} budget(s) missed.`}`
  );
  console.log(`written to ${OUT} (${seconds.toFixed(0)} s)`);
  return missed.length > 0;
}
