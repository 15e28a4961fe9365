import { Plan } from "../../src/core/model";
import { consistentPlan, PlanBuilder } from "./planBuilder";

/**
 * consistentPlan() without Tabel 4 and with a budget (sheet 'Begroting', no jeugd/wmo split)
 * of one cost line whose total is what the year distributes: 805.000 in 2024, as the plan's own
 * Tabel 6, and `total2025` in 2025 (Tabel 6 distributes 980.000). The 2025 total is cell D3.
 */
export function budgetPlan(total2025: string): Plan {
  const plan = consistentPlan();
  delete plan.totals;
  plan.budget = new PlanBuilder(plan.municipalities)
    .budget([2024, 2025], {
      lines: [["Uitvoeringskosten", "805.000", total2025]],
      total: ["Totaal", "805.000", total2025],
    })
    .build().budget;
  return plan;
}
