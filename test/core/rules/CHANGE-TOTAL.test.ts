import { CHANGE_TOTAL } from "../../../src/core/rules/CHANGE-TOTAL";
import { changePlan } from "../../support/keyTablePlan";

describe("CHANGE-TOTAL", () => {
  test("a total row that is the sum of the municipalities gives nothing", () => {
    expect(CHANGE_TOTAL.run(changePlan())).toEqual([]);
  });

  test("not applicable without a total row", () => {
    const plan = changePlan();
    delete plan.contributionChange!.total;
    expect(CHANGE_TOTAL.applies(plan)).toBe(false);
  });

  test("each column that misses its total is a finding, exact to the euro", () => {
    // Vaals new 139.357 and increase 24.886: the new and increase columns sum one euro more.
    const found = CHANGE_TOTAL.run(
      changePlan((rows) => {
        rows[3][2] = "139.357";
        rows[3][3] = "24.886";
      })
    );
    expect(found.map((f) => [f.line, f.cell?.address, f.expected?.toString()])).toEqual([
      ["nieuw", "C6", "980001"],
      ["toename", "D6", "175001"],
    ]);
    expect(found[0].cells.map((c) => c.address)).toEqual(["C6", "C2", "C3", "C4", "C5"]);
    expect(found[1].message.nl).toBe(
      "Toename per gemeente, kolom toename: de totaalregel zegt € 175.000, maar de 4 gemeenten tellen op tot € 175.001 (verschil -€ 1)"
    );
  });
});
