import { D } from "../../../src/core/money";
import { plan2024 } from "../../../src/core/plan2024";
import { FTE_TOTAL } from "../../../src/core/rules/FTE-TOTAL";
import { consistentPlan, row, setFigure } from "../../support/planBuilder";

describe("FTE-TOTAL", () => {
  test("silent when the roles add up to the total row, empty cells counting as 0", () => {
    // 2025: 1 + 1,5 + (empty) = 2,5.
    expect(FTE_TOTAL.run(consistentPlan())).toEqual([]);
    expect(FTE_TOTAL.run(plan2024())).toEqual([]);
  });

  test("reports a year whose roles do not add up to the total row, with every cell involved", () => {
    const plan = consistentPlan();
    setFigure(row(plan.staffing!.roles, "Inkopers"), 2024, "2,5");
    const [f, ...rest] = FTE_TOTAL.run(plan);
    expect(rest).toEqual([]);
    // 1 + 2,5 + 0,35 = 3,85 against the stated 3,35.
    expect(f).toMatchObject({
      rule: "FTE-TOTAL",
      severity: "error",
      table: "Tabel 1",
      year: 2024,
      line: "formatie team verwervingen",
      expected: new D("3.85"),
      actual: new D("3.35"),
      unit: "fte",
      cell: { sheet: "Tabel 1", address: "C5" },
    });
    expect(f.cells.map((c) => c.address)).toEqual(["C5", "C2", "C3", "C4"]);
    expect(f.message.nl).toBe(
      "Tabel 1, 2024: de rollen tellen op tot 3,85 fte, maar de regel 'formatie team verwervingen' zegt 3,35 fte (verschil -0,5 fte)"
    );
    expect(f.message.en).toContain("the roles add up to 3,85 FTE");
  });

  test("is exact: a hundredth of an FTE is a finding, 2,50 written for 2,5 is not", () => {
    const plan = consistentPlan();
    setFigure(plan.staffing!.total, 2025, "2,50");
    expect(FTE_TOTAL.run(plan)).toEqual([]);
    setFigure(plan.staffing!.total, 2025, "2,49");
    expect(FTE_TOTAL.run(plan).map((f) => [f.year, f.expected, f.actual])).toEqual([
      [2025, new D("2.5"), new D("2.49")],
    ]);
  });

  test("an empty total cell counts as 0", () => {
    const plan = consistentPlan();
    setFigure(plan.staffing!.total, 2025, "");
    const [f] = FTE_TOTAL.run(plan);
    expect([f.expected, f.actual]).toEqual([new D("2.5"), new D(0)]);
  });

  test("applies only when the plan has a Tabel 1", () => {
    const plan = consistentPlan();
    expect(FTE_TOTAL.applies(plan)).toBe(true);
    delete plan.staffing;
    expect(FTE_TOTAL.applies(plan)).toBe(false);
  });
});
