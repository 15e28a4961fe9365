import { CellRef } from "../../core/model";

/**
 * Selects a finding's cells. Excel selects on one sheet at a time, so cells on other sheets
 * than the first one's are left out; returns the cells selected.
 */
export async function selectCells(
  context: Excel.RequestContext,
  cells: readonly CellRef[]
): Promise<CellRef[]> {
  if (cells.length === 0) return [];
  const sheetName = cells[0].sheet;
  const onSheet = cells.filter((c) => c.sheet === sheetName);
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  if (onSheet.length === 1) sheet.getRange(onSheet[0].address).select();
  else sheet.getRanges(onSheet.map((c) => c.address).join(",")).select();
  await context.sync();
  return onSheet;
}
