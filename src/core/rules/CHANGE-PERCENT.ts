import { Finding, Plan } from "../model";
import { definedCells, finding, percentText, Rule, rowName, shareHalfUnit, signed } from "./rule";

/**
 * The change table: each percentage is the increase as a share of the old contribution, within
 * half a unit of its last shown digit (5,2% → 5,15%–5,25%); the total row's too.
 */
export const CHANGE_PERCENT: Rule = {
  id: "CHANGE-PERCENT",
  title: {
    nl: "Toename per gemeente: het percentage is toename ÷ oud, binnen zijn getoonde precisie",
    en: "Change per municipality: the percentage is increase ÷ old, within its shown precision",
  },
  applies: (plan: Plan) => plan.contributionChange !== undefined,
  run(plan: Plan): Finding[] {
    const t = plan.contributionChange;
    if (!t) return [];
    const findings: Finding[] = [];
    for (const row of t.total ? [...t.rows, t.total] : t.rows) {
      const { old, percentage } = row;
      const increase = row.increase?.value ?? (row.new && old && row.new.value.minus(old.value));
      if (!old || !percentage || !increase || old.value.isZero()) continue;
      const expected = increase.div(old.value);
      if (percentage.value.minus(expected).abs().lte(shareHalfUnit(percentage))) continue;
      const name = rowName(row);
      const shown = (v: typeof expected) => percentText({ value: v });
      findings.push(
        finding({
          rule: "CHANGE-PERCENT",
          severity: "error",
          table: "Toename",
          year: t.newYear ?? null,
          municipality: row === t.total ? null : (row.municipality ?? null),
          line: row.municipality && row !== t.total ? null : name,
          cell: percentage.cell ?? null,
          cells: definedCells(percentage.cell, row.increase?.cell, old.cell),
          expected,
          actual: percentage.value,
          unit: "fraction",
          message: {
            nl: `Toename per gemeente, ${name}: het percentage is ${percentText(percentage)}, maar de toename is ${shown(expected)} van het oude bedrag (verschil ${signed(percentage.value.minus(expected), shown)})`,
            en: `Change per municipality, ${name}: the percentage is ${percentText(percentage)}, but the increase is ${shown(expected)} of the old amount (difference ${signed(percentage.value.minus(expected), shown)})`,
          },
        })
      );
    }
    return findings;
  },
};
