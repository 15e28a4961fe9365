import { EMPTY, header, ReportCell, text } from "./cells";
import type { Lang } from "./report";

/*
 * A report sheet laid out for print: one table per sheet, whose header row repeats at the
 * top of every printed page, with the row heights that wrapped text needs (LibreOffice does
 * not grow a row by itself), and the page header and footer. Everything both writers need is
 * decided here; they only copy it into a file or a workbook.
 */

export type RowStyle =
  /** The sheet's title. */
  | "title"
  /** A label and its value above the table: file, date, tables read. */
  | "fact"
  /** The table's header row: the print title. */
  | "header"
  | "body"
  /** A rule in the check log, or a heading inside the table. */
  | "group"
  | "total"
  /** A line of explanation under the title or the table. */
  | "note"
  | "blank";

export interface ReportRow {
  style: RowStyle;
  cells: ReportCell[];
  /** Row height in points, for the longest wrapped cell of the row. */
  height: number;
  /**
   * Cells `from`…`to` (0-based) merged into one that wraps: a fact's value or a note, which
   * would otherwise be cut off (a number or date never runs over into the next cell).
   */
  merge?: { from: number; to: number };
}

export interface ReportColumn {
  /** Width in characters of the standard font. */
  width: number;
  /** Text in this column wraps within the column (inside the table only). */
  wrap: boolean;
  /** Text indented a little, so it does not run into the number in the column before. */
  indent: boolean;
}

export interface PageText {
  left: string;
  right: string;
}

export interface ReportSheet {
  name: string;
  lang: Lang;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** 1-based number of the header row, repeated at the top of every printed page. */
  titleRow: number;
  orientation: "portrait" | "landscape";
  /** Page header and footer with Excel's codes (&P page, &N pages); & in text doubled. */
  pageHeader: PageText;
  pageFooter: PageText;
}

/** A table column as a section describes it: header text, the format of its cells. */
export interface TableColumn {
  header: string;
  numeric: boolean;
  width: number;
  wrap?: boolean;
}

export interface TableRow {
  style: "body" | "group" | "total";
  cells: ReportCell[];
  merge?: ReportRow["merge"];
}

export interface SheetContent {
  name: string;
  lang: Lang;
  /** Shown in the page header of every page, left: the report and the plan. */
  reportTitle: string;
  title: string;
  /** Label/value lines above the table. */
  facts: { label: string; value: ReportCell }[];
  /** Lines of explanation between the facts and the table. */
  intro?: string[];
  columns: TableColumn[];
  rows: TableRow[];
  /** Lines under the table. */
  notes?: string[];
  /** File name and check date for the page footer. */
  footer: string;
}

/** Points per line of 11 pt text, as Excel and LibreOffice space it. */
const LINE = 15;
/** The title's line, at 14 pt. */
const TITLE_LINE = 20;
/**
 * Characters of ordinary text that fit a column `width` characters wide. Measured in
 * LibreOffice with its fallback font (DejaVu Sans, wider than Calibri): 20 → 22–25, 40 → 48;
 * taking a little less keeps the estimate on the safe side in Excel too.
 */
const perLine = (width: number, bold: boolean) =>
  Math.max(4, Math.floor(width * (bold ? 1.0 : 1.12)) - 1);

/** Lines a text needs in a column, wrapped at spaces as a spreadsheet wraps it. */
export function wrappedLines(value: string, width: number, bold = false): number {
  const room = perLine(width, bold);
  let lines = 0;
  for (const paragraph of value.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/ +/)) {
      if (word === "") continue;
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= room) {
        line = need;
      } else if (line === 0) {
        // A word longer than the column breaks inside itself.
        lines += Math.ceil(word.length / room) - 1;
        line = word.length % room || room;
      } else {
        lines++;
        line = word.length;
        if (line > room) {
          lines += Math.ceil(word.length / room) - 1;
          line = word.length % room || room;
        }
      }
    }
  }
  return lines;
}

const TABLE_STYLES: ReadonlySet<RowStyle> = new Set(["body", "group", "total"]);
/** Bold text is wider: these rows wrap sooner. */
const BOLD_STYLES: ReadonlySet<RowStyle> = new Set(["header", "group", "total"]);

/**
 * Whether the cell in column `i` of a row wraps: header cells, the text columns of the
 * table, merged cells. Both writers and the row height follow this one rule.
 */
export function wraps(row: Pick<ReportRow, "style" | "merge">, i: number, columns: ReportColumn[]) {
  if (row.merge && i === row.merge.from) return true;
  if (row.style === "header") return true;
  return TABLE_STYLES.has(row.style) && (columns[i]?.wrap ?? false);
}

/** Whether the cell in column `i` of a row is indented: in the table, not in a merged cell. */
export function indented(
  row: Pick<ReportRow, "style" | "merge">,
  i: number,
  columns: ReportColumn[]
) {
  if (row.merge && i >= row.merge.from) return false;
  return (row.style === "header" || TABLE_STYLES.has(row.style)) && (columns[i]?.indent ?? false);
}

function rowHeight(row: Omit<ReportRow, "height">, columns: ReportColumn[]): number {
  if (row.style === "title") return TITLE_LINE + 4;
  const m = row.merge;
  let lines = 1;
  row.cells.forEach((c, i) => {
    if (typeof c.value !== "string") return;
    const width =
      m && i === m.from
        ? columns.slice(m.from, m.to + 1).reduce((n, col) => n + col.width, 0)
        : (columns[i]?.width ?? 10) - (indented(row, i, columns) ? 1 : 0);
    const bold = BOLD_STYLES.has(row.style) || c.mark === "wrong";
    const n = wraps(row, i, columns)
      ? wrappedLines(c.value, width, bold)
      : c.value.split("\n").length;
    lines = Math.max(lines, n);
  });
  return lines * LINE + 3;
}

/** Doubles `&`, which starts a code in a page header or footer. */
export function pageText(s: string): string {
  return s.replace(/&/g, "&&");
}

/** The page number, as both programs fill it in: `Pagina 2 van 5`. */
function pageNumber(lang: Lang): string {
  return lang === "nl" ? "Pagina &P van &N" : "Page &P of &N";
}

/** A4 portrait holds about 100 characters of columns at a readable scale; wider goes landscape. */
const PORTRAIT_WIDTH = 100;

/**
 * Lays out one sheet: title, facts, intro, the table (header row = print title), notes.
 * Facts and notes are single lines that may run over the empty cells to their right.
 */
export function layoutSheet(content: SheetContent): ReportSheet {
  const columns: ReportColumn[] = content.columns.map((c, i) => ({
    width: c.width,
    wrap: c.wrap ?? false,
    indent: !c.numeric && i > 0 && content.columns[i - 1].numeric,
  }));
  const rows: ReportRow[] = [];
  const last = columns.length - 1;
  const push = (style: RowStyle, cells: ReportCell[], merge?: ReportRow["merge"]) => {
    const row = { style, cells, ...(merge ? { merge } : {}) };
    rows.push({ ...row, height: rowHeight(row, columns) });
  };
  push("title", [text(content.title)]);
  // A fact's value starts in the first column its label leaves free and spans the rest.
  const label = Math.max(0, ...content.facts.map((f) => f.label.length)) + 2;
  let valueAt = 1;
  for (let w = columns[0].width; w < label && valueAt < last; valueAt++)
    w += columns[valueAt].width;
  for (const f of content.facts) {
    const cells = [text(f.label), ...Array.from({ length: valueAt - 1 }, () => EMPTY), f.value];
    push("fact", [...cells.slice(0, -1), { ...f.value, align: "left" }], {
      from: valueAt,
      to: last,
    });
  }
  for (const line of content.intro ?? []) push("note", [text(line)], { from: 0, to: last });
  push("blank", []);
  push(
    "header",
    content.columns.map((c) => header(c.header, c.numeric))
  );
  const titleRow = rows.length;
  for (const r of content.rows) push(r.style, r.cells, r.merge);
  if (content.notes && content.notes.length > 0) {
    push("blank", []);
    for (const line of content.notes) push("note", [text(line)], { from: 0, to: last });
  }
  const total = columns.reduce((n, c) => n + c.width, 0);
  return {
    name: content.name,
    lang: content.lang,
    columns,
    rows,
    titleRow,
    orientation: total > PORTRAIT_WIDTH ? "landscape" : "portrait",
    pageHeader: { left: pageText(content.reportTitle), right: pageText(content.name) },
    pageFooter: { left: pageText(content.footer), right: pageNumber(content.lang) },
  };
}

/** The cells of a row padded to the table's width, so every writer sees a full grid. */
export function fullRow(cells: ReportCell[], width: number): ReportCell[] {
  return Array.from({ length: width }, (_, i) => cells[i] ?? EMPTY);
}
