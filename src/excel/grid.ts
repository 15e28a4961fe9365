import { formatReference, parseReference } from "../core/address";
import { CellValue, GridCell, GridTable, SheetGrid, WorkbookGrid } from "../reader/grid";

/*
 * Office.js → WorkbookGrid: the whole workbook as plain data, in one Excel.run. One round trip
 * finds the sheets and tables, one the used ranges; their cells then come in blocks, because
 * Excel refuses a response of more than a few megabytes (values, formulas, number formats and
 * value types of a large budget sheet easily exceed that).
 */

/** Cells per round trip: four arrays of them stay well under Excel on the web's 5 MB limit. */
export const CELLS_PER_SYNC = 40_000;

/** Worksheet ids by name, to match change events (which carry the id) to plan ranges. */
export interface GridRead {
  grid: WorkbookGrid;
  sheetIds: Map<string, string>;
}

/** "Sheet1!B2:H20" or "'Tabel 6'!B2" → the part after the sheet. */
function localAddress(a: string): string {
  const ref = parseReference(a);
  return ref ? formatReference({ ...ref, sheet: undefined }) : a;
}

function cellValue(value: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value;
  return null;
}

/** Rows of one sheet's used range read in one request; indexes 0-based as in Office.js. */
interface Block {
  sheet: number;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Splits each used range into row blocks of at most `cells` cells, grouped per round trip. */
function blocksOf(
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[],
  cells: number
): Block[][] {
  const batches: Block[][] = [];
  let batch: Block[] = [];
  let size = 0;
  used.forEach((u, sheet) => {
    const step = Math.max(1, Math.floor(cells / Math.max(1, u.columnCount)));
    for (let r = 0; r < u.rowCount; r += step) {
      const rows = Math.min(step, u.rowCount - r);
      const block = {
        sheet,
        row: u.rowIndex + r,
        column: u.columnIndex,
        rows,
        columns: u.columnCount,
      };
      if (size + rows * u.columnCount > cells && batch.length > 0) {
        batches.push(batch);
        batch = [];
        size = 0;
      }
      batch.push(block);
      size += rows * u.columnCount;
    }
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export async function readWorkbookGrid(
  context: Excel.RequestContext,
  cellsPerSync = CELLS_PER_SYNC
): Promise<GridRead> {
  const workbook = context.workbook;
  workbook.load("name");
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const tables = workbook.tables;
  tables.load("items/name");
  await context.sync();

  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return range;
  });
  const tableInfo = tables.items.map((table) => {
    const ws = table.worksheet;
    ws.load("name");
    const range = table.getRange();
    range.load("address");
    return { table, ws, range };
  });
  await context.sync();

  const tablesBySheet = new Map<string, GridTable[]>();
  for (const { table, ws, range } of tableInfo) {
    const list = tablesBySheet.get(ws.name) ?? [];
    list.push({ name: table.name, ref: localAddress(range.address) });
    tablesBySheet.set(ws.name, list);
  }

  const sheetIds = new Map<string, string>();
  const result: SheetGrid[] = sheets.items.map((sheet) => {
    sheetIds.set(sheet.name, sheet.id);
    return {
      name: sheet.name,
      rows: new Map(),
      rowCount: 0,
      columnCount: 0,
      tables: tablesBySheet.get(sheet.name) ?? [],
      merges: [],
      hiddenRows: new Set<number>(),
      hidden: sheet.visibility !== "Visible",
    };
  });

  const extents = used.map((u) =>
    u.isNullObject
      ? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }
      : {
          rowIndex: u.rowIndex,
          columnIndex: u.columnIndex,
          rowCount: u.rowCount,
          columnCount: u.columnCount,
        }
  );
  for (const batch of blocksOf(extents, cellsPerSync)) {
    const ranges = batch.map((b) => {
      const range = sheets.items[b.sheet].getRangeByIndexes(b.row, b.column, b.rows, b.columns);
      range.load("values,formulas,numberFormat,valueTypes");
      return range;
    });
    await context.sync();
    batch.forEach((b, i) => fill(result[b.sheet], b, ranges[i]));
  }
  return { grid: { name: workbook.name, sheets: result }, sheetIds };
}

/** Copies a block's cells into the sheet: empty cells stay absent, as ExcelJS leaves them. */
function fill(sheet: SheetGrid, b: Block, range: Excel.Range): void {
  range.values.forEach((line, r) => {
    line.forEach((value, c) => {
      const formula = range.formulas[r]?.[c];
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      if (!isFormula && (value === "" || value === null)) return;
      const cell: GridCell = { value: cellValue(value, range.valueTypes[r]?.[c]) };
      if (isFormula) cell.formula = (formula as string).slice(1);
      const fmt = range.numberFormat[r]?.[c];
      if (typeof fmt === "string" && fmt !== "General") cell.numFmt = fmt;
      const row = b.row + r + 1;
      const column = b.column + c + 1;
      let cells = sheet.rows.get(row);
      if (!cells) sheet.rows.set(row, (cells = new Map()));
      cells.set(column, cell);
      sheet.rowCount = Math.max(sheet.rowCount, row);
      sheet.columnCount = Math.max(sheet.columnCount, column);
    });
  });
}
