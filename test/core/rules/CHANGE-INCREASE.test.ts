import { CHANGE_INCREASE } from "../../../src/core/rules/CHANGE-INCREASE";
import { consistentPlan } from "../../support/planBuilder";
import { changePlan } from "../../support/keyTablePlan";

describe("CHANGE-INCREASE", () => {
  test("not applicable without a change table", () => {
    expect(CHANGE_INCREASE.applies(consistentPlan())).toBe(false);
  });

  test("increases that are new − old give nothing", () => {
    expect(CHANGE_INCREASE.run(changePlan())).toEqual([]);
  });

  test("an increase one euro off is a finding: exact, no tolerance", () => {
    const [f, ...rest] = CHANGE_INCREASE.run(changePlan((rows) => (rows[1][3] = "70.176")));
    expect(rest).toEqual([]);
    expect(f.municipality).toBe("Heerlen");
    expect(f.year).toBe(2025);
    expect(f.cells.map((c) => c.address)).toEqual(["D3", "B3", "C3"]);
    expect(f.expected?.toString()).toBe("70175");
    expect(f.message.nl).toBe(
      "Toename per gemeente, Heerlen: de toename is € 70.176, maar € 392.980 − € 322.805 = € 70.175 (verschil +€ 1)"
    );
  });

  test("a decrease is an increase below zero", () => {
    const plan = changePlan((rows) => {
      rows[0][2] = "99.000";
      rows[0][3] = "-417";
    });
    expect(CHANGE_INCREASE.run(plan)).toEqual([]);
  });
});
