import type { Workbook, Worksheet } from "exceljs";
import { Report, ReportCell, RowStyle } from "./report";

/*
 * The report as an .xlsx file, for the browser page's download. Loaded with import() so
 * ExcelJS stays out of the pane's first bundle.
 */

export const NUMBER_FORMATS: Record<ReportCell["format"], string | undefined> = {
  text: undefined,
  euro: '"€" #,##0',
  percent: "0.00%",
  decimal: "0.00",
  date: "yyyy-mm-dd",
};

export const STYLE_FILL: Partial<Record<RowStyle, string>> = {
  header: "FFDDE6F0",
  ok: "FFE7F4E4",
  problem: "FFFDE7E9",
};

function fill(sheet: Worksheet, report: Report): void {
  report.widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  report.rows.forEach((row, r) => {
    const xlRow = sheet.getRow(r + 1);
    row.cells.forEach((c, i) => {
      const cell = xlRow.getCell(i + 1);
      cell.value =
        c.value === null ? null : typeof c.value === "string" ? c.value : c.value.toNumber();
      const fmt = NUMBER_FORMATS[c.format];
      if (fmt) cell.numFmt = fmt;
      cell.alignment = {
        wrapText: row.style === "body" || row.style === "problem",
        vertical: "top",
      };
      if (row.style === "title") cell.font = { bold: true, size: 14 };
      if (row.style === "heading" || row.style === "header") cell.font = { bold: true };
      const color = STYLE_FILL[row.style];
      if (color) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: color } };
    });
  });
  sheet.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Builds the report workbook and returns its bytes. */
export async function reportXlsx(report: Report): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("../workbook/exceljs");
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = "UP";
  fill(wb.addWorksheet(report.sheetName), report);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
