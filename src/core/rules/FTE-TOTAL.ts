import { Finding, Plan } from "../model";
import { sum } from "../money";
import { cellAt, definedCells, finding, fte, lineName, Rule, signed, valueAt } from "./rule";

/** Tabel 1: per year the roles add up exactly to the total row. */
export const FTE_TOTAL: Rule = {
  id: "FTE-TOTAL",
  title: {
    nl: "Tabel 1: de formatie per rol telt per jaar op tot de totaalregel",
    en: "Tabel 1: the FTE per role add up to the total row, per year",
  },
  applies: (plan: Plan) => plan.staffing !== undefined,
  run(plan: Plan): Finding[] {
    const staffing = plan.staffing;
    if (!staffing) return [];
    const total = lineName(staffing.total, { nl: "totaal", en: "total" });
    const findings: Finding[] = [];
    for (const year of staffing.years) {
      const expected = sum(staffing.roles.map((r) => valueAt(r, year)));
      const actual = valueAt(staffing.total, year);
      if (expected.eq(actual)) continue;
      const diff = signed(actual.minus(expected), fte);
      findings.push(
        finding({
          rule: "FTE-TOTAL",
          severity: "error",
          table: "Tabel 1",
          year,
          line: staffing.total.label,
          cell: cellAt(staffing.total, year) ?? null,
          cells: definedCells(
            cellAt(staffing.total, year),
            ...staffing.roles.map((r) => cellAt(r, year))
          ),
          expected,
          actual,
          unit: "fte",
          message: {
            nl: `Tabel 1, ${year}: de rollen tellen op tot ${fte(expected)} fte, maar de regel '${total.nl}' zegt ${fte(actual)} fte (verschil ${diff} fte)`,
            en: `Tabel 1, ${year}: the roles add up to ${fte(expected)} FTE, but the row '${total.en}' says ${fte(actual)} FTE (difference ${diff} FTE)`,
          },
        })
      );
    }
    return findings;
  },
};
