import ExcelJS from "./exceljs";
import { formatDecimal, formatPercent, readDutchNumber } from "../core/dutchNumber";
import { Figure } from "../core/model";

/** What a figure is, for its number format and its text. */
export type FigureKind = "amount" | "percent" | "fte" | "count";

export const AMOUNT_FORMAT = "#,##0";
export const FTE_FORMAT = "0.0#";

export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}

/** Decimals the figure is shown with; for percentages in percentage points. */
export function shownDecimals(f: Figure, kind: FigureKind): number {
  if (f.decimals !== undefined) return f.decimals;
  return kind === "percent"
    ? Math.max(0, f.value.times(100).decimalPlaces())
    : f.value.decimalPlaces();
}

export function numberFormat(f: Figure | undefined, kind: FigureKind): string | undefined {
  switch (kind) {
    case "percent":
      return percentFormat(f ? shownDecimals(f, kind) : 2);
    case "amount": {
      const d = f ? shownDecimals(f, kind) : 0;
      return d > 0 ? `${AMOUNT_FORMAT}.${"0".repeat(d)}` : AMOUNT_FORMAT;
    }
    case "fte":
      return FTE_FORMAT;
    default:
      return undefined;
  }
}

/**
 * The figure written the Dutch way, as a pasted plan has it (`3.064.067`, `1,5`, `3,53%`),
 * or undefined when that text would not give back exactly the same value and decimals.
 */
export function dutchText(f: Figure, kind: FigureKind): string | undefined {
  const d = shownDecimals(f, kind);
  const text = kind === "percent" ? formatPercent(f.value, d) : formatDecimal(f.value, d);
  const back = readDutchNumber(text);
  if (
    !back ||
    !back.value.eq(f.value) ||
    back.decimals !== d ||
    back.percent !== (kind === "percent")
  )
    return undefined;
  return text;
}

/** The figure as an Excel number: exact for the 15 significant digits Excel keeps. */
export function excelNumber(f: Figure): number {
  return Number(f.value.toString());
}

/** Writes a figure as a true number with its number format. */
export function setNumber(cell: ExcelJS.Cell, f: Figure | undefined, kind: FigureKind): void {
  const fmt = numberFormat(f, kind);
  if (fmt) cell.numFmt = fmt;
  cell.value = f ? excelNumber(f) : null;
}
