import Decimal from "decimal.js";
import { formatDecimal } from "../core/dutchNumber";
import { Finding } from "../core/model";

/*
 * One cell of a report sheet: its value as a number or text, and how it is to be shown. Both
 * writers (ExcelJS for the .xlsx, Office.js for the sheet in Excel) turn `format` into the
 * same number format, so a figure is a number in the file, never text.
 */

export type CellFormat =
  | "text"
  /** An Excel date serial, shown as `23 november 2026 om 14:05`. */
  | "date"
  | "euro"
  | "percent"
  /** A difference of two percentages in percentage points, stored as points (0,12). */
  | "percentDiff"
  | "fte"
  | "count"
  /** A year: no thousands separator. */
  | "year";

/**
 * `wrong`: a stated figure that a finding says is wrong. `expected`: the figure that should
 * stand there, beside it. `accepted`: a finding the user accepted with a reason.
 */
export type Mark = "wrong" | "expected" | "accepted";

export interface ReportCell {
  value: string | Decimal | null;
  format: CellFormat;
  /** Decimals always shown (percent: in percentage points; euro: 0 or 2). */
  decimals?: number;
  /** Decimals shown when the value has them: 3,40% and 3,4025% in one column. */
  maxDecimals?: number;
  mark?: Mark;
  /** A difference: always signed (`+€ 5.622`, `-€ 1`, `+0,5`). */
  signed?: boolean;
  /** Text right-aligned above a column of numbers; a date or number left-aligned as a fact. */
  align?: "left" | "right";
}

export const EMPTY: ReportCell = { value: null, format: "text" };

export const text = (value: string | null | undefined): ReportCell => ({
  value: value ?? null,
  format: "text",
});

/** A header cell; right-aligned above numbers, as the numbers below it are. */
export const header = (value: string, numeric: boolean): ReportCell =>
  numeric ? { value, format: "text", align: "right" } : text(value);

/** Euros, with cents only when `cents`; the column decides, so its amounts line up. */
export const euro = (value: Decimal | null | undefined, cents = false): ReportCell => ({
  value: value ?? null,
  format: "euro",
  decimals: cents ? 2 : 0,
});

/** A difference in euros: `+€ 5.622`, `-€ 1`. */
export const euroDiff = (value: Decimal | null | undefined, cents = false): ReportCell => ({
  ...euro(value, cents),
  signed: true,
});

/** A fraction (0.0353) as a percentage with `decimals` to `maxDecimals` decimals. */
export const percent = (
  value: Decimal | null | undefined,
  decimals = 2,
  maxDecimals = decimals
): ReportCell => ({
  value: value ?? null,
  format: "percent",
  decimals,
  maxDecimals: Math.max(decimals, maxDecimals),
});

/** The difference of two fractions, in percentage points. */
export const percentDiff = (value: Decimal | null | undefined): ReportCell => ({
  value: value ? value.times(100) : null,
  format: "percentDiff",
  decimals: 2,
  maxDecimals: 4,
});

export const fte = (value: Decimal | null | undefined): ReportCell => ({
  value: value ?? null,
  format: "fte",
});

export const count = (value: Decimal | null | undefined): ReportCell => ({
  value: value ?? null,
  format: "count",
});

export const year = (value: number | null | undefined): ReportCell => ({
  value: value === null || value === undefined ? null : new Decimal(value),
  format: "year",
});

export const marked = (cell: ReportCell, mark: Mark): ReportCell => ({ ...cell, mark });

/** True when a column of these formats holds numbers, so its header aligns right. */
export function isNumeric(format: CellFormat): boolean {
  return format !== "text";
}

/** Whether any of the amounts has cents: then the whole column shows cents. */
export function hasCents(values: Iterable<Decimal | null | undefined>): boolean {
  for (const v of values) if (v && !v.isInteger()) return true;
  return false;
}

/** How a finding's expected or actual value is shown, by the finding's unit. */
export function findingCell(value: Decimal | null, unit: Finding["unit"]): ReportCell {
  switch (unit) {
    case "euro":
      return euro(value, hasCents([value]));
    case "fraction":
      return percent(value, 2, 4);
    case "fte":
      return fte(value);
    default:
      return count(value);
  }
}

/** The difference actual − expected of a finding, in its unit. */
export function findingDiffCell(f: Finding): ReportCell {
  const d = f.expected && f.actual ? f.actual.minus(f.expected) : null;
  switch (f.unit) {
    case "euro":
      return euroDiff(d, hasCents([d]));
    case "fraction":
      return percentDiff(d);
    case "fte":
      return { ...fte(d), signed: true };
    default:
      return { ...count(d), signed: true };
  }
}

/** A number the Dutch way with `min` to `max` decimals: `0,08`, `3,4025`. */
export function decimalsText(value: Decimal, min: number, max: number): string {
  const t = formatDecimal(value, max);
  const [int, frac = ""] = t.split(",");
  const f = frac.padEnd(min, "0");
  return f ? `${int},${f}` : int;
}

const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** The Excel serial of a local date and time (days since 30 December 1899). */
export function excelSerial(d: Date): Decimal {
  const utc = Date.UTC(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds()
  );
  return new Decimal(utc).div(86400000).plus(25569);
}

/** `23 november 2026 om 14:05`, as the date format shows the serial. */
export function dutchDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${dutchDate(d)} om ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** `23 november 2026`. */
export function dutchDate(d: Date): string {
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** The date in words, for a page footer: `23 november 2026`, `23 November 2026`. */
export function dateText(d: Date, lang: "nl" | "en"): string {
  return lang === "nl"
    ? dutchDate(d)
    : `${d.getDate()} ${MONTHS_EN[d.getMonth()]} ${d.getFullYear()}`;
}

function fromSerial(serial: Decimal): Date {
  const ms = serial.minus(25569).times(86400000).round().toNumber();
  const u = new Date(ms);
  return new Date(
    u.getUTCFullYear(),
    u.getUTCMonth(),
    u.getUTCDate(),
    u.getUTCHours(),
    u.getUTCMinutes()
  );
}

/** A cell as a Dutch reader sees it printed: for plain-text output and tests. */
export function cellText(c: ReportCell): string {
  if (c.value === null) return "";
  if (typeof c.value === "string") return c.value;
  const v = c.value;
  const max = Math.max(c.decimals ?? 0, c.maxDecimals ?? 0);
  // As the number format: at least one fixed decimal once there are any.
  const min = max > 0 ? Math.max(1, c.decimals ?? 0) : 0;
  const sign = v.isNegative() ? "-" : c.signed && !v.isZero() ? "+" : "";
  switch (c.format) {
    case "date":
      return dutchDateTime(fromSerial(v));
    case "euro":
      return `${sign}€ ${decimalsText(v.abs(), min, max)}`;
    case "percent":
      return `${sign}${decimalsText(v.abs().times(100), min, max)}%`;
    case "percentDiff":
      return `${v.isNegative() ? "-" : v.isZero() ? "" : "+"}${decimalsText(v.abs(), min, max)} %-punt`;
    case "fte":
      return `${sign}${decimalsText(v.abs(), 1, 2)}`;
    case "year":
      return v.toFixed(0);
    default:
      return `${sign}${decimalsText(v.abs(), 0, 4)}`;
  }
}
