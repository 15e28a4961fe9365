import { KEYTABLE_ROW } from "../../../src/core/rules/KEYTABLE-ROW";
import { keyTablePlan } from "../../support/keyTablePlan";

describe("KEYTABLE-ROW", () => {
  test("rows whose amounts add up to their total give nothing", () => {
    expect(KEYTABLE_ROW.run(keyTablePlan())).toEqual([]);
  });

  test("one euro too many in a row total is a finding, exact to the euro", () => {
    const [f, ...rest] = KEYTABLE_ROW.run(keyTablePlan((rows) => (rows[2][4] = "326.635")));
    expect(rest).toEqual([]);
    expect(f.municipality).toBe("Maastricht");
    expect(f.cell?.address).toBe("K5");
    expect(f.cells.map((c) => c.address)).toEqual(["K5", "G5", "H5", "I5", "J5"]);
    // 61.250 + 88.200 + 88.984 + 88.200 = 326.634.
    expect(f.expected?.toString()).toBe("326634");
    expect(f.message.nl).toBe(
      "Herberekening verdeelsleutel, Maastricht: het totaal is € 326.635, maar de 4 bedragen per component tellen op tot € 326.634 (verschil +€ 1)"
    );
  });

  test("the total row is checked too", () => {
    const [f] = KEYTABLE_ROW.run(keyTablePlan((rows) => (rows[4][3][2] = "244.999")));
    expect(f.line).toBe("Totaal");
    expect(f.municipality).toBeNull();
    expect(f.expected?.toString()).toBe("979999");
  });
});
