import { BINDING_HEADER, BINDING_SHEET, bindingRow, TableBinding } from "../reader/binding";
import { address } from "../core/address";

/*
 * Bindings by hand saved in the open workbook: the very hidden sheet UP_Koppelingen, laid out
 * as the command line and the browser page write it (src/workbook/bindings.ts), so each reads
 * what the other saved. The plan source reads it back with the rest of the workbook.
 */

export async function saveBindingsInExcel(
  context: Excel.RequestContext,
  bindings: readonly TableBinding[]
): Promise<void> {
  const sheets = context.workbook.worksheets;
  let ws = sheets.getItemOrNullObject(BINDING_SHEET);
  await context.sync();
  if (ws.isNullObject) ws = sheets.add(BINDING_SHEET);
  else {
    ws.getUsedRange().clear();
    await context.sync();
  }
  const rows = [[...BINDING_HEADER], ...bindings.map(bindingRow)].map((r) => r.map(String));
  const range = ws.getRange(`A1:${address(rows.length, BINDING_HEADER.length)}`);
  // Text format first, so that Excel keeps "A60:H77" and "D=2023" as typed.
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
  ws.visibility = Excel.SheetVisibility.veryHidden;
  await context.sync();
}
