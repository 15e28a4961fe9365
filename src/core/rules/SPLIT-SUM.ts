import { Finding, Message, Plan, PlanLine, TableId } from "../model";
import {
  cellAt,
  definedCells,
  euro,
  finding,
  lineName,
  Rule,
  signed,
  tableName,
  valueAt,
} from "./rule";

interface Split {
  table: TableId;
  years: number[];
  youth: PlanLine;
  wmo: PlanLine;
  /** The rows that must equal jeugd + wmo: the total line and the closing `totaal`. */
  totals: PlanLine[];
}

const SUBTOTAL: Message = { nl: "subtotaal", en: "subtotal" };

/** Tabel 2, Tabel 3 and a split budget: jeugd + wmo equals the total they split, in whole euros. */
export const SPLIT_SUM: Rule = {
  id: "SPLIT-SUM",
  title: {
    nl: "Tabel 2, 3 en de begroting: jeugd + wmo is per jaar gelijk aan het totaal",
    en: "Tabel 2, 3 and the budget: jeugd + wmo equals the total, per year",
  },
  applies: (plan: Plan) =>
    plan.staffCosts !== undefined ||
    plan.materialCosts !== undefined ||
    (plan.budget?.youth !== undefined && plan.budget.wmo !== undefined),
  run(plan: Plan): Finding[] {
    const splits: Split[] = [];
    const t2 = plan.staffCosts;
    if (t2) {
      splits.push({
        table: "Tabel 2",
        years: t2.years,
        youth: t2.youth,
        wmo: t2.wmo,
        totals: t2.grandTotal ? [t2.total, t2.grandTotal] : [t2.total],
      });
    }
    const t3 = plan.materialCosts;
    if (t3) {
      splits.push({
        table: "Tabel 3",
        years: t3.years,
        youth: t3.youth,
        wmo: t3.wmo,
        totals: t3.grandTotal ? [t3.subtotal, t3.grandTotal] : [t3.subtotal],
      });
    }
    const budget = plan.budget;
    if (budget?.youth && budget.wmo) {
      splits.push({
        table: "Begroting",
        years: budget.years,
        youth: budget.youth,
        wmo: budget.wmo,
        totals: [budget.total],
      });
    }
    return splits.flatMap((s) => checkSplit(s, tableName(plan, s.table)));
  },
};

function checkSplit(s: Split, table: Message): Finding[] {
  const findings: Finding[] = [];
  for (const year of s.years) {
    const youth = valueAt(s.youth, year);
    const wmo = valueAt(s.wmo, year);
    const expected = youth.plus(wmo);
    for (const total of s.totals) {
      const actual = valueAt(total, year);
      if (actual.eq(expected)) continue;
      const name = lineName(total, SUBTOTAL);
      const diff = signed(actual.minus(expected), euro);
      findings.push(
        finding({
          rule: "SPLIT-SUM",
          severity: "error",
          table: s.table,
          year,
          line: total.label.trim() === "" ? SUBTOTAL.nl : total.label,
          cell: cellAt(total, year) ?? null,
          cells: definedCells(cellAt(total, year), cellAt(s.youth, year), cellAt(s.wmo, year)),
          expected,
          actual,
          unit: "euro",
          message: {
            nl: `${table.nl}, ${year}: jeugd ${euro(youth)} + wmo ${euro(wmo)} = ${euro(expected)}, maar '${name.nl}' is ${euro(actual)} (verschil ${diff})`,
            en: `${table.en}, ${year}: jeugd ${euro(youth)} + wmo ${euro(wmo)} = ${euro(expected)}, but '${name.en}' is ${euro(actual)} (difference ${diff})`,
          },
        })
      );
    }
  }
  return findings;
}
