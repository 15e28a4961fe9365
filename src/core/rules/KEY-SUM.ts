import { Finding, Plan } from "../model";
import { ONE, sum } from "../money";
import {
  definedCells,
  finding,
  percentHalfUnit,
  percentText,
  Rule,
  signed,
  tableName,
} from "./rule";

/**
 * Tabel 6: the keys add up to 100%. Keys shown rounded may each be off by half a unit of their
 * last digit, so n keys with 2 decimals may miss 100% by up to n × 0,005 percentage point.
 */
export const KEY_SUM: Rule = {
  id: "KEY-SUM",
  title: {
    nl: "Tabel 6: de verdeelsleutels tellen op tot 100%",
    en: "Tabel 6: the distribution keys add up to 100%",
  },
  applies: (plan: Plan) =>
    plan.contributions !== undefined && plan.contributions.keyColumn !== false,
  run(plan: Plan): Finding[] {
    const t6 = plan.contributions;
    if (!t6) return [];
    const table = tableName(plan, "Tabel 6");
    const findings: Finding[] = [];
    for (const row of t6.rows) {
      if (row.key) continue;
      const name = row.municipality ?? row.label;
      findings.push(
        finding({
          rule: "KEY-SUM",
          severity: "error",
          table: "Tabel 6",
          municipality: row.municipality ?? null,
          line: row.municipality ? null : row.label,
          cell: row.labelCell ?? null,
          expected: null,
          actual: null,
          unit: "fraction",
          message: {
            nl: `${table.nl}, ${name}: de verdeelsleutel ontbreekt`,
            en: `${table.en}, ${name}: the distribution key is missing`,
          },
        })
      );
    }
    const keys = t6.rows.flatMap((r) => (r.key ? [r.key] : []));
    if (keys.length === 0) return findings;
    const actual = sum(keys.map((k) => k.value));
    const tolerance = sum(keys.map(percentHalfUnit));
    const keyCells = definedCells(...keys.map((k) => k.cell));
    const allowed = percentText({ value: tolerance });
    if (actual.minus(ONE).abs().gt(tolerance)) {
      const diff = signed(actual.minus(ONE), (v) => percentText({ value: v }));
      findings.push(
        finding({
          rule: "KEY-SUM",
          severity: "error",
          table: "Tabel 6",
          line: "verdeelsleutel",
          cell: t6.totalKey?.cell ?? null,
          cells: definedCells(t6.totalKey?.cell, ...keyCells),
          expected: ONE,
          actual,
          unit: "fraction",
          message: {
            nl: `${table.nl}: de ${keys.length} verdeelsleutels tellen op tot ${percentText({ value: actual })}, niet tot 100% (verschil ${diff}; door afronding toegestaan: ${allowed})`,
            en: `${table.en}: the ${keys.length} distribution keys add up to ${percentText({ value: actual })}, not 100% (difference ${diff}; allowed for rounding: ${allowed})`,
          },
        })
      );
    }
    const totalKey = t6.totalKey;
    if (totalKey && totalKey.value.minus(actual).abs().gt(tolerance)) {
      const diff = signed(totalKey.value.minus(actual), (v) => percentText({ value: v }));
      findings.push(
        finding({
          rule: "KEY-SUM",
          severity: "error",
          table: "Tabel 6",
          line: t6.total.label || "totaal",
          cell: totalKey.cell ?? null,
          cells: definedCells(totalKey.cell, ...keyCells),
          expected: actual,
          actual: totalKey.value,
          unit: "fraction",
          message: {
            nl: `${table.nl}: de totaalregel noemt als sleutel ${percentText(totalKey)}, maar de sleutels tellen op tot ${percentText({ value: actual })} (verschil ${diff})`,
            en: `${table.en}: the total row states a key of ${percentText(totalKey)}, but the keys add up to ${percentText({ value: actual })} (difference ${diff})`,
          },
        })
      );
    }
    return findings;
  },
};
