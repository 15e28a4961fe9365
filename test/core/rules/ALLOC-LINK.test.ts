import { D } from "../../../src/core/money";
import { ALLOC_LINK } from "../../../src/core/rules/ALLOC-LINK";
import { consistentPlan, setFigure } from "../../support/planBuilder";

describe("ALLOC-LINK", () => {
  test("silent when Tabel 6 repeats the Tabel 4 total", () => {
    expect(ALLOC_LINK.run(consistentPlan())).toEqual([]);
  });

  test("a Tabel 6 total that differs from Tabel 4 by one euro is an error", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.total, 2024, "805.001");
    expect(ALLOC_LINK.run(plan)).toEqual([
      expect.objectContaining({
        rule: "ALLOC-LINK",
        severity: "error",
        table: "Tabel 6",
        year: 2024,
        expected: new D(805000),
        actual: new D(805001),
        cell: { sheet: "Tabel 6", address: "C6" },
        cells: [
          { sheet: "Tabel 6", address: "C6" },
          { sheet: "Tabel 4", address: "C4" },
        ],
        message: {
          nl: "Tabel 6, 2024: het totaal is € 805.001, maar het Tabel 4-totaal is € 805.000 (verschil +€ 1); de gemeenten betalen samen het Tabel 4-totaal",
          en: "Tabel 6, 2024: the total is € 805.001, but the Tabel 4 total is € 805.000 (difference +€ 1); together the municipalities pay the Tabel 4 total",
        },
      }),
    ]);
  });

  test("a year in one table and not the other is a warning", () => {
    const plan = consistentPlan();
    plan.contributions!.years = [2024];
    plan.totals!.years = [2025];
    const found = ALLOC_LINK.run(plan);
    expect(found.map((f) => [f.severity, f.year, f.table, f.actual])).toEqual([
      ["warning", 2024, "Tabel 6", new D(805000)],
      ["warning", 2025, "Tabel 4", new D(980000)],
    ]);
    expect(found[1].message.nl).toBe(
      "Tabel 4 heeft een totaal voor 2025 (€ 980.000), Tabel 6 heeft geen kolom 2025: de verdeling van dat jaar kan niet worden nagerekend"
    );
  });
});
