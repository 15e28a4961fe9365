import { Plan } from "../../src/core/model";
import { consistentPlan, PlanBuilder } from "./planBuilder";

/** Each municipality's youth-care budget from the state (made up): the policy pool's key. */
export const POLICY_BUDGETS: readonly (readonly [string, string])[] = [
  ["Beek", "12.500.000"],
  ["Heerlen", "48.300.000"],
  ["Maastricht", "61.200.000"],
  ["Vaals", "4.100.000"],
];

/**
 * The policy pool of a merged plan, in cents by budget shares: a budget of 412.600,00 (2024)
 * and 425.018,37 (2025) distributed with budget / 126.100.000 (9,9128% 38,3029% 48,5329%
 * 3,2514%); the Tabel 6 amounts are that allocation to the cent (largest remainder), so the
 * pool is consistent.
 */
export function policyPlan(): Plan {
  const plan = new PlanBuilder(POLICY_BUDGETS.map(([m]) => m))
    .budget([2024, 2025], {
      lines: [
        ["Beleidsmedewerkers", "300.000,00", "310.400,00"],
        ["Onderzoek en advies", "112.600,00", "114.618,37"],
      ],
      total: ["totaal", "412.600,00", "425.018,37"],
    })
    .keyComponents(
      ["budget"],
      POLICY_BUDGETS.map(([m, b]) => [m, b]),
      { budget: "100" }
    )
    .contributions(
      [2024, 2025],
      [
        ["Beek", "9,9128%", "40.900,08", "42.131,08"],
        ["Heerlen", "38,3029%", "158.037,91", "162.794,51"],
        ["Maastricht", "48,5329%", "200.246,79", "206.273,78"],
        ["Vaals", "3,2514%", "13.415,22", "13.819,00"],
      ],
      ["totaal", "100,0000%", "412.600,00", "425.018,37"]
    )
    .build();
  return { ...plan, title: "Dekking kosten regio-samenwerking", unit: "cent" };
}

/** A merged plan of two pools: purchasing (consistentPlan, whole euros, SLA key) and policy. */
export function mergedPlan(): Plan {
  const purchasing = consistentPlan();
  return {
    title: "Uitvoeringsplan 2025 (beleid en verwerving)",
    source: purchasing.source,
    municipalities: purchasing.municipalities,
    pools: [
      { name: "verwerving", title: "Uitvoeringskosten", method: "sla", plan: purchasing },
      {
        name: "beleid",
        title: "Dekking kosten regio-samenwerking",
        method: "budget-share",
        plan: policyPlan(),
      },
    ],
  };
}
