import {
  cpuMs,
  formatMs,
  formatRatio,
  median,
  sample,
  time,
  timePair,
  timeRounds,
} from "../../scripts/bench/stats";

/** Keeps the CPU busy for about `ms` of CPU time: the clock the timings read. */
const busy = (ms: number) => () => {
  const end = cpuMs() + ms;
  while (cpuMs() < end);
};

test("cpuMs counts work, not waiting", async () => {
  const t0 = cpuMs();
  await new Promise((r) => setTimeout(r, 60));
  const waited = cpuMs() - t0;
  const t1 = cpuMs();
  busy(60)();
  expect(cpuMs() - t1).toBeGreaterThanOrEqual(60);
  expect(waited).toBeLessThan(30);
});

describe("median and spread", () => {
  test("the middle value, or the mean of the two middle values; order does not matter", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(RangeError);
  });

  test("a sample keeps its runs and their extremes", () => {
    const s = sample([12, 10, 30, 11]);
    expect(s).toEqual({ runs: [12, 10, 30, 11], median: 11.5, min: 10, max: 30 });
    expect(formatMs(s)).toBe("11.5 ms (10.0–30.0)");
    expect(formatRatio(sample([0.5, 0.25, 1]))).toBe("0.50× (0.25–1.00)");
  });
});

describe("timePair", () => {
  test("runs both sides the same number of times, alternating which goes first", async () => {
    const calls: string[] = [];
    await timePair(
      () => calls.push("a"),
      () => calls.push("b"),
      4,
      1
    );
    // One warm-up pair, then a-b, b-a, a-b, b-a.
    expect(calls.join("")).toBe("ab" + "ab" + "ba" + "ab" + "ba");
  });

  test("the ratio is a/b per pair: a side that works longer has a ratio above 1", async () => {
    const r = await timePair(busy(30), busy(5), 3, 0);
    expect(r.a.median).toBeGreaterThan(r.b.median);
    expect(r.ratio.runs).toHaveLength(3);
    r.ratio.runs.forEach((x, i) => expect(x).toBeCloseTo(r.a.runs[i] / r.b.runs[i], 10));
    expect(r.ratio.min).toBeGreaterThan(1);
  });
});

describe("timeRounds", () => {
  test("times every function once per round, in order, and gives each its ratio to the one before", async () => {
    const calls: number[] = [];
    const work = (ms: number, id: number) => () => {
      calls.push(id);
      busy(ms)();
    };
    const { samples, ratios } = await timeRounds([work(5, 0), work(25, 1)], 3, 1);
    expect(calls).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(samples.map((s) => s.runs.length)).toEqual([3, 3]);
    expect(ratios[0].runs).toEqual([1, 1, 1]);
    ratios[1].runs.forEach((x, r) =>
      expect(x).toBeCloseTo(samples[1].runs[r] / samples[0].runs[r], 10)
    );
    expect(ratios[1].min).toBeGreaterThan(1);
  });
});

test("time: each run is the mean of a batch of calls, after the warm-up calls", async () => {
  let calls = 0;
  const s = await time(() => calls++, 4, 3, 10);
  expect(calls).toBe(3 + 4 * 10);
  expect(s.runs).toHaveLength(4);
});
