import Decimal from "decimal.js";
import { ContributionRow, Figure, Finding, Plan } from "../model";
import { ONE, roundTo } from "../money";
import {
  cellAt,
  definedCells,
  euro,
  finding,
  percentHalfUnit,
  percentText,
  Rule,
  signed,
  valueAt,
} from "./rule";

/**
 * How far an amount may be from key × total: the key is often shown rounded (3,40%) while the amount was
 * computed with the unrounded key (3,4025%), so allow total × half a unit of the key's last
 * shown digit, plus €1 for rounding to whole euros.
 */
export function amountTolerance(key: Figure, total: Decimal): Decimal {
  return total.abs().times(percentHalfUnit(key)).plus(ONE);
}

function matches(amount: Decimal, key: Figure, total: Decimal): boolean {
  return amount.minus(key.value.times(total)).abs().lte(amountTolerance(key, total));
}

/** Tabel 6: each municipality's amount is its key × that year's Tabel 4 total. */
export const ALLOC_AMOUNT: Rule = {
  id: "ALLOC-AMOUNT",
  title: {
    nl: "Tabel 6: het bedrag van elke gemeente is haar sleutel × het Tabel 4-totaal van dat jaar",
    en: "Tabel 6: each municipality's amount is its key × that year's Tabel 4 total",
  },
  applies: (plan: Plan) => plan.contributions !== undefined && plan.totals !== undefined,
  run(plan: Plan): Finding[] {
    const t6 = plan.contributions;
    const t4 = plan.totals;
    if (!t6 || !t4) return [];
    const findings: Finding[] = [];
    const keyed = t6.rows.filter((r): r is ContributionRow & { key: Figure } => !!r.key);
    // Years Tabel 4 lacks have no total to check against; ALLOC-LINK reports them.
    for (const year of t6.years.filter((y) => t4.years.includes(y))) {
      const total = valueAt(t4.total, year);
      const wrong = keyed.filter((r) => !matches(valueAt(r, year), r.key, total));
      if (wrong.length === 0) continue;
      const t6Total = valueAt(t6.total, year);
      const cause =
        t6.total.values.has(year) &&
        !t6Total.eq(total) &&
        keyed.every((r) => matches(valueAt(r, year), r.key, t6Total))
          ? {
              nl: `; de bedragen zijn berekend over het Tabel 6-totaal ${euro(t6Total)}, niet over het Tabel 4-totaal ${euro(total)}`,
              en: `; the amounts were computed from the Tabel 6 total ${euro(t6Total)}, not from the Tabel 4 total ${euro(total)}`,
            }
          : { nl: "", en: "" };
      for (const row of wrong) {
        const actual = valueAt(row, year);
        const expected = roundTo(row.key.value.times(total));
        const name = row.municipality ?? row.label;
        const diff = signed(actual.minus(expected), euro);
        const allowed = euro(roundTo(amountTolerance(row.key, total), "0.01"));
        const shown = row.values.has(year)
          ? { nl: euro(actual), en: euro(actual) }
          : { nl: "leeg", en: "empty" };
        findings.push(
          finding({
            rule: "ALLOC-AMOUNT",
            severity: "error",
            table: "Tabel 6",
            year,
            municipality: row.municipality ?? null,
            line: row.municipality ? null : row.label,
            cell: cellAt(row, year) ?? null,
            cells: definedCells(cellAt(row, year), row.key.cell, cellAt(t4.total, year)),
            expected,
            actual,
            unit: "euro",
            message: {
              nl: `Tabel 6, ${name} ${year}: ${shown.nl}, maar ${percentText(row.key)} × ${euro(total)} (Tabel 4-totaal) = ${euro(expected)} (verschil ${diff}, toegestaan ${allowed})${cause.nl}`,
              en: `Tabel 6, ${name} ${year}: ${shown.en}, but ${percentText(row.key)} × ${euro(total)} (Tabel 4 total) = ${euro(expected)} (difference ${diff}, allowed ${allowed})${cause.en}`,
            },
          })
        );
      }
    }
    return findings;
  },
};
