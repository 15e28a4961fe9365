import { D } from "../../../src/core/money";
import { TOTALS_LINK } from "../../../src/core/rules/TOTALS-LINK";
import { consistentPlan, setFigure } from "../../support/planBuilder";

describe("TOTALS-LINK", () => {
  test("silent when Tabel 4 repeats Tabel 2 and 3 and adds them up", () => {
    expect(TOTALS_LINK.run(consistentPlan())).toEqual([]);
  });

  test("a Tabel 4 figure that differs from its source is reported, and so is the total it breaks", () => {
    const plan = consistentPlan();
    setFigure(plan.totals!.staffYouth, 2024, "700.100");
    const found = TOTALS_LINK.run(plan);
    expect(found.map((f) => [f.line, f.year, f.expected, f.actual, f.cell?.address])).toEqual([
      ["formatiekosten jeugd", 2024, new D(700000), new D(700100), "C2"],
      // 700.100 + 105.000 = 805.100 against the stated 805.000.
      ["totaal", 2024, new D(805100), new D(805000), "C4"],
    ]);
    expect(found[0].cells).toEqual([
      { sheet: "Tabel 4", address: "C2" },
      { sheet: "Tabel 2", address: "C3" },
    ]);
    expect(found[0].message.nl).toBe(
      "Tabel 4, 'formatiekosten jeugd' 2024: € 700.100, maar Tabel 2 'formatiekosten jeugd' is € 700.000 (verschil +€ 100)"
    );
    expect(found.every((f) => f.severity === "error" && f.table === "Tabel 4")).toBe(true);
  });

  test("material costs are compared with Tabel 3 jeugd", () => {
    const plan = consistentPlan();
    setFigure(plan.materialCosts!.youth, 2025, "139.999");
    expect(TOTALS_LINK.run(plan).map((f) => [f.line, f.expected, f.actual])).toEqual([
      ["materiele kosten jeugd", new D(139999), new D(140000)],
    ]);
  });

  test("a Tabel 4 year the source table lacks is a warning of its own", () => {
    const plan = consistentPlan();
    plan.staffCosts!.years = [2025];
    const found = TOTALS_LINK.run(plan);
    expect(found).toEqual([
      expect.objectContaining({
        severity: "warning",
        year: 2024,
        line: "formatiekosten jeugd",
        expected: null,
        actual: new D(700000),
        cell: { sheet: "Tabel 4", address: "C2" },
        message: {
          nl: "Tabel 4, 'formatiekosten jeugd' 2024 (€ 700.000) kan niet worden nagerekend: Tabel 2 heeft geen kolom 2024",
          en: "Tabel 4, 'formatiekosten jeugd' 2024 (€ 700.000) cannot be checked: Tabel 2 has no column 2024",
        },
      }),
    ]);
  });

  test("without Tabel 2 and 3 the Tabel 4 total is still checked", () => {
    const plan = consistentPlan();
    delete plan.staffCosts;
    delete plan.materialCosts;
    expect(TOTALS_LINK.run(plan)).toEqual([]);
    setFigure(plan.totals!.total, 2025, "980.001");
    expect(TOTALS_LINK.run(plan).map((f) => [f.line, f.expected])).toEqual([
      ["totaal", new D(980000)],
    ]);
  });
});
