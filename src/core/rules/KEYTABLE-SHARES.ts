import { Figure, Finding, Message, Plan } from "../model";
import { ONE, sum } from "../money";
import { componentLabel } from "../tableKinds";
import { definedCells, finding, percentText, Rule, shareHalfUnit, signed } from "./rule";

/**
 * The key calculation table: each component's shares add up to 100% over the municipalities,
 * and so do the weights. Shares shown rounded may each miss by half a unit of their last digit.
 */
export const KEYTABLE_SHARES: Rule = {
  id: "KEYTABLE-SHARES",
  title: {
    nl: "Herberekening verdeelsleutel: de aandelen van elke component en de wegingen tellen op tot 100%",
    en: "Key calculation: each component's shares and the weights add up to 100%",
  },
  applies: (plan: Plan) => plan.keyTable !== undefined,
  run(plan: Plan): Finding[] {
    const t = plan.keyTable;
    if (!t) return [];
    const findings: Finding[] = [];
    const check = (figures: Figure[], what: Message, line: string, totalCell?: Figure) => {
      if (figures.length === 0) return;
      const actual = sum(figures.map((f) => f.value));
      const tolerance = sum(figures.map(shareHalfUnit));
      if (actual.minus(ONE).abs().lte(tolerance)) return;
      const diff = signed(actual.minus(ONE), (v) => percentText({ value: v }));
      const total = percentText({ value: actual });
      const allowed = percentText({ value: tolerance });
      findings.push(
        finding({
          rule: "KEYTABLE-SHARES",
          severity: "error",
          table: "Herberekening",
          year: t.year ?? null,
          line,
          cell: totalCell?.cell ?? figures[0].cell ?? null,
          cells: definedCells(totalCell?.cell, ...figures.map((f) => f.cell)),
          expected: ONE,
          actual,
          unit: "fraction",
          message: {
            nl: `Herberekening verdeelsleutel, ${what.nl}: ${figures.length} aandelen tellen op tot ${total}, niet tot 100% (verschil ${diff}; door afronding toegestaan: ±${allowed})`,
            en: `Key calculation, ${what.en}: ${figures.length} shares add up to ${total}, not 100% (difference ${diff}; allowed for rounding: ±${allowed})`,
          },
        })
      );
    };
    for (const c of t.components) {
      const shares = t.rows.flatMap((r) => {
        const s = r.shares.get(c);
        return s ? [s] : [];
      });
      check(shares, componentLabel(c), c, t.total.shares.get(c));
    }
    check([...t.weights.values()], { nl: "wegingen", en: "weights" }, "weging");
    return findings;
  },
};
