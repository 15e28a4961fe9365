import Decimal from "decimal.js";
import { Figure, Finding, Plan } from "../model";
import { sum } from "../money";
import { definedCells, finding, percentText, Rule, rowName, shareHalfUnit, signed } from "./rule";

/**
 * The key calculation table: each municipality's key is Σ weight × share over the components,
 * within what the shown rounding of the key and of the shares allows.
 */
export const KEYTABLE_KEY: Rule = {
  id: "KEYTABLE-KEY",
  title: {
    nl: "Herberekening verdeelsleutel: de sleutel is Σ weging × aandeel",
    en: "Key calculation: the key is Σ weight × share",
  },
  applies: (plan: Plan) => plan.keyTable !== undefined,
  run(plan: Plan): Finding[] {
    const t = plan.keyTable;
    if (!t || t.weights.size === 0) return [];
    const findings: Finding[] = [];
    for (const row of t.rows) {
      const key = row.key;
      const parts = t.components.map((c) => ({
        weight: t.weights.get(c),
        share: row.shares.get(c),
      }));
      if (!key || !parts.every((p) => p.weight && p.share)) continue;
      const weighted = parts as { weight: Figure; share: Figure }[];
      const expected = sum(weighted.map((p) => p.weight.value.times(p.share.value)));
      const tolerance = shareHalfUnit(key).plus(
        sum(weighted.map((p) => p.weight.value.times(shareHalfUnit(p.share))))
      );
      if (key.value.minus(expected).abs().lte(tolerance)) continue;
      const name = rowName(row);
      const shown = (v: Decimal) => percentText({ value: v });
      const diff = signed(key.value.minus(expected), shown);
      findings.push(
        finding({
          rule: "KEYTABLE-KEY",
          severity: "error",
          table: "Herberekening",
          year: t.year ?? null,
          municipality: row.municipality ?? null,
          line: row.municipality ? null : name,
          cell: key.cell ?? null,
          cells: definedCells(key.cell, ...weighted.map((p) => p.share.cell)),
          expected,
          actual: key.value,
          unit: "fraction",
          message: {
            nl: `Herberekening verdeelsleutel, ${name}: de sleutel is ${percentText(key)}, maar Σ weging × aandeel geeft ${shown(expected)} (verschil ${diff})`,
            en: `Key calculation, ${name}: the key is ${percentText(key)}, but Σ weight × share gives ${shown(expected)} (difference ${diff})`,
          },
        })
      );
    }
    return findings;
  },
};
