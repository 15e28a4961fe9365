import { KEYTABLE_SHARES } from "../../../src/core/rules/KEYTABLE-SHARES";
import { consistentPlan } from "../../support/planBuilder";
import { keyTablePlan } from "../../support/keyTablePlan";

describe("KEYTABLE-SHARES", () => {
  test("not applicable without a key calculation table", () => {
    expect(KEYTABLE_SHARES.applies(consistentPlan())).toBe(false);
  });

  test("shares that add up to 100% per component, and weights too, give nothing", () => {
    expect(KEYTABLE_SHARES.run(keyTablePlan())).toEqual([]);
  });

  test("within the rounding of the shown shares is no finding: 4 × 0,005 pp", () => {
    // Jongeren 8,00 + 45,00 + 36,00 + 11,02 = 100,02%: more than 4 × 0,005 = 0,02 pp? No, equal.
    const plan = keyTablePlan((rows) => (rows[3][1][1] = "11,02%"));
    expect(KEYTABLE_SHARES.run(plan)).toEqual([]);
  });

  test("a column of shares off by more than its rounding is one finding with the column's cells", () => {
    // Toekenningen 8,40 + 45,40 + 36,32 + 9,98 = 100,10%.
    const [f, ...rest] = KEYTABLE_SHARES.run(keyTablePlan((rows) => (rows[3][1][2] = "9,98%")));
    expect(rest).toEqual([]);
    expect(f.line).toBe("toekenningen");
    expect(f.actual?.toString()).toBe("1.001");
    expect(f.cell?.address).toBe("D7");
    expect(f.cells.map((c) => c.address)).toEqual(["D7", "D3", "D4", "D5", "D6"]);
    expect(f.message.nl).toBe(
      "Herberekening verdeelsleutel, Toekenningen: 4 aandelen tellen op tot 100,1%, niet tot 100% (verschil +0,1%; door afronding toegestaan: ±0,02%)"
    );
  });

  test("weights that do not add up to 100% are a finding", () => {
    const [f] = KEYTABLE_SHARES.run(keyTablePlan((_, w) => (w[0] = "30%")));
    expect(f.line).toBe("weging");
    expect(f.actual?.toString()).toBe("1.05");
    expect(f.cells.map((c) => c.address)).toEqual(["B2", "C2", "D2", "E2"]);
  });
});
