import Decimal from "decimal.js";
import fc from "fast-check";
import { allocate } from "../../src/core/allocate";
import {
  componentName,
  DEFAULT_WEIGHTS,
  distributionKey,
  singleComponentKey,
} from "../../src/core/distributionKey";
import { PlanInputError } from "../../src/core/errors";
import { D, sum } from "../../src/core/money";

const rowsOf = (table: Record<string, [number, number, number]>) =>
  Object.entries(table).map(([municipality, [j, t, d]]) => ({
    municipality,
    values: new Map([
      ["jongeren", new D(j)],
      ["toekenningen", new D(t)],
      ["declaraties", new D(d)],
    ]),
  }));

describe("distributionKey", () => {
  test("the keys always add up to exactly 1, and none is negative", () => {
    const componentArb = (n: number) =>
      fc
        .array(fc.integer({ min: 0, max: 100_000 }), { minLength: n, maxLength: n })
        .filter((vs) => vs.some((v) => v > 0));
    const weightsArb = fc
      .tuple(fc.nat(100), fc.nat(100), fc.nat(100))
      .filter(([a, b, c]) => a + b + c <= 100)
      .map(([a, b, c]) => [100 - a - b - c, a, b, c]);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 18 })
          .chain((n) => fc.tuple(componentArb(n), componentArb(n), componentArb(n), weightsArb)),
        ([jongeren, toekenningen, declaraties, [g, j, t, d]]) => {
          const rows = jongeren.map((_, i) => ({
            municipality: `Gemeente ${i}`,
            values: new Map([
              ["jongeren", new D(jongeren[i])],
              ["toekenningen", new D(toekenningen[i])],
              ["declaraties", new D(declaraties[i])],
            ]),
          }));
          const weights = new Map([
            ["gelijk", new D(g)],
            ["jongeren", new D(j)],
            ["toekenningen", new D(t)],
            ["declaraties", new D(d)],
          ]);
          const keys = [...distributionKey(rows, weights).values()];
          expect(sum(keys)).toEqual(new D(1));
          expect(keys.every((k) => !k.isNegative())).toBe(true);
        }
      )
    );
  });

  test("a key table worked out by hand", () => {
    /*
     *            jongeren        toekenningen   declaraties      key (25/25/25/25)
     * Beek       1000 (10%)      50 (10%)       200 (20%)        (25 + 10 + 10 + 20) / 4 = 16,25%
     * Heerlen    3000 (30%)     150 (30%)       200 (20%)        (25 + 30 + 30 + 20) / 4 = 26,25%
     * Maastricht 4000 (40%)     250 (50%)       400 (40%)        (25 + 40 + 50 + 40) / 4 = 38,75%
     * Vaals      2000 (20%)      50 (10%)       200 (20%)        (25 + 20 + 10 + 20) / 4 = 18,75%
     *            10000           500            1000
     */
    const keys = distributionKey(
      rowsOf({
        Beek: [1000, 50, 200],
        Heerlen: [3000, 150, 200],
        Maastricht: [4000, 250, 400],
        Vaals: [2000, 50, 200],
      }),
      DEFAULT_WEIGHTS
    );
    expect([...keys].map(([m, k]) => [m, k.toString()])).toEqual([
      ["Beek", "0.1625"],
      ["Heerlen", "0.2625"],
      ["Maastricht", "0.3875"],
      ["Vaals", "0.1875"],
    ]);
    /*
     * € 100.001 with these keys: 16.250,1625 / 26.250,2625 / 38.750,3875 / 18.750,1875.
     * Rounded down 100.000; the one euro left goes to the largest remainder, Maastricht (,3875).
     */
    const amounts = allocate(
      new D(100001),
      [...keys].map(([id, key]) => ({ id, key }))
    );
    expect(amounts.map(String)).toEqual(["16250", "26250", "38751", "18750"]);
  });

  test("PLAN-MODEL's example: shares 6,25 / 2,70 / 2,54 / 2,12 give 3,4025%, not 3,40%", () => {
    // One municipality among 16 (equal share 1/16 = 6,25%) with 270 of 10.000 young people,
    // 254 of 10.000 allocations and 212 of 10.000 claims; the other 15 share the rest.
    const table: Record<string, [number, number, number]> = { X: [270, 254, 212] };
    for (let i = 1; i <= 14; i++) table[`M${i}`] = [649, 650, 653];
    table.M15 = [644, 646, 646];
    const rows = rowsOf(table);
    for (const c of ["jongeren", "toekenningen", "declaraties"]) {
      expect(sum(rows.map((r) => r.values.get(c)!))).toEqual(new D(10000));
    }
    const key = distributionKey(rows, DEFAULT_WEIGHTS).get("X")!;
    expect(key).toEqual(new D("0.034025"));
  });

  test("the weights are a policy choice", () => {
    // 40 / 20 / 20 / 20: Beek = 0,4 × 25% + 0,2 × (10% + 10% + 20%) = 18%.
    const keys = distributionKey(
      rowsOf({
        Beek: [1000, 50, 200],
        Heerlen: [3000, 150, 200],
        Maastricht: [4000, 250, 400],
        Vaals: [2000, 50, 200],
      }),
      new Map([
        ["gelijk", new D(40)],
        ["jongeren", new D(20)],
        ["toekenningen", new D(20)],
        ["declaraties", new D(20)],
      ])
    );
    expect(keys.get("Beek")).toEqual(new D("0.18"));
  });

  test("a single-component key (objectief verdeelmodel): budget over total budget", () => {
    const rows = [
      ["Beek", 100],
      ["Heerlen", 300],
      ["Vaals", 600],
    ].map(([m, b]) => ({
      municipality: String(m),
      values: new Map([["budget", new D(b)]]),
    }));
    expect([...singleComponentKey(rows, "budget").values()].map(String)).toEqual([
      "0.1",
      "0.3",
      "0.6",
    ]);
  });

  test("thirds still add up to exactly 1", () => {
    const rows = ["A", "B", "C"].map((m) => ({
      municipality: m,
      values: new Map([["jongeren", new D(1)]]),
    }));
    const keys = [...singleComponentKey(rows, "jongeren").values()];
    expect(sum(keys)).toEqual(new D(1));
    for (const k of keys) expect(k.minus(new D(1).div(3)).abs().lte("1e-24")).toBe(true);
  });

  test.each<[string, () => unknown, string]>([
    [
      "weights that do not add up to 100",
      () => distributionKey(rowsOf({ A: [1, 1, 1] }), new Map([["gelijk", new D(90)]])),
      "De wegingen tellen op tot 90%, niet tot 100%",
    ],
    [
      "a negative weight",
      () =>
        distributionKey(
          rowsOf({ A: [1, 1, 1] }),
          new Map([
            ["gelijk", new D(110)],
            ["jongeren", new D(-10)],
          ])
        ),
      "Weging van 'jongeren' is -10: moet een percentage ≥ 0 zijn",
    ],
    [
      "a missing component",
      () =>
        distributionKey(
          [{ municipality: "A", values: new Map<string, Decimal>() }],
          new Map([["jongeren", new D(100)]])
        ),
      "Component 'jongeren' ontbreekt voor A",
    ],
    [
      "a negative count",
      () => distributionKey(rowsOf({ A: [-5, 1, 1] }), DEFAULT_WEIGHTS),
      "Component 'jongeren' van A is -5: moet een getal ≥ 0 zijn",
    ],
    [
      "a component that adds up to 0",
      () => distributionKey(rowsOf({ A: [0, 1, 1], B: [0, 1, 1] }), DEFAULT_WEIGHTS),
      "Component 'jongeren' telt op tot 0: er is niets naar te verdelen",
    ],
    [
      "no municipalities",
      () => distributionKey([], DEFAULT_WEIGHTS),
      "Geen gemeenten om een sleutel voor te berekenen",
    ],
  ])("refuses %s with a Dutch message", (_, call, nl) => {
    try {
      call();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanInputError);
      expect((e as PlanInputError).nl).toBe(nl);
      return;
    }
    throw new Error("expected a PlanInputError");
  });

  test("component headers in Dutch, English and variants", () => {
    expect(componentName("Jongeren < 20")).toBe("jongeren");
    expect(componentName(" claims ")).toBe("declaraties");
    expect(componentName("Allocations")).toBe("toekenningen");
    expect(componentName("Gelijk  deel")).toBe("gelijk");
    expect(componentName("Budget")).toBe("budget");
  });
});
