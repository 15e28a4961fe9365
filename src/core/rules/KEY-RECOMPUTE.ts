import Decimal from "decimal.js";
import { distributionKey } from "../distributionKey";
import { formatDecimal } from "../dutchNumber";
import { PlanInputError } from "../errors";
import { Finding, Plan } from "../model";
import { definedCells, finding, percentHalfUnit, percentText, Rule, tableName } from "./rule";

/**
 * Where the plan carries the key's inputs (jongeren, toekenningen, declaraties and weights),
 * the Tabel 6 key is what they give, within half a unit of the key's shown decimals.
 */
export const KEY_RECOMPUTE: Rule = {
  id: "KEY-RECOMPUTE",
  title: {
    nl: "Tabel 6: elke verdeelsleutel is wat de sleutelgegevens (componenten en wegingen) opleveren",
    en: "Tabel 6: each distribution key is what the key components and weights give",
  },
  applies: (plan: Plan) => plan.keyComponents !== undefined && plan.contributions !== undefined,
  run(plan: Plan): Finding[] {
    const kc = plan.keyComponents;
    const t6 = plan.contributions;
    if (!kc || !t6) return [];
    let keys: Map<string, Decimal>;
    try {
      keys = distributionKey(
        kc.rows.map((r) => ({
          municipality: r.municipality,
          values: new Map([...r.values].map(([c, f]) => [c, f.value])),
        })),
        kc.weights
      );
    } catch (e) {
      // Bad key data (weights not adding up to 100, a missing component) is a finding, not a crash.
      if (!(e instanceof PlanInputError)) throw e;
      return [
        finding({
          rule: "KEY-RECOMPUTE",
          severity: "error",
          table: "Sleutel",
          cell: e.cell ?? null,
          expected: null,
          actual: null,
          unit: "fraction",
          message: {
            nl: `De verdeelsleutel kan niet worden nagerekend: ${e.nl}`,
            en: `The distribution key cannot be recomputed: ${e.en}`,
          },
        }),
      ];
    }
    const findings: Finding[] = [];
    const table = tableName(plan, "Tabel 6");
    const componentRows = new Map(kc.rows.map((r) => [r.municipality, r]));
    for (const row of t6.rows) {
      if (!row.municipality || !row.key) continue;
      const name = row.municipality;
      const expected = keys.get(name);
      if (expected === undefined) {
        findings.push(
          finding({
            rule: "KEY-RECOMPUTE",
            severity: "error",
            table: "Tabel 6",
            municipality: name,
            cell: row.key.cell ?? null,
            cells: definedCells(row.key.cell, row.labelCell),
            expected: null,
            actual: row.key.value,
            unit: "fraction",
            message: {
              nl: `${name} heeft in ${table.nl} een sleutel van ${percentText(row.key)}, maar staat niet in de sleutelgegevens`,
              en: `${name} has a key of ${percentText(row.key)} in ${table.en}, but is not in the key components`,
            },
          })
        );
        continue;
      }
      const actual = row.key.value;
      const tolerance = percentHalfUnit(row.key);
      if (actual.minus(expected).abs().lte(tolerance)) continue;
      const source = componentRows.get(name);
      const shown = percentText({ value: expected, decimals: (row.key.decimals ?? 2) + 2 });
      // In words, not a sign: the pane's key table shows recomputed − stated, this is the reverse.
      const decimals = (row.key.decimals ?? 2) + 2;
      const points = formatDecimal(actual.minus(expected).abs().times(100), decimals);
      const fixed = points.includes(",") ? points : `${points},`;
      const amount = fixed.padEnd(fixed.indexOf(",") + 1 + decimals, "0");
      const high = actual.gt(expected);
      findings.push(
        finding({
          rule: "KEY-RECOMPUTE",
          severity: "error",
          table: "Tabel 6",
          municipality: name,
          cell: row.key.cell ?? null,
          cells: definedCells(
            row.key.cell,
            source?.labelCell,
            ...[...(source?.values.values() ?? [])].map((f) => f.cell)
          ),
          expected,
          actual,
          unit: "fraction",
          message: {
            nl: `${table.nl}, ${name}: de sleutel is ${percentText(row.key)}, maar de sleutelgegevens geven ${shown} (${amount} procentpunt te ${high ? "hoog" : "laag"})`,
            en: `${table.en}, ${name}: the key is ${percentText(row.key)}, but the key components give ${shown} (${amount} percentage point too ${high ? "high" : "low"})`,
          },
        })
      );
    }
    for (const [name, key] of keys) {
      if (t6.rows.some((r) => r.municipality === name && r.key)) continue;
      const source = componentRows.get(name);
      findings.push(
        finding({
          rule: "KEY-RECOMPUTE",
          severity: "error",
          table: "Sleutel",
          municipality: name,
          cell: source?.labelCell ?? null,
          expected: key,
          actual: null,
          unit: "fraction",
          message: {
            nl: `${name} staat in de sleutelgegevens (sleutel ${percentText({ value: key, decimals: 4 })}), maar heeft in ${table.nl} geen verdeelsleutel`,
            en: `${name} is in the key components (key ${percentText({ value: key, decimals: 4 })}), but has no distribution key in ${table.en}`,
          },
        })
      );
    }
    return findings;
  },
};
