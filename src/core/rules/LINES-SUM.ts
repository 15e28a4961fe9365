import { Finding, Message, Plan, PlanLine, TableId } from "../model";
import { sum } from "../money";
import { cellAt, definedCells, euro, finding, Rule, signed, tableName, valueAt } from "./rule";

interface Lines {
  table: TableId;
  years: number[];
  lines: PlanLine[];
  total: PlanLine;
  /** The total's name when its row has no label. */
  fallback: string;
  what: { nl: string; en: string };
  totalWord: { nl: string; en: string };
}

/** Tabel 3 and the budget: the cost lines add up exactly to their (sub)total, per year. */
export const LINES_SUM: Rule = {
  id: "LINES-SUM",
  title: {
    nl: "Tabel 3 en de begroting: de kostenregels tellen per jaar op tot het (sub)totaal",
    en: "Tabel 3 and the budget: the cost lines add up to the (sub)total, per year",
  },
  applies: (plan: Plan) => plan.materialCosts !== undefined || plan.budget !== undefined,
  run(plan: Plan): Finding[] {
    const tables: Lines[] = [];
    const t3 = plan.materialCosts;
    if (t3) {
      tables.push({
        table: "Tabel 3",
        years: t3.years,
        lines: t3.lines,
        total: t3.subtotal,
        fallback: "subtotaal",
        what: { nl: "kostenregels", en: "cost lines" },
        totalWord: { nl: "subtotaal", en: "subtotal" },
      });
    }
    const budget = plan.budget;
    if (budget) {
      tables.push({
        table: "Begroting",
        years: budget.years,
        lines: budget.lines,
        total: budget.total,
        fallback: "totaal",
        what: { nl: "kostenposten", en: "cost lines" },
        totalWord: { nl: "totaal", en: "total" },
      });
    }
    return tables.flatMap((t) => checkLines(t, tableName(plan, t.table)));
  },
};

function checkLines(t: Lines, table: Message): Finding[] {
  const findings: Finding[] = [];
  const name = t.total.label.trim() || t.fallback;
  const word = (lang: "nl" | "en") =>
    name === t.fallback ? t.totalWord[lang] : `${t.totalWord[lang]} '${name}'`;
  for (const year of t.years) {
    const expected = sum(t.lines.map((l) => valueAt(l, year)));
    const actual = valueAt(t.total, year);
    if (expected.eq(actual)) continue;
    const diff = signed(actual.minus(expected), euro);
    findings.push(
      finding({
        rule: "LINES-SUM",
        severity: "error",
        table: t.table,
        year,
        line: name,
        cell: cellAt(t.total, year) ?? null,
        cells: definedCells(cellAt(t.total, year), ...t.lines.map((l) => cellAt(l, year))),
        expected,
        actual,
        unit: "euro",
        message: {
          nl: `${table.nl}, ${year}: de ${t.lines.length} ${t.what.nl} tellen op tot ${euro(expected)}, maar het ${word("nl")} is ${euro(actual)} (verschil ${diff})`,
          en: `${table.en}, ${year}: the ${t.lines.length} ${t.what.en} add up to ${euro(expected)}, but the ${word("en")} is ${euro(actual)} (difference ${diff})`,
        },
      })
    );
  }
  return findings;
}
