import ExcelJS from "exceljs";
import { checkPlan } from "../../src/core/check";
import { Plan } from "../../src/core/model";
import { Acceptances } from "../../src/report/findings";
import { buildReport, Lang, Report, ReportInput } from "../../src/report/report";
import { reportXlsx } from "../../src/report/xlsxReport";

/* Reports as the user gets them: built, written to .xlsx and read back with ExcelJS. */

export function reportOf(
  plan: Plan,
  extra: Partial<ReportInput> = {},
  lang: Lang = "nl",
  accepted: Acceptances = new Map()
): Report {
  return buildReport(
    {
      plan,
      result: checkPlan(plan),
      accepted,
      formulaSource: "workbook",
      workbook: "plan & co.xlsx",
      date: new Date(2026, 10, 23, 14, 5),
      ...extra,
    },
    lang
  );
}

export async function workbookOf(report: Report): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reportXlsx(report)) as unknown as ArrayBuffer);
  return wb;
}

/** The number of the print title row of a sheet ("15:15" → 15). */
export function titleRow(ws: ExcelJS.Worksheet): number {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? "");
  if (!m || m[1] !== m[2])
    throw new Error(`no single print title row: ${ws.pageSetup.printTitlesRow}`);
  return Number(m[1]);
}

/** The first row below the header whose first cell is `label`. */
export function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = titleRow(ws) + 1; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  }
  throw new Error(`no row '${label}' in ${ws.name}`);
}

/** The column number of a header of the table. */
export function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(titleRow(ws));
  for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === header) return c;
  throw new Error(`no column '${header}' in ${ws.name}`);
}

/** Every text in a sheet. */
export function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === "string") out.push(c.value);
    })
  );
  return out;
}

export function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f?.type === "pattern" ? f.fgColor?.argb : undefined;
}
