import { missingTables } from "../../src/core/completeness";
import { budgetPlan } from "../support/budgetPlan";
import { consistentPlan } from "../support/planBuilder";

describe("missingTables", () => {
  test("the 2024 layout needs Tabel 1–4 and 6", () => {
    const plan = consistentPlan();
    delete plan.staffing;
    delete plan.totals;
    expect(missingTables(plan)).toEqual(["Tabel 1", "Tabel 4"]);
  });

  test("an earlier plan's budget stands for Tabel 1–4; its contributions are still needed", () => {
    const plan = budgetPlan("980.000");
    delete plan.staffing;
    delete plan.staffCosts;
    delete plan.materialCosts;
    expect(missingTables(plan)).toEqual([]);
    delete plan.contributions;
    expect(missingTables(plan)).toEqual(["Tabel 6"]);
  });
});
