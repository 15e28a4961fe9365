import ExcelJS from "exceljs";
import { MockSheet, MockTable, MockWorkbook } from "./mockWorkbook";

/*
 * An .xlsx file as Excel shows it to Office.js: per sheet the used range's values (a formula's
 * calculated result, a date as its serial number, the text of rich text and links), formulas
 * with their "=", number formats ("General" where none), value types, and the merged areas,
 * hidden rows, visibility and tables of the file. The cells of a merged area other than its
 * first are empty, as Excel has them.
 */

type Cell = string | number | boolean;

/** Excel's serial number of a date (1900 date system), as Office.js returns dates. */
function serial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function officeValue(value: ExcelJS.CellValue): { value: Cell; type: string } {
  if (value === null || value === undefined) return { value: "", type: "Empty" };
  if (typeof value === "number") return { value, type: "Double" };
  if (typeof value === "string") return { value, type: "String" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  if (value instanceof Date) return { value: serial(value), type: "Double" };
  if ("error" in value) return { value: String(value.error), type: "Error" };
  if ("richText" in value)
    return { value: value.richText.map((t) => t.text).join(""), type: "String" };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return officeValue((result ?? null) as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return { value: value.text, type: "String" };
  return { value: "", type: "Empty" };
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

function mockSheet(ws: ExcelJS.Worksheet, index: number): MockSheet {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (officeValue(cell.value).type === "Empty" && !cell.formula) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  const rows = bottom === 0 ? 0 : bottom - top + 1;
  const columns = right === 0 ? 0 : right - left + 1;
  const values: Cell[][] = [];
  const formulas: Cell[][] = [];
  const numberFormat: string[][] = [];
  const valueTypes: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line = {
      values: [] as Cell[],
      formulas: [] as Cell[],
      formats: [] as string[],
      types: [] as string[],
    };
    for (let c = 0; c < columns; c++) {
      const cell = ws.getCell(top + r, left + c);
      const merged = cell.type === ExcelJS.ValueType.Merge;
      const { value, type } = merged ? { value: "", type: "Empty" } : officeValue(cell.value);
      line.values.push(value);
      line.formulas.push(!merged && cell.formula ? `=${cell.formula}` : value);
      line.formats.push((!merged && cell.numFmt) || "General");
      line.types.push(type);
    }
    values.push(line.values);
    formulas.push(line.formulas);
    numberFormat.push(line.formats);
    valueTypes.push(line.types);
  }
  const merges = Object.values(
    (ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {}
  ).map((m) => m.range);
  return {
    name: ws.name,
    id: `{sheet-${index}}`,
    origin: rows === 0 ? "A1" : `${ws.getColumn(left).letter}${top}`,
    values,
    formulas,
    numberFormat,
    valueTypes,
    hiddenRows,
    merges,
    visibility: VISIBILITY[(ws.state ?? "visible") as keyof typeof VISIBILITY] ?? "Visible",
  };
}

/** The file's workbook as the mock Excel workbook Office.js would see with it open. */
export async function mockFromXlsx(data: Uint8Array, name: string): Promise<MockWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheets = wb.worksheets.map(mockSheet);
  const tables: MockTable[] = wb.worksheets.flatMap((ws) =>
    (ws.getTables() as unknown as { table: { name: string; tableRef?: string } }[])
      .filter((t) => t.table?.name && t.table.tableRef)
      .map((t) => ({ name: t.table.name, sheet: ws.name, address: t.table.tableRef! }))
  );
  return new MockWorkbook(name, sheets, tables);
}
