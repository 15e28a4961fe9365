import { CellRef, ContributionRow, Finding, Plan } from "../model";
import { D } from "../money";
import { resolveMunicipality, unknownMunicipalityMessage } from "../municipalities";
import { definedCells, finding, Rule, tableName } from "./rule";

/** Tabel 6 names each participating municipality exactly once, and nothing else. */
export const MUNICIPALITIES_RULE: Rule = {
  id: "MUNICIPALITIES",
  title: {
    nl: "Tabel 6 noemt elke deelnemende gemeente precies één keer, en verder niets",
    en: "Tabel 6 names each participating municipality exactly once, and nothing else",
  },
  applies: (plan: Plan) => plan.contributions !== undefined,
  run(plan: Plan): Finding[] {
    const t6 = plan.contributions;
    if (!t6) return [];
    const table = tableName(plan, "Tabel 6");
    const findings: Finding[] = [];
    const named = new Map<string, ContributionRow[]>();
    for (const row of t6.rows) {
      const r = resolveMunicipality(row.municipality ?? row.label, plan.municipalities);
      if (r.ok) {
        named.set(r.name, [...(named.get(r.name) ?? []), row]);
        continue;
      }
      const elsewhere = resolveMunicipality(r.input);
      const message =
        r.input.trim() === ""
          ? {
              nl: "een rij heeft geen gemeentenaam",
              en: "a row has no municipality name",
            }
          : elsewhere.ok
            ? {
                nl: `${elsewhere.name} neemt niet deel aan dit plan`,
                en: `${elsewhere.name} does not take part in this plan`,
              }
            : unknownMunicipalityMessage(r);
      findings.push(
        finding({
          rule: "MUNICIPALITIES",
          severity: "error",
          table: "Tabel 6",
          line: row.label,
          cell: row.labelCell ?? null,
          expected: null,
          actual: null,
          unit: "count",
          message: { nl: `${table.nl}: ${message.nl}`, en: `${table.en}: ${message.en}` },
        })
      );
    }
    for (const name of plan.municipalities) {
      const rows = named.get(name) ?? [];
      if (rows.length === 1) continue;
      const cells: CellRef[] = definedCells(...rows.map((r) => r.labelCell));
      findings.push(
        finding({
          rule: "MUNICIPALITIES",
          severity: "error",
          table: "Tabel 6",
          municipality: name,
          cell: cells[rows.length > 1 ? 1 : 0] ?? null,
          cells,
          expected: new D(1),
          actual: new D(rows.length),
          unit: "count",
          message:
            rows.length === 0
              ? {
                  nl: `${table.nl}: ${name} ontbreekt; elke deelnemende gemeente heeft een eigen rij`,
                  en: `${table.en}: ${name} is missing; every participating municipality has a row of its own`,
                }
              : {
                  nl: `${table.nl}: ${name} staat er ${rows.length} keer in (${rows.map((r) => `'${r.label}'`).join(", ")}); elke gemeente hoort er precies één keer in`,
                  en: `${table.en}: ${name} appears ${rows.length} times (${rows.map((r) => `'${r.label}'`).join(", ")}); each municipality belongs there exactly once`,
                },
        })
      );
    }
    return findings;
  },
};
