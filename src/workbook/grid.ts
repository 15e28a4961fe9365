import ExcelJS from "./exceljs";
import { CellValue, GridCell, GridTable, SheetGrid, WorkbookGrid } from "../reader/grid";

/*
 * An ExcelJS workbook as the plain grid the pure reader works on. ExcelJS never calculates:
 * a formula cell carries only the result the spreadsheet program stored with it.
 */

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : plainValue(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in value) return value.text;
  }
  return null;
}

function gridCell(cell: ExcelJS.Cell): GridCell | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const value = plainValue(cell.value);
  const g: GridCell = { value };
  const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
  if (formula) g.formula = formula;
  if (cell.numFmt) g.numFmt = cell.numFmt;
  if (value === null && !formula) return undefined;
  return g;
}

function tablesOf(ws: ExcelJS.Worksheet): GridTable[] {
  const tables: GridTable[] = [];
  for (const t of ws.getTables() as unknown as { table: { name: string; tableRef?: string } }[]) {
    const model = t.table;
    if (model?.name && model.tableRef) tables.push({ name: model.name, ref: model.tableRef });
  }
  return tables;
}

export function sheetFromExcelJS(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = new Map<number, Map<number, GridCell>>();
  const hiddenRows = new Set<number>();
  let rowCount = 0;
  let columnCount = 0;
  // Only the rows that exist: a stray cell at A1048576 must not make a million empty rows.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) hiddenRows.add(r);
    const cells = new Map<number, GridCell>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const g = gridCell(cell);
      if (!g) return;
      cells.set(c, g);
      columnCount = Math.max(columnCount, c);
    });
    if (cells.size > 0) {
      rows.set(r, cells);
      rowCount = Math.max(rowCount, r);
    }
  });
  // ws.model would serialise every row just to list the merges; the merge map is enough.
  const mergeMap = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {};
  const merges = Object.values(mergeMap).map((m) => m.range);
  return {
    name: ws.name,
    rows,
    rowCount,
    columnCount,
    tables: tablesOf(ws),
    merges,
    hiddenRows,
    hidden: ws.state !== "visible" && ws.state !== undefined,
  };
}

export function gridFromExcelJS(wb: ExcelJS.Workbook, name: string): WorkbookGrid {
  return { name, sheets: wb.worksheets.map(sheetFromExcelJS) };
}
