import { formatDecimal } from "../dutchNumber";
import { Finding, Plan, PlanLine } from "../model";
import { definedCells, finding, fte, Rule } from "./rule";

/** Tabel 1: FTE are never negative; a salary scale is a whole number 1–18. */
export const FTE_VALUE: Rule = {
  id: "FTE-VALUE",
  title: {
    nl: "Tabel 1: elke formatie is 0 of meer fte, elke schaal een geheel getal van 1 tot en met 18",
    en: "Tabel 1: every FTE is 0 or more, every salary scale a whole number from 1 to 18",
  },
  applies: (plan: Plan) => plan.staffing !== undefined,
  run(plan: Plan): Finding[] {
    const staffing = plan.staffing;
    if (!staffing) return [];
    const findings: Finding[] = [];
    const checkFte = (line: PlanLine) => {
      for (const year of staffing.years) {
        const f = line.values.get(year);
        if (!f || !f.value.isNegative()) continue;
        findings.push(
          finding({
            rule: "FTE-VALUE",
            severity: "error",
            table: "Tabel 1",
            year,
            line: line.label,
            cell: f.cell ?? null,
            expected: null,
            actual: f.value,
            unit: "fte",
            message: {
              nl: `Tabel 1, '${line.label}' ${year}: ${fte(f.value)} fte is negatief; een formatie is 0 of meer`,
              en: `Tabel 1, '${line.label}' ${year}: ${fte(f.value)} FTE is negative; staffing is 0 or more`,
            },
          })
        );
      }
    };
    for (const role of staffing.roles) {
      checkFte(role);
      const scale = role.scale;
      if (!scale) continue;
      const v = scale.value;
      if (v.isInteger() && v.gte(1) && v.lte(18)) continue;
      findings.push(
        finding({
          rule: "FTE-VALUE",
          severity: "error",
          table: "Tabel 1",
          line: role.label,
          cell: scale.cell ?? null,
          cells: definedCells(scale.cell, role.labelCell),
          expected: null,
          actual: v,
          unit: "scale",
          message: {
            nl: `Tabel 1, '${role.label}': schaal ${formatDecimal(v)} bestaat niet; een schaal is een geheel getal van 1 tot en met 18`,
            en: `Tabel 1, '${role.label}': salary scale ${v.toString()} does not exist; a scale is a whole number from 1 to 18`,
          },
        })
      );
    }
    checkFte(staffing.total);
    return findings;
  },
};
