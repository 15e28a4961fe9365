import { D } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { settle } from "../../src/core/settle";
import * as UP from "../../src/functions/functions";
import { embeddedFeed, setPlanFeed } from "../../src/functions/planFeed";
import { mergedPlan } from "../support/poolsPlan";
import { ExcelError, installCustomFunctions, streamed, TestFeed } from "./support";

installCustomFunctions();
afterEach(() => setPlanFeed(embeddedFeed));

const contribution = (...args: unknown[]) => streamed<number>(UP.contribution, ...args);

describe("UP.CONTRIBUTION with a cost pool", () => {
  beforeEach(() => setPlanFeed(new TestFeed(mergedPlan())));

  test("a pool by name, case-insensitively; without one the total over the pools", () => {
    // Heerlen 2024: 322.805 (purchasing, 40,10% of 805.000) + 158.037,91 (policy, cents).
    expect(contribution("Heerlen", 2024, null, "verwerving")).toBe(322805);
    expect(contribution("Heerlen", 2024, null, " BELEID ")).toBe(158037.91);
    expect(contribution("Heerlen", 2024, null, null)).toBe(480842.91);
    expect(contribution("Heerlen", 2024, null, "")).toBe(480842.91);
    expect(contribution("heerlen", "2025", "berekend", "Beleid")).toBe(162794.51);
  });

  test("stated: the amounts of the pool's own Tabel 6, or their sum", () => {
    expect(contribution("Maastricht", 2024, "vermeld", "verwerving")).toBe(268307);
    expect(contribution("Maastricht", 2024, "vermeld", "beleid")).toBe(200246.79);
    expect(contribution("Maastricht", 2024, "stated", null)).toBe(468553.79);
  });

  test("a pool the plan does not have is #VALUE! naming the pools there are", () => {
    const e = contribution("Heerlen", 2024, null, "overhead") as ExcelError;
    expect(e).toBeInstanceOf(ExcelError);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      'Argument pool: Kostenpool "overhead" bestaat niet in dit plan; er zijn: verwerving, beleid'
    );
    const n = contribution("Heerlen", 2024, null, 2) as ExcelError;
    expect([n.code, n.message]).toEqual(["#VALUE!", "Argument pool: 2 is geen tekst"]);
  });

  test("an unknown municipality is still the municipality's error, not the pool's", () => {
    const e = contribution("Heerle", 2024, null, "beleid") as ExcelError;
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      "Onbekende gemeente 'Heerle' — bedoelt u Heerlen?",
    ]);
  });
});

describe("UP.CONTRIBUTION on a plan with one pool", () => {
  test("answers as before without a pool; a named pool is #VALUE!", () => {
    setPlanFeed(new TestFeed(plan2024()));
    expect(contribution("Heerlen", 2025, null, null)).toBe(261356);
    const e = contribution("Heerlen", 2025, null, "beleid") as ExcelError;
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      'Argument pool: Dit plan heeft één kostenpool; kostenpool "beleid" bestaat niet',
    ]);
  });
});

describe("UP.KEY and UP.TOTAL with a cost pool", () => {
  const key = (...args: unknown[]) => streamed<number>(UP.key, ...args);
  const total = (...args: unknown[]) => streamed<number>(UP.total, ...args);

  test("a plan of one pool answers as before without a pool; a named pool is #VALUE!", () => {
    setPlanFeed(new TestFeed(plan2024()));
    expect(key("Heerlen", null, null)).toBeCloseTo(0.1197, 12);
    expect(total(2025, null, null)).toBe(2183425);
    for (const e of [key("Heerlen", null, "beleid"), total(2025, null, "beleid")] as ExcelError[]) {
      expect([e.code, e.message]).toEqual([
        "#VALUE!",
        'Argument pool: Dit plan heeft één kostenpool; kostenpool "beleid" bestaat niet',
      ]);
    }
  });

  test("a merged plan: each pool's total, their sum without a pool; a key only of a pool named", () => {
    setPlanFeed(new TestFeed(mergedPlan()));
    // 2025: purchasing Tabel 4 980.000, policy budget 425.018,37 (cents).
    expect(total(2025, null, "verwerving")).toBe(980000);
    expect(total(2025, "totaal", "Beleid")).toBe(425018.37);
    expect(total(2025, null, null)).toBe(1405018.37);
    expect(key("Heerlen", 2024, "verwerving")).toBeCloseTo(0.401, 12);
    const e = key("Heerlen", 2024, null) as ExcelError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Kies een kostenpool: dit plan heeft 2 kostenpools/);
  });
});

describe("UP.CHANGE with a cost pool", () => {
  const change = (...args: unknown[]) => streamed<number>(UP.change, ...args);
  beforeAll(() => UP.loadOnFirstCallCode());
  /** An answer that must be a number: a #VALUE! here fails the test with its message. */
  const euros = (answer: number | ExcelError): number => {
    if (answer instanceof ExcelError) throw new Error(`${answer.code} ${answer.message}`);
    return answer;
  };

  test("each pool's change; without a pool the change over the pools, their sum exactly", () => {
    const plan = mergedPlan();
    setPlanFeed(new TestFeed(plan));
    for (const m of plan.municipalities) {
      for (const source of [null, "vermeld"]) {
        const policy = euros(change(m, 2024, 2025, null, source, "beleid"));
        const purchasing = euros(change(m, 2024, 2025, null, source, "Verwerving"));
        const both = euros(change(m, 2024, 2025, null, source, null));
        // Counted in cents: the policy pool has them, a double's sum may not.
        expect(Math.round(policy * 100) + Math.round(purchasing * 100)).toBe(
          Math.round(both * 100)
        );
      }
    }
    // Heerlen's policy contribution 2024 → 2025: 158.037,91 → 162.794,51.
    expect(change("Heerlen", 2024, 2025, null, null, "beleid")).toBeCloseTo(4756.6, 10);
  });

  test("a pool's total and key effect add up to its change", () => {
    setPlanFeed(new TestFeed(mergedPlan()));
    for (const pool of ["beleid", "verwerving"]) {
      const part = (p: string) => euros(change("Maastricht", 2024, 2025, p, null, pool));
      expect(Math.round(part("totaal") * 100) + Math.round(part("sleutel") * 100)).toBe(
        Math.round(part("verschil") * 100)
      );
    }
  });

  test("a plan of one pool answers as before without a pool; a named pool is #VALUE!", () => {
    setPlanFeed(new TestFeed(plan2024()));
    expect(change("Heerlen", 2024, 2025, null, null, null)).toBe(
      euros(contribution("Heerlen", 2025, null, null)) -
        euros(contribution("Heerlen", 2024, null, null))
    );
    const e = change("Heerlen", 2024, 2025, null, null, "beleid") as ExcelError;
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      'Argument pool: Dit plan heeft één kostenpool; kostenpool "beleid" bestaat niet',
    ]);
  });
});

describe("UP.SETTLEMENT with a cost pool", () => {
  const settlement = (...args: unknown[]) => streamed<number>(UP.settlement, ...args);

  test("settles the pool named against its own advances; a cent pool to the cent", async () => {
    const plan = mergedPlan();
    setPlanFeed(new TestFeed(plan));
    await UP.loadOnFirstCallCode();
    const policy = plan.pools!.find((p) => p.name === "beleid")!.plan;
    const expected = settle(policy, 2025, new D("500000"), undefined, { unit: new D("0.01") });
    for (const row of expected.rows) {
      const answer = settlement(row.municipality, 2025, 500000, null, null, null, "Beleid");
      expect(answer).toBe(row.settlement.toNumber());
    }
    // The final contributions, to the cent, add up to the actual costs exactly.
    const finals = expected.rows.map((r) =>
      Math.round(
        (settlement(r.municipality, 2025, 500000, null, "definitief", null, "beleid") as number) *
          100
      )
    );
    expect(finals.reduce((a, b) => a + b, 0)).toBe(50000000);
    expect(finals.some((c) => c % 100 !== 0)).toBe(true);
  });

  test("a merged plan without a pool is #VALUE! asking for one; a plan of one pool answers as before", async () => {
    setPlanFeed(new TestFeed(mergedPlan()));
    await UP.loadOnFirstCallCode();
    const e = settlement("Heerlen", 2025, 500000, null, null, null, null) as ExcelError;
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      "Kies een kostenpool: dit plan heeft 2 kostenpools (verwerving, beleid), elk met eigen werkelijke kosten en sleutel",
    ]);
    setPlanFeed(new TestFeed(plan2024()));
    expect(settlement("Heerlen", 2025, 2250000, null, null, null, null)).toBe(
      settle(plan2024(), 2025, new D(2250000))
        .rows.find((r) => r.municipality === "Heerlen")!
        .settlement.toNumber()
    );
  });
});
