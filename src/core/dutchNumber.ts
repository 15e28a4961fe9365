import Decimal from "decimal.js";
import { D } from "./money";

export interface ReadNumber {
  /** The value; a percentage is returned as a fraction (3,53% → 0.0353). */
  value: Decimal;
  percent: boolean;
  /** Decimals as written, for percentages counted in percentage points (3,53% → 2). */
  decimals: number;
}

const GROUPED_DOTS = /^\d{1,3}(\.\d{3})+$/;
const GROUPED_COMMAS = /^\d{1,3}(,\d{3})+$/;

/**
 * Reads a number written the Dutch way: `1.234.567`, `0,35`, `3,53%`, `€ 1.234`, `(1.234)`,
 * `-1.234,50`, or plainly `2025`. Returns undefined for text that is not one number, or that
 * could be read two ways.
 */
export function readDutchNumber(text: string): ReadNumber | undefined {
  let s = text.replace(/[\s\u00a0\u202f]+/g, "");
  if (s === "") return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^(€|EUR)/i, "");
  if (/^[-−–]/.test(s)) {
    if (negative) return undefined;
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  s = s.replace(/^(€|EUR)/i, "").replace(/,-$/, "");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;

  let normalized: string;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    // Both separators: the last one is the decimal mark, the other groups thousands.
    const [group, mark] = lastComma > lastDot ? [".", ","] : [",", "."];
    const [intPart, frac, ...rest] = s.split(mark);
    if (
      rest.length > 0 ||
      frac === "" ||
      !new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(intPart)
    )
      return undefined;
    normalized = `${intPart.split(group).join("")}.${frac}`;
  } else if (lastComma >= 0) {
    if (s.indexOf(",") !== lastComma) {
      if (!GROUPED_COMMAS.test(s)) return undefined;
      normalized = s.replace(/,/g, "");
    } else {
      normalized = s.replace(",", ".");
    }
  } else if (lastDot >= 0) {
    if (GROUPED_DOTS.test(s)) {
      normalized = s.replace(/\./g, "");
    } else if (s.indexOf(".") === lastDot) {
      // "1.5" cannot be a Dutch thousands group, so the dot is a decimal point.
      normalized = s;
    } else {
      return undefined;
    }
  } else {
    normalized = s;
  }
  if (!/^\d*\.?\d+$|^\d+\.$/.test(normalized)) return undefined;
  const decimals = normalized.includes(".") ? normalized.length - normalized.indexOf(".") - 1 : 0;
  let value = new D(normalized);
  // "-0" is zero, not a negative number.
  if (negative && !value.isZero()) value = value.neg();
  if (percent) value = value.div(100);
  return { value, percent, decimals };
}

/** Writes a decimal the Dutch way from its exact digits: `.` groups thousands, `,` marks decimals. */
function dutch(value: Decimal, minDecimals: number, maxDecimals: number): string {
  const fixed = value
    .abs()
    .toDecimalPlaces(maxDecimals, Decimal.ROUND_HALF_UP)
    .toFixed(maxDecimals);
  let [intPart, frac = ""] = fixed.split(".");
  frac = frac.replace(/0+$/, "").padEnd(minDecimals, "0");
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = value.isNegative() && !/^[0.,]*$/.test(intPart + frac) ? "-" : "";
  return `${sign}${intPart}${frac ? `,${frac}` : ""}`;
}

/** `€ 2.183.425`; cents are shown when the amount has them, or always with `cents`. */
export function formatEuro(value: Decimal, cents = !value.isInteger()): string {
  const text = cents ? dutch(value, 2, 2) : dutch(value, 0, 0);
  return text.startsWith("-") ? `-€ ${text.slice(1)}` : `€ ${text}`;
}

/** `11,97%` from the fraction 0.1197. */
export function formatPercent(fraction: Decimal, decimals = 2): string {
  return `${dutch(fraction.times(100), decimals, decimals)}%`;
}

/** FTE and other plain decimals the Dutch way: `1,5`, `13,35`. */
export function formatDecimal(value: Decimal, maxDecimals = 4): string {
  return dutch(value, 0, maxDecimals);
}

/** Years as a range when they run on (`2023–2027`), else listed (`2023, 2025`). */
export function formatYears(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => i === 0 || y === sorted[i - 1] + 1);
  return contiguous && sorted.length > 2
    ? `${sorted[0]}–${sorted[sorted.length - 1]}`
    : sorted.join(", ");
}
