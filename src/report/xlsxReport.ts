import type { Workbook, Worksheet } from "exceljs";
import { numberFormat } from "./numberFormat";
import { Report } from "./report";
import { fullRow, indented, ReportSheet, wraps } from "./sheet";
import { cellStyle } from "./styles";

/*
 * The report as an .xlsx file, for the browser page's download. Loaded with import() so
 * ExcelJS stays out of the pane's first bundle.
 */

const THIN = { style: "thin" as const, color: { argb: "FF808080" } };

function fill(ws: Worksheet, s: ReportSheet): void {
  s.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  s.rows.forEach((row, r) => {
    const xlRow = ws.getRow(r + 1);
    xlRow.height = row.height;
    fullRow(row.cells, s.columns.length).forEach((c, i) => {
      const cell = xlRow.getCell(i + 1);
      if (c.value !== null) {
        cell.value = typeof c.value === "string" ? c.value : c.value.toNumber();
        cell.numFmt = numberFormat(c, s.lang);
      }
      cell.alignment = {
        vertical: "top",
        wrapText: wraps(row, i, s.columns),
        ...(c.align ? { horizontal: c.align } : {}),
        // Excel and LibreOffice indent only a cell aligned left (or right), not a general one.
        ...(indented(row, i, s.columns) ? { horizontal: c.align ?? "left", indent: 1 } : {}),
      };
      const st = cellStyle(row.style, c, i);
      if (st.bold || st.italic || st.size || st.color) {
        // Named, or LibreOffice falls back to a serif font for styled cells.
        cell.font = {
          name: "Calibri",
          size: st.size ?? 11,
          ...(st.bold ? { bold: true } : {}),
          ...(st.italic ? { italic: true } : {}),
          ...(st.color ? { color: { argb: `FF${st.color}` } } : {}),
        };
      }
      if (st.fill) {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${st.fill}` } };
      }
      if (st.lineAbove || st.lineBelow) {
        cell.border = {
          ...(st.lineAbove ? { top: THIN } : {}),
          ...(st.lineBelow ? { bottom: THIN } : {}),
        };
      }
    });
    if (row.merge) ws.mergeCells(r + 1, row.merge.from + 1, r + 1, row.merge.to + 1);
  });
  ws.pageSetup = {
    paperSize: 9,
    orientation: s.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${s.titleRow}:${s.titleRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: `&L${s.pageHeader.left}&R${s.pageHeader.right}`,
    oddFooter: `&L${s.pageFooter.left}&R${s.pageFooter.right}`,
  };
}

/** Builds the report workbook and returns its bytes. */
export async function reportXlsx(report: Report): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("../workbook/exceljs");
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = "UP";
  for (const s of report.sheets) fill(wb.addWorksheet(s.name), s);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
