import Decimal from "decimal.js";
import fc from "fast-check";
import { allocate } from "../../src/core/allocate";
import { readComponentTable } from "../../src/reader/componentTable";
import { DEFAULT_WEIGHTS } from "../../src/core/distributionKey";
import { PlanInputError } from "../../src/core/errors";
import { explainSettlement } from "../../src/core/explainSettlement";
import { Figure, Plan, YearFigures } from "../../src/core/model";
import { D, sum } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import {
  finalKeyFromComponents,
  finalKeyFromTable,
  finalKeyOf,
  settle,
  settleAmounts,
  Settlement,
} from "../../src/core/settle";

const fig = (v: Decimal.Value): Figure => ({ value: new D(v) });

/** A plan with Tabel 6 keys (percent) and amounts of one year, and Tabel 4 totals. */
function makePlan(
  keys: Record<string, Decimal.Value>,
  advances: Record<string, Decimal.Value>,
  year = 2025
): Plan {
  const names = Object.keys(keys);
  const total = sum(Object.values(advances).map((a) => new D(a)));
  const oneYear = (v: Decimal.Value): YearFigures => new Map([[year, fig(v)]]);
  return {
    title: "Uitvoeringsplan test",
    source: { kind: "workbook", name: "test.xlsx", tables: {} },
    municipalities: names,
    totals: {
      years: [year],
      staffYouth: { label: "formatiekosten jeugd", values: oneYear(total) },
      materialYouth: { label: "materiele kosten jeugd", values: new Map() },
      total: { label: "totaal", values: oneYear(total) },
    },
    contributions: {
      years: [year],
      rows: names.map((m, i) => ({
        label: m,
        labelCell: { sheet: "Tabel 6", address: `A${i + 2}` },
        municipality: m,
        key: { value: new D(keys[m]).div(100), decimals: 2 },
        values: oneYear(advances[m]),
      })),
      total: { label: "totaal", values: oneYear(total) },
    },
  };
}

const numbers = (
  s: Settlement,
  part: "advance" | "final" | "settlement" | "costEffect" | "keyEffect"
) => Object.fromEntries(s.rows.map((r) => [r.municipality, r[part].toNumber()]));

/** Per municipality: advance, final, settlement, cost effect, key effect. */
const table = (s: Settlement) =>
  Object.fromEntries(
    s.rows.map((r) => [
      r.municipality,
      [r.advance, r.final, r.settlement, r.costEffect, r.keyEffect].map((d) => d.toNumber()),
    ])
  );

describe("four municipalities, computed by hand", () => {
  // Provisional key 12,5 / 45,25 / 17,5 / 24,75%; advances = that key × € 800.000.
  const plan = makePlan(
    { Beek: "12.5", Heerlen: "45.25", Stein: "17.5", Vaals: "24.75" },
    { Beek: 100000, Heerlen: 362000, Stein: 140000, Vaals: 198000 }
  );
  // Final components: shares jongeren 10/40/20/30%, toekenningen 15/60/10/15%, declaraties
  // 20/50/10/20%; with the equal share 25% each and weights 25/25/25/25 the key is
  // Beek ¼(25+10+15+20) = 17,5%, Heerlen ¼(25+40+60+50) = 43,75%, Stein 16,25%, Vaals 22,5%.
  const components = readComponentTable([
    ["gemeente", "jongeren", "toekenningen", "declaraties"],
    ["Beek", 1000, 150, 80],
    ["Heerlen", 4000, 600, 200],
    ["Stein", 2000, 100, 40],
    ["Vaals", 3000, 150, 80],
  ]);
  const finalKey = finalKeyFromComponents(components.rows, DEFAULT_WEIGHTS);

  test("the final key is the components' key", () => {
    expect(Object.fromEntries([...finalKey.key].map(([m, k]) => [m, k.toNumber()]))).toEqual({
      Beek: 0.175,
      Heerlen: 0.4375,
      Stein: 0.1625,
      Vaals: 0.225,
    });
  });

  test("actual € 812.347 with the final key: every part by hand", () => {
    const s = settle(plan, 2025, new D(812347), finalKey);
    // With the provisional key: 101.543,375 / 367.587,0175 / 142.160,725 / 201.055,8825; floors
    // add up to 812.345, the 2 euros left go to Vaals (,8825) and Stein (,725).
    // With the final key: 142.160,725 / 355.401,8125 / 132.006,3875 / 182.778,075; the 2 euros
    // go to Heerlen (,8125) and Beek (,725).
    // advance, final, settlement, cost effect, key effect
    expect(table(s)).toEqual({
      Beek: [100000, 142161, 42161, 1543, 40618],
      Heerlen: [362000, 355402, -6598, 5587, -12185],
      Stein: [140000, 132006, -7994, 2161, -10155],
      Vaals: [198000, 182778, -15222, 3056, -18278],
    });
    expect(s.advanceTotal.toNumber()).toBe(800000);
    expect(s.totals.final.toNumber()).toBe(812347);
    expect(s.totals.settlement.toNumber()).toBe(12347);
    expect(s.totals.costEffect.toNumber()).toBe(12347);
    expect(s.totals.keyEffect.toNumber()).toBe(0);
    expect(s.finalKeySource).toBe("components");
    expect(s.unit.toNumber()).toBe(1);
  });

  test("without a final key: the provisional key, no key effect", () => {
    const s = settle(plan, 2025, new D(812347));
    expect(numbers(s, "final")).toEqual({
      Beek: 101543,
      Heerlen: 367587,
      Stein: 142161,
      Vaals: 201056,
    });
    expect(numbers(s, "settlement")).toEqual(numbers(s, "costEffect"));
    expect(s.rows.every((r) => r.keyEffect.isZero())).toBe(true);
    expect(s.finalKeySource).toBe("provisional");
  });

  test("the explanation says what each pays or gets back, and why, in figures that add up", () => {
    const text = new Map(
      explainSettlement(settle(plan, 2025, new D(812347), finalKey)).map((e) => [
        e.municipality,
        e.text,
      ])
    );
    expect(text.get("Beek")!.nl).toBe(
      "Beek betaalt € 42.161 bij: € 1.543 doordat de werkelijke kosten hoger waren, € 40.618 doordat de definitieve sleutel hoger is (17,50% in plaats van 12,50%)."
    );
    expect(text.get("Heerlen")!.nl).toBe(
      "Heerlen krijgt € 6.598 terug: € 5.587 bij doordat de werkelijke kosten hoger waren, € 12.185 doordat de definitieve sleutel lager is (43,75% in plaats van 45,25%)."
    );
    expect(text.get("Heerlen")!.en).toBe(
      "Heerlen gets €6,598 back: €5,587 more because the actual costs were higher, €12,185 because the final key is lower (43.75% instead of 45.25%)."
    );
  });

  test("actual costs lower than the advances: a refund from the cost effect", () => {
    const s = settle(plan, 2025, new D(760000));
    // 12,5% × 760.000 = 95.000 exactly, and so on: no remainders.
    expect(numbers(s, "settlement")).toEqual({
      Beek: -5000,
      Heerlen: -18100,
      Stein: -7000,
      Vaals: -9900,
    });
    const beek = explainSettlement(s).find((e) => e.municipality === "Beek")!;
    expect(beek.text.nl).toBe(
      "Beek krijgt € 5.000 terug, doordat de werkelijke kosten lager waren."
    );
  });

  test("a key table (percentages) as the final key gives the same as its components", () => {
    const table = readComponentTable([
      ["gemeente", "sleutel"],
      ["Beek", "17,5%"],
      ["Heerlen", "43,75%"],
      ["Stein", "16,25%"],
      ["Vaals", "22,5%"],
    ]);
    const fromTable = finalKeyOf(table);
    expect(fromTable.source).toBe("table");
    expect(numbers(settle(plan, 2025, new D(812347), fromTable), "final")).toEqual(
      numbers(settle(plan, 2025, new D(812347), finalKey), "final")
    );
  });
});

describe("the final key's sources", () => {
  const rows = (keys: Record<string, Decimal.Value>) =>
    Object.entries(keys).map(([municipality, k]) => ({
      municipality,
      values: new Map([["sleutel", new D(k)]]),
    }));

  test("keys shown rounded that miss 100% within rounding are used in proportion, and said so", () => {
    const k = finalKeyFromTable(
      rows({ Beek: "0.3333", Stein: "0.3333", Vaals: "0.3333" }),
      "sleutel"
    );
    expect(k.notes.map((n) => n.nl)).toEqual([
      "De definitieve sleutels tellen door afronding op tot 99,9900%: de kosten zijn naar verhouding verdeeld",
    ]);
  });

  test("percent points without % are read as percentages", () => {
    const k = finalKeyFromTable(rows({ Beek: 25, Stein: 75 }), "sleutel");
    expect(k.key.get("Stein")!.toNumber()).toBe(0.75);
    expect(k.notes[0].nl).toContain("procentpunten");
  });

  test("keys that do not add up to 100% are refused with the sum", () => {
    expect(() => finalKeyFromTable(rows({ Beek: "0.5", Stein: "0.4" }), "sleutel")).toThrow(
      "The final keys add up to 90.0000%, not 100%"
    );
  });

  test("without weights: the plan's own weights for the same components", () => {
    const plan = plan2024();
    plan.keyComponents = {
      components: ["jongeren", "toekenningen", "declaraties"],
      rows: [],
      weights: new Map([
        ["gelijk", new D(40)],
        ["jongeren", new D(20)],
        ["toekenningen", new D(20)],
        ["declaraties", new D(20)],
      ]),
    };
    const table = readComponentTable([
      ["gemeente", "jongeren", "toekenningen", "declaraties"],
      ...MUNICIPALITIES.map((m, i) => [m, 100 + i, 10, 10]),
    ]);
    expect(finalKeyOf(table, undefined, plan).weights!.get("gelijk")!.toNumber()).toBe(40);
    expect(finalKeyOf(table).weights!.get("gelijk")!.toNumber()).toBe(25);
  });

  test("other components without weights are refused, naming them", () => {
    const table = readComponentTable([
      ["gemeente", "inwoners", "budget"],
      ["Beek", 1, 2],
    ]);
    expect(() => finalKeyOf(table)).toThrow(
      "The components are inwoners, budget; give the weights"
    );
  });
});

describe("bad input is refused with the reason", () => {
  const plan = makePlan({ Beek: 50, Stein: 50 }, { Beek: 500, Stein: 500 });
  /** € 1.000 settled with a final key table of these keys. */
  const settleWith = (keys: Record<string, Decimal.Value>) =>
    settle(
      plan,
      2025,
      new D(1000),
      finalKeyFromTable(
        Object.entries(keys).map(([municipality, k]) => ({
          municipality,
          values: new Map([["sleutel", new D(k)]]),
        })),
        "sleutel"
      )
    );
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof PlanInputError) return e.nl;
      throw e;
    }
    throw new Error("no error");
  };

  test.each([
    [
      "a year without advances",
      () => settle(plan, 2030, new D(1000)),
      "Jaar 2030 staat niet in Tabel 6 (wel: 2025)",
    ],
    [
      "negative actual costs",
      () => settle(plan, 2025, new D(-1)),
      "De werkelijke kosten zijn -€ 1: geef een bedrag van € 0 of meer",
    ],
    [
      "actual costs with tenths of cents",
      () => settle(plan, 2025, new D("10.005")),
      "hebben meer dan 2 decimalen",
    ],
    [
      "cents in euros",
      () => settle(plan, 2025, new D("1000.5"), undefined, { unit: new D(1) }),
      "zijn geen hele euro's",
    ],
    [
      "a final key without a municipality",
      () => settleWith({ Beek: 1 }),
      "De definitieve sleutel mist Stein: elke gemeente met een voorschot heeft een sleutel nodig (1 van de 2 gemeenten gegeven)",
    ],
    [
      "a final key with a municipality that has no advance",
      () => settleWith({ Beek: new D(1).div(3), Stein: new D(1).div(3), Vaals: new D(1).div(3) }),
      "De definitieve sleutel noemt Vaals, maar Tabel 6 geeft daarvoor geen voorschot",
    ],
  ])("%s", (_what, run, expected) => {
    expect(message(run)).toContain(expected);
  });

  test("a participating municipality without a Tabel 6 row", () => {
    const p = makePlan({ Beek: 50, Stein: 50 }, { Beek: 500, Stein: 500 });
    p.municipalities.push("Vaals");
    expect(message(() => settle(p, 2025, new D(1000)))).toContain(
      "Tabel 6 geeft geen voorschot 2025 voor Vaals"
    );
  });
});

test("the built-in plan, 2025, € 2.250.000: 16 rows, Tabel 6 advances, finals add up exactly", () => {
  const plan = plan2024();
  const s = settle(plan, 2025, new D(2250000));
  expect(s.rows).toHaveLength(16);
  const t6 = new Map(
    plan.contributions!.rows.map((r) => [r.municipality, r.values.get(2025)!.value])
  );
  for (const r of s.rows) expect(r.advance.eq(t6.get(r.municipality)!)).toBe(true);
  expect(s.totals.final.toNumber()).toBe(2250000);
  expect(s.totals.settlement.eq(new D(2250000).minus(s.advanceTotal))).toBe(true);
});

/*
 * Properties over random pools: 1–16 municipalities, keys of any size, advances the
 * provisional allocation of a total (then changed by a few units, as published tables are),
 * whole euros or cents.
 */
interface PoolSpec {
  n: number;
  cents: boolean;
  total: number;
  actual: number;
  seed: number[];
  drift: number[];
}

const poolArb: fc.Arbitrary<PoolSpec> = fc
  .record({
    n: fc.integer({ min: 1, max: 16 }),
    cents: fc.boolean(),
    total: fc.integer({ min: 0, max: 50_000_000 }),
    actual: fc.integer({ min: 0, max: 60_000_000 }),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 32, maxLength: 32 }),
    drift: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 16, maxLength: 16 }),
  })
  .filter(
    (r) => r.seed.slice(0, r.n).some((x) => x > 0) && r.seed.slice(16, 16 + r.n).some((x) => x > 0)
  );

function poolOf(r: PoolSpec, drifted: boolean) {
  const names = MUNICIPALITIES.slice(0, r.n);
  const unit = new D(r.cents ? "0.01" : 1);
  const provisionalKey = new Map(names.map((m, i) => [m, new D(r.seed[i])]));
  const amounts = allocate(
    new D(r.total).times(unit),
    names.map((m) => ({ id: m, key: provisionalKey.get(m)! })),
    unit
  );
  const advances = new Map(
    names.map((m, i) => {
      const a = amounts[i].plus(drifted ? unit.times(r.drift[i]) : 0);
      return [m, a.isNegative() ? new D(0) : a];
    })
  );
  const finalKey = {
    key: new Map(names.map((m, i) => [m, new D(r.seed[16 + i])])),
    source: "table" as const,
    notes: [],
  };
  return {
    pool: { advances, provisionalKey, unit },
    finalKey,
    actual: new D(r.actual).times(unit),
  };
}

test("property: settlements add up to actual − advances, finals to actual, each row's parts to its settlement", () => {
  fc.assert(
    fc.property(poolArb, fc.boolean(), (r, withFinal) => {
      const { pool, finalKey, actual } = poolOf(r, true);
      const s = settleAmounts(pool, actual, withFinal ? finalKey : undefined);
      expect(s.totals.final.eq(actual)).toBe(true);
      expect(s.totals.settlement.eq(actual.minus(sum(pool.advances.values())))).toBe(true);
      for (const row of s.rows) {
        expect(row.costEffect.plus(row.keyEffect).eq(row.settlement)).toBe(true);
        expect(row.settlement.eq(row.final.minus(row.advance))).toBe(true);
        expect(row.final.div(s.unit).isInteger()).toBe(true);
      }
      expect(s.totals.keyEffect.isZero()).toBe(true);
    }),
    { numRuns: 300 }
  );
});

test("property: no final key → key effect 0 everywhere", () => {
  fc.assert(
    fc.property(poolArb, (r) => {
      const { pool, actual } = poolOf(r, true);
      const s = settleAmounts(pool, actual);
      expect(s.rows.every((row) => row.keyEffect.isZero())).toBe(true);
      expect(s.rows.every((row) => row.settlement.eq(row.costEffect))).toBe(true);
    }),
    { numRuns: 200 }
  );
});

test("property: actual costs equal to the advances → cost effect 0 everywhere, whatever the final key", () => {
  fc.assert(
    fc.property(poolArb, fc.boolean(), (r, withFinal) => {
      const { pool, finalKey } = poolOf(r, false);
      const s = settleAmounts(pool, sum(pool.advances.values()), withFinal ? finalKey : undefined);
      expect(s.rows.every((row) => row.costEffect.isZero())).toBe(true);
      expect(s.rows.every((row) => row.settlement.eq(row.keyEffect))).toBe(true);
    }),
    { numRuns: 200 }
  );
});

test("property: the explanation's figures are the row's parts and add up to the headline", () => {
  fc.assert(
    fc.property(poolArb, (r) => {
      const { pool, finalKey, actual } = poolOf(r, true);
      const s = settleAmounts(pool, actual, finalKey);
      const rows = byNameOf(s.rows);
      for (const e of explainSettlement(s)) {
        const row = rows.get(e.municipality)!;
        const amounts = [...e.text.nl.matchAll(/€ ([\d.]+(?:,\d\d)?)( bij| terug)?/g)].map((m) => ({
          value: new D(m[1].replace(/\./g, "").replace(",", ".")),
          way: m[2],
        }));
        if (row.costEffect.isZero() && row.keyEffect.isZero()) continue;
        const [head, ...rest] = amounts;
        const parts = row.settlement.isZero() ? amounts : rest;
        const sign = (p: { value: Decimal; way?: string }, dflt: number) =>
          p.way === " bij" ? 1 : p.way === " terug" ? -1 : dflt;
        const headSign = row.settlement.isZero() ? 0 : row.settlement.isPositive() ? 1 : -1;
        const partsSum = sum(parts.map((p) => p.value.times(sign(p, headSign))));
        if (parts.length === 0) {
          // One cause only: the headline is its amount.
          expect([row.costEffect, row.keyEffect].filter((x) => !x.isZero())).toEqual([
            row.settlement,
          ]);
        } else if (headSign === 0) {
          expect(partsSum.isZero()).toBe(true);
        } else {
          expect(head.value.eq(row.settlement.abs())).toBe(true);
          expect(partsSum.eq(row.settlement)).toBe(true);
        }
      }
    }),
    { numRuns: 150 }
  );
});

function byNameOf<T extends { municipality: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.municipality, r]));
}
