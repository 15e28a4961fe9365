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
