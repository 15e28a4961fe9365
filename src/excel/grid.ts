import {
  CellValue,
  GridCell,
  GridTable,
  SheetGrid,
  WorkbookGrid,
  parseAddress,
} from "../reader/grid";

/*
 * Office.js → WorkbookGrid: the whole workbook as plain data, read in one Excel.run with two
 * round trips (the sheet list, then every used range and table at once).
 */

/** Worksheet ids by name, to match change events (which carry the id) to plan ranges. */
export interface GridRead {
  grid: WorkbookGrid;
  sheetIds: Map<string, string>;
}

/** "Sheet1!B2:H20" or "'Tabel 6'!B2" → the part after the sheet. */
function localAddress(a: string): string {
  const bang = a.lastIndexOf("!");
  return bang >= 0 ? a.slice(bang + 1) : a;
}

/** First cell of a range address, 1-based. */
function topLeft(a: string): { row: number; column: number } {
  const first = localAddress(a).split(":")[0];
  const p = parseAddress(first);
  if (!p) throw new Error(`Unexpected range address from Excel: ${a}`);
  return p;
}

function cellValue(value: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value;
  return null;
}

export async function readWorkbookGrid(context: Excel.RequestContext): Promise<GridRead> {
  const workbook = context.workbook;
  workbook.load("name");
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const tables = workbook.tables;
  tables.load("items/name");
  await context.sync();

  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("address,values,formulas,numberFormat,valueTypes");
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
  const result: SheetGrid[] = sheets.items.map((sheet, i) => {
    sheetIds.set(sheet.name, sheet.id);
    const range = used[i];
    const rows = new Map<number, Map<number, GridCell>>();
    let rowCount = 0;
    let columnCount = 0;
    if (!range.isNullObject) {
      const origin = topLeft(range.address);
      range.values.forEach((line, r) => {
        line.forEach((value, c) => {
          const formula = range.formulas[r]?.[c];
          const isFormula = typeof formula === "string" && formula.startsWith("=");
          if (!isFormula && (value === "" || value === null)) return;
          const cell: GridCell = { value: cellValue(value, range.valueTypes[r]?.[c]) };
          if (isFormula) cell.formula = (formula as string).slice(1);
          const fmt = range.numberFormat[r]?.[c];
          if (typeof fmt === "string" && fmt !== "General") cell.numFmt = fmt;
          const row = origin.row + r;
          const column = origin.column + c;
          let cells = rows.get(row);
          if (!cells) rows.set(row, (cells = new Map()));
          cells.set(column, cell);
          rowCount = Math.max(rowCount, row);
          columnCount = Math.max(columnCount, column);
        });
      });
    }
    return {
      name: sheet.name,
      rows,
      rowCount,
      columnCount,
      tables: tablesBySheet.get(sheet.name) ?? [],
      merges: [],
      hiddenRows: new Set<number>(),
      hidden: sheet.visibility !== "Visible",
    };
  });
  return { grid: { name: workbook.name, sheets: result }, sheetIds };
}
