import { D } from "../../../src/core/money";
import { BUDGET_LINK } from "../../../src/core/rules/BUDGET-LINK";
import { LINES_SUM } from "../../../src/core/rules/LINES-SUM";
import { SPLIT_LABEL } from "../../../src/core/rules/SPLIT-LABEL";
import { SPLIT_SUM } from "../../../src/core/rules/SPLIT-SUM";
import { consistentPlan, setFigure } from "../../support/planBuilder";
import { PlanBuilder } from "../../support/planBuilder";

/*
 * consistentPlan()'s Tabel 6 distributes 805.000 (2024) and 980.000 (2025). Its budget here:
 * three lines adding up to 1.150.000 / 1.400.000, of which jeugd 70% = 805.000 / 980.000 and
 * wmo 30% = 345.000 / 420.000. On sheet 'Begroting': lines in rows 2–4, total row 5, jeugd 6, wmo 7.
 */
function budgetPlan(split = true) {
  const plan = consistentPlan();
  delete plan.totals;
  const withBudget = new PlanBuilder(plan.municipalities)
    .budget([2024, 2025], {
      lines: [
        ["Personeel", "900.000", "1.100.000"],
        ["Overhead", "200.000", "250.000"],
        ["ICT", "50.000", "50.000"],
      ],
      total: ["Totaal", "1.150.000", "1.400.000"],
      ...(split
        ? {
            youth: ["waarvan jeugd", "70%", "805.000", "980.000"],
            wmo: ["waarvan wmo", "30%", "345.000", "420.000"],
          }
        : {}),
    })
    .build();
  plan.budget = withBudget.budget;
  return plan;
}

describe("BUDGET-LINK", () => {
  test("not applicable with a Tabel 4: that total is distributed", () => {
    const plan = consistentPlan();
    plan.budget = budgetPlan().budget;
    expect(BUDGET_LINK.applies(plan)).toBe(false);
    expect(BUDGET_LINK.applies(budgetPlan())).toBe(true);
  });

  test("silent when Tabel 6's total is the budget's jeugd part", () => {
    expect(BUDGET_LINK.run(budgetPlan())).toEqual([]);
  });

  test("a total that is not the jeugd part is an error at the total cell", () => {
    const plan = budgetPlan();
    setFigure(plan.contributions!.total, 2025, "980.010");
    const found = BUDGET_LINK.run(plan);
    expect(found.map((f) => [f.year, f.expected, f.actual, f.cell?.address])).toEqual([
      [2025, new D(980000), new D(980010), "D6"],
    ]);
    expect(found[0].cells.map((c) => `${c.sheet}!${c.address}`)).toEqual([
      "Tabel 6!D6",
      "Begroting!D6",
    ]);
    expect(found[0].message.nl).toBe(
      "Bijdragen per gemeente, 2025: het totaal is € 980.010, maar het jeugddeel van de begroting is € 980.000 (verschil +€ 10); de gemeenten betalen samen dat bedrag"
    );
  });

  test("a budget without a split: its whole total is distributed", () => {
    const plan = budgetPlan(false);
    // 805.000 is distributed, the budget's total is 1.150.000.
    const found = BUDGET_LINK.run(plan);
    expect(found.map((f) => [f.year, f.expected, f.actual])).toEqual([
      [2024, new D(1150000), new D(805000)],
      [2025, new D(1400000), new D(980000)],
    ]);
    expect(found[0].message.nl).toContain("het totaal van de begroting");
  });
});

describe("the budget in LINES-SUM, SPLIT-SUM and SPLIT-LABEL", () => {
  test("silent on a consistent budget", () => {
    const plan = budgetPlan();
    expect([...LINES_SUM.run(plan), ...SPLIT_SUM.run(plan), ...SPLIT_LABEL.run(plan)]).toEqual([]);
  });

  test("lines that miss the total by a euro", () => {
    const plan = budgetPlan();
    setFigure(plan.budget!.lines[1], 2024, "199.999");
    const found = LINES_SUM.run(plan);
    expect(found.map((f) => [f.table, f.year, f.expected, f.actual, f.cell?.address])).toEqual([
      ["Begroting", 2024, new D(1149999), new D(1150000), "C5"],
    ]);
    expect(found[0].message.nl).toBe(
      "Begroting, 2024: de 3 kostenposten tellen op tot € 1.149.999, maar het totaal 'Totaal' is € 1.150.000 (verschil +€ 1)"
    );
  });

  test("a split that does not add up, and a label that is not the share", () => {
    const plan = budgetPlan();
    setFigure(plan.budget!.wmo!, 2025, "430.000");
    const split = SPLIT_SUM.run(plan);
    expect(split.map((f) => [f.table, f.year, f.expected, f.actual])).toEqual([
      ["Begroting", 2025, new D(1410000), new D(1400000)],
    ]);
    // 430.000 of 1.400.000 is 30,71%: outside 29,5%–30,5%.
    const label = SPLIT_LABEL.run(plan);
    expect(label.map((f) => [f.table, f.year, f.line])).toEqual([
      ["Begroting", 2025, "waarvan wmo"],
    ]);
  });
});
