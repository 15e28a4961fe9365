import { Finding, Plan } from "../model";
import { distributedTotalIfAny } from "../query";
import { tableKind } from "../tableKinds";
import { definedCells, euro, finding, Rule, signed } from "./rule";

/**
 * The key calculation table distributes the year's total: its total amount is what the plan
 * distributes in the year its title names (Tabel 4, else the budget's amount, else Tabel 6).
 */
export const KEYTABLE_TOTAL: Rule = {
  id: "KEYTABLE-TOTAL",
  title: {
    nl: "Herberekening verdeelsleutel: het totaal is het te verdelen bedrag van het jaar",
    en: "Key calculation: the total is the year's amount to distribute",
  },
  applies: (plan: Plan) => {
    const t = plan.keyTable;
    return (
      t?.year !== undefined &&
      t.total.amount !== undefined &&
      distributedTotalIfAny(plan, t.year) !== undefined
    );
  },
  run(plan: Plan): Finding[] {
    const t = plan.keyTable;
    const stated = t?.total.amount;
    if (!t || t.year === undefined || !stated) return [];
    const reference = distributedTotalIfAny(plan, t.year);
    if (!reference || reference.value.eq(stated.value)) return [];
    const source = tableKind(reference.table).name;
    const diff = signed(stated.value.minus(reference.value), euro);
    return [
      finding({
        rule: "KEYTABLE-TOTAL",
        severity: "error",
        table: "Herberekening",
        year: t.year,
        line: t.total.label || "totaal",
        cell: stated.cell ?? null,
        cells: definedCells(stated.cell, reference.cell),
        expected: reference.value,
        actual: stated.value,
        unit: "euro",
        message: {
          nl: `Herberekening verdeelsleutel ${t.year}: het totaal is ${euro(stated.value)}, maar ${source.nl} verdeelt ${euro(reference.value)} in ${t.year} (verschil ${diff})`,
          en: `Key calculation ${t.year}: the total is ${euro(stated.value)}, but ${source.en} distributes ${euro(reference.value)} in ${t.year} (difference ${diff})`,
        },
      }),
    ];
  },
};
