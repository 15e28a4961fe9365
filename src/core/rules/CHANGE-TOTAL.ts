import { Figure, Finding, Message, Plan } from "../model";
import { sum } from "../money";
import { definedCells, euro, finding, Rule, signed } from "./rule";

const COLUMNS: { field: "old" | "new" | "increase"; label: Message }[] = [
  { field: "old", label: { nl: "oud", en: "old" } },
  { field: "new", label: { nl: "nieuw", en: "new" } },
  { field: "increase", label: { nl: "toename", en: "increase" } },
];

/** The change table: its total row's old, new and increase are exactly the sums of the municipalities. */
export const CHANGE_TOTAL: Rule = {
  id: "CHANGE-TOTAL",
  title: {
    nl: "Toename per gemeente: oud, nieuw en toename tellen op tot de totaalregel",
    en: "Change per municipality: old, new and increase add up to the total row",
  },
  applies: (plan: Plan) => plan.contributionChange?.total !== undefined,
  run(plan: Plan): Finding[] {
    const t = plan.contributionChange;
    const total = t?.total;
    if (!t || !total) return [];
    const findings: Finding[] = [];
    for (const { field, label } of COLUMNS) {
      const stated = total[field];
      const figures = t.rows.flatMap((r): Figure[] => (r[field] ? [r[field]] : []));
      if (!stated || figures.length === 0) continue;
      const expected = sum(figures.map((f) => f.value));
      if (expected.eq(stated.value)) continue;
      const diff = signed(stated.value.minus(expected), euro);
      findings.push(
        finding({
          rule: "CHANGE-TOTAL",
          severity: "error",
          table: "Toename",
          year: t.newYear ?? null,
          line: label.nl,
          cell: stated.cell ?? null,
          cells: definedCells(stated.cell, ...figures.map((f) => f.cell)),
          expected,
          actual: stated.value,
          unit: "euro",
          message: {
            nl: `Toename per gemeente, kolom ${label.nl}: de totaalregel zegt ${euro(stated.value)}, maar de ${figures.length} gemeenten tellen op tot ${euro(expected)} (verschil ${diff})`,
            en: `Change per municipality, column ${label.en}: the total row says ${euro(stated.value)}, but the ${figures.length} municipalities add up to ${euro(expected)} (difference ${diff})`,
          },
        })
      );
    }
    return findings;
  },
};
