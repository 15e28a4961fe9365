import Decimal from "decimal.js";
import { readDutchNumber } from "./dutchNumber";
import { D } from "./money";

/*
 * The one conversion from what a spreadsheet holds to a decimal: the reader's cells, the
 * functions' arguments and the component tables all go through it, so 0,1+0,2 is 0,3 in every
 * path and every figure has the precision of money.ts.
 */

/** Significant digits Excel keeps of a binary float. */
export const EXCEL_DIGITS = 15;

/**
 * A JavaScript number as Excel means it: Excel keeps 15 significant digits, so 0.1+0.2
 * stored as 0.30000000000000004 is the 0.3 the user sees. Undefined for NaN and ±Infinity.
 */
export function decimalOfNumber(n: number): Decimal | undefined {
  return Number.isFinite(n) ? new D(n.toPrecision(EXCEL_DIGITS)) : undefined;
}

/** What a value holds as a number, and whether it was text or a percentage. */
export interface DecimalValue {
  /** A percentage (`3,53%`) is a fraction (0.0353). */
  value: Decimal;
  fromText: boolean;
  percent: boolean;
  /** Decimals as written in text, for percentages in percentage points. */
  decimals?: number;
}

/**
 * A cell value or function argument as a decimal: a finite number, or text that reads as one
 * number the Dutch way (`1.234`, `0,35`, `3,53%`). Undefined for anything else.
 */
export function decimalValue(v: unknown): DecimalValue | undefined {
  if (typeof v === "number") {
    const value = decimalOfNumber(v);
    return value && { value, fromText: false, percent: false };
  }
  if (typeof v === "string") {
    const n = readDutchNumber(v);
    return n && { value: n.value, fromText: true, percent: n.percent, decimals: n.decimals };
  }
  return undefined;
}

/** A number as decimalValue reads it, refusing a percentage where a count or amount belongs. */
export function plainDecimal(v: unknown): Decimal | undefined {
  const d = decimalValue(v);
  return d && !d.percent ? d.value : undefined;
}
