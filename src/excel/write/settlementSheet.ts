import { insertSheet } from "./addedSheet";

/** The settlement as a sheet of its own ("Afrekening 2025"), undone by restore: see addedSheet.ts. */
export const insertSettlementSheet = insertSheet;

/** The selected range: its address (Sheet!A1:B2) and values, for the pane to read from. */
export async function readSelection(
  context: Excel.RequestContext
): Promise<{ address: string; values: unknown[][] }> {
  const range = context.workbook.getSelectedRange();
  range.load(["address", "values"]);
  await context.sync();
  return { address: range.address, values: range.values };
}
