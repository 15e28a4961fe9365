import { Acceptance } from "../../report/findings";

/*
 * Accepted findings live in a hidden sheet of the workbook, so they travel with the file:
 * the next check, the report and a colleague's pane all see them.
 */

export const ACCEPT_SHEET = "UP_Geaccepteerd";
const HEADER = ["bevinding", "reden", "datum"];

async function rows(
  context: Excel.RequestContext
): Promise<{ sheet: Excel.Worksheet | null; values: unknown[][] }> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(ACCEPT_SHEET);
  await context.sync();
  if (sheet.isNullObject) return { sheet: null, values: [] };
  const used = sheet.getUsedRange();
  used.load("values");
  await context.sync();
  return { sheet, values: used.values.slice(1).filter((r) => r[0] !== "") };
}

export async function readAcceptances(
  context: Excel.RequestContext
): Promise<Map<string, Acceptance>> {
  const { values } = await rows(context);
  return new Map(values.map((r) => [String(r[0]), { reason: String(r[1]), date: String(r[2]) }]));
}

/** Saves (or replaces) the reason a finding was accepted; an empty reason is refused. */
export async function saveAcceptance(
  context: Excel.RequestContext,
  key: string,
  acceptance: Acceptance
): Promise<void> {
  if (acceptance.reason.trim() === "") throw new Error("reason required");
  let { sheet, values } = await rows(context);
  if (!sheet) {
    sheet = context.workbook.worksheets.add(ACCEPT_SHEET);
    sheet.getRange("A1:C1").values = [HEADER];
    sheet.visibility = Excel.SheetVisibility.hidden;
  }
  const index = values.findIndex((r) => String(r[0]) === key);
  const row = (index >= 0 ? index : values.length) + 2;
  // Text, so a reason such as "3,5%" or a date stays exactly as typed.
  sheet.getRange(`A${row}:C${row}`).numberFormat = [["@", "@", "@"]];
  sheet.getRange(`A${row}:C${row}`).values = [[key, acceptance.reason.trim(), acceptance.date]];
  await context.sync();
}

/** Withdraws an acceptance; the row is emptied so the others keep their place. */
export async function removeAcceptance(context: Excel.RequestContext, key: string): Promise<void> {
  const { sheet, values } = await rows(context);
  const index = values.findIndex((r) => String(r[0]) === key);
  if (!sheet || index < 0) return;
  sheet.getRange(`A${index + 2}:C${index + 2}`).delete(Excel.DeleteShiftDirection.up);
  await context.sync();
}
