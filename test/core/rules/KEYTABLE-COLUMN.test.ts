import { KEYTABLE_COLUMN } from "../../../src/core/rules/KEYTABLE-COLUMN";
import { keyTablePlan } from "../../support/keyTablePlan";

describe("KEYTABLE-COLUMN", () => {
  test("columns that add up to the total row give nothing", () => {
    expect(KEYTABLE_COLUMN.run(keyTablePlan())).toEqual([]);
  });

  test("an amount one euro high makes its column and the total column findings", () => {
    // Vaals toekenningen 24.207 and row total 139.357: the columns add up to 245.001 / 980.001.
    const found = KEYTABLE_COLUMN.run(
      keyTablePlan((rows) => {
        rows[3][3][2] = "24.207";
        rows[3][4] = "139.357";
      })
    );
    expect(
      found.map((f) => [f.line, f.cell?.address, f.expected?.toString(), f.actual?.toString()])
    ).toEqual([
      ["toekenningen", "I7", "245001", "245000"],
      ["totaal", "K7", "980001", "980000"],
    ]);
    expect(found[0].cells.map((c) => c.address)).toEqual(["I7", "I3", "I4", "I5", "I6"]);
    expect(found[0].message.nl).toBe(
      "Herberekening verdeelsleutel, kolom Toekenningen: de totaalregel zegt € 245.000, maar de 4 gemeenten tellen op tot € 245.001 (verschil -€ 1)"
    );
  });
});
