import { Finding, Plan, TableId } from "../model";
import { cellAt, definedCells, finding, moneyOf, Rule, signed, tableName, valueAt } from "./rule";

/** Tabel 6's total row repeats Tabel 4's total of each year. */
export const ALLOC_LINK: Rule = {
  id: "ALLOC-LINK",
  title: {
    nl: "Tabel 6: de totaalregel is per jaar gelijk aan het Tabel 4-totaal",
    en: "Tabel 6: the total row equals the Tabel 4 total, per year",
  },
  applies: (plan: Plan) => plan.contributions !== undefined && plan.totals !== undefined,
  run(plan: Plan): Finding[] {
    const t6 = plan.contributions;
    const t4 = plan.totals;
    if (!t6 || !t4) return [];
    const findings: Finding[] = [];
    const euro = moneyOf(plan).text;
    const name = (id: TableId) => tableName(plan, id).nl;
    const years = [...new Set([...t4.years, ...t6.years])].sort((a, b) => a - b);
    for (const year of years) {
      const inT4 = t4.years.includes(year);
      const inT6 = t6.years.includes(year);
      if (!inT4 || !inT6) {
        const has: TableId = inT4 ? "Tabel 4" : "Tabel 6";
        const lacks: TableId = inT4 ? "Tabel 6" : "Tabel 4";
        const line = inT4 ? t4.total : t6.total;
        const amount = valueAt(line, year);
        findings.push(
          finding({
            rule: "ALLOC-LINK",
            severity: "warning",
            table: has,
            year,
            line: line.label || "totaal",
            cell: cellAt(line, year) ?? null,
            expected: null,
            actual: amount,
            unit: "euro",
            message: {
              nl: `${name(has)} heeft een totaal voor ${year} (${euro(amount)}), ${name(lacks)} heeft geen kolom ${year}: de verdeling van dat jaar kan niet worden nagerekend`,
              en: `${name(has)} has a total for ${year} (${euro(amount)}), ${name(lacks)} has no column ${year}: that year's distribution cannot be checked`,
            },
          })
        );
        continue;
      }
      const expected = valueAt(t4.total, year);
      const actual = valueAt(t6.total, year);
      if (actual.eq(expected)) continue;
      const diff = signed(actual.minus(expected), euro);
      findings.push(
        finding({
          rule: "ALLOC-LINK",
          severity: "error",
          table: "Tabel 6",
          year,
          line: t6.total.label || "totaal",
          cell: cellAt(t6.total, year) ?? null,
          cells: definedCells(cellAt(t6.total, year), cellAt(t4.total, year)),
          expected,
          actual,
          unit: "euro",
          message: {
            nl: `${name("Tabel 6")}, ${year}: het totaal is ${euro(actual)}, maar het Tabel 4-totaal is ${euro(expected)} (verschil ${diff}); de gemeenten betalen samen het Tabel 4-totaal`,
            en: `${name("Tabel 6")}, ${year}: the total is ${euro(actual)}, but the Tabel 4 total is ${euro(expected)} (difference ${diff}); together the municipalities pay the Tabel 4 total`,
          },
        })
      );
    }
    return findings;
  },
};
