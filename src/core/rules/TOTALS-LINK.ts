import Decimal from "decimal.js";
import { Finding, Message, Plan, PlanLine, TableId } from "../model";
import { cellAt, definedCells, euro, finding, Rule, signed, valueAt } from "./rule";

interface Link {
  /** The Tabel 4 line and the line of its source table it must repeat. */
  line: PlanLine;
  source: { table: TableId; years: number[]; line: PlanLine } | undefined;
}

/** A Tabel 4 amount that is not what it must be, with the cells it was compared against. */
function mismatch(
  year: number,
  line: PlanLine,
  against: PlanLine[],
  expected: Decimal,
  actual: Decimal,
  message: (diff: string) => Message
): Finding {
  return finding({
    rule: "TOTALS-LINK",
    severity: "error",
    table: "Tabel 4",
    year,
    line: line.label,
    cell: cellAt(line, year) ?? null,
    cells: definedCells(cellAt(line, year), ...against.map((l) => cellAt(l, year))),
    expected,
    actual,
    unit: "euro",
    message: message(signed(actual.minus(expected), euro)),
  });
}

/**
 * Tabel 4 repeats the jeugd lines of Tabel 2 and 3 and adds them up. A Tabel 4 year that
 * its source table lacks cannot be checked: that is a warning of its own, not silence.
 */
export const TOTALS_LINK: Rule = {
  id: "TOTALS-LINK",
  title: {
    nl: "Tabel 4 neemt de jeugdbedragen van Tabel 2 en 3 over en telt ze op",
    en: "Tabel 4 repeats the jeugd amounts of Tabel 2 and 3 and adds them up",
  },
  applies: (plan: Plan) => plan.totals !== undefined,
  run(plan: Plan): Finding[] {
    const t4 = plan.totals;
    if (!t4) return [];
    const t2 = plan.staffCosts;
    const t3 = plan.materialCosts;
    const links: Link[] = [
      {
        line: t4.staffYouth,
        source: t2 && { table: "Tabel 2", years: t2.years, line: t2.youth },
      },
      {
        line: t4.materialYouth,
        source: t3 && { table: "Tabel 3", years: t3.years, line: t3.youth },
      },
    ];
    const findings: Finding[] = [];
    for (const year of t4.years) {
      for (const { line, source } of links) {
        // A source table that is absent altogether is not this rule's business: the check
        // reports which tables it found.
        if (!source) continue;
        const actual = valueAt(line, year);
        if (!source.years.includes(year)) {
          findings.push(
            finding({
              rule: "TOTALS-LINK",
              severity: "warning",
              table: "Tabel 4",
              year,
              line: line.label,
              cell: cellAt(line, year) ?? null,
              expected: null,
              actual,
              unit: "euro",
              message: {
                nl: `Tabel 4, '${line.label}' ${year} (${euro(actual)}) kan niet worden nagerekend: ${source.table} heeft geen kolom ${year}`,
                en: `Tabel 4, '${line.label}' ${year} (${euro(actual)}) cannot be checked: ${source.table} has no column ${year}`,
              },
            })
          );
          continue;
        }
        const expected = valueAt(source.line, year);
        if (actual.eq(expected)) continue;
        findings.push(
          mismatch(year, line, [source.line], expected, actual, (diff) => ({
            nl: `Tabel 4, '${line.label}' ${year}: ${euro(actual)}, maar ${source.table} '${source.line.label}' is ${euro(expected)} (verschil ${diff})`,
            en: `Tabel 4, '${line.label}' ${year}: ${euro(actual)}, but ${source.table} '${source.line.label}' is ${euro(expected)} (difference ${diff})`,
          }))
        );
      }
      const staff = valueAt(t4.staffYouth, year);
      const material = valueAt(t4.materialYouth, year);
      const expected = staff.plus(material);
      const actual = valueAt(t4.total, year);
      if (actual.eq(expected)) continue;
      findings.push(
        mismatch(year, t4.total, [t4.staffYouth, t4.materialYouth], expected, actual, (diff) => ({
          nl: `Tabel 4, ${year}: formatiekosten jeugd ${euro(staff)} + materiële kosten jeugd ${euro(material)} = ${euro(expected)}, maar '${t4.total.label}' is ${euro(actual)} (verschil ${diff})`,
          en: `Tabel 4, ${year}: staff costs jeugd ${euro(staff)} + material costs jeugd ${euro(material)} = ${euro(expected)}, but '${t4.total.label}' is ${euro(actual)} (difference ${diff})`,
        }))
      );
    }
    return findings;
  },
};
