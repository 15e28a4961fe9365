import { KEYTABLE_KEY } from "../../../src/core/rules/KEYTABLE-KEY";
import { consistentPlan } from "../../support/planBuilder";
import { keyTablePlan } from "../../support/keyTablePlan";

describe("KEYTABLE-KEY", () => {
  test("not applicable without a key calculation table", () => {
    expect(KEYTABLE_KEY.applies(consistentPlan())).toBe(false);
  });

  test("keys that are Σ weight × share give nothing", () => {
    expect(KEYTABLE_KEY.run(keyTablePlan())).toEqual([]);
  });

  test("a key shown rounded within its own and its shares' rounding is no finding", () => {
    // Beek's shares give 12,35% exactly; 12,36% is 0,01 pp off: half a unit of the key (0,005)
    // plus 25% × 4 × 0,005 of the shares = 0,01 pp.
    expect(KEYTABLE_KEY.run(keyTablePlan((rows) => (rows[0][2] = "12,36%")))).toEqual([]);
  });

  test("a key beyond that is a finding on its cell with the shares' cells", () => {
    const [f, ...rest] = KEYTABLE_KEY.run(keyTablePlan((rows) => (rows[1][2] = "40,20%")));
    expect(rest).toEqual([]);
    expect(f.municipality).toBe("Heerlen");
    expect(f.cell?.address).toBe("F4");
    expect(f.cells.map((c) => c.address)).toEqual(["F4", "B4", "C4", "D4", "E4"]);
    expect(f.expected?.toString()).toBe("0.401");
    expect(f.actual?.toString()).toBe("0.402");
    expect(f.message.nl).toBe(
      "Herberekening verdeelsleutel, Heerlen: de sleutel is 40,20%, maar Σ weging × aandeel geeft 40,1% (verschil +0,1%)"
    );
  });

  test("other weights give other keys: 40/20/20/20 makes Beek's key 14,88% and the others wrong", () => {
    // 0,40 × 25 + 0,20 × (8 + 8,40 + 8) = 10 + 4,88 = 14,88%.
    const plan = keyTablePlan((rows, w) => {
      w.splice(0, 4, "40%", "20%", "20%", "20%");
      rows[0][2] = "14,88%";
    });
    const names = KEYTABLE_KEY.run(plan).map((f) => f.municipality);
    expect(names).toEqual(["Heerlen", "Maastricht", "Vaals"]);
  });
});
