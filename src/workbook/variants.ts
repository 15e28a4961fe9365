import ExcelJS from "./exceljs";
import Decimal from "decimal.js";
import { allocate } from "../core/allocate";
import { readDutchNumber } from "../core/dutchNumber";
import { Figure, Plan, PlanLine } from "../core/model";
import { sum } from "../core/money";
import { plan2024 } from "../core/plan2024";
import { sumRanges } from "../core/rules/FORMULA-RANGE";
import { decimalOfNumber } from "../core/value";
import { AMOUNT_FORMAT, FTE_FORMAT, percentFormat } from "./format";
import { writePublishedWorkbook } from "./published";

/*
 * Realistic variants of the 2024 plan as people keep it: last year's file, edited. Each starts
 * from the published layout (examples/up-2024-published.xlsx: sheet `Uitvoeringsplan`, Tabel 1
 * rows 5–28, Tabel 2 rows 30–35, Tabel 3 rows 37–49, Tabel 4 rows 51–56, Tabel 6 rows 58–77,
 * years 2023–2027 in D–H) and makes the edits a user makes. Some then pass through LibreOffice
 * (scripts/make-variants.js), so that their formulas carry results a real spreadsheet computed.
 */

export interface Variant {
  file: string;
  /** What was done to the plan, in the words of test/variants. */
  description: string;
  make: () => ExcelJS.Workbook;
  /** Formulas are left without a result: only a LibreOffice recalculation gives the fixture. */
  needsRecalc?: boolean;
}

/** A variant produced by LibreOffice from another: recalculated, optionally edited as .fods. */
export interface LibreOfficeVariant {
  file: string;
  description: string;
  from: string;
  /** An edit of the flat ODF XML, as a user typing in LibreOffice would make it. */
  editFods?: (xml: string) => string;
}

const SHEET = "Uitvoeringsplan";

type Ws = ExcelJS.Worksheet;

function published(plan: Plan = plan2024()): { wb: ExcelJS.Workbook; ws: Ws } {
  const wb = writePublishedWorkbook(plan);
  return { wb, ws: wb.getWorksheet(SHEET)! };
}

function* cellsIn(ws: Ws, range: string): Generator<ExcelJS.Cell> {
  const [a, b = a] = range.split(":");
  const from = ws.getCell(a);
  const to = ws.getCell(b);
  for (let r = Number(from.row); r <= Number(to.row); r++)
    for (let c = Number(from.col); c <= Number(to.col); c++) yield ws.getCell(r, c);
}

/** Dutch text figures become true numbers with a number format, as a user tidying up does. */
function tidyNumbers(ws: Ws, range: string): void {
  for (const cell of cellsIn(ws, range)) {
    if (typeof cell.value !== "string") continue;
    const n = readDutchNumber(cell.value);
    if (!n) continue;
    cell.value = Number(n.value.toString());
    cell.numFmt = n.percent
      ? percentFormat(n.decimals)
      : n.decimals > 0
        ? FTE_FORMAT
        : AMOUNT_FORMAT;
  }
}

/** Numbers become Dutch text, as a paste from the PDF leaves them; amounts with `€`. */
function asText(ws: Ws, range: string, euro: boolean): void {
  for (const cell of cellsIn(ws, range)) {
    const n = typeof cell.value === "number" ? decimalOfNumber(cell.value) : undefined;
    if (!n) continue;
    const grouped = n.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    cell.value = euro ? `€ ${grouped}` : grouped;
    cell.numFmt = "@";
  }
}

/** Moves a block of cells (values, formats, fonts) and leaves the old place empty. */
function moveBlock(from: Ws, range: string, to: Ws, topLeft: string, keep = false): void {
  const origin = from.getCell(range.split(":")[0]);
  const target = to.getCell(topLeft);
  const dr = Number(target.row) - Number(origin.row);
  const dc = Number(target.col) - Number(origin.col);
  const copies = [...cellsIn(from, range)].map((c) => ({
    row: Number(c.row) + dr,
    col: Number(c.col) + dc,
    value: c.value,
    numFmt: c.numFmt,
    font: c.font,
  }));
  if (!keep) {
    for (const cell of cellsIn(from, range)) {
      cell.value = null;
      cell.style = {};
    }
  }
  for (const c of copies) {
    const cell = to.getCell(c.row, c.col);
    cell.value = c.value;
    if (c.numFmt) cell.numFmt = c.numFmt;
    if (c.font) cell.font = c.font;
  }
}

/** What the spreadsheet would compute for a plain sum: the numbers in its ranges. */
function sumResult(wb: ExcelJS.Workbook, ws: Ws, formula: string): number {
  const rects = sumRanges(formula, ws.name);
  if (!rects) throw new Error(`variants: ${formula} is no plain sum`);
  const values = rects.flatMap((r) => {
    const sheet = wb.getWorksheet(r.sheet)!;
    const out: Decimal[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const v = sheet.getCell(row, col).value;
        const n =
          typeof v === "number"
            ? v
            : v && typeof v === "object" && "result" in v && typeof v.result === "number"
              ? v.result
              : undefined;
        const d = n === undefined ? undefined : decimalOfNumber(n);
        if (d) out.push(d);
      }
    return out;
  });
  return Number(sum(values).toString());
}

/** Writes `=formula` into a cell, with the result Excel would store, or none for LibreOffice. */
function setFormula(
  wb: ExcelJS.Workbook,
  ws: Ws,
  address: string,
  formula: string,
  withResult = true
) {
  const cell = ws.getCell(address);
  const numFmt = cell.numFmt;
  cell.value = withResult
    ? ({ formula, result: sumResult(wb, ws, formula) } as ExcelJS.CellFormulaValue)
    : ({ formula } as ExcelJS.CellFormulaValue);
  if (numFmt) cell.numFmt = numFmt;
}

const YEAR_COLUMNS = ["D", "E", "F", "G", "H"];

/** Totals as formulas, as a user who keeps the plan in Excel writes them. */
function formulaTotals(wb: ExcelJS.Workbook, ws: Ws, withResult = true): void {
  tidyNumbers(ws, "B61:H77");
  tidyNumbers(ws, "D10:H28");
  for (const c of YEAR_COLUMNS) {
    setFormula(wb, ws, `${c}28`, `SUM(${c}10:${c}27)`, withResult);
    setFormula(wb, ws, `${c}46`, `SUM(${c}40:${c}45)`, withResult);
    setFormula(wb, ws, `${c}49`, `${c}47+${c}48`, withResult);
    setFormula(wb, ws, `${c}56`, `SUM(${c}54:${c}55)`, withResult);
  }
  setFormula(wb, ws, "B77", "SUM(B61:B76)", withResult);
}

/** The 2024 plan with a sixth year, 2028: staff costs indexed by 2%, everything else consistent. */
export function planWith2028(): Plan {
  const plan = plan2024();
  const year = 2028;
  const copy = (l: PlanLine) => {
    const f = l.values.get(2027);
    if (f) l.values.set(year, { value: f.value, decimals: f.decimals });
  };
  const amount = (l: PlanLine, value: Decimal) => l.values.set(year, { value, decimals: 0 });
  const st = plan.staffing!;
  st.roles.forEach(copy);
  copy(st.total);
  const sc = plan.staffCosts!;
  const staff = sc.total.values.get(2027)!.value.times("1.02").toDecimalPlaces(0);
  const staffYouth = staff.times(sc.youth.share!.value).toDecimalPlaces(0);
  amount(sc.total, staff);
  amount(sc.youth, staffYouth);
  amount(sc.wmo, staff.minus(staffYouth));
  if (sc.grandTotal) amount(sc.grandTotal, staff);
  const mc = plan.materialCosts!;
  [...mc.lines, mc.subtotal, mc.youth, mc.wmo, ...(mc.grandTotal ? [mc.grandTotal] : [])].forEach(
    copy
  );
  const t = plan.totals!;
  const materialYouth = mc.youth.values.get(year)!.value;
  amount(t.staffYouth, staffYouth);
  amount(t.materialYouth, materialYouth);
  const total = staffYouth.plus(materialYouth);
  amount(t.total, total);
  const c = plan.contributions!;
  const parts = allocate(
    total,
    c.rows.map((r) => ({ id: r.label, key: r.key!.value }))
  );
  c.rows.forEach((r, i) => amount(r, parts[i]));
  amount(c.total, total);
  for (const table of [st, sc, mc, t, c]) table.years = [...table.years, year];
  return plan;
}

function figure(l: PlanLine, year: number): Figure {
  return l.values.get(year)!;
}

export const VARIANTS: readonly Variant[] = [
  {
    file: "01-moved-tables.xlsx",
    description:
      "Tabel 6 moved to K3, beside Tabel 1; Tabel 4 moved to B4 of a new sheet 'Totalen'",
    make() {
      const { wb, ws } = published();
      moveBlock(ws, "A58:H77", ws, "K3");
      moveBlock(ws, "A51:H56", wb.addWorksheet("Totalen"), "B4");
      return wb;
    },
  },
  {
    file: "02-extra-columns.xlsx",
    description:
      "an empty column inserted before B (everything one column right), a remarks column and a difference column after the years",
    make() {
      const { wb, ws } = published();
      ws.spliceColumns(2, 0, []);
      ws.getCell("K9").value = "opmerking";
      ws.getCell("K19").value = "inhuur loopt af";
      ws.getCell("K60").value = "mutatie 2027-2026";
      for (let r = 61; r <= 77; r++) ws.getCell(r, 11).value = 0;
      return wb;
    },
  },
  {
    file: "03-sixth-year.xlsx",
    description: "a sixth year, 2028, added to every table with consistent figures (column I)",
    make: () => published(planWith2028()).wb,
  },
  {
    file: "04-sixth-year-mistake.xlsx",
    description: "as 03, but Heerlen's 2028 amount (I66) typed € 1.000 too high",
    make() {
      const plan = planWith2028();
      const heerlen = plan.contributions!.rows.find((r) => r.label === "Heerlen")!;
      heerlen.values.set(2028, { value: figure(heerlen, 2028).value.plus(1000), decimals: 0 });
      return published(plan).wb;
    },
  },
  {
    file: "05-text-numbers.xlsx",
    description: "Tabel 3 and Tabel 4 also as text: Tabel 3 as '112.500', Tabel 4 as '€ 1.526.028'",
    make() {
      const { wb, ws } = published();
      asText(ws, "D40:H49", false);
      asText(ws, "D54:H56", true);
      return wb;
    },
  },
  {
    file: "06-merged-titles.xlsx",
    description:
      "titles merged across the table (Tabel 6's over two rows), header labels merged over A:C",
    make() {
      const { wb, ws } = published();
      for (const r of ["A5:H5", "A30:F30", "A37:H37", "A51:H51", "A58:H59", "A39:C39", "A60:C60"])
        ws.mergeCells(r);
      return wb;
    },
  },
  {
    file: "07-two-sheets.xlsx",
    description:
      "Tabel 1–3 on sheet 'Formatie'; Tabel 4 and Tabel 6 up to Maastricht on 'Verdeling' (A1, A8); Tabel 6 from Meerssen on 'Verdeling (2)' under a copy of its header (A1, rows from 2); the key's total (B9) a SUM over both sheets",
    make() {
      const { wb, ws } = published();
      tidyNumbers(ws, "B61:B77");
      const split = wb.addWorksheet("Verdeling");
      const rest = wb.addWorksheet("Verdeling (2)");
      moveBlock(ws, "A51:H56", split, "A1");
      moveBlock(ws, "A60:H60", rest, "A1", true);
      moveBlock(ws, "A58:H69", split, "A8");
      moveBlock(ws, "A70:H77", rest, "A2");
      ws.name = "Formatie";
      setFormula(wb, rest, "B9", "SUM(Verdeling!B11:B19,B2:B8)");
      return wb;
    },
  },
  {
    file: "08-formulas.xlsx",
    description:
      "totals as formulas with their results: Tabel 1 row 28 SUM(D10:D27), Tabel 3 row 46 SUM(D40:D45) and row 49 D47+D48, Tabel 4 row 56 SUM(D54:D55), Tabel 6 key total B77 SUM(B61:B76)",
    make() {
      const { wb, ws } = published();
      formulaTotals(wb, ws);
      return wb;
    },
  },
  {
    file: "09-sum-missing-row.xlsx",
    description:
      "as 08, but E28 is SUM(E11:E27), missing Coordinator, and F56 is SUM(F53:F55), reaching into the header row; results computed by LibreOffice",
    needsRecalc: true,
    make() {
      const { wb, ws } = published();
      formulaTotals(wb, ws, false);
      setFormula(wb, ws, "E28", "SUM(E11:E27)", false);
      setFormula(wb, ws, "F56", "SUM(F53:F55)", false);
      return wb;
    },
  },
  {
    file: "10-hidden-rows.xlsx",
    description:
      "rows 21 (Data-analist WMO, Tabel 1), 42 (juridische ondersteuning, Tabel 3) and 59 (blank, under Tabel 6's title) hidden",
    make() {
      const { wb, ws } = published();
      for (const r of [21, 42, 59]) ws.getRow(r).hidden = true;
      return wb;
    },
  },
  {
    file: "11-year-removed.xlsx",
    description:
      "the year 2023 removed from Tabel 1, 3, 4 and 6 (columns E–H moved to D–G), Tabel 1's total as SUM formulas",
    make() {
      const { wb, ws } = published();
      for (const [top, bottom] of [
        [9, 28],
        [39, 49],
        [53, 56],
        [60, 77],
      ]) {
        moveBlock(ws, `E${top}:H${bottom}`, ws, `D${top}`);
      }
      tidyNumbers(ws, "D10:G28");
      for (const c of ["D", "E", "F", "G"]) setFormula(wb, ws, `${c}28`, `SUM(${c}10:${c}27)`);
      return wb;
    },
  },
  {
    file: "12-municipality-names.xlsx",
    description:
      "municipality names as people write them: 'Eijsden Margraten' (A64), 'Sittard Geleen' (A72), 'Valkenburg a/d Geul' (A75)",
    make() {
      const { wb, ws } = published();
      ws.getCell("A64").value = "Eijsden Margraten";
      ws.getCell("A72").value = "Sittard Geleen";
      ws.getCell("A75").value = "Valkenburg a/d Geul";
      return wb;
    },
  },
  {
    file: "16-tabel6-unrecognised.xlsx",
    description:
      "Tabel 6 without its title and with a header of '23 … '27 (A58 and A60 emptied, D60:H60 as text): the recogniser cannot find it; a binding by hand can",
    make() {
      const { wb, ws } = published();
      ws.getCell("A58").value = null;
      ws.getCell("A60").value = null;
      YEAR_COLUMNS.forEach((c, i) => (ws.getCell(`${c}60`).value = `'${23 + i}`));
      return wb;
    },
  },
];

export const LIBREOFFICE_VARIANTS: readonly LibreOfficeVariant[] = [
  {
    file: "13-formulas-libreoffice.xlsx",
    description: "08 opened, recalculated and saved by LibreOffice Calc",
    from: "08-formulas.xlsx",
  },
  {
    file: "14-moved-libreoffice.xlsx",
    description: "01 opened, recalculated and saved by LibreOffice Calc",
    from: "01-moved-tables.xlsx",
  },
  {
    file: "15-edited-in-libreoffice.xlsx",
    description:
      "12 edited in LibreOffice Calc: Maastricht's 2024 amount (E69) typed as 425.261 instead of 424.261",
    from: "12-municipality-names.xlsx",
    editFods(xml) {
      const at = xml.indexOf("<text:p>Maastricht</text:p>");
      const old = "<text:p>424.261</text:p>";
      const i = xml.indexOf(old, at);
      if (at < 0 || i < 0) throw new Error("variants: Maastricht's 2024 amount not found");
      return `${xml.slice(0, i)}<text:p>425.261</text:p>${xml.slice(i + old.length)}`;
    },
  },
];
