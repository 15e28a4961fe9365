import Decimal from "decimal.js";
import { allocate } from "./allocate";
import { roundTable } from "./controlledRounding";
import { ComponentRow, distributionKey, EQUAL_SHARE } from "./distributionKey";
import { D, HUNDRED, ONE, sum } from "./money";

/*
 * The key calculation table (Herberekening verdeelsleutel) in whole euros or cents: per
 * municipality the share of each component, its key, the amount per component and its total;
 * a weights row and a total row. Exact in both directions: each row adds up to the
 * municipality's contribution (the largest remainder allocation of the total with the keys, as
 * `up keys --total` and =UP.VERDEEL give it), each column to that component's part of the total
 * (weight × total rounded down or up, the parts adding up to the total), and every amount is
 * weight × share × total rounded down or up — a controlled rounding of the table
 * (controlledRounding.ts), which names the amounts, if any, that had to go further.
 */

export interface ExactKeyTableRow {
  municipality: string;
  /** The share of each component, as a fraction; `gelijk` is 1/n. */
  shares: Map<string, Decimal>;
  key: Decimal;
  /** Whole units per component, adding up to `amount`. */
  amounts: Map<string, Decimal>;
  /** The municipality's contribution. */
  amount: Decimal;
}

export interface ExactKeyTable {
  /** Components in column order: `gelijk` first, then the others as weighted. */
  components: string[];
  /** Weights as fractions (0,25). */
  weights: Map<string, Decimal>;
  rows: ExactKeyTableRow[];
  /** Per component its part of the total, in whole units, adding up to `total`. */
  parts: Map<string, Decimal>;
  total: Decimal;
  unit: Decimal;
  /** Amounts a whole unit or more from their exact value (none whenever the contributions allow). */
  beyondOneUnit: { municipality: string; component: string }[];
}

/**
 * The key calculation table of `total` over the component rows with the weights (percentages
 * adding up to 100, `gelijk` included). Components weighted 0 have no column.
 */
export function exactKeyTable(
  rows: readonly ComponentRow[],
  weights: ReadonlyMap<string, Decimal>,
  total: Decimal,
  unit: Decimal = new D(1)
): ExactKeyTable {
  const keys = distributionKey(rows, weights);
  const weighted = [...weights.keys()].filter((c) => !(weights.get(c) as Decimal).isZero());
  const components = [
    ...weighted.filter((c) => c === EQUAL_SHARE),
    ...weighted.filter((c) => c !== EQUAL_SHARE),
  ];
  const columnSums = new Map(
    components.map((c) => [
      c,
      c === EQUAL_SHARE ? new D(rows.length) : sum(rows.map((r) => r.values.get(c) as Decimal)),
    ])
  );
  const shareOf = (r: ComponentRow, c: string): Decimal =>
    (c === EQUAL_SHARE ? ONE : (r.values.get(c) as Decimal)).div(columnSums.get(c) as Decimal);
  const fraction = (c: string) => (weights.get(c) as Decimal).div(HUNDRED);
  const units = total.div(unit);
  // Exact as a fraction of whole numbers: the shares' quotients are taken last.
  const exact = rows.map((r) =>
    components.map((c) =>
      fraction(c)
        .times(c === EQUAL_SHARE ? ONE : (r.values.get(c) as Decimal))
        .times(units)
        .div(columnSums.get(c) as Decimal)
    )
  );
  const contributions = allocate(
    total,
    rows.map((r) => ({ id: r.municipality, key: keys.get(r.municipality) as Decimal })),
    unit
  );
  const rounded = roundTable(
    exact,
    contributions.map((t) => t.div(unit)),
    components.map((c) => fraction(c).times(units))
  );
  return {
    components,
    weights: new Map(components.map((c) => [c, fraction(c)])),
    rows: rows.map((r, i) => ({
      municipality: r.municipality,
      shares: new Map(components.map((c) => [c, shareOf(r, c)])),
      key: keys.get(r.municipality) as Decimal,
      amounts: new Map(components.map((c, j) => [c, rounded.cells[i][j].times(unit)])),
      amount: contributions[i],
    })),
    parts: new Map(components.map((c, j) => [c, rounded.columnTotals[j].times(unit)])),
    total,
    unit,
    beyondOneUnit: rounded.beyondOneUnit.map(([i, j]) => ({
      municipality: rows[i].municipality,
      component: components[j],
    })),
  };
}
