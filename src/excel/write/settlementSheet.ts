import { Report } from "../../report/report";
import { recordAddedSheet } from "./backup";
import { writeReportSheet } from "./reportSheet";

/*
 * The settlement as a sheet of its own ("Afrekening 2025"; a free name when that is taken),
 * recorded in the backup sheet so that "Laatste wijziging terugzetten" removes it again. It
 * never writes into a sheet that exists: nothing of the user's is overwritten.
 */
export async function insertSettlementSheet(
  context: Excel.RequestContext,
  report: Report,
  label: string
): Promise<string> {
  const name = await writeReportSheet(context, report);
  await recordAddedSheet(context, name, label);
  return name;
}

/** The selected range: its address (Sheet!A1:B2) and values, for the pane to read from. */
export async function readSelection(
  context: Excel.RequestContext
): Promise<{ address: string; values: unknown[][] }> {
  const range = context.workbook.getSelectedRange();
  range.load(["address", "values"]);
  await context.sync();
  return { address: range.address, values: range.values };
}
