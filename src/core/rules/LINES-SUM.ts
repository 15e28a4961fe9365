import { Finding, Plan } from "../model";
import { sum } from "../money";
import { cellAt, definedCells, euro, finding, Rule, signed, valueAt } from "./rule";

/** Tabel 3: the cost lines add up exactly to the subtotal, per year. */
export const LINES_SUM: Rule = {
  id: "LINES-SUM",
  title: {
    nl: "Tabel 3: de kostenregels tellen per jaar op tot het subtotaal",
    en: "Tabel 3: the cost lines add up to the subtotal, per year",
  },
  applies: (plan: Plan) => plan.materialCosts !== undefined,
  run(plan: Plan): Finding[] {
    const t3 = plan.materialCosts;
    if (!t3) return [];
    const findings: Finding[] = [];
    const name = t3.subtotal.label.trim() || "subtotaal";
    for (const year of t3.years) {
      const expected = sum(t3.lines.map((l) => valueAt(l, year)));
      const actual = valueAt(t3.subtotal, year);
      if (expected.eq(actual)) continue;
      const diff = signed(actual.minus(expected), euro);
      findings.push(
        finding({
          rule: "LINES-SUM",
          severity: "error",
          table: "Tabel 3",
          year,
          line: name,
          cell: cellAt(t3.subtotal, year) ?? null,
          cells: definedCells(cellAt(t3.subtotal, year), ...t3.lines.map((l) => cellAt(l, year))),
          expected,
          actual,
          unit: "euro",
          message: {
            nl: `Tabel 3, ${year}: de ${t3.lines.length} kostenregels tellen op tot ${euro(expected)}, maar het ${name === "subtotaal" ? "subtotaal" : `subtotaal '${name}'`} is ${euro(actual)} (verschil ${diff})`,
            en: `Tabel 3, ${year}: the ${t3.lines.length} cost lines add up to ${euro(expected)}, but the ${name === "subtotaal" ? "subtotal" : `subtotal '${name}'`} is ${euro(actual)} (difference ${diff})`,
          },
        })
      );
    }
    return findings;
  },
};
