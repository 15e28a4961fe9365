import { CHANGE_PERCENT } from "../../../src/core/rules/CHANGE-PERCENT";
import { changePlan } from "../../support/keyTablePlan";

describe("CHANGE-PERCENT", () => {
  test("percentages within their shown precision give nothing", () => {
    expect(CHANGE_PERCENT.run(changePlan())).toEqual([]);
  });

  test("half a unit of the last shown digit: 21,739…% may be shown as 21,7% but not as 21,8%", () => {
    const [f, ...rest] = CHANGE_PERCENT.run(changePlan((rows) => (rows[2][4] = "21,8%")));
    expect(rest).toEqual([]);
    expect(f.municipality).toBe("Maastricht");
    expect(f.cells.map((c) => c.address)).toEqual(["E4", "D4", "B4"]);
    // 58.327 / 268.307 = 0,21738903…
    expect(f.expected?.toDecimalPlaces(8).toString()).toBe("0.21738904");
    expect(f.message.nl).toBe(
      "Toename per gemeente, Maastricht: het percentage is 21,8%, maar de toename is 21,7389% van het oude bedrag (verschil +0,0611%)"
    );
  });

  test("more decimals shown, less tolerance: 21,74% is right, 21,73% not", () => {
    expect(CHANGE_PERCENT.run(changePlan((rows) => (rows[0][4] = "21,74%")))).toEqual([]);
    expect(CHANGE_PERCENT.run(changePlan((rows) => (rows[0][4] = "21,73%"))).length).toBe(1);
  });

  test("the total row's percentage is checked too", () => {
    const [f] = CHANGE_PERCENT.run(changePlan((rows) => (rows[4][4] = "20,0%")));
    expect(f.line).toBe("Totaal");
    expect(f.cell?.address).toBe("E6");
  });
});
