import Decimal from "decimal.js";
import fc from "fast-check";
import { allocate } from "../../src/core/allocate";
import { distributionKey } from "../../src/core/distributionKey";
import { exactKeyTable } from "../../src/core/exactKeyTable";
import { D, sum } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";

const row = (municipality: string, values: Record<string, number>) => ({
  municipality,
  values: new Map(Object.entries(values).map(([c, v]) => [c, new D(v)])),
});
const SLA = new Map(
  ["gelijk", "jongeren", "toekenningen", "declaraties"].map((c) => [c, new D(25)])
);

describe("exactKeyTable", () => {
  /*
   * test/fixtures/cli/components.csv, 25/25/25/25, € 1.000.001. Exact amounts: the equal share
   * 25% × 1/4 × 1.000.001 = 62.500,0625 for each; jongeren 25% × 0,1/0,3/0,4/0,2 × 1.000.001 =
   * 25.000,025 / 75.000,075 / 100.000,1 / 50.000,05; toekenningen 0,1/0,4/0,3/0,2 and declaraties
   * 0,1/0,3/0,5/0,1 likewise. Rows: 137.500,1375 / 312.500,3125 / 362.500,3625 / 187.500,1875 →
   * 137.500 / 312.500 / 362.501 / 187.500 (the euro left to Maastricht's largest remainder).
   * Maastricht takes it in its largest fractional amount, declaraties 125.000,125 → 125.001,
   * so the declaraties part is 250.001 and the others 250.000 (each 250.000,25 exactly).
   */
  test("the hand-worked table of components.csv", () => {
    const rows = [
      row("Beek", { jongeren: 100, toekenningen: 10, declaraties: 50 }),
      row("Heerlen", { jongeren: 300, toekenningen: 40, declaraties: 150 }),
      row("Maastricht", { jongeren: 400, toekenningen: 30, declaraties: 250 }),
      row("Vaals", { jongeren: 200, toekenningen: 20, declaraties: 50 }),
    ];
    const t = exactKeyTable(rows, SLA, new D(1000001));
    expect(t.components).toEqual(["gelijk", "jongeren", "toekenningen", "declaraties"]);
    expect([...t.weights.values()].map(Number)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(
      t.rows.map((r) => [r.municipality, ...[...r.amounts.values()].map(Number), Number(r.amount)])
    ).toEqual([
      ["Beek", 62500, 25000, 25000, 25000, 137500],
      ["Heerlen", 62500, 75000, 100000, 75000, 312500],
      ["Maastricht", 62500, 100000, 75000, 125001, 362501],
      ["Vaals", 62500, 50000, 50000, 25000, 187500],
    ]);
    expect([...t.parts.values()].map(Number)).toEqual([250000, 250000, 250000, 250001]);
    expect(t.rows[2].shares.get("declaraties")).toEqual(new D("0.5"));
    expect(t.rows[2].shares.get("gelijk")).toEqual(new D("0.25"));
    expect(t.rows[2].key).toEqual(new D("0.3625"));
    expect(t.beyondOneUnit).toEqual([]);
  });

  test("a component weighted 0 has no column; the equal share comes first", () => {
    const rows = [
      row("Beek", { jongeren: 1, budget: 5 }),
      row("Vaals", { jongeren: 3, budget: 5 }),
    ];
    const t = exactKeyTable(
      rows,
      new Map([
        ["jongeren", new D(50)],
        ["budget", new D(0)],
        ["gelijk", new D(50)],
      ]),
      new D(100)
    );
    expect(t.components).toEqual(["gelijk", "jongeren"]);
    // Beek: 50% × 1/2 × 100 = 25 and 50% × 1/4 × 100 = 12,5 → 37,5; Vaals 25 + 37,5 = 62,5.
    // The tie goes to the larger key: Vaals 63, taking its unit in its only fractional amount.
    expect(t.rows.map((r) => [...r.amounts.values()].map(Number))).toEqual([
      [25, 12],
      [25, 38],
    ]);
    expect(t.rows.map((r) => Number(r.amount))).toEqual([37, 63]);
  });

  test("in cents: 12,5/37,5/25/25 of € 1.000.001,00, every amount within a cent", () => {
    const rows = [
      row("Beek", { jongeren: 100, toekenningen: 10, declaraties: 50 }),
      row("Vaals", { jongeren: 200, toekenningen: 20, declaraties: 50 }),
    ];
    const weights = new Map([
      ["gelijk", new D("12.5")],
      ["jongeren", new D("37.5")],
      ["toekenningen", new D(25)],
      ["declaraties", new D(25)],
    ]);
    const t = exactKeyTable(rows, weights, new D(1000001), new D("0.01"));
    // 12,5% of € 1.000.001 is € 125.000,125: the equal-share part is € 125.000,12 or ,13.
    expect(["125000.12", "125000.13"]).toContain(t.parts.get("gelijk")?.toFixed(2));
    expect(sum(t.parts.values())).toEqual(new D(1000001));
    for (const r of t.rows) expect(sum(r.amounts.values())).toEqual(r.amount);
  });

  /*
   * Random component tables: 1–16 municipalities, an equal share or not, 1–3 counted
   * components (zeros included), random whole weights adding up to 100, a total in euros or in
   * cents. What the table guarantees is checked against what is computed here on its own.
   */
  const tables = fc
    .record({
      n: fc.integer({ min: 1, max: 16 }),
      counted: fc.integer({ min: 1, max: 3 }),
      equal: fc.boolean(),
      cents: fc.boolean(),
      small: fc.boolean(),
      total: fc.integer({ min: 0, max: 100_000_000 }),
    })
    .chain((s) =>
      fc.record({
        s: fc.constant(s),
        counts: fc.array(
          fc.array(fc.integer({ min: 0, max: s.small ? 4 : 250_000 }), {
            minLength: s.counted,
            maxLength: s.counted,
          }),
          { minLength: s.n, maxLength: s.n }
        ),
        cuts: fc.array(fc.integer({ min: 0, max: 100 }), {
          minLength: s.counted + (s.equal ? 1 : 0) - 1,
          maxLength: s.counted + (s.equal ? 1 : 0) - 1,
        }),
      })
    )
    .filter(({ counts, s }) =>
      Array.from({ length: s.counted }, (_, j) => counts.some((r) => r[j] > 0)).every(Boolean)
    );

  test("property: rows add up to the contributions, columns to parts within a unit of weight × total, amounts rounded down or up unless named", () => {
    fc.assert(
      fc.property(tables, ({ s, counts, cuts }) => {
        const names = [...(s.equal ? ["gelijk"] : []), ...counts[0].map((_, j) => `c${j}`)];
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), 100];
        const weights = new Map(names.map((c, k) => [c, new D(bounds[k + 1] - bounds[k])]));
        const rows = counts.map((r, i) =>
          row(MUNICIPALITIES[i], Object.fromEntries(r.map((v, j) => [`c${j}`, v])))
        );
        const unit = new D(s.cents ? "0.01" : 1);
        const total = new D(s.small ? s.total % 100 : s.total).times(unit);
        const t = exactKeyTable(rows, weights, total, unit);
        const keys = distributionKey(rows, weights);
        const contributions = allocate(
          total,
          rows.map((r) => ({ id: r.municipality, key: keys.get(r.municipality) as Decimal })),
          unit
        );
        const used = names.filter((c) => !(weights.get(c) as Decimal).isZero());
        expect(t.components).toEqual(used);
        expect(t.rows.map((r) => r.amount)).toEqual(contributions);
        expect(sum(t.parts.values())).toEqual(total);
        const listed = new Set(t.beyondOneUnit.map((b) => `${b.municipality}|${b.component}`));
        for (const c of used) {
          const part = (weights.get(c) as Decimal).div(100).times(total).div(unit);
          const stated = (t.parts.get(c) as Decimal).div(unit);
          expect(stated.gte(part.floor()) && stated.lte(part.ceil())).toBe(true);
          expect(sum(t.rows.map((r) => r.amounts.get(c) as Decimal))).toEqual(t.parts.get(c));
        }
        t.rows.forEach((r, i) => {
          expect(sum(r.amounts.values())).toEqual(contributions[i]);
          for (const c of used) {
            const amount = r.amounts.get(c) as Decimal;
            const column = c === "gelijk" ? null : Number(c.slice(1));
            const share =
              column === null
                ? new D(1).div(rows.length)
                : new D(counts[i][column]).div(sum(counts.map((x) => new D(x[column]))));
            const exact = (weights.get(c) as Decimal).div(100).times(share).times(total);
            expect(amount.div(unit).isInteger() && !amount.isNegative()).toBe(true);
            const off = amount.minus(exact).abs().div(unit);
            expect(off.gte(1)).toBe(listed.has(`${r.municipality}|${c}`));
            expect(off.lt(3)).toBe(true);
          }
        });
      }),
      { numRuns: Number(process.env.UP_FUZZ_RUNS ?? 200) }
    );
  });
});
