import { D } from "../../../src/core/money";
import { plan2024 } from "../../../src/core/plan2024";
import { LINES_SUM } from "../../../src/core/rules/LINES-SUM";
import { consistentPlan, row, setFigure } from "../../support/planBuilder";

describe("LINES-SUM", () => {
  test("silent when the cost lines add up to the subtotal, empty cells counting as 0", () => {
    // 2024: 100.000 + 50.000 + (empty) = 150.000.
    expect(LINES_SUM.run(consistentPlan())).toEqual([]);
    expect(LINES_SUM.run(plan2024())).toEqual([]);
  });

  test("one euro too much on a cost line is reported at the subtotal", () => {
    const plan = consistentPlan();
    setFigure(row(plan.materialCosts!.lines, "ICT licenties"), 2024, "100.001");
    const found = LINES_SUM.run(plan);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "LINES-SUM",
      severity: "error",
      table: "Tabel 3",
      year: 2024,
      line: "subtotaal",
      expected: new D(150001),
      actual: new D(150000),
      cell: { sheet: "Tabel 3", address: "C5" },
    });
    // The empty `inhuur flex` 2024 cell is not among the cells.
    expect(found[0].cells.map((c) => c.address)).toEqual(["C5", "C2", "C3"]);
    expect(found[0].message.nl).toBe(
      "Tabel 3, 2024: de 3 kostenregels tellen op tot € 150.001, maar het subtotaal is € 150.000 (verschil -€ 1)"
    );
  });

  test("a labelled subtotal is named in the message", () => {
    const plan = consistentPlan();
    plan.materialCosts!.subtotal.label = "materiele kosten";
    setFigure(plan.materialCosts!.subtotal, 2025, "");
    const [f] = LINES_SUM.run(plan);
    expect([f.year, f.expected, f.actual]).toEqual([2025, new D(200000), new D(0)]);
    expect(f.message.nl).toContain("het subtotaal 'materiele kosten' is € 0");
  });
});
