import { KEYTABLE_TOTAL } from "../../../src/core/rules/KEYTABLE-TOTAL";
import { keyTablePlan } from "../../support/keyTablePlan";

describe("KEYTABLE-TOTAL", () => {
  test("a table that distributes the year's Tabel 4 total gives nothing", () => {
    expect(KEYTABLE_TOTAL.run(keyTablePlan())).toEqual([]);
  });

  test("not applicable when the table names no year", () => {
    const plan = keyTablePlan();
    delete plan.keyTable!.year;
    expect(KEYTABLE_TOTAL.applies(plan)).toBe(false);
  });

  test("a total that is not the year's total is a finding naming the table it should match", () => {
    const [f, ...rest] = KEYTABLE_TOTAL.run(keyTablePlan((rows) => (rows[4][4] = "979.000")));
    expect(rest).toEqual([]);
    expect(f.cell?.address).toBe("K7");
    // The stated total and Tabel 4's 2025 total (its sheet 'Tabel 4', D4).
    expect(f.cells).toEqual([
      { sheet: "Herberekening", address: "K7" },
      { sheet: "Tabel 4", address: "D4" },
    ]);
    expect(f.expected?.toString()).toBe("980000");
    expect(f.message.nl).toBe(
      "Herberekening verdeelsleutel 2025: het totaal is € 979.000, maar Tabel 4 (overzicht totalen) verdeelt € 980.000 in 2025 (verschil -€ 1.000)"
    );
  });

  test("without Tabel 4 the year's total is the contributions' total row", () => {
    const plan = keyTablePlan((rows) => (rows[4][4] = "979.000"));
    delete plan.totals;
    const [f] = KEYTABLE_TOTAL.run(plan);
    expect(f.message.nl).toContain("Tabel 6 (uitvoeringskosten per gemeente) verdeelt € 980.000");
  });
});
