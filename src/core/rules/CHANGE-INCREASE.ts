import { Finding, Plan } from "../model";
import { definedCells, euro, finding, Rule, rowName, signed } from "./rule";

/** The change table: each municipality's increase is exactly its new minus its old contribution. */
export const CHANGE_INCREASE: Rule = {
  id: "CHANGE-INCREASE",
  title: {
    nl: "Toename per gemeente: de toename is precies nieuw − oud",
    en: "Change per municipality: the increase is exactly new − old",
  },
  applies: (plan: Plan) => plan.contributionChange !== undefined,
  run(plan: Plan): Finding[] {
    const t = plan.contributionChange;
    if (!t) return [];
    const findings: Finding[] = [];
    for (const row of t.rows) {
      const { old, new: now, increase } = row;
      if (!old || !now || !increase) continue;
      const expected = now.value.minus(old.value);
      if (expected.eq(increase.value)) continue;
      const name = rowName(row);
      const diff = signed(increase.value.minus(expected), euro);
      findings.push(
        finding({
          rule: "CHANGE-INCREASE",
          severity: "error",
          table: "Toename",
          year: t.newYear ?? null,
          municipality: row.municipality ?? null,
          line: row.municipality ? null : name,
          cell: increase.cell ?? null,
          cells: definedCells(increase.cell, old.cell, now.cell),
          expected,
          actual: increase.value,
          unit: "euro",
          message: {
            nl: `Toename per gemeente, ${name}: de toename is ${euro(increase.value)}, maar ${euro(now.value)} − ${euro(old.value)} = ${euro(expected)} (verschil ${diff})`,
            en: `Change per municipality, ${name}: the increase is ${euro(increase.value)}, but ${euro(now.value)} − ${euro(old.value)} = ${euro(expected)} (difference ${diff})`,
          },
        })
      );
    }
    return findings;
  },
};
