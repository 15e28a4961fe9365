import { D } from "../../../src/core/money";
import { plan2024 } from "../../../src/core/plan2024";
import { SPLIT_SUM } from "../../../src/core/rules/SPLIT-SUM";
import { consistentPlan, setFigure } from "../../support/planBuilder";

describe("SPLIT-SUM", () => {
  test("silent when jeugd + wmo equals the totals of Tabel 2 and Tabel 3", () => {
    expect(SPLIT_SUM.run(consistentPlan())).toEqual([]);
    expect(SPLIT_SUM.run(plan2024())).toEqual([]);
  });

  test("one euro off in Tabel 2 is reported against the total line and the closing totaal", () => {
    const plan = consistentPlan();
    setFigure(plan.staffCosts!.wmo, 2024, "300.001");
    const found = SPLIT_SUM.run(plan);
    // 700.000 + 300.001 = 1.000.001 against 1.000.000, on both total rows.
    expect(
      found.map((f) => [f.table, f.year, f.line, f.expected, f.actual, f.cell?.address])
    ).toEqual([
      ["Tabel 2", 2024, "formatiekosten totaal", new D(1000001), new D(1000000), "C2"],
      ["Tabel 2", 2024, "totaal", new D(1000001), new D(1000000), "C5"],
    ]);
    expect(found[0].cells.map((c) => c.address)).toEqual(["C2", "C3", "C4"]);
    expect(found[0].message.nl).toBe(
      "Tabel 2, 2024: jeugd € 700.000 + wmo € 300.001 = € 1.000.001, maar 'formatiekosten totaal' is € 1.000.000 (verschil -€ 1)"
    );
  });

  test("Tabel 3: the unlabeled subtotal is named 'subtotaal'", () => {
    const plan = consistentPlan();
    setFigure(plan.materialCosts!.subtotal, 2025, "210.000");
    const found = SPLIT_SUM.run(plan);
    // 140.000 + 60.000 = 200.000 against 210.000.
    expect(found.map((f) => [f.table, f.year, f.line, f.expected, f.actual])).toEqual([
      ["Tabel 3", 2025, "subtotaal", new D(200000), new D(210000)],
    ]);
    expect(found[0].message.nl).toContain("maar 'subtotaal' is € 210.000 (verschil +€ 10.000)");
  });

  test("without a closing totaal row only the total line is compared", () => {
    const plan = consistentPlan();
    delete plan.staffCosts!.grandTotal;
    setFigure(plan.staffCosts!.youth, 2025, "");
    // An empty jeugd cell is 0: 0 + 360.000 against 1.200.000.
    expect(SPLIT_SUM.run(plan).map((f) => [f.line, f.expected])).toEqual([
      ["formatiekosten totaal", new D(360000)],
    ]);
  });

  test("applies when Tabel 2 or Tabel 3 is present", () => {
    const plan = consistentPlan();
    delete plan.staffCosts;
    expect(SPLIT_SUM.applies(plan)).toBe(true);
    delete plan.materialCosts;
    expect(SPLIT_SUM.applies(plan)).toBe(false);
  });
});
