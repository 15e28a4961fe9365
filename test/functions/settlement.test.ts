import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import * as UP from "../../src/functions/functions";
import { embeddedFeed, setPlanFeed } from "../../src/functions/planFeed";
import { hamilton, PUBLISHED_KEYS_BP } from "../support/hamilton";
import { Cell, ExcelError, installCustomFunctions, streamed, TestFeed } from "./support";

installCustomFunctions();
afterEach(() => setPlanFeed(embeddedFeed));
// The tests below ask for answers at once; how the first call waits for the code is tested first.
beforeAll(() => UP.loadOnFirstCallCode());

const ADVANCE_2025 = new Map(
  plan2024().contributions!.rows.map((r) => [r.municipality!, r.values.get(2025)!.value.toNumber()])
);

/** Final components: every municipality the same, except Heerlen with twice the young people. */
const COMPONENTS = [
  ["gemeente", "jongeren", "toekenningen", "declaraties"],
  ...MUNICIPALITIES.map((m) => [m, m === "Heerlen" ? 200 : 100, 10, 10]),
];

const settlement = (...args: unknown[]) => streamed<number>(UP.settlement, ...args);

describe("UP.SETTLEMENT's code loads on its first call", () => {
  /** functions.ts and its plan feed as the runtime starts them: the settlement code not loaded. */
  function freshRuntime() {
    let fresh: { UP: typeof UP; feed: typeof import("../../src/functions/planFeed") } | undefined;
    jest.isolateModules(() => {
      fresh = {
        UP: jest.requireActual("../../src/functions/functions"),
        feed: jest.requireActual("../../src/functions/planFeed"),
      };
    });
    return fresh as NonNullable<typeof fresh>;
  }
  const loaded = () => new Promise((done) => setTimeout(done, 0));
  const none = null as unknown as unknown[][];

  test("the first call answers once the code is there, later calls at once", async () => {
    const fresh = freshRuntime();
    const first = new Cell<number>();
    fresh.UP.settlement("Beek", 2025, 2250000, none, null, none, null, first as never);
    expect(first.results).toEqual([]);
    await loaded();
    expect(first.results).toEqual([
      streamed(UP.settlement, "Beek", 2025, 2250000, null, null, null),
    ]);
    const second = new Cell<number>();
    fresh.UP.settlement("Beek", 2025, 2250000, none, null, none, null, second as never);
    expect(second.results).toEqual(first.results);
    first.onCanceled?.();
    second.onCanceled?.();
  });

  test("a call cancelled while its code loads gives no answer and does not follow the plan", async () => {
    const fresh = freshRuntime();
    const feed = new TestFeed(plan2024());
    fresh.feed.setPlanFeed(feed);
    const cell = new Cell<number>();
    fresh.UP.settlement("Beek", 2025, 2250000, none, null, none, null, cell as never);
    cell.onCanceled?.();
    await loaded();
    expect(cell.results).toEqual([]);
    expect(feed.subscribers).toBe(0);
  });
});

describe("UP.SETTLEMENT on the built-in plan", () => {
  test("without components: the actual costs with the provisional key, minus the Tabel 6 advance", () => {
    const expected = hamilton(2250000n, [...PUBLISHED_KEYS_BP], MUNICIPALITIES);
    MUNICIPALITIES.forEach((m, i) => {
      expect(settlement(m, 2025, 2250000, null, null, null)).toBe(
        Number(expected[i]) - ADVANCE_2025.get(m)!
      );
      expect(settlement(m, 2025, 2250000, null, "sleutel", null)).toBe(0);
    });
  });

  test("the parts: advance, final, cost effect and key effect add up as they should", () => {
    for (const m of MUNICIPALITIES) {
      const part = (p: string) => settlement(m, "2025", "2.250.000", COMPONENTS, p, null) as number;
      expect(part("voorschot")).toBe(ADVANCE_2025.get(m));
      expect(part("definitief") - part("voorschot")).toBe(part("afrekening"));
      expect(part("kosten") + part("sleutel")).toBe(part("afrekening"));
      expect(part("settlement")).toBe(part("afrekening"));
      expect(part("key")).toBe(part("sleuteleffect"));
    }
    const finals = MUNICIPALITIES.map(
      (m) => settlement(m, 2025, 2250000, COMPONENTS, "final", null) as number
    );
    expect(finals.reduce((a, b) => a + b, 0)).toBe(2250000);
  });

  test("Heerlen's final key from the components: ¼(1/16 + 2/17 + 1/16 + 1/16)", () => {
    // The other 15: ¼(1/16 + 1/17 + 1/16 + 1/16); × 4 × 16 × 17 that is 3 × 17 + 16 × (2 or 1).
    const weights = MUNICIPALITIES.map((m) => BigInt(3 * 17 + 16 * (m === "Heerlen" ? 2 : 1)));
    const expected = hamilton(2250000n, weights, MUNICIPALITIES);
    const i = MUNICIPALITIES.indexOf("Heerlen");
    expect(settlement("Heerlen", 2025, 2250000, COMPONENTS, "definitief", null)).toBe(
      Number(expected[i])
    );
  });

  test("weights given for the components change the final key", () => {
    const a = settlement("Heerlen", 2025, 2250000, COMPONENTS, "definitief", null);
    const b = settlement("Heerlen", 2025, 2250000, COMPONENTS, "definitief", [[0, 100, 0, 0]]);
    // All weight on the young people: Heerlen 200 of 1.700.
    const onYouth = hamilton(
      2250000n,
      MUNICIPALITIES.map((m) => (m === "Heerlen" ? 2n : 1n)),
      MUNICIPALITIES
    );
    expect(b).toBe(Number(onYouth[MUNICIPALITIES.indexOf("Heerlen")]));
    expect(b).not.toBe(a);
  });

  test("a key column instead of components", () => {
    const keys = [["gemeente", "sleutel"], ...MUNICIPALITIES.map((m) => [m, "6,25%"])];
    expect(settlement("Vaals", 2025, 2250000, keys, "definitief", null)).toBe(140625);
  });

  test("answers again when the plan changes", () => {
    const feed = new TestFeed(plan2024());
    setPlanFeed(feed);
    const cell = new Cell<number>();
    UP.settlement(
      "Beek",
      2025,
      2250000,
      null as unknown as unknown[][],
      null,
      null as unknown as unknown[][],
      null,
      cell as never
    );
    const changed = plan2024();
    changed.contributions!.rows[0].values.get(2025)!.value = changed
      .contributions!.rows[0].values.get(2025)!
      .value.plus(1000);
    feed.set(changed);
    expect(cell.results).toHaveLength(2);
    expect((cell.results[0] as number) - (cell.results[1] as number)).toBe(1000);
    cell.onCanceled?.();
  });
});

describe("UP.SETTLEMENT's errors", () => {
  const error = (result: unknown) => {
    expect(result).toBeInstanceOf(ExcelError);
    return { code: (result as ExcelError).code, message: (result as ExcelError).message };
  };

  test("a part that does not exist", () => {
    expect(error(settlement("Beek", 2025, 1000, null, "rente", null))).toEqual({
      code: "#VALUE!",
      message:
        "Argument deel: 'rente' kan niet: kies afrekening, voorschot, definitief, kosten of sleutel",
    });
  });
});
