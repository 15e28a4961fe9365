import { Figure, Finding, Message, Plan } from "../model";
import { sum } from "../money";
import { componentLabel } from "../tableKinds";
import { definedCells, euro, finding, Rule, signed } from "./rule";

/** The key calculation table: each column of amounts adds up exactly to the total row. */
export const KEYTABLE_COLUMN: Rule = {
  id: "KEYTABLE-COLUMN",
  title: {
    nl: "Herberekening verdeelsleutel: elke kolom bedragen telt op tot de totaalregel",
    en: "Key calculation: each column of amounts adds up to the total row",
  },
  applies: (plan: Plan) => plan.keyTable !== undefined,
  run(plan: Plan): Finding[] {
    const t = plan.keyTable;
    if (!t) return [];
    const columns: { line: string; label: Message; total?: Figure; figures: Figure[] }[] = [
      ...t.components.map((c) => ({
        line: c,
        label: componentLabel(c),
        total: t.total.amounts.get(c),
        figures: t.rows.flatMap((r) => r.amounts.get(c) ?? []),
      })),
      {
        line: "totaal",
        label: { nl: "totaal", en: "total" },
        total: t.total.amount,
        figures: t.rows.flatMap((r) => r.amount ?? []),
      },
    ];
    const findings: Finding[] = [];
    for (const col of columns) {
      if (!col.total || col.figures.length === 0) continue;
      const expected = sum(col.figures.map((f) => f.value));
      const actual = col.total.value;
      if (expected.eq(actual)) continue;
      const diff = signed(actual.minus(expected), euro);
      findings.push(
        finding({
          rule: "KEYTABLE-COLUMN",
          severity: "error",
          table: "Herberekening",
          year: t.year ?? null,
          line: col.line,
          cell: col.total.cell ?? null,
          cells: definedCells(col.total.cell, ...col.figures.map((f) => f.cell)),
          expected,
          actual,
          unit: "euro",
          message: {
            nl: `Herberekening verdeelsleutel, kolom ${col.label.nl}: de totaalregel zegt ${euro(actual)}, maar de ${col.figures.length} gemeenten tellen op tot ${euro(expected)} (verschil ${diff})`,
            en: `Key calculation, column ${col.label.en}: the total row says ${euro(actual)}, but the ${col.figures.length} municipalities add up to ${euro(expected)} (difference ${diff})`,
          },
        })
      );
    }
    return findings;
  },
};
