import { KEYTABLE_AMOUNT } from "../../../src/core/rules/KEYTABLE-AMOUNT";
import { consistentPlan } from "../../support/planBuilder";
import { keyTablePlan } from "../../support/keyTablePlan";

describe("KEYTABLE-AMOUNT", () => {
  test("not applicable without a key calculation table", () => {
    expect(KEYTABLE_AMOUNT.applies(consistentPlan())).toBe(false);
  });

  test("amounts that are weight × total × share give nothing", () => {
    expect(KEYTABLE_AMOUNT.run(keyTablePlan())).toEqual([]);
  });

  test("a share shown rounded allows weight × total × half its last digit, plus the euro", () => {
    // 25% × 980.000 × 0,005 pp = € 12,25, plus € 1 for rounding to whole euros.
    const near = keyTablePlan((rows) => (rows[0][3][1] = "19.613"));
    expect(KEYTABLE_AMOUNT.run(near)).toEqual([]);
    const [f, ...rest] = KEYTABLE_AMOUNT.run(keyTablePlan((rows) => (rows[0][3][1] = "19.614")));
    expect(rest).toEqual([]);
    expect(f.cell?.address).toBe("H3");
    expect(f.expected?.toString()).toBe("19600");
    expect(f.actual?.toString()).toBe("19614");
    expect(f.cells.map((c) => c.address)).toEqual(["H3", "C3", "C2", "K7"]);
    expect(f.message.nl).toBe(
      "Herberekening verdeelsleutel, Beek, Jongeren < 20: het bedrag is € 19.614, maar 25% × € 980.000 × 8,00% = € 19.600 (verschil +€ 14)"
    );
  });

  test("a share stored at full precision leaves only the euro of rounding", () => {
    const plan = keyTablePlan();
    const beek = plan.keyTable!.rows[0];
    // 8,0004% shown as 8,00%: 25% × 980.000 × 0,080004 = 19.600,98, so 19.601 is right, 19.602 not.
    beek.shares.get("jongeren")!.value = beek.shares.get("jongeren")!.value.plus("0.000004");
    beek.amounts.get("jongeren")!.value = beek.amounts.get("jongeren")!.value.plus(1);
    expect(KEYTABLE_AMOUNT.run(plan)).toEqual([]);
    beek.amounts.get("jongeren")!.value = beek.amounts.get("jongeren")!.value.plus(1);
    expect(KEYTABLE_AMOUNT.run(plan).map((f) => f.cell?.address)).toEqual(["H3"]);
  });

  test("the total row's amount per component is weight × total", () => {
    const [f] = KEYTABLE_AMOUNT.run(keyTablePlan((rows) => (rows[4][3][0] = "245.001")));
    expect(f.cell?.address).toBe("G7");
    expect(f.line).toBe("Totaal gelijk");
    expect(f.expected?.toString()).toBe("245000");
  });
});
