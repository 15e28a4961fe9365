import { Finding, Plan } from "../model";
import { sum } from "../money";
import { definedCells, euro, finding, Rule, rowName, signed } from "./rule";

/** The key calculation table: each row's amounts per component add up exactly to its total amount. */
export const KEYTABLE_ROW: Rule = {
  id: "KEYTABLE-ROW",
  title: {
    nl: "Herberekening verdeelsleutel: de bedragen per component tellen per regel op tot het totaal",
    en: "Key calculation: each row's amounts per component add up to its total",
  },
  applies: (plan: Plan) => plan.keyTable !== undefined,
  run(plan: Plan): Finding[] {
    const t = plan.keyTable;
    if (!t) return [];
    const findings: Finding[] = [];
    for (const row of [...t.rows, t.total]) {
      const amount = row.amount;
      const parts = [...row.amounts.values()];
      if (!amount || parts.length === 0) continue;
      const expected = sum(parts.map((p) => p.value));
      if (expected.eq(amount.value)) continue;
      const name = rowName(row);
      const diff = signed(amount.value.minus(expected), euro);
      findings.push(
        finding({
          rule: "KEYTABLE-ROW",
          severity: "error",
          table: "Herberekening",
          year: t.year ?? null,
          municipality: row === t.total ? null : (row.municipality ?? null),
          line: row.municipality && row !== t.total ? null : name,
          cell: amount.cell ?? null,
          cells: definedCells(amount.cell, ...parts.map((p) => p.cell)),
          expected,
          actual: amount.value,
          unit: "euro",
          message: {
            nl: `Herberekening verdeelsleutel, ${name}: het totaal is ${euro(amount.value)}, maar de ${parts.length} bedragen per component tellen op tot ${euro(expected)} (verschil ${diff})`,
            en: `Key calculation, ${name}: the total is ${euro(amount.value)}, but the ${parts.length} amounts per component add up to ${euro(expected)} (difference ${diff})`,
          },
        })
      );
    }
    return findings;
  },
};
