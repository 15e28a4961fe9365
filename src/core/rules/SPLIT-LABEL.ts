import Decimal from "decimal.js";
import { Finding, Message, Plan, PlanLine, ShareLine, TableId } from "../model";
import { roundTo } from "../money";
import {
  cellAt,
  definedCells,
  euro,
  finding,
  percentHalfUnit,
  percentText,
  Rule,
  signed,
  tableName,
  valueAt,
} from "./rule";

interface Labelled {
  table: TableId;
  years: number[];
  total: PlanLine;
  lines: ShareLine[];
}

/**
 * Tabel 2, Tabel 3 and a split budget: a line labelled `70%` really is 70% of its total, within half a unit of
 * the label's last digit (70% → 69,5%–70,5%). A warning: the amounts may be right and the
 * label stale, as in the published 2024 plan.
 */
export const SPLIT_LABEL: Rule = {
  id: "SPLIT-LABEL",
  title: {
    nl: "Tabel 2, 3 en de begroting: een regel met een percentage (70%) is werkelijk dat deel van het totaal",
    en: "Tabel 2, 3 and the budget: a line labelled with a percentage (70%) really is that share of the total",
  },
  applies: (plan: Plan) =>
    plan.staffCosts !== undefined ||
    plan.materialCosts !== undefined ||
    (plan.budget?.youth !== undefined && plan.budget.wmo !== undefined),
  run(plan: Plan): Finding[] {
    const tables: Labelled[] = [];
    const t2 = plan.staffCosts;
    if (t2) {
      tables.push({
        table: "Tabel 2",
        years: t2.years,
        total: t2.total,
        lines: [t2.youth, t2.wmo],
      });
    }
    const t3 = plan.materialCosts;
    if (t3) {
      tables.push({
        table: "Tabel 3",
        years: t3.years,
        total: t3.subtotal,
        lines: [t3.youth, t3.wmo],
      });
    }
    const budget = plan.budget;
    if (budget?.youth && budget.wmo) {
      tables.push({
        table: "Begroting",
        years: budget.years,
        total: budget.total,
        lines: [budget.youth, budget.wmo],
      });
    }
    return tables.flatMap((t) => checkLabels(t, tableName(plan, t.table)));
  },
};

function checkLabels(t: Labelled, table: Message): Finding[] {
  const findings: Finding[] = [];
  for (const line of t.lines) {
    const share = line.share;
    if (!share) continue;
    const tolerance = percentHalfUnit(share);
    const label = percentText(share);
    for (const year of t.years) {
      const total = valueAt(t.total, year);
      // A zero total has no shares; SPLIT-SUM reports amounts that split nothing.
      if (total.isZero()) continue;
      const actual = valueAt(line, year);
      const ratio = actual.div(total);
      if (ratio.minus(share.value).abs().lte(tolerance)) continue;
      const expected = roundTo(share.value.times(total));
      const real = outsideText(ratio, share.value, tolerance);
      const diff = signed(actual.minus(expected), euro);
      findings.push(
        finding({
          rule: "SPLIT-LABEL",
          severity: "warning",
          table: t.table,
          year,
          line: line.label,
          cell: cellAt(line, year) ?? null,
          cells: definedCells(cellAt(line, year), cellAt(t.total, year), share.cell),
          expected,
          actual,
          unit: "euro",
          message: {
            nl: `${table.nl}, '${line.label}' ${year}: ${euro(actual)} is ${real} van het totaal, niet ${label}: ${label} van ${euro(total)} is ${euro(expected)} (verschil ${diff})`,
            en: `${table.en}, '${line.label}' ${year}: ${euro(actual)} is ${real} of the total, not ${label}: ${label} of ${euro(total)} is ${euro(expected)} (difference ${diff})`,
          },
        })
      );
    }
  }
  return findings;
}

/**
 * The real share with 2 decimals, or more when 2 would round it onto the allowed band
 * (69,4999% must not read as 69,50%).
 */
function outsideText(ratio: Decimal, share: Decimal, tolerance: Decimal): string {
  let decimals = 2;
  while (
    decimals < 8 &&
    ratio
      .toDecimalPlaces(decimals + 2)
      .minus(share)
      .abs()
      .lte(tolerance)
  ) {
    decimals++;
  }
  return percentText({ value: ratio, decimals });
}
