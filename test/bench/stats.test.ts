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
const busy = (ms: number) => {
  const end = cpuMs() + ms;
  while (cpuMs() < end);
};

test("cpuMs is the process's user and system time in milliseconds", () => {
  // Not asserted on a real wait: in a jest worker other threads burn CPU while one test sleeps.
  const usage = jest.spyOn(process, "cpuUsage").mockReturnValue({ user: 1500, system: 500 });
  try {
    expect(cpuMs()).toBe(2);
  } finally {
    usage.mockRestore();
  }
  const t1 = cpuMs();
  busy(20);
  expect(cpuMs() - t1).toBeGreaterThanOrEqual(20);
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

  test("the ratio is a/b per pair, from the times the clock gives each side", async () => {
    // A clock of our own: real CPU time under parallel jest workers is too noisy to assert on.
    let now = 0;
    const clock = () => now;
    const aWork = [30, 60, 90];
    let aCalls = 0;
    const a = () => {
      now += aWork[aCalls++ % aWork.length];
    };
    const b = () => {
      now += 10;
    };
    const r = await timePair(a, b, 3, 0, clock);
    expect(r.a.runs).toEqual([30, 60, 90]);
    expect(r.b.runs).toEqual([10, 10, 10]);
    expect(r.ratio.runs).toEqual([3, 6, 9]);
    expect(r.ratio.median).toBe(6);
  });
});

describe("timeRounds", () => {
  test("times every function once per round, in order, and gives each its ratio to the one before", async () => {
    let now = 0;
    const calls: number[] = [];
    const work = (ms: number, id: number) => () => {
      calls.push(id);
      now += ms;
    };
    const { samples, ratios } = await timeRounds(
      [work(5, 0), work(25, 1)],
      3,
      1,
      [1, 1],
      () => now
    );
    expect(calls).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(samples.map((s) => s.runs)).toEqual([
      [5, 5, 5],
      [25, 25, 25],
    ]);
    expect(ratios.map((s) => s.runs)).toEqual([
      [1, 1, 1],
      [5, 5, 5],
    ]);
  });

  test("a run is the mean of its batch of calls", async () => {
    let now = 0;
    const { samples } = await timeRounds([() => (now += 2)], 2, 0, [4], () => now);
    expect(samples[0].runs).toEqual([2, 2]);
  });
});

test("time: each run is the mean of a batch of calls, after the warm-up calls", async () => {
  let calls = 0;
  const s = await time(() => calls++, 4, 3, 10);
  expect(calls).toBe(3 + 4 * 10);
  expect(s.runs).toHaveLength(4);
});
