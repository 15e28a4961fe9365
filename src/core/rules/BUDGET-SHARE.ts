import Decimal from "decimal.js";
import { formatEuro, formatPercent } from "../dutchNumber";
import { ContributionRow, Figure, Finding, Plan } from "../model";
import { sum } from "../money";
import { percentOf } from "../planKey";
import {
  cellAt,
  CONTRIBUTIONS,
  definedCells,
  finding,
  moneyOf,
  percentHalfUnit,
  percentText,
  Rule,
  signed,
  tableName,
  valueAt,
} from "./rule";

type BudgetRow = ContributionRow & { budget: Figure };

/**
 * A budget-share pool (objectief verdeelmodel jeugd): each municipality's key is its youth-care
 * budget ÷ the region's total budget, within the precision the key is shown with; the budgets
 * add up to the total row's budget; and a contribution stated as a percentage of the budget is
 * that contribution ÷ the budget, within the precision the percentage is shown with.
 */
export const BUDGET_SHARE: Rule = {
  id: "BUDGET-SHARE",
  title: {
    nl: "Verdeling naar budget: elke sleutel is budget ÷ totaal van de budgetten, elk percentage bijdrage ÷ budget",
    en: "Distribution by budget: each key is budget ÷ total of the budgets, each percentage contribution ÷ budget",
  },
  applies: (plan: Plan) => plan.contributions?.rows.some((r) => r.budget) ?? false,
  run(plan: Plan): Finding[] {
    const t6 = plan.contributions;
    if (!t6) return [];
    const euro = moneyOf(plan).text;
    const table = tableName(plan, "Tabel 6", CONTRIBUTIONS);
    const rows = t6.rows.filter((r): r is BudgetRow => r.budget !== undefined);
    const total = sum(rows.map((r) => r.budget.value));
    const findings: Finding[] = [];
    const stated = t6.totalBudget;
    if (stated && !stated.value.eq(total)) {
      const diff = signed(total.minus(stated.value), (v) => formatEuro(v));
      findings.push(
        finding({
          rule: "BUDGET-SHARE",
          severity: "error",
          table: "Tabel 6",
          line: t6.total.label || "totaal",
          cell: stated.cell ?? null,
          cells: definedCells(stated.cell, ...rows.map((r) => r.budget.cell)),
          expected: stated.value,
          actual: total,
          unit: "euro",
          message: {
            nl: `${table.nl}: de budgetten van de gemeenten tellen op tot ${formatEuro(total)}, maar de totaalregel noemt ${formatEuro(stated.value)} (verschil ${diff})`,
            en: `${table.en}: the municipalities' budgets add up to ${formatEuro(total)}, but the total row states ${formatEuro(stated.value)} (difference ${diff})`,
          },
        })
      );
    }
    if (!total.gt(0)) return findings;
    for (const row of rows) {
      const name = row.municipality ?? row.label;
      const share = row.budget.value.div(total);
      if (row.key && row.key.value.minus(share).abs().gt(percentHalfUnit(row.key))) {
        const diff = signed(row.key.value.minus(share), (v) => percentText({ value: v }));
        findings.push(
          finding({
            rule: "BUDGET-SHARE",
            severity: "error",
            table: "Tabel 6",
            municipality: row.municipality ?? null,
            line: row.municipality ? null : row.label,
            cell: row.key.cell ?? null,
            cells: definedCells(row.key.cell, row.budget.cell, stated?.cell),
            expected: share,
            actual: row.key.value,
            unit: "fraction",
            message: {
              nl: `${table.nl}, ${name}: de verdeelsleutel is ${percentText(row.key)}, maar het budget ${formatEuro(row.budget.value)} ÷ ${formatEuro(total)} (totaal van de budgetten) = ${percentOf(share)}${shownAs(share, row.key)} (verschil ${diff})`,
              en: `${table.en}, ${name}: the distribution key is ${percentText(row.key)}, but the budget ${formatEuro(row.budget.value)} ÷ ${formatEuro(total)} (total of the budgets) = ${percentOf(share)}${shownAs(share, row.key)} (difference ${diff})`,
            },
          })
        );
      }
      const percent = row.budgetPercent;
      const year = t6.budgetYear;
      if (!percent || year === undefined || !row.values.has(year) || row.budget.value.isZero())
        continue;
      const amount = valueAt(row, year);
      const ratio = amount.div(row.budget.value);
      if (percent.value.minus(ratio).abs().lte(percentHalfUnit(percent))) continue;
      const diff = signed(percent.value.minus(ratio), (v) => percentText({ value: v }));
      findings.push(
        finding({
          rule: "BUDGET-SHARE",
          severity: "error",
          table: "Tabel 6",
          year,
          municipality: row.municipality ?? null,
          line: row.municipality ? null : row.label,
          cell: percent.cell ?? null,
          cells: definedCells(percent.cell, cellAt(row, year), row.budget.cell),
          expected: ratio,
          actual: percent.value,
          unit: "fraction",
          message: {
            nl: `${table.nl}, ${name} ${year}: de bijdrage is ${percentText(percent)} van het budget volgens de tabel, maar ${euro(amount)} ÷ ${formatEuro(row.budget.value)} = ${percentOf(ratio)}${shownAs(ratio, percent)} (verschil ${diff})`,
            en: `${table.en}, ${name} ${year}: the table states the contribution as ${percentText(percent)} of the budget, but ${euro(amount)} ÷ ${formatEuro(row.budget.value)} = ${percentOf(ratio)}${shownAs(ratio, percent)} (difference ${diff})`,
          },
        })
      );
    }
    return findings;
  },
};

/** ` (2,48%)`: the computed share rounded as the figure shows its digits, when it shows them. */
function shownAs(value: Decimal, figure: Figure): string {
  if (figure.decimals === undefined) return "";
  return ` (${formatPercent(value, figure.decimals)})`;
}
