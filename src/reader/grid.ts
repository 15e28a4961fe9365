/*
 * A workbook as plain data: what the plan reader needs of a spreadsheet, whoever opened it.
 * ExcelJS (command line, browser page) and Office.js (the add-in) both produce this, so the
 * reader that recognises plan tables is one pure piece of code.
 */

/** An error value such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

export interface GridCell {
  /** The value as stored; for a formula, its cached result. */
  value: CellValue;
  /** The formula without the leading "=", when the cell has one. */
  formula?: string;
  /** Excel number format, e.g. "0.00%" or "#,##0". */
  numFmt?: string;
}

export interface GridTable {
  /** Excel table (ListObject) name, e.g. "UP_Bijdragen". */
  name: string;
  /** Range including the header row, e.g. "A1:G18". */
  ref: string;
}

export interface SheetGrid {
  name: string;
  /** Cells by 1-based row then 1-based column; missing entries are empty. */
  rows: Map<number, Map<number, GridCell>>;
  rowCount: number;
  columnCount: number;
  tables: GridTable[];
  /** Merged ranges such as "A1:H1". */
  merges: string[];
  hiddenRows: Set<number>;
  hidden: boolean;
}

export interface WorkbookGrid {
  /** File or workbook name, for messages and the report. */
  name: string;
  sheets: SheetGrid[];
  /** Manual table bindings saved in the workbook (see issue "Read the plans people really have"). */
  bindings?: string;
}

export function cellAt(sheet: SheetGrid, row: number, column: number): GridCell | undefined {
  return sheet.rows.get(row)?.get(column);
}

/** "A".."Z","AA".. for a 1-based column number. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Parses "D7" into 1-based row and column. */
export function parseAddress(a: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}
