import ExcelJS from "exceljs";
import { HyperFormula, RawCellContent } from "hyperformula";
import { lineValue } from "../../src/core/query";
import { plan2024 } from "../../src/core/plan2024";
import { columnLetter } from "../../src/reader/grid";
import { registerUpFunctions } from "./hyperformulaUp";

/*
 * A real workbook (.xlsx written and read back with ExcelJS) with =UP.* formulas next to
 * native formulas that compute the same figure from the plan's numbers typed into the sheet,
 * evaluated by a real formula engine. The UP functions answer from the built-in 2024 plan,
 * the sheet holds the same published figures as plain numbers.
 *
 * The computed contribution is the largest remainder allocation of the Tabel 4 total, so its
 * native twin is the largest remainder method written out in formulas: each share rounded down,
 * then one euro more for the shares whose remainder ranks within the euros left over (ties:
 * the larger key). ROUND(key × total) is compared as well: it may differ by at most one euro.
 */

const plan = plan2024();
const YEARS = plan.totals?.years ?? [];
const rows = plan.contributions?.rows ?? [];
const FIRST = 3;
const LAST = FIRST + rows.length - 1;

/** Column of block `b` (0-based) for year index `i`: blocks of 5 years, a gap between. */
const col = (block: number, i: number): string => columnLetter(3 + block * 6 + i);
const YEAR = 0;
const UP_COMPUTED = 1;
const FLOOR = 2;
const REMAINDER = 3;
const NATIVE = 4;
const ROUNDED = 5;
const UP_STATED = 6;
const STATED = 7;
const UP_ALLOCATE = 8;

async function buildWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bijdragen");
  ws.getCell("A1").value = "gemeente";
  ws.getCell("B1").value = "sleutel";
  ws.getCell("A2").value = "totaal Tabel 4";
  YEARS.forEach((year, i) => {
    const y = col(YEAR, i);
    ws.getCell(`${y}1`).value = year;
    ws.getCell(`${y}2`).value = lineValue(plan.totals!.total, year).toNumber();
    const keySum = `SUM($B$${FIRST}:$B$${LAST})`;
    ws.getCell(`${col(UP_ALLOCATE, i)}${FIRST}`).value = {
      formula: `UP.ALLOCATE(${y}$2,$B$${FIRST}:$B$${LAST})`,
    } as ExcelJS.CellFormulaValue;
    rows.forEach((row, r) => {
      const n = FIRST + r;
      const exact = `$B${n}*${y}$2/${keySum}`;
      const rem = col(REMAINDER, i);
      const floor = col(FLOOR, i);
      const cells: Record<number, string> = {
        [UP_COMPUTED]: `UP.CONTRIBUTION($A${n},${y}$1)`,
        [FLOOR]: `ROUNDDOWN(${exact},0)`,
        [REMAINDER]: `${exact}-${floor}${n}`,
        [NATIVE]:
          `${floor}${n}+IF(COUNTIF(${rem}$${FIRST}:${rem}$${LAST},">"&${rem}${n})` +
          `+COUNTIFS(${rem}$${FIRST}:${rem}$${LAST},${rem}${n},$B$${FIRST}:$B$${LAST},">"&$B${n})` +
          `<${y}$2-SUM(${floor}$${FIRST}:${floor}$${LAST}),1,0)`,
        [ROUNDED]: `ROUND($B${n}*${y}$2,0)`,
        [UP_STATED]: `UP.CONTRIBUTION($A${n},${y}$1,"stated")`,
      };
      for (const [block, formula] of Object.entries(cells)) {
        ws.getCell(`${col(Number(block), i)}${n}`).value = {
          formula,
        } as ExcelJS.CellFormulaValue;
      }
      ws.getCell(`${col(STATED, i)}${n}`).value = lineValue(row, year).toNumber();
    });
  });
  rows.forEach((row, r) => {
    ws.getCell(`A${FIRST + r}`).value = row.label;
    ws.getCell(`B${FIRST + r}`).value = row.key!.value.toNumber();
  });

  // Other tables: UP.* beside the native sum of the published lines.
  const o = wb.addWorksheet("Overzicht");
  const t1 = plan.staffing!;
  const t3 = plan.materialCosts!;
  const t4 = plan.totals!;
  o.getRow(1).values = [
    "jaar",
    "UP.FTE",
    "som functies",
    "UP.TOTAL",
    "som Tabel 4",
    "UP.MATERIALCOST",
    "som kostenposten",
    "UP.TOTAL formatie",
    "Tabel 4 formatie",
  ];
  YEARS.forEach((year, i) => {
    const n = 2 + i;
    o.getCell(`A${n}`).value = year;
    // Published lines, typed in columns L onwards: roles, then cost lines, then Tabel 4 lines.
    t1.roles.forEach((role, k) => {
      o.getCell(n, 12 + k).value = lineValue(role, year).toNumber();
    });
    const rolesEnd = columnLetter(12 + t1.roles.length - 1);
    const linesStart = 12 + t1.roles.length;
    t3.lines.forEach((line, k) => {
      o.getCell(n, linesStart + k).value = lineValue(line, year).toNumber();
    });
    const linesEnd = columnLetter(linesStart + t3.lines.length - 1);
    const t4Start = linesStart + t3.lines.length;
    o.getCell(n, t4Start).value = lineValue(t4.staffYouth, year).toNumber();
    o.getCell(n, t4Start + 1).value = lineValue(t4.materialYouth, year).toNumber();
    const f = (formula: string) => ({ formula }) as ExcelJS.CellFormulaValue;
    o.getCell(`B${n}`).value = f(`UP.FTE(A${n})`);
    o.getCell(`C${n}`).value = f(`ROUND(SUM(L${n}:${rolesEnd}${n}),4)`);
    o.getCell(`D${n}`).value = f(`UP.TOTAL(A${n})`);
    o.getCell(`E${n}`).value = f(`${columnLetter(t4Start)}${n}+${columnLetter(t4Start + 1)}${n}`);
    o.getCell(`F${n}`).value = f(`UP.MATERIALCOST(A${n})`);
    o.getCell(`G${n}`).value = f(`SUM(${columnLetter(linesStart)}${n}:${linesEnd}${n})`);
    o.getCell(`H${n}`).value = f(`UP.TOTAL(A${n},"formatie")`);
    o.getCell(`I${n}`).value = f(`${columnLetter(t4Start)}${n}`);
  });

  // Keys from components: UP.KEYS beside 25% equal share + 25% of each column's share.
  const k = wb.addWorksheet("Sleutel");
  k.getRow(1).values = [
    "gemeente",
    "jongeren",
    "toekenningen",
    "declaraties",
    "UP.KEYS",
    "zelf berekend",
    "UP.KEY",
    "Tabel 6",
  ];
  rows.forEach((row, r) => {
    const n = 2 + r;
    // Made-up counts with distinct shares per column.
    k.getRow(n).values = [
      row.label,
      1000 + 137 * r,
      50 + 7 * ((r * 5) % 16),
      300 + 11 * ((r * 3) % 16),
    ];
    const last = 1 + rows.length;
    k.getCell(`F${n}`).value = {
      formula: `0.25/${rows.length}+0.25*B${n}/SUM(B$2:B$${last})+0.25*C${n}/SUM(C$2:C$${last})+0.25*D${n}/SUM(D$2:D$${last})`,
    } as ExcelJS.CellFormulaValue;
    k.getCell(`G${n}`).value = { formula: `UP.KEY(A${n})` } as ExcelJS.CellFormulaValue;
    k.getCell(`H${n}`).value = row.key!.value.toNumber();
  });
  k.getCell("E2").value = {
    formula: `UP.KEYS(A2:D${1 + rows.length})`,
  } as ExcelJS.CellFormulaValue;
  k.getCell("J2").value = { formula: "UP.MUNICIPALITIES()" } as ExcelJS.CellFormulaValue;

  // Written to .xlsx bytes and read back, as a user's file would be.
  const bytes = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as ArrayBuffer);
  return back;
}

/** The sheets as HyperFormula takes them: formulas with "=", values as they are. */
function sheetsOf(wb: ExcelJS.Workbook): Record<string, RawCellContent[][]> {
  const out: Record<string, RawCellContent[][]> = {};
  wb.eachSheet((ws) => {
    const data: RawCellContent[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const line: RawCellContent[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value as unknown;
        line[c - 1] =
          v && typeof v === "object" && "formula" in v
            ? `=${(v as { formula: string }).formula}`
            : (v as RawCellContent);
      });
      data[r - 1] = Array.from(line, (v) => v ?? null);
    });
    out[ws.name] = Array.from(data, (l) => l ?? []);
  });
  return out;
}

let hf: HyperFormula;

beforeAll(async () => {
  await registerUpFunctions();
  const wb = await buildWorkbook();
  hf = HyperFormula.buildFromSheets(sheetsOf(wb), { licenseKey: "gpl-v3" });
});

afterAll(() => hf?.destroy());

function value(sheet: string, a1: string): unknown {
  const address = hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet)!);
  return hf.getCellValue(address!);
}

test("the workbook has a plan of 16 municipalities and 5 years", () => {
  expect(rows).toHaveLength(16);
  expect(YEARS).toEqual([2023, 2024, 2025, 2026, 2027]);
});

test.each(YEARS.map((y, i) => [y, i]))(
  "UP.CONTRIBUTION equals the native largest remainder for all 16 municipalities in %i",
  (_year, i) => {
    let upSum = 0;
    let roundSum = 0;
    for (let n = FIRST; n <= LAST; n++) {
      const up = value("Bijdragen", `${col(UP_COMPUTED, i)}${n}`);
      const native = value("Bijdragen", `${col(NATIVE, i)}${n}`);
      const rounded = value("Bijdragen", `${col(ROUNDED, i)}${n}`) as number;
      expect(typeof up).toBe("number");
      expect(up).toBe(native);
      // ROUND(key × total) differs only where the remainder rule hands out a euro (or keeps one).
      expect(Math.abs((up as number) - rounded)).toBeLessThanOrEqual(1);
      expect(value("Bijdragen", `${col(UP_ALLOCATE, i)}${n}`)).toBe(up);
      upSum += up as number;
      roundSum += rounded;
    }
    const total = value("Bijdragen", `${col(YEAR, i)}2`) as number;
    expect(upSum).toBe(total);
    // The reason for the remainder rule: whole-euro rounding alone may miss the total.
    expect(Math.abs(roundSum - total)).toBeLessThanOrEqual(16);
  }
);

test("the comparison can tell the two apart: somewhere the remainder rule and ROUND differ", () => {
  // 2025: 11 of the 16 remainders are ≥ 0,5 but only 10 euros are left, so one ROUND is a euro too many.
  let differ = 0;
  YEARS.forEach((_y, i) => {
    for (let n = FIRST; n <= LAST; n++) {
      const up = value("Bijdragen", `${col(UP_COMPUTED, i)}${n}`);
      if (up !== value("Bijdragen", `${col(ROUNDED, i)}${n}`)) differ++;
    }
  });
  expect(differ).toBeGreaterThan(0);
});

test.each(YEARS.map((y, i) => [y, i]))(
  'UP.CONTRIBUTION(…;"stated") equals the Tabel 6 amount typed in the sheet in %i',
  (_year, i) => {
    for (let n = FIRST; n <= LAST; n++) {
      expect(value("Bijdragen", `${col(UP_STATED, i)}${n}`)).toBe(
        value("Bijdragen", `${col(STATED, i)}${n}`)
      );
    }
  }
);

test("UP.FTE, UP.TOTAL and UP.MATERIALCOST equal the native sums of the published lines", () => {
  YEARS.forEach((_y, i) => {
    const n = 2 + i;
    expect(value("Overzicht", `B${n}`)).toBeCloseTo(value("Overzicht", `C${n}`) as number, 10);
    expect(value("Overzicht", `D${n}`)).toBe(value("Overzicht", `E${n}`));
    expect(value("Overzicht", `F${n}`)).toBe(value("Overzicht", `G${n}`));
    expect(value("Overzicht", `H${n}`)).toBe(value("Overzicht", `I${n}`));
  });
});

test("UP.KEYS spills the keys the native formula computes; UP.KEY gives Tabel 6's key", () => {
  for (let n = 2; n <= 1 + rows.length; n++) {
    expect(value("Sleutel", `E${n}`)).toBeCloseTo(value("Sleutel", `F${n}`) as number, 14);
    expect(value("Sleutel", `G${n}`)).toBeCloseTo(value("Sleutel", `H${n}`) as number, 14);
  }
});

test("UP.MUNICIPALITIES spills the names of the plan down", () => {
  for (let n = 2; n <= 1 + rows.length; n++) {
    expect(value("Sleutel", `J${n}`)).toBe(value("Sleutel", `A${n}`));
  }
});

test("an error of a UP function is an Excel error with its message in the engine", () => {
  const id = hf.getSheetId("Sleutel")!;
  hf.setCellContents({ sheet: id, row: 40, col: 0 }, [['=UP.CONTRIBUTION("Heerle",2025)']]);
  const v = hf.getCellValue({ sheet: id, row: 40, col: 0 }) as { type: string; message: string };
  expect(v.type).toBe("VALUE");
  expect(v.message).toBe("Onbekende gemeente 'Heerle' — bedoelt u Heerlen?");
  hf.setCellContents({ sheet: id, row: 41, col: 0 }, [["=UP.TOTAL(2031)"]]);
  const w = hf.getCellValue({ sheet: id, row: 41, col: 0 }) as { type: string; message: string };
  expect(w.type).toBe("NA");
  expect(w.message).toBe("Jaar 2031 staat niet in Tabel 4 (wel: 2023–2027)");
});
