import { Report } from "../../report/report";
import { NUMBER_FORMATS, STYLE_FILL } from "../../report/xlsxReport";
import { address, columnLetter } from "../../core/address";

/** A sheet name not yet in use: "Controleverslag", then "Controleverslag (2)", … */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Writes the report as a new sheet, formatted to print on A4 landscape, one page wide. */
export async function writeReportSheet(
  context: Excel.RequestContext,
  report: Report
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = freeSheetName(
    report.sheetName,
    sheets.items.map((s) => s.name)
  );
  const sheet = sheets.add(name);
  const width = report.widths.length;
  const values = report.rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const c = r.cells[i];
      if (!c || c.value === null) return "";
      return typeof c.value === "string" ? c.value : c.value.toNumber();
    })
  );
  const formats = report.rows.map((r) =>
    Array.from({ length: width }, (_, i) => NUMBER_FORMATS[r.cells[i]?.format ?? "text"] ?? "@")
  );
  const all = sheet.getRange(`A1:${address(values.length, width)}`);
  all.numberFormat = formats;
  all.values = values;
  all.format.verticalAlignment = Excel.VerticalAlignment.top;
  report.widths.forEach((w, i) => {
    const col = columnLetter(i + 1);
    // Excel measures column width in points; a character is about 7 points in Calibri 11.
    sheet.getRange(`${col}:${col}`).format.columnWidth = w * 7;
  });
  report.rows.forEach((r, i) => {
    const row = sheet.getRange(`A${i + 1}:${address(i + 1, width)}`);
    if (r.style === "title") {
      row.format.font.bold = true;
      row.format.font.size = 14;
    }
    if (r.style === "heading" || r.style === "header") row.format.font.bold = true;
    if (r.style === "body" || r.style === "problem") row.format.wrapText = true;
    const fill = STYLE_FILL[r.style];
    if (fill) row.format.fill.color = `#${fill.slice(2)}`;
  });
  sheet.pageLayout.paperSize = Excel.PaperType.a4;
  sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  sheet.pageLayout.centerHorizontally = true;
  sheet.activate();
  await context.sync();
  return name;
}
