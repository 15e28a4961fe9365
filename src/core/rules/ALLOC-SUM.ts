import Decimal from "decimal.js";
import { allocate } from "../allocate";
import { Contributions, FixAmount, Finding, Plan } from "../model";
import { sum } from "../money";
import { cellAt, definedCells, euro, finding, Rule, signed, valueAt } from "./rule";

/**
 * Tabel 6: the amounts add up exactly to the stated total row. Rounding each share to whole
 * euros usually leaves a euro or two; the finding carries the largest-remainder allocation
 * of the total that repairs it, listing only the amounts that change.
 */
export const ALLOC_SUM: Rule = {
  id: "ALLOC-SUM",
  title: {
    nl: "Tabel 6: de bedragen van de gemeenten tellen per jaar precies op tot de totaalregel",
    en: "Tabel 6: the municipalities' amounts add up exactly to the total row, per year",
  },
  applies: (plan: Plan) => plan.contributions !== undefined,
  run(plan: Plan): Finding[] {
    const t6 = plan.contributions;
    if (!t6) return [];
    const findings: Finding[] = [];
    for (const year of t6.years) {
      const expected = valueAt(t6.total, year);
      const actual = sum(t6.rows.map((r) => valueAt(r, year)));
      if (actual.eq(expected)) continue;
      const diff = signed(actual.minus(expected), euro);
      const fix = repair(t6, year);
      const changes = fix
        ?.map((f) => `${f.municipality} ${euro(f.from)} → ${euro(f.to)}`)
        .join(", ");
      findings.push(
        finding({
          rule: "ALLOC-SUM",
          severity: "error",
          table: "Tabel 6",
          year,
          line: t6.total.label || "totaal",
          cell: cellAt(t6.total, year) ?? null,
          cells: definedCells(cellAt(t6.total, year), ...t6.rows.map((r) => cellAt(r, year))),
          expected,
          actual,
          unit: "euro",
          message: {
            nl:
              `Tabel 6, ${year}: de bedragen van de gemeenten tellen op tot ${euro(actual)}, maar de totaalregel is ${euro(expected)} (verschil ${diff})` +
              (changes ? `. Herstel met de grootste-restmethode: ${changes}` : ""),
            en:
              `Tabel 6, ${year}: the municipalities' amounts add up to ${euro(actual)}, but the total row is ${euro(expected)} (difference ${diff})` +
              (changes ? `. Repair by the largest remainder method: ${changes}` : ""),
          },
          ...(fix ? { fix } : {}),
        })
      );
    }
    return findings;
  },
};

/**
 * The amounts to write so that the year adds up: the stated total allocated with the stated
 * keys. Undefined when that allocation is not possible (a key missing or negative, names not
 * unique, a total in cents); other rules report those causes.
 */
function repair(t6: Contributions, year: number): FixAmount[] | undefined {
  const total = valueAt(t6.total, year);
  if (!total.isInteger()) return undefined;
  const shares: { id: string; key: Decimal }[] = [];
  for (const row of t6.rows) {
    if (!row.key || row.key.value.isNegative()) return undefined;
    shares.push({ id: row.municipality ?? row.label, key: row.key.value });
  }
  if (new Set(shares.map((s) => s.id)).size !== shares.length) return undefined;
  if (sum(shares.map((s) => s.key)).isZero()) return undefined;
  const amounts = allocate(total, shares);
  const fix: FixAmount[] = [];
  t6.rows.forEach((row, i) => {
    const from = valueAt(row, year);
    if (from.eq(amounts[i])) return;
    fix.push({
      municipality: shares[i].id,
      year,
      ...(cellAt(row, year) ? { cell: cellAt(row, year) } : {}),
      from,
      to: amounts[i],
    });
  });
  return fix;
}
