import { formatReference, parseReference, splitOutside } from "../core/address";
import { CellValue, GridCell, GridTable, SheetGrid, WorkbookGrid } from "../reader/grid";
import { supports } from "./supports";

/*
 * Office.js → WorkbookGrid: the whole workbook as plain data, in one Excel.run, as the ExcelJS
 * adapter (src/workbook/grid.ts) gives it for the same file: cells, tables, merged cells, hidden
 * rows and sheets. One round trip finds the sheets and tables, one the used ranges; the cells then
 * come in blocks sized by what they measured, because Excel on the web refuses a response of more
 * than 5 MB (resource-limits-and-performance-optimization: "payload size limit for requests and
 * responses of 5MB"), and a block of long formulas is far heavier than one of numbers.
 */

/** Bytes one response may carry: 40% of Excel on the web's 5 MB, for JSON framing and escapes. */
export const PAYLOAD_BYTES = 2_000_000;
/** Cells of the first block, before anything is measured: small enough for the longest formulas. */
export const PROBE_CELLS = 5_000;
/** Blocks are sized for this share of the payload: later cells may weigh more than measured. */
const HEADROOM = 0.8;
/** At most this many cells in one block, however little they weigh. */
export const MAX_CELLS = 200_000;

export interface GridReadOptions {
  payloadBytes?: number;
  probeCells?: number;
  maxCells?: number;
}

/** Worksheet and table ids by name, to match change events (which carry ids) to plan ranges. */
export interface GridRead {
  grid: WorkbookGrid;
  sheetIds: Map<string, string>;
  tableIds: Map<string, string>;
  /** The size of each round trip that read cells: cells and measured bytes. */
  batches: { cells: number; bytes: number }[];
}

/** "Sheet1!B2:H20" or "'Tabel 6'!B2" → the part after the sheet. */
function localAddress(a: string): string {
  const ref = parseReference(a);
  return ref ? formatReference({ ...ref, sheet: undefined }) : a;
}

/** "'a,b'!A1:B2,Blad2!C3" → its areas; a comma inside a quoted sheet name does not split. */
export function areasOf(address: string): string[] {
  return splitOutside(address, ",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
}

function cellValue(value: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value;
  return null;
}

/** A rectangle of one sheet's used range read in one request; indexes 0-based as in Office.js. */
interface Block {
  sheet: number;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

interface Extent {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Where the next block starts: a sheet, a row of its used range and a column (for wide rows). */
interface Cursor {
  sheet: number;
  row: number;
  column: number;
}

/**
 * The blocks of the next round trip, at most `cells` cells together: whole rows of a sheet's used
 * range, several sheets if they are small, part of one row if a single row holds more.
 */
function nextBatch(extents: Extent[], at: Cursor, cells: number): { batch: Block[]; next: Cursor } {
  const batch: Block[] = [];
  let size = 0;
  let { sheet, row, column } = at;
  while (sheet < extents.length) {
    const u = extents[sheet];
    if (row >= u.rowCount) {
      sheet++;
      row = 0;
      column = 0;
      continue;
    }
    let block: Block;
    if (u.columnCount <= cells) {
      const rows = Math.min(Math.floor(cells / u.columnCount), u.rowCount - row);
      if (batch.length > 0 && size + rows * u.columnCount > cells) break;
      block = { sheet, row: u.rowIndex + row, column: u.columnIndex, rows, columns: u.columnCount };
      row += rows;
    } else {
      if (batch.length > 0) break;
      const columns = Math.min(cells, u.columnCount - column);
      block = { sheet, row: u.rowIndex + row, column: u.columnIndex + column, rows: 1, columns };
      column += columns;
      if (column >= u.columnCount) {
        row++;
        column = 0;
      }
    }
    batch.push(block);
    size += block.rows * block.columns;
  }
  return { batch, next: { sheet, row, column } };
}

/** The length of a text in UTF-8 bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair: one character of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** What a loaded block weighed in the response: the UTF-8 bytes of its JSON. */
function measure(range: Excel.Range): number {
  return utf8Length(
    JSON.stringify([range.values, range.formulas, range.numberFormat, range.valueTypes])
  );
}

function tooLarge(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "ResponsePayloadSizeLimitExceeded";
}

/** The rows of a sheet's used range that no visible area covers (1-based). */
function hiddenRowsOf(u: Extent, visible: Excel.RangeAreas | undefined): Set<number> {
  const hidden = new Set<number>();
  if (!visible || u.rowCount === 0) return hidden;
  const shown = visible.isNullObject
    ? []
    : areasOf(visible.address).flatMap((a) => {
        const ref = parseReference(a);
        return ref ? [ref] : [];
      });
  for (let r = u.rowIndex + 1; r <= u.rowIndex + u.rowCount; r++) {
    if (!shown.some((area) => area.top <= r && r <= area.bottom)) hidden.add(r);
  }
  return hidden;
}

export async function readWorkbookGrid(
  context: Excel.RequestContext,
  options: GridReadOptions = {}
): Promise<GridRead> {
  const payloadBytes = options.payloadBytes ?? PAYLOAD_BYTES;
  const maxCells = options.maxCells ?? MAX_CELLS;
  const workbook = context.workbook;
  workbook.load("name");
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const tables = workbook.tables;
  tables.load("items/name,items/id");
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
  const tableIds = new Map<string, string>();
  for (const { table, ws, range } of tableInfo) {
    const list = tablesBySheet.get(ws.name) ?? [];
    list.push({ name: table.name, ref: localAddress(range.address) });
    tablesBySheet.set(ws.name, list);
    tableIds.set(table.name, table.id);
  }

  const extents: Extent[] = used.map((u) =>
    u.isNullObject
      ? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }
      : {
          rowIndex: u.rowIndex,
          columnIndex: u.columnIndex,
          rowCount: u.rowCount,
          columnCount: u.columnCount,
        }
  );

  // Hidden rows (ExcelApi 1.9) and merged cells (1.13) of each used range, in a round trip of
  // their own; an Excel without them gives a grid without them, as a file without them would.
  const visibleRows = supports("ExcelApi 1.9")
    ? extents.map((u, i) => {
        if (u.rowCount === 0) return undefined;
        const rows = sheets.items[i].getRangeByIndexes(u.rowIndex, 0, u.rowCount, 1);
        const visible = rows.getEntireRow().getSpecialCellsOrNullObject("Visible");
        visible.load("address");
        return visible;
      })
    : [];
  const merged = supports("ExcelApi 1.13")
    ? used.map((u) => {
        if (u.isNullObject) return undefined;
        const areas = u.getMergedAreasOrNullObject();
        areas.load("address");
        return areas;
      })
    : [];
  if (visibleRows.length > 0 || merged.length > 0) await context.sync();

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

  const batches: GridRead["batches"] = [];
  let cells = Math.min(options.probeCells ?? PROBE_CELLS, maxCells);
  let bytesPerCell = 0;
  let at: Cursor = { sheet: 0, row: 0, column: 0 };
  while (at.sheet < extents.length) {
    const { batch, next } = nextBatch(extents, at, cells);
    if (batch.length === 0) break;
    const ranges = batch.map((b) => {
      const range = sheets.items[b.sheet].getRangeByIndexes(b.row, b.column, b.rows, b.columns);
      range.load("values,formulas,numberFormat,valueTypes");
      return range;
    });
    try {
      // One round trip per block is the point: Excel on the web refuses a larger response.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const size = batch.reduce((n, b) => n + b.rows * b.columns, 0);
      if (!tooLarge(e) || size <= 1) throw e;
      // Heavier than measured so far: the same cells again, in half the size.
      cells = Math.max(1, Math.floor(size / 2));
      continue;
    }
    const size = batch.reduce((n, b) => n + b.rows * b.columns, 0);
    const bytes = ranges.reduce((n, r) => n + measure(r), 0);
    if (size > 0) batches.push({ cells: size, bytes });
    batch.forEach((b, i) => fill(result[b.sheet], b, ranges[i]));
    at = next;
    if (size > 0) bytesPerCell = Math.max(bytesPerCell, bytes / size);
    if (bytesPerCell > 0)
      cells = Math.max(1, Math.min(maxCells, Math.floor((payloadBytes * HEADROOM) / bytesPerCell)));
  }

  result.forEach((sheet, i) => {
    sheet.hiddenRows = hiddenRowsOf(extents[i], visibleRows[i]);
    const areas = merged[i];
    if (areas && !areas.isNullObject) sheet.merges = areasOf(areas.address).map(localAddress);
  });
  return { grid: { name: workbook.name, sheets: result }, sheetIds, tableIds, batches };
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
