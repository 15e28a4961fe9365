import { D } from "../../../src/core/money";
import { plan2024 } from "../../../src/core/plan2024";
import { FTE_VALUE } from "../../../src/core/rules/FTE-VALUE";
import { consistentPlan, fig, row, setFigure } from "../../support/planBuilder";

describe("FTE-VALUE", () => {
  test("silent on FTE of 0 or more and scales 1–18; a missing scale is allowed", () => {
    expect(FTE_VALUE.run(consistentPlan())).toEqual([]);
    // The published plan has 0 FTE lines and a hired line without scale.
    expect(FTE_VALUE.run(plan2024())).toEqual([]);
  });

  test("reports a negative FTE at its cell", () => {
    const plan = consistentPlan();
    setFigure(row(plan.staffing!.roles, "Inkopers"), 2025, "-0,5");
    expect(FTE_VALUE.run(plan)).toEqual([
      expect.objectContaining({
        rule: "FTE-VALUE",
        severity: "error",
        year: 2025,
        line: "Inkopers",
        actual: new D("-0.5"),
        unit: "fte",
        cell: { sheet: "Tabel 1", address: "D3" },
        message: {
          nl: "Tabel 1, 'Inkopers' 2025: -0,5 fte is negatief; een formatie is 0 of meer",
          en: "Tabel 1, 'Inkopers' 2025: -0,5 FTE is negative; staffing is 0 or more",
        },
      }),
    ]);
  });

  test("a negative total row is reported too", () => {
    const plan = consistentPlan();
    setFigure(plan.staffing!.total, 2024, "-1");
    expect(FTE_VALUE.run(plan).map((f) => f.line)).toEqual(["formatie team verwervingen"]);
  });

  test.each([
    ["1", 0],
    ["18", 0],
    ["0", 1],
    ["19", 1],
    ["10,5", 1],
    ["-3", 1],
  ])("scale %s gives %i findings", (scale, count) => {
    const plan = consistentPlan();
    const coordinator = row(plan.staffing!.roles, "Coordinator");
    coordinator.scale = fig(scale, { sheet: "Tabel 1", address: "B2" });
    const found = FTE_VALUE.run(plan);
    expect(found).toHaveLength(count);
    if (count === 1) {
      expect(found[0]).toMatchObject({
        unit: "scale",
        line: "Coordinator",
        actual: new D(scale.replace(",", ".")),
        cell: { sheet: "Tabel 1", address: "B2" },
      });
      expect(found[0].message.nl).toContain("een schaal is een geheel getal van 1 tot en met 18");
    }
  });
});
