import Decimal from "decimal.js";
import { D, sum, ZERO } from "./money";

export interface AllocationShare {
  /** Identifies the part; also the last tie-breaker, so it must be unique. */
  id: string;
  /** The key: any non-negative weight; shares need not add up to 1. */
  key: Decimal;
}

/**
 * Distributes `total` over the shares in whole `unit`s (1 = euro, 0.01 = cent) by the
 * largest remainder (Hamilton) method, so the parts add up to the total exactly.
 *
 * Each part is first rounded down to a whole unit; the units left over go one by one to
 * the largest fractional remainders. Tie rule, stable under reordering: equal remainders
 * go to the larger key first, then to the id that sorts first (Dutch collation, then code
 * units for ids that collation calls equal).
 *
 * Returns the parts in the order of `shares`.
 */
export function allocate(
  total: Decimal,
  shares: readonly AllocationShare[],
  unit: Decimal.Value = 1
): Decimal[] {
  const u = new D(unit);
  if (!u.isFinite() || u.lte(0)) throw new RangeError("unit must be positive");
  if (!total.isFinite()) throw new RangeError("total must be a finite number");
  if (shares.length === 0) {
    if (!total.isZero()) throw new RangeError("cannot allocate a non-zero total over no shares");
    return [];
  }
  if (shares.some((s) => !s.key.isFinite() || s.key.isNegative())) {
    throw new RangeError("keys must be finite and not negative");
  }
  const units = total.div(u);
  if (!units.isInteger()) throw new RangeError("total must be a whole number of units");
  const keySum = sum(shares.map((s) => s.key));
  if (keySum.isZero()) throw new RangeError("keys add up to zero");

  const negative = units.isNegative();
  const absUnits = units.abs();
  const exact = shares.map((s) => s.key.div(keySum).times(absUnits));
  const floors = exact.map((e) => e.floor());
  let left = absUnits.minus(sum(floors)).toNumber();

  const order = shares
    .map((s, i) => ({ i, rem: exact[i].minus(floors[i]), key: s.key, id: s.id }))
    .sort(
      (a, b) =>
        b.rem.comparedTo(a.rem) ||
        b.key.comparedTo(a.key) ||
        a.id.localeCompare(b.id, "nl") ||
        // Collation calls some distinct ids equal ("a", "a\u0000"); code units never do.
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  for (const o of order) {
    if (left <= 0) break;
    floors[o.i] = floors[o.i].plus(1);
    left--;
  }
  return floors.map((f) => (negative && !f.isZero() ? f.neg() : f).times(u).plus(ZERO));
}
