import { address, columnLetter } from "../../core/address";
import { numberFormat } from "../../report/numberFormat";
import { freeSheetName, Report } from "../../report/report";
import { fullRow, indented, ReportSheet, wraps } from "../../report/sheet";
import { CellStyle, cellStyle } from "../../report/styles";
import { supports } from "../apiSets";

/*
 * The report as sheets in the open workbook, as laid out by src/report: values, number
 * formats, widths, heights and colours within ExcelApi 1.7; print titles, page header and
 * footer, orientation and fit to width need ExcelApi 1.9 (pageLayout), set only where Excel
 * has it.
 */

export { freeSheetName };

/** Whether this Excel can set the print setup of a sheet (ExcelApi 1.9). */
export function canSetPageLayout(): boolean {
  return supports("ExcelApi 1.9");
}

/** Excel's column width in points for a width in characters of the standard font. */
const points = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

function style(range: Excel.Range, st: CellStyle): void {
  if (st.bold) range.format.font.bold = true;
  if (st.italic) range.format.font.italic = true;
  if (st.size) range.format.font.size = st.size;
  if (st.color) range.format.font.color = `#${st.color}`;
  if (st.fill) range.format.fill.color = `#${st.fill}`;
  if (st.lineAbove) range.format.borders.getItem("EdgeTop").style = "Continuous";
  if (st.lineBelow) range.format.borders.getItem("EdgeBottom").style = "Continuous";
}

function writeSheet(ws: Excel.Worksheet, s: ReportSheet, pageLayout: boolean): void {
  const width = s.columns.length;
  const grid = s.rows.map((r) => fullRow(r.cells, width));
  const all = ws.getRange(`A1:${address(grid.length, width)}`);
  // Formats first: a text cell formatted "@" keeps text that looks like a formula as text.
  all.numberFormat = grid.map((r) => r.map((c) => numberFormat(c, s.lang)));
  all.values = grid.map((r) =>
    r.map((c) =>
      c.value === null ? "" : typeof c.value === "string" ? c.value : c.value.toNumber()
    )
  );
  all.format.verticalAlignment = "Top";
  s.columns.forEach((c, i) => {
    const col = columnLetter(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = points(c.width);
  });
  s.rows.forEach((row, r) => {
    const n = r + 1;
    const line = ws.getRange(`A${n}:${address(n, width)}`);
    line.format.rowHeight = row.height;
    grid[r].forEach((c, i) => {
      const st = cellStyle(row.style, c, i);
      const wrap = wraps(row, i, s.columns);
      // Indenting needs ExcelApi 1.9, as the print setup does.
      const indent = pageLayout && indented(row, i, s.columns);
      if (Object.keys(st).length === 0 && !wrap && !c.align && !indent) return;
      const cell = ws.getRange(address(n, i + 1));
      style(cell, st);
      if (wrap) cell.format.wrapText = true;
      // Excel indents only a cell aligned left (or right): the alignment goes first.
      if (c.align || indent)
        cell.format.horizontalAlignment = c.align === "right" ? "Right" : "Left";
      if (indent) cell.format.indentLevel = 1;
    });
    if (row.merge) {
      ws.getRange(`${address(n, row.merge.from + 1)}:${address(n, row.merge.to + 1)}`).merge(false);
    }
  });
  if (!pageLayout) return;
  const page = ws.pageLayout;
  page.paperSize = Excel.PaperType.a4;
  page.orientation =
    s.orientation === "landscape"
      ? Excel.PageOrientation.landscape
      : Excel.PageOrientation.portrait;
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.centerHorizontally = true;
  page.setPrintTitleRows(`$${s.titleRow}:$${s.titleRow}`);
  const hf = page.headersFooters.defaultForAllPages;
  hf.leftHeader = s.pageHeader.left;
  hf.rightHeader = s.pageHeader.right;
  hf.leftFooter = s.pageFooter.left;
  hf.rightFooter = s.pageFooter.right;
}

/**
 * Writes the report as new sheets (the report, the check log, any sections) after a free
 * name each, and shows the first. Returns the first sheet's name.
 */
export async function writeReportSheet(
  context: Excel.RequestContext,
  report: Report
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const taken = sheets.items.map((s) => s.name);
  const pageLayout = canSetPageLayout();
  const names: string[] = [];
  for (const s of report.sheets) {
    const name = freeSheetName(s.name, taken);
    taken.push(name);
    names.push(name);
    writeSheet(sheets.add(name), s, pageLayout);
  }
  sheets.getItem(names[0]).activate();
  await context.sync();
  return names[0];
}
