import { D } from "../../../src/core/money";
import { ALLOC_AMOUNT } from "../../../src/core/rules/ALLOC-AMOUNT";
import { consistentPlan, PlanBuilder, setFigure } from "../../support/planBuilder";
import { budgetPlan } from "../../support/budgetPlan";
import { ROWS, roundedKeysPlan } from "../../support/roundedKeysPlan";

describe("ALLOC-AMOUNT", () => {
  test("silent when each amount is key × the Tabel 4 total", () => {
    expect(ALLOC_AMOUNT.run(consistentPlan())).toEqual([]);
  });

  // Beek 2024: 12,35% × 805.000 = 99.417,50. Allowed: 805.000 × 0,00005 (half of 0,01 point)
  // + €1 = 41,25, so 99.376,25–99.458,75; whole euros 99.377–99.458 pass.
  test.each([
    ["99.458", 0],
    ["99.377", 0],
    ["99.459", 1],
    ["99.376", 1],
  ])("Beek 2024 at %s gives %i findings", (amount, count) => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.rows[0], 2024, amount);
    expect(ALLOC_AMOUNT.run(plan)).toHaveLength(count);
  });

  test("the finding gives key × total, the difference and the tolerance", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.rows[0], 2024, "99.459");
    const [f] = ALLOC_AMOUNT.run(plan);
    expect(f).toMatchObject({
      rule: "ALLOC-AMOUNT",
      severity: "error",
      table: "Tabel 6",
      year: 2024,
      municipality: "Beek",
      line: null,
      // 99.417,50 rounded half up.
      expected: new D(99418),
      actual: new D(99459),
      unit: "euro",
      cell: { sheet: "Tabel 6", address: "C2" },
    });
    expect(f.cells).toEqual([
      { sheet: "Tabel 6", address: "C2" },
      { sheet: "Tabel 6", address: "B2" },
      { sheet: "Tabel 4", address: "C4" },
    ]);
    expect(f.message.nl).toBe(
      "Tabel 6, Beek 2024: € 99.459, maar 12,35% × € 805.000 (Tabel 4-totaal) = € 99.418 (verschil +€ 41, toegestaan € 41,25)"
    );
  });

  test("a key with more decimals narrows the tolerance", () => {
    // 12,3500% is shown to 0,0001 point: 805.000 × 0,0000005 + 1 = 1,4025 allowed.
    const plan = consistentPlan();
    const beek = plan.contributions!.rows[0];
    beek.key = { value: new D("0.1235"), decimals: 4 };
    setFigure(beek, 2024, "99.418");
    expect(ALLOC_AMOUNT.run(plan)).toEqual([]);
    setFigure(beek, 2024, "99.419");
    expect(ALLOC_AMOUNT.run(plan)).toHaveLength(1);
  });

  test("when the amounts follow the Tabel 6 total instead, the message says so", () => {
    const plan = consistentPlan();
    // Tabel 4 says 900.000 for 2025, the amounts (and the Tabel 6 total) are over 980.000.
    setFigure(plan.totals!.total, 2025, "900.000");
    const found = ALLOC_AMOUNT.run(plan);
    // 12,35% / 40,10% / 33,33% / 14,22% × 900.000: each invoice is wrong, for one cause.
    expect(found.map((f) => [f.municipality, f.expected])).toEqual([
      ["Beek", new D(111150)],
      ["Heerlen", new D(360900)],
      ["Maastricht", new D(299970)],
      ["Vaals", new D(127980)],
    ]);
    for (const f of found) {
      expect(f.message.nl).toContain(
        "; de bedragen zijn berekend over het Tabel 6-totaal € 980.000, niet over het Tabel 4-totaal € 900.000"
      );
    }
  });

  test("no cause is named when not every amount follows the Tabel 6 total", () => {
    const plan = consistentPlan();
    setFigure(plan.totals!.total, 2025, "900.000");
    setFigure(plan.contributions!.rows[0], 2025, "111.150");
    const found = ALLOC_AMOUNT.run(plan);
    expect(found.map((f) => f.municipality)).toEqual(["Heerlen", "Maastricht", "Vaals"]);
    expect(found.some((f) => f.message.nl.includes("Tabel 6-totaal"))).toBe(false);
  });

  test("an empty amount is reported as empty", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.rows[1], 2025, "");
    const [f] = ALLOC_AMOUNT.run(plan);
    expect([f.municipality, f.actual]).toEqual(["Heerlen", new D(0)]);
    expect(f.message.nl).toMatch(/^Tabel 6, Heerlen 2025: leeg, maar 40,10% × € 980\.000/);
  });

  test("years without a Tabel 4 total are left to ALLOC-LINK; without Tabel 4 the Tabel 6 total row is the total", () => {
    const plan = new PlanBuilder(["Beek"])
      .totals([2024], { staffYouth: ["", ""], materialYouth: ["", ""], total: ["", "1.000"] })
      .contributions([2024, 2025], [["Beek", "100%", "1.000", "5"]], ["", "", "1.000", "10"])
      .build();
    expect(ALLOC_AMOUNT.run(plan)).toEqual([]);
    delete plan.totals;
    expect(ALLOC_AMOUNT.applies(plan)).toBe(true);
    const [f] = ALLOC_AMOUNT.run(plan);
    expect(f.message.nl).toBe(
      "Tabel 6, Beek 2025: € 5, maar 100% × € 10 (totaalregel van Tabel 6) = € 10 (verschil -€ 5, toegestaan € 1,05)"
    );
    expect(f.cells).toEqual([
      { sheet: "Tabel 6", address: "D2" },
      { sheet: "Tabel 6", address: "B2" },
      { sheet: "Tabel 6", address: "D3" },
    ]);
  });
});

/*
 * A year of the invented rounded-keys plan recomputed with another key: every key 0,25 point
 * up or down in turn (the pairs cancel), so every amount is € 6.800 or more off, while the
 * year still adds up. Worked out in integers: key 5,0616% = 50616 millionths.
 */
describe("ALLOC-AMOUNT: a year computed with another key is one finding", () => {
  const year = 2026;
  const total = 2748005n;
  const other = ROWS.map(([m, key], i) => {
    const k = BigInt(key.replace(/[,%]/g, "")) + (i % 2 === 0 ? 2500n : -2500n);
    return {
      m,
      precise: BigInt(key.replace(/[,%]/g, "")),
      amount: (2n * k * total + 1_000_000n) / 2_000_000n,
    };
  });

  test("the whole year, with the largest difference", () => {
    const plan = roundedKeysPlan();
    const t6 = plan.contributions!;
    other.forEach(({ amount }, i) => setFigure(t6.rows[i], year, amount.toString()));
    const stated = other.reduce((a, o) => a + o.amount, 0n);
    expect(stated - total >= -16n && stated - total <= 16n).toBe(true);
    // The largest |amount × 10^6 − key × total|, in euros rounded half up.
    const largest = other
      .map(
        (o) =>
          (o.amount * 1_000_000n - o.precise * total < 0n ? -1n : 1n) *
          (o.amount * 1_000_000n - o.precise * total)
      )
      .reduce((a, b) => (a > b ? a : b));
    const euros = (largest + 500_000n) / 1_000_000n;
    const found = ALLOC_AMOUNT.run(plan);
    expect(found).toHaveLength(1);
    const f = found[0];
    expect([f.year, f.municipality, f.expected, f.actual]).toEqual([year, null, null, null]);
    // 16 amounts, 16 keys and the Tabel 4 total.
    expect(f.cells).toHaveLength(16 + 16 + 1);
    expect(f.message.nl).toBe(
      `Tabel 6, 2026: 16 van de 16 bedragen wijken af van sleutel × € 2.748.005 (Tabel 4-totaal; sleutel: de sleutels die de bedragen van 2025, 2027, 2028 geven), tot € ${euros.toLocaleString("nl-NL")}, terwijl ze samen wel het totaal geven: het jaar is met een andere verdeelsleutel berekend. Herbereken de bedragen van 2026 met de sleutel van het plan.`
    );
  });

  test("two amounts off are two findings, not a diagnosis of the year", () => {
    const plan = roundedKeysPlan();
    const t6 = plan.contributions!;
    setFigure(t6.rows[0], year, other[0].amount.toString());
    setFigure(t6.rows[1], year, other[1].amount.toString());
    const found = ALLOC_AMOUNT.run(plan);
    expect(found.map((f) => [f.year, f.municipality])).toEqual([
      [year, "Beek"],
      [year, "Beekdaelen"],
    ]);
    // Beek's precise key, from the other three years, is what the finding multiplies.
    expect(found[0].message.nl).toMatch(
      /^Tabel 6, Beek 2026: € [\d.]+, maar 5,0616% × € 2\.748\.005 \(Tabel 4-totaal\) = € 139\.093/
    );
  });

  test("amounts that follow stale Tabel 6 keys instead of the key components: the cause is named", () => {
    const plan = new PlanBuilder(["Beek", "Heerlen", "Maastricht", "Vaals"])
      .totals([2024], {
        staffYouth: ["", "800.000"],
        materialYouth: ["", "200.000"],
        total: ["", "1.000.000"],
      })
      .contributions(
        [2024],
        [
          // The keys of last year; the components now give 10 / 40 / 30 / 20%.
          ["Beek", "12,00%", "120.000"],
          ["Heerlen", "38,00%", "380.000"],
          ["Maastricht", "32,00%", "320.000"],
          ["Vaals", "18,00%", "180.000"],
        ],
        ["totaal", "100,00%", "1.000.000"]
      )
      .keyComponents(
        ["jongeren"],
        [
          ["Beek", "1"],
          ["Heerlen", "4"],
          ["Maastricht", "3"],
          ["Vaals", "2"],
        ],
        { jongeren: "100" }
      )
      .build();
    const found = ALLOC_AMOUNT.run(plan);
    expect(found).toHaveLength(1);
    expect(found[0].message.nl).toContain(
      "4 van de 4 bedragen wijken af van sleutel × € 1.000.000 (Tabel 4-totaal; sleutel: de sleutel uit de sleutelcomponenten), tot € 20.000"
    );
    expect(found[0].message.nl).toContain(
      "Ze volgen de afgeronde sleutels zoals Tabel 6 ze toont, niet de sleutel uit de sleutelcomponenten."
    );
  });
});

describe("ALLOC-AMOUNT without Tabel 4: the budget's total is what the year distributes", () => {
  test("silent when the amounts are key × the budget's total", () => {
    expect(ALLOC_AMOUNT.run(budgetPlan("980.000"))).toEqual([]);
  });

  test("amounts computed over the Tabel 6 total instead of the budget's: each named, with that cause", () => {
    // Budget 2025: 1.000.000; Tabel 6 still distributes 980.000 (12,35% × 980.000 = 121.030,
    // not 12,35% × 1.000.000 = 123.500). The tolerance is € 1.000.000 × 0,005% + € 1 = € 51.
    const found = ALLOC_AMOUNT.run(budgetPlan("1.000.000"));
    expect(found.map((f) => [f.year, f.municipality, f.expected, f.actual])).toEqual([
      [2025, "Beek", new D(123500), new D(121030)],
      [2025, "Heerlen", new D(401000), new D(392980)],
      [2025, "Maastricht", new D(333300), new D(326634)],
      [2025, "Vaals", new D(142200), new D(139356)],
    ]);
    expect(found[0].message.nl).toBe(
      "Tabel 6, Beek 2025: € 121.030, maar 12,35% × € 1.000.000 (te verdelen bedrag van de begroting) = € 123.500 (verschil -€ 2.470, toegestaan € 51); de bedragen zijn berekend over het Tabel 6-totaal € 980.000, niet over het te verdelen bedrag van de begroting € 1.000.000"
    );
    expect(found[0].cells.map((c) => `${c.sheet}!${c.address}`)).toContain("Begroting!D3");
  });
});
