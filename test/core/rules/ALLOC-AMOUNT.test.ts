import { D } from "../../../src/core/money";
import { ALLOC_AMOUNT } from "../../../src/core/rules/ALLOC-AMOUNT";
import { consistentPlan, PlanBuilder, setFigure } from "../../support/planBuilder";

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
    // 12,35% / 40,10% / 33,33% / 14,22% × 900.000.
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

  test("years without a Tabel 4 total are left to ALLOC-LINK; without Tabel 4 the rule does not apply", () => {
    const plan = new PlanBuilder(["Beek"])
      .totals([2024], { staffYouth: ["", ""], materialYouth: ["", ""], total: ["", "1.000"] })
      .contributions([2024, 2025], [["Beek", "100%", "1.000", "5"]], ["", "", "1.000", ""])
      .build();
    expect(ALLOC_AMOUNT.run(plan)).toEqual([]);
    delete plan.totals;
    expect(ALLOC_AMOUNT.applies(plan)).toBe(false);
  });
});
