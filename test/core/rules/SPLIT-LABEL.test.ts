import { D } from "../../../src/core/money";
import { SPLIT_LABEL } from "../../../src/core/rules/SPLIT-LABEL";
import { consistentPlan, fig, setFigure } from "../../support/planBuilder";

describe("SPLIT-LABEL", () => {
  test("silent when the labelled lines are their share of the total", () => {
    expect(SPLIT_LABEL.run(consistentPlan())).toEqual([]);
  });

  // Total 1.000.000, label 70%: allowed 69,5%–70,5%, that is 695.000–705.000.
  test.each([
    ["695.000", 0],
    ["705.000", 0],
    ["694.999", 1],
    ["705.001", 1],
  ])("Tabel 2 jeugd %s of € 1.000.000 gives %i warnings", (amount, count) => {
    const plan = consistentPlan();
    setFigure(plan.staffCosts!.youth, 2024, amount);
    expect(SPLIT_LABEL.run(plan)).toHaveLength(count);
  });

  test("the warning gives the real share and the amount the label implies", () => {
    const plan = consistentPlan();
    setFigure(plan.staffCosts!.youth, 2024, "743.400");
    const [f] = SPLIT_LABEL.run(plan);
    // 743.400 / 1.000.000 = 74,34%; 70% of 1.000.000 = 700.000.
    expect(f).toMatchObject({
      rule: "SPLIT-LABEL",
      severity: "warning",
      table: "Tabel 2",
      year: 2024,
      line: "formatiekosten jeugd",
      expected: new D(700000),
      actual: new D(743400),
      unit: "euro",
      cell: { sheet: "Tabel 2", address: "C3" },
    });
    expect(f.cells.map((c) => c.address)).toEqual(["C3", "C2", "B3"]);
    expect(f.message.nl).toBe(
      "Tabel 2, 'formatiekosten jeugd' 2024: € 743.400 is 74,34% van het totaal, niet 70%: 70% van € 1.000.000 is € 700.000 (verschil +€ 43.400)"
    );
  });

  test("just outside the band the real share is shown with enough decimals not to look inside it", () => {
    const plan = consistentPlan();
    setFigure(plan.staffCosts!.youth, 2024, "694.999");
    // 69,4999% would round to 69,50%, which is allowed.
    expect(SPLIT_LABEL.run(plan)[0].message.nl).toContain("is 69,4999% van het totaal");
  });

  test("a label with a decimal narrows the band to half a unit of that decimal", () => {
    const plan = consistentPlan();
    const youth = plan.staffCosts!.youth;
    youth.share = fig("70,0%");
    // 69,95%–70,05% of 1.000.000: 699.500–700.500.
    setFigure(youth, 2024, "699.500");
    expect(SPLIT_LABEL.run(plan)).toEqual([]);
    setFigure(youth, 2024, "699.499");
    expect(SPLIT_LABEL.run(plan).map((f) => f.message.nl)).toEqual([
      expect.stringContaining("niet 70,0%"),
    ]);
  });

  test("Tabel 3 lines are measured against the subtotal", () => {
    const plan = consistentPlan();
    setFigure(plan.materialCosts!.wmo, 2025, "50.000");
    const [f, ...rest] = SPLIT_LABEL.run(plan);
    expect(rest).toEqual([]);
    // 50.000 / 200.000 = 25%; 30% of 200.000 = 60.000.
    expect([f.table, f.year, f.expected, f.actual]).toEqual([
      "Tabel 3",
      2025,
      new D(60000),
      new D(50000),
    ]);
    expect(f.message.nl).toContain("is 25,00% van het totaal, niet 30%");
  });

  test("lines without a percentage and years with a zero total are not judged", () => {
    const plan = consistentPlan();
    delete plan.staffCosts!.youth.share;
    setFigure(plan.staffCosts!.youth, 2024, "1");
    setFigure(plan.materialCosts!.subtotal, 2024, "");
    expect(SPLIT_LABEL.run(plan)).toEqual([]);
  });
});
