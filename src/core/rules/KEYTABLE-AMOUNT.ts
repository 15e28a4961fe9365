import { Finding, Plan } from "../model";
import { ONE, ZERO } from "../money";
import { componentLabel } from "../tableKinds";
import {
  definedCells,
  euro,
  finding,
  percentText,
  Rule,
  rowName,
  shareHalfUnit,
  signed,
} from "./rule";

/**
 * The key calculation table: each municipality's amount for a component is weight × the table's
 * total × its share, and the total row's amount for a component is weight × total. Amounts are
 * whole euros (within €1 of the exact value); a share shown rounded widens that by weight ×
 * total × half a unit of its last digit.
 */
export const KEYTABLE_AMOUNT: Rule = {
  id: "KEYTABLE-AMOUNT",
  title: {
    nl: "Herberekening verdeelsleutel: het bedrag per component is weging × totaal × aandeel",
    en: "Key calculation: the amount per component is weight × total × share",
  },
  applies: (plan: Plan) => plan.keyTable?.total.amount !== undefined,
  run(plan: Plan): Finding[] {
    const t = plan.keyTable;
    const total = t?.total.amount;
    if (!t || !total) return [];
    const findings: Finding[] = [];
    for (const c of t.components) {
      const weight = t.weights.get(c);
      if (!weight) continue;
      const label = componentLabel(c);
      for (const row of [...t.rows, t.total]) {
        const amount = row.amounts.get(c);
        const isTotal = row === t.total;
        const share = isTotal ? undefined : row.shares.get(c);
        if (!amount || (!isTotal && !share)) continue;
        const exact = weight.value.times(total.value).times(share?.value ?? ONE);
        const slack = share ? weight.value.times(total.value).times(shareHalfUnit(share)) : ZERO;
        const off = amount.value.minus(exact);
        if (off.abs().lt(slack.plus(ONE))) continue;
        const name = rowName(row);
        const how = share
          ? {
              nl: `${percentText(weight)} × ${euro(total.value)} × ${percentText(share)}`,
              en: `${percentText(weight)} × ${euro(total.value)} × ${percentText(share)}`,
            }
          : {
              nl: `${percentText(weight)} × ${euro(total.value)}`,
              en: `${percentText(weight)} × ${euro(total.value)}`,
            };
        const exactText = euro(exact.toDecimalPlaces(2));
        findings.push(
          finding({
            rule: "KEYTABLE-AMOUNT",
            severity: "error",
            table: "Herberekening",
            year: t.year ?? null,
            municipality: row.municipality ?? null,
            line: row.municipality ? c : `${name} ${c}`,
            cell: amount.cell ?? null,
            cells: definedCells(amount.cell, share?.cell, weight.cell, total.cell),
            expected: exact,
            actual: amount.value,
            unit: "euro",
            message: {
              nl: `Herberekening verdeelsleutel, ${name}, ${label.nl}: het bedrag is ${euro(amount.value)}, maar ${how.nl} = ${exactText} (verschil ${signed(off.toDecimalPlaces(2), euro)})`,
              en: `Key calculation, ${name}, ${label.en}: the amount is ${euro(amount.value)}, but ${how.en} = ${exactText} (difference ${signed(off.toDecimalPlaces(2), euro)})`,
            },
          })
        );
      }
    }
    return findings;
  },
};
