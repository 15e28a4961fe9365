import ExcelJS from "exceljs";
import { plan2024 } from "../../src/core/plan2024";
import { ReadResult } from "../../src/reader";
import { writePublishedWorkbook } from "../../src/workbook/published";
import { readPlanFromBuffer } from "../../src/workbook/read";

/** A sheet as cells by row and column, to build variants of a pasted plan in tests. */
export interface CellData {
  value: ExcelJS.CellValue;
  numFmt?: string;
}
export type Cells = Map<number, Map<number, CellData>>;

export function cellsOf(ws: ExcelJS.Worksheet): Cells {
  const out: Cells = new Map();
  ws.eachRow((row, r) => {
    const m = new Map<number, CellData>();
    row.eachCell((cell, c) => m.set(c, { value: cell.value, numFmt: cell.numFmt || undefined }));
    out.set(r, m);
  });
  return out;
}

/** The published 2024 example's only sheet, as cells. */
export function publishedCells(): Cells {
  return cellsOf(writePublishedWorkbook(plan2024()).worksheets[0]);
}

export function map(
  cells: Cells,
  f: (r: number, c: number, d: CellData) => [number, number, CellData] | undefined
): Cells {
  const out: Cells = new Map();
  for (const [r, row] of cells) {
    for (const [c, d] of row) {
      const m = f(r, c, d);
      if (!m) continue;
      const [r2, c2, d2] = m;
      if (!out.has(r2)) out.set(r2, new Map());
      out.get(r2)!.set(c2, d2);
    }
  }
  return out;
}

/** The row whose column A holds `label` (the first, or the first after `after`). */
export function rowOf(cells: Cells, label: string, after = 0): number {
  const rows = [...cells.keys()].sort((a, b) => a - b);
  const r = rows.find((n) => n > after && cells.get(n)?.get(1)?.value === label);
  if (r === undefined) throw new Error(`no row '${label}'`);
  return r;
}

export function set(cells: Cells, r: number, c: number, d: CellData | undefined): void {
  if (!cells.has(r)) cells.set(r, new Map());
  if (d === undefined) cells.get(r)!.delete(c);
  else cells.get(r)!.set(c, d);
}

export function workbookOf(sheets: { name: string; cells: Cells }[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [r, row] of s.cells) {
      for (const [c, d] of row) {
        const cell = ws.getCell(r, c);
        cell.value = d.value;
        if (d.numFmt) cell.numFmt = d.numFmt;
      }
    }
  }
  return wb;
}

/** Writes the sheets to a real .xlsx and reads the plan back from its bytes. */
export async function readSheets(
  sheets: { name: string; cells: Cells }[],
  name = "variant.xlsx"
): Promise<ReadResult> {
  const data = await workbookOf(sheets).xlsx.writeBuffer();
  return readPlanFromBuffer(new Uint8Array(data as ArrayBuffer), name);
}

/**
 * Whole euros by the largest remainder, worked out in the tests on their own (not with UP's
 * allocate): `weights` are integers, each amount is total × weight / Σ weights rounded so that
 * the amounts add up to the total; ties go to the first.
 */
export function largestRemainder(total: number, weights: number[]): number[] {
  const all = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / all);
  const amounts = exact.map(Math.floor);
  let left = total - amounts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) if (left-- > 0) amounts[i]++;
  return amounts;
}
