import Decimal from "decimal.js";

/** Decimal arithmetic for money: no binary floating point anywhere in the plan's sums. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/*
 * Sums and differences keep every digit, however long the figures: decimal.js rounds a sum to
 * its precision, but the cost of an addition is its operands' digits, never the precision.
 */
const EXACT = Decimal.clone({ precision: 1e9 });

export function sum(values: Iterable<Decimal>): Decimal {
  let total = new EXACT(0);
  for (const v of values) total = total.plus(v);
  return new D(total);
}

/** a − b with every digit kept. */
export function difference(a: Decimal, b: Decimal): Decimal {
  return new D(new EXACT(a).minus(b));
}

/** Rounds to whole units (1 = euro, 0.01 = cent), half away from zero as in Excel's ROUND. */
export function roundTo(value: Decimal, unit: Decimal.Value = 1): Decimal {
  const u = new D(unit);
  return value.div(u).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(u);
}
