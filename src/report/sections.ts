import Decimal from "decimal.js";
import { Message } from "../core/model";
import { cellText, CellFormat, hasCents, isNumeric, ReportCell, text } from "./cells";
import type { Lang } from "./report";
import { layoutSheet, ReportSheet, TableColumn } from "./sheet";

/*
 * Extra sheets of the report, for what other parts of UP compute (the scenario of the key
 * view, a settlement): a title, facts, one table and notes, in Dutch and English. Each
 * section becomes a sheet of its own with the report's print setup, in the .xlsx and in Excel.
 */

export type SectionValue = string | Message | Decimal | null;

export interface SectionFact {
  label: Message;
  value: SectionValue;
  format?: CellFormat;
  decimals?: number;
}

export interface SectionColumn {
  header: Message;
  /** `percent` and `percentDiff` take fractions (0.0353); `percentDiff` shows points. */
  format: CellFormat;
  /** Decimals always shown; default: cents when a value has them, percentages 2. */
  decimals?: number;
  /** More decimals shown when a value has them (percentages: up to 4). */
  maxDecimals?: number;
  /** A difference: always signed (`+€ 5.622`). */
  signed?: boolean;
  /** Width in characters; default from the header and the values. */
  width?: number;
}

export interface SectionRow {
  cells: SectionValue[];
  /** A total row: bold, with a line above. */
  total?: boolean;
}

export interface ReportSection {
  /** Sheet name (at most 31 characters; Excel's forbidden characters are replaced). */
  sheet: Message;
  title: Message;
  facts?: SectionFact[];
  intro?: Message[];
  columns: SectionColumn[];
  rows: SectionRow[];
  notes?: Message[];
}

/** What every sheet of one report shares. */
export interface SheetContext {
  lang: Lang;
  /** `Controleverslag Uitvoeringsplan 2024`, in every page header. */
  reportTitle: string;
  /** File and date, in every page footer. */
  footer: string;
}

const isMessage = (v: SectionValue): v is Message =>
  typeof v === "object" && v !== null && !(v instanceof Decimal) && "nl" in v;

/** A name Excel accepts for a sheet: no `[]:*?/\`, at most 31 characters. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, "-")
      .slice(0, 31)
      .trim() || "Blad"
  );
}

function sectionCell(
  value: SectionValue,
  column: Pick<SectionColumn, "format" | "decimals" | "maxDecimals" | "signed">,
  cents: boolean,
  lang: Lang
): ReportCell {
  if (value === null) return text(null);
  if (typeof value === "string") return text(value);
  if (isMessage(value)) return text(value[lang]);
  const format = column.format === "text" ? "count" : column.format;
  const percentLike = format === "percent" || format === "percentDiff";
  const decimals = column.decimals ?? (format === "euro" ? (cents ? 2 : 0) : percentLike ? 2 : 0);
  const maxDecimals = column.maxDecimals ?? (percentLike ? 4 : decimals);
  // A difference of fractions is shown in percentage points.
  const shown = format === "percentDiff" ? value.times(100) : value;
  return {
    value: shown,
    format,
    decimals,
    maxDecimals,
    ...(column.signed ? { signed: true } : {}),
  };
}

/** Lays out a section as a sheet of the report. */
export function sectionSheet(section: ReportSection, ctx: SheetContext): ReportSheet {
  const { lang } = ctx;
  const cents = section.columns.map((c, i) =>
    hasCents(section.rows.map((r) => (r.cells[i] instanceof Decimal ? r.cells[i] : null)))
  );
  const rows = section.rows.map((r) => ({
    style: r.total ? ("total" as const) : ("body" as const),
    cells: section.columns.map((c, i) => sectionCell(r.cells[i] ?? null, c, cents[i], lang)),
  }));
  const columns: TableColumn[] = section.columns.map((c, i) => {
    const longest = Math.max(
      c.header[lang].length,
      ...rows.map((r) => cellText(r.cells[i]).length)
    );
    const width = c.width ?? Math.min(40, Math.max(isNumeric(c.format) ? 12 : 10, longest + 2));
    return {
      header: c.header[lang],
      numeric: isNumeric(c.format),
      width,
      wrap: !isNumeric(c.format),
    };
  });
  return layoutSheet({
    name: sheetName(section.sheet[lang]),
    lang,
    reportTitle: ctx.reportTitle,
    title: section.title[lang],
    facts: (section.facts ?? []).map((f) => ({
      label: f.label[lang],
      value: sectionCell(
        f.value,
        { format: f.format ?? "text", decimals: f.decimals, maxDecimals: f.decimals },
        false,
        lang
      ),
    })),
    intro: section.intro?.map((m) => m[lang]),
    columns,
    rows,
    notes: section.notes?.map((m) => m[lang]),
    footer: ctx.footer,
  });
}
