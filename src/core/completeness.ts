import { CostPool, Plan, TableId } from "./model";
import { hasPools, poolsOf } from "./pools";

/*
 * What a full check needs. A plan without one of these tables is checked only in part: the
 * rules that need it cannot run, so "no errors" would not mean the plan was checked. An earlier
 * plan's cost budget (`Begroting …`) stands for the costs that the 2024 layout spreads over
 * Tabel 1–4: such a plan is whole with its budget and its contributions.
 */
const NEEDED: readonly [TableId, (plan: Plan) => unknown][] = [
  ["Tabel 1", (p) => p.staffing ?? p.budget],
  ["Tabel 2", (p) => p.staffCosts ?? p.budget],
  ["Tabel 3", (p) => p.materialCosts ?? p.budget],
  ["Tabel 4", (p) => p.totals ?? p.budget],
  ["Tabel 6", (p) => p.contributions],
];

/** A budget-share pool is its contributions table and the budget that is its total. */
const NEEDED_BY_BUDGET_SHARE: readonly [TableId, (plan: Plan) => unknown][] = [
  ["Begroting", (p) => p.budget],
  ["Tabel 6", (p) => p.contributions],
];

function missingIn(pool: Pick<CostPool, "method" | "plan">): TableId[] {
  const needed = pool.method === "budget-share" ? NEEDED_BY_BUDGET_SHARE : NEEDED;
  return needed.filter(([, has]) => !has(pool.plan)).map(([id]) => id);
}

/**
 * The tables a full check needs that the plan lacks, in the plan's order; in a merged plan,
 * those any of its pools lacks.
 */
export function missingTables(plan: Plan): TableId[] {
  if (!hasPools(plan)) return missingIn({ method: "sla", plan });
  return [...new Set(poolsOf(plan).flatMap(missingIn))];
}
