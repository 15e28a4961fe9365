import type { Report } from "../../report/report";
import { recordAddedSheet } from "./backup";
import { writeReportSheet } from "./reportSheet";

/*
 * A sheet UP computes (a settlement, the key calculation table) inserted into the workbook as a
 * sheet of its own, after a free name ("Sleuteltabel 2025 (2)" when the name is taken), and
 * recorded in the backup sheet so that "Laatste wijziging terugzetten" removes it again. It
 * never writes into a sheet that exists: nothing of the user's is overwritten.
 */
export async function insertSheet(
  context: Excel.RequestContext,
  report: Report,
  label: string
): Promise<string> {
  const name = await writeReportSheet(context, report);
  await recordAddedSheet(context, name, label);
  return name;
}
