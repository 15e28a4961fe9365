import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { checkPlan } from "../../src/core/check";
import { DEFAULT_WEIGHTS } from "../../src/core/distributionKey";
import { D } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { findingKey, groupFindings } from "../../src/report/findings";
import { compareKeys } from "../../src/report/keyComparison";
import { isUpFormula, valuesCopy } from "../../src/report/valuesCopy";

const equalRows = () =>
  MUNICIPALITIES.map((m) => ({
    municipality: m,
    values: new Map([
      ["jongeren", new D(10)],
      ["toekenningen", new D(10)],
      ["declaraties", new D(10)],
    ]),
  }));

describe("groupFindings", () => {
  it("puts one cause's findings together, errors first", () => {
    const result = checkPlan(plan2024());
    const groups = groupFindings(result.findings);
    const alloc = groups.find((g) => g.rule === "ALLOC-AMOUNT")!;
    expect(alloc.findings).toHaveLength(16);
    expect(alloc.findings.every((f) => f.table === "Tabel 6")).toBe(true);
    const severities = groups.map((g) => g.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => (a === b ? 0 : a === "error" ? -1 : b === "error" ? 1 : 0))
    );
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(result.findings.length);
  });

  it("gives findings a key that survives a new check", () => {
    const a = checkPlan(plan2024()).findings.map(findingKey);
    const b = checkPlan(plan2024()).findings.map(findingKey);
    expect(a).toEqual(b);
  });
});

describe("compareKeys", () => {
  it("gives every municipality 1/16 when all counts are equal, and allocates by largest remainder", () => {
    const plan = plan2024();
    const r = compareKeys(plan, equalRows(), DEFAULT_WEIGHTS);
    if (!r.ok) throw new Error(r.error.en);
    const beek = r.value.rows.find((x) => x.municipality === "Beek")!;
    expect(beek.nextKey.eq(new Decimal(1).div(16))).toBe(true);
    expect(beek.currentKey!.eq("0.0353")).toBe(true);
    expect(beek.keyDiff!.eq(new Decimal("0.0625").minus("0.0353"))).toBe(true);
    // 2024: 2.582.231 / 16 = 161.389,4375 → 161.389 each, 7 euros left for the first 7 by name.
    const amounts2024 = r.value.rows.map((x) => x.amounts.get(2024)!.next.toNumber());
    expect(amounts2024.filter((a) => a === 161390)).toHaveLength(7);
    expect(amounts2024.filter((a) => a === 161389)).toHaveLength(9);
    expect(beek.amounts.get(2024)!.next.toNumber()).toBe(161390);
    expect(beek.amounts.get(2024)!.diff!.toNumber()).toBe(161390 - 91153);
    expect(
      r.value.rows
        .find((x) => x.municipality === "Voerendaal")!
        .amounts.get(2024)!
        .next.toNumber()
    ).toBe(161389);
  });

  it("follows the weights: all weight on young people gives Maastricht everything when only it has them", () => {
    const rows = equalRows().map((r) => ({
      municipality: r.municipality,
      values: new Map([...r.values, ["jongeren", new D(r.municipality === "Maastricht" ? 5 : 0)]]),
    }));
    const weights = new Map([
      ["gelijk", new D(0)],
      ["jongeren", new D(100)],
      ["toekenningen", new D(0)],
      ["declaraties", new D(0)],
    ]);
    const r = compareKeys(plan2024(), rows, weights);
    if (!r.ok) throw new Error(r.error.en);
    const m = r.value.rows.find((x) => x.municipality === "Maastricht")!;
    expect(m.nextKey.toNumber()).toBe(1);
    expect(m.amounts.get(2025)!.next.toNumber()).toBe(2183425);
  });

  it("says in words when the weights do not add up to 100", () => {
    const weights = new Map(DEFAULT_WEIGHTS);
    weights.set("gelijk", new D(30));
    const r = compareKeys(plan2024(), equalRows(), weights);
    expect(r).toEqual({
      ok: false,
      error: {
        nl: "De wegingen tellen op tot 105%, niet tot 100%",
        en: "The weights add up to 105%, not 100%",
      },
    });
  });
});

describe("valuesCopy", () => {
  it("replaces UP formulas by their stored results and keeps other formulas", async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("Bijdragen");
    s.getCell("A1").value = {
      formula: 'UP.BIJDRAGE("Beek";2024)',
      result: 91153,
    } as ExcelJS.CellFormulaValue;
    s.getCell("A2").value = { formula: "SUM(A1:A1)", result: 91153 } as ExcelJS.CellFormulaValue;
    s.getCell("A3").value = {
      formula: 'ROUND(up.key("Vaals"),4)',
      result: 0.0256,
    } as ExcelJS.CellFormulaValue;
    s.getCell("A4").value = { formula: "SETUP.X(1)" } as ExcelJS.CellFormulaValue;
    const copy = await valuesCopy(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(copy.replaced).toBe(2);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(copy.data as unknown as ArrayBuffer);
    const b = back.getWorksheet("Bijdragen")!;
    expect(b.getCell("A1").value).toBe(91153);
    expect(b.getCell("A2").formula).toBe("SUM(A1:A1)");
    expect(b.getCell("A3").value).toBe(0.0256);
    expect(b.getCell("A4").formula).toBe("SETUP.X(1)");
  });

  it("recognises UP functions as typed and as Excel saves them, not the UP_ tables", () => {
    expect(isUpFormula("UP.KEY(A1)")).toBe(true);
    expect(isUpFormula("1+_xldudf_UP_KEY(A1)")).toBe(true);
    expect(isUpFormula("SUM(UP_Bijdragen[2024])")).toBe(false);
    expect(isUpFormula('SUM(A1)+up.contribution("Beek";2024)')).toBe(true);
    expect(isUpFormula("BACKUP.X()")).toBe(false);
  });
});
