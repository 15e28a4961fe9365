import ExcelJS from "./exceljs";
import { BINDING_HEADER, BINDING_SHEET, bindingRow, TableBinding } from "../reader/binding";
import { loadWorkbook } from "./read";

/*
 * Bindings by hand saved with ExcelJS (command line, browser page): the very hidden sheet
 * UP_Koppelingen, the same layout the add-in writes with Office.js (src/excel/binding.ts).
 */

/** Replaces the workbook's bindings; no bindings leaves no binding sheet. */
export function writeBindings(wb: ExcelJS.Workbook, bindings: readonly TableBinding[]): void {
  const old = wb.getWorksheet(BINDING_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (bindings.length === 0) return;
  const ws = wb.addWorksheet(BINDING_SHEET, { state: "veryHidden" });
  ws.addRow([...BINDING_HEADER]);
  for (const b of bindings) ws.addRow(bindingRow(b));
  // Text cells, so that Excel does not read "D=2023" or a column letter as something else.
  ws.eachRow((row) => row.eachCell((cell) => (cell.numFmt = "@")));
}

/** The bytes of an .xlsx with these bindings saved in it; the rest of the workbook unchanged. */
export async function saveBindings(
  data: ArrayBuffer | Uint8Array,
  name: string,
  bindings: readonly TableBinding[]
): Promise<Uint8Array> {
  const wb = await loadWorkbook(data, name);
  writeBindings(wb, bindings);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
