import { Finding, Plan } from "../model";
import {
  cellAt,
  CONTRIBUTIONS,
  definedCells,
  finding,
  moneyOf,
  Rule,
  signed,
  tableName,
  valueAt,
} from "./rule";

/**
 * A plan without Tabel 4 (earlier plans) distributes the budget's total, or its jeugd part
 * when the budget splits jeugd and wmo: the total row of the contributions is that amount.
 */
export const BUDGET_LINK: Rule = {
  id: "BUDGET-LINK",
  title: {
    nl: "Zonder Tabel 4: het totaal van de bijdragen is per jaar het te verdelen bedrag van de begroting",
    en: "Without Tabel 4: the contributions' total equals the budget's amount to distribute, per year",
  },
  applies: (plan: Plan) =>
    plan.totals === undefined && plan.budget !== undefined && plan.contributions !== undefined,
  run(plan: Plan): Finding[] {
    const budget = plan.budget;
    const t6 = plan.contributions;
    if (plan.totals || !budget || !t6) return [];
    const source = budget.youth ?? budget.total;
    const part = budget.youth
      ? { nl: "het jeugddeel van de begroting", en: "the budget's jeugd part" }
      : { nl: "het totaal van de begroting", en: "the budget's total" };
    const findings: Finding[] = [];
    const euro = moneyOf(plan).text;
    const table = tableName(plan, "Tabel 6", CONTRIBUTIONS);
    for (const year of t6.years.filter((y) => budget.years.includes(y))) {
      const expected = valueAt(source, year);
      const actual = valueAt(t6.total, year);
      if (actual.eq(expected)) continue;
      const diff = signed(actual.minus(expected), euro);
      findings.push(
        finding({
          rule: "BUDGET-LINK",
          severity: "error",
          table: "Tabel 6",
          year,
          line: t6.total.label || "totaal",
          cell: cellAt(t6.total, year) ?? null,
          cells: definedCells(cellAt(t6.total, year), cellAt(source, year)),
          expected,
          actual,
          unit: "euro",
          message: {
            nl: `${table.nl}, ${year}: het totaal is ${euro(actual)}, maar ${part.nl} is ${euro(expected)} (verschil ${diff}); de gemeenten betalen samen dat bedrag`,
            en: `${table.en}, ${year}: the total is ${euro(actual)}, but ${part.en} is ${euro(expected)} (difference ${diff}); together the municipalities pay that amount`,
          },
        })
      );
    }
    return findings;
  },
};
