import Decimal from "decimal.js";
import fc from "fast-check";
import { allocate, AllocationShare } from "../../src/core/allocate";
import { D, sum } from "../../src/core/money";

/** Keys as decimals with up to 6 decimals, as a plan writes them; at least one positive. */
const keysArb = fc
  .array(
    fc.record({
      // Small integers too, so that equal keys and equal remainders (ties) occur often.
      n: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2_000_000 })),
      scale: fc.integer({ min: 0, max: 6 }),
    }),
    { minLength: 1, maxLength: 20 }
  )
  .filter((ks) => ks.some((k) => k.n > 0))
  .map((ks) => ks.map((k) => new D(k.n).div(new D(10).pow(k.scale))));

/** Unique ids, including strings that collate as equal ("a" and "a\u0000"). */
const sharesArb = keysArb.chain((keys) =>
  fc
    .uniqueArray(fc.string({ maxLength: 4 }), { minLength: keys.length, maxLength: keys.length })
    .map((ids): AllocationShare[] => keys.map((key, i) => ({ id: ids[i], key })))
);

const unitArb = fc.constantFrom("1", "0.01");
const totalUnitsArb = fc.integer({ min: -10_000_000, max: 10_000_000 });

describe("allocate", () => {
  test("the parts always add up to the total exactly (euros and cents, negative totals too)", () => {
    fc.assert(
      fc.property(sharesArb, totalUnitsArb, unitArb, (shares, units, unit) => {
        const total = new D(units).times(unit);
        expect(sum(allocate(total, shares, unit))).toEqual(total);
      })
    );
  });

  test("every part is a whole number of units", () => {
    fc.assert(
      fc.property(sharesArb, totalUnitsArb, unitArb, (shares, units, unit) => {
        const parts = allocate(new D(units).times(unit), shares, unit);
        for (const p of parts) expect(p.div(unit).isInteger()).toBe(true);
      })
    );
  });

  test("no part is negative when the total and the keys are not", () => {
    fc.assert(
      fc.property(sharesArb, fc.nat(10_000_000), unitArb, (shares, units, unit) => {
        for (const p of allocate(new D(units).times(unit), shares, unit)) {
          expect(p.isNegative()).toBe(false);
        }
      })
    );
  });

  test("each part is within one unit of its exact share", () => {
    fc.assert(
      fc.property(sharesArb, totalUnitsArb, unitArb, (shares, units, unit) => {
        const total = new D(units).times(unit);
        const keySum = sum(shares.map((s) => s.key));
        allocate(total, shares, unit).forEach((p, i) => {
          const exact = shares[i].key.div(keySum).times(total);
          expect(p.minus(exact).abs().lt(unit)).toBe(true);
        });
      })
    );
  });

  test("reordering the shares gives every id the same amount", () => {
    fc.assert(
      fc.property(
        sharesArb.chain((shares) =>
          fc.tuple(fc.constant(shares), fc.shuffledSubarray(shares, { minLength: shares.length }))
        ),
        totalUnitsArb,
        ([shares, shuffled], units) => {
          const total = new D(units);
          const byId = (ss: AllocationShare[]) => {
            const parts = allocate(total, ss);
            return new Map(ss.map((s, i) => [s.id, parts[i].toString()]));
          };
          expect(byId(shuffled)).toEqual(byId(shares));
        }
      )
    );
  });

  test("ties go to the larger key, then to the id that sorts first", () => {
    // 100 over 1/3 each: 33,33… each, one euro left; equal keys, so 'Beek' before 'Vaals'.
    const equal = (ids: string[]) => ids.map((id) => ({ id, key: new D(1) }));
    expect(allocate(new D(100), equal(["Vaals", "Beek", "Stein"])).map(String)).toEqual([
      "33",
      "34",
      "33",
    ]);
    // 10 over keys 1 and 3: 2,5 and 7,5, equal remainders; the larger key gets the euro.
    expect(
      allocate(new D(10), [
        { id: "a", key: new D(1) },
        { id: "b", key: new D(3) },
      ]).map(String)
    ).toEqual(["2", "8"]);
    // Negative totals mirror positive ones.
    expect(allocate(new D(-100), equal(["Vaals", "Beek", "Stein"])).map(String)).toEqual([
      "-33",
      "-34",
      "-33",
    ]);
  });

  test("ids that collate as equal still break ties the same way in any order", () => {
    // Dutch collation ignores the NUL character: "a" and "a\u0000" compare as equal.
    expect("a".localeCompare("a\u0000", "nl")).toBe(0);
    const a = { id: "a", key: new D(1) };
    const b = { id: "a\u0000", key: new D(1) };
    const [forA] = allocate(new D(1), [a, b]);
    const [, forAReversed] = allocate(new D(1), [b, a]);
    expect(forAReversed).toEqual(forA);
  });

  test("cents: € 100,00 over three equal keys", () => {
    const shares = ["a", "b", "c"].map((id) => ({ id, key: new D(1) }));
    expect(allocate(new D(100), shares, "0.01").map((p) => p.toFixed(2))).toEqual([
      "33.34",
      "33.33",
      "33.33",
    ]);
  });

  test("keys need not add up to 1", () => {
    // 1.000 over 2 : 3 : 5 = 200 / 300 / 500.
    const shares = [2, 3, 5].map((k, i) => ({ id: String(i), key: new D(k) }));
    expect(allocate(new D(1000), shares).map(String)).toEqual(["200", "300", "500"]);
  });

  test.each<[string, () => Decimal[]]>([
    ["a unit of zero", () => allocate(new D(1), [{ id: "a", key: new D(1) }], 0)],
    ["a total that is not whole units", () => allocate(new D("1.5"), [{ id: "a", key: new D(1) }])],
    ["a negative key", () => allocate(new D(1), [{ id: "a", key: new D(-1) }])],
    ["keys adding up to zero", () => allocate(new D(1), [{ id: "a", key: new D(0) }])],
    ["a total over no shares", () => allocate(new D(1), [])],
  ])("refuses %s", (_, call) => {
    expect(call).toThrow(RangeError);
  });

  test("zero over no shares is nothing", () => {
    expect(allocate(new D(0), [])).toEqual([]);
  });
});
