/*
 * Repeated timings on a shared, noisy machine: the median says how fast, min–max how noisy.
 * Comparisons are ratios of runs interleaved in the same process, so both sides see the same
 * noise. Work in this process is timed in CPU time (user + system), not wall time: with other
 * processes on the same two cores, wall time measures the scheduler as much as the code.
 */

/** Milliseconds of CPU this process has used. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface Sample {
  /** Milliseconds per run. */
  runs: number[];
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function sample(runs: readonly number[]): Sample {
  return {
    runs: [...runs],
    median: median(runs),
    min: Math.min(...runs),
    max: Math.max(...runs),
  };
}

/** Milliseconds from some fixed point: `cpuMs` for the benchmarks; a test can count its own. */
export type Clock = () => number;

/**
 * A young-generation collection before a timed run (with `node --expose-gc`), so no run pays for
 * another's garbage. Not a full one: V8 throws optimised code away in a forced full collection,
 * and the run after it timed recompiling (a warm check of the 2024 plan 2,9 ms instead of 1,2).
 */
function collect(): void {
  (globalThis as { gc?: (options?: { type: "minor" | "major" }) => void }).gc?.({
    type: "minor",
  });
}

/**
 * The time of one call, averaged over `batch` calls in a row: a run of a millisecond is
 * otherwise at the mercy of the scheduler on a loaded machine.
 */
async function timed(fn: () => unknown, batch: number, clock: Clock): Promise<number> {
  collect();
  const t0 = clock();
  for (let b = 0; b < batch; b++) await fn();
  return (clock() - t0) / batch;
}

/** Times `fn` `runs` times (each the mean of `batch` calls) after `warmup` untimed calls. */
export async function time(
  fn: () => unknown,
  runs: number,
  warmup = 1,
  batch = 1
): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await timed(fn, batch, cpuMs));
  return sample(out);
}

/**
 * Times `a` and `b` alternately, `runs` pairs; the ratio sample holds a/b per pair, so a
 * burst of load from another process hits both sides of the same pair.
 */
export async function timePair(
  a: () => unknown,
  b: () => unknown,
  runs: number,
  warmup = 1,
  clock: Clock = cpuMs
): Promise<{ a: Sample; b: Sample; ratio: Sample }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate who goes first: a warm cache after the other side must not favour one.
    const order = i % 2 === 0 ? [a, b] : [b, a];
    const times: number[] = [];
    for (const fn of order) times.push(await timed(fn, 1, clock));
    ta.push(i % 2 === 0 ? times[0] : times[1]);
    tb.push(i % 2 === 0 ? times[1] : times[0]);
  }
  return { a: sample(ta), b: sample(tb), ratio: sample(ta.map((t, i) => t / tb[i])) };
}

/**
 * Times each of `fns` once per round (the mean of `batches[i]` calls), `rounds` times, so that a burst of load from another
 * process falls on every size alike; `ratios[i]` holds time(i) / time(i - 1) per round.
 */
export async function timeRounds(
  fns: readonly (() => unknown)[],
  rounds: number,
  warmup = 1,
  batches: readonly number[] = fns.map(() => 1),
  clock: Clock = cpuMs
): Promise<{ samples: Sample[]; ratios: Sample[] }> {
  for (let w = 0; w < warmup; w++) for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, fn] of fns.entries()) times[i].push(await timed(fn, batches[i], clock));
  }
  return {
    samples: times.map(sample),
    ratios: times.map((t, i) =>
      sample(i === 0 ? t.map(() => 1) : t.map((x, r) => x / times[i - 1][r]))
    ),
  };
}

/** "12.3 ms (11.9–14.0)": the median, then the fastest and slowest run. */
export function formatMs(s: Sample, digits = 1): string {
  return `${s.median.toFixed(digits)} ms (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** "0.29× (0.21–0.32)" */
export function formatRatio(s: Sample): string {
  return `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}
