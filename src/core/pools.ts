import Decimal from "decimal.js";
import { PlanInputError } from "./errors";
import { CostPool, Plan, TableId } from "./model";
import { D } from "./money";

/**
 * The plan's cost pools: those of a merged plan, or the plan itself as its one pool (name "",
 * method from its tables), so a caller can treat every plan alike.
 */
export function poolsOf(plan: Plan): CostPool[] {
  if (plan.pools && plan.pools.length > 0) return plan.pools;
  return [{ name: "", title: plan.title, method: "sla", plan }];
}

/** True for a merged plan with more than one cost pool. */
export function hasPools(plan: Plan): boolean {
  return (plan.pools?.length ?? 0) > 1;
}

/** The pool a user named, case-insensitively; a clear Dutch error naming the pools there are. */
export function findPool(plan: Plan, name: string): CostPool {
  const wanted = name.trim().toLocaleLowerCase("nl");
  if (!hasPools(plan)) {
    throw new PlanInputError(
      {
        nl: `Dit plan heeft één kostenpool; kostenpool "${name}" bestaat niet`,
        en: `This plan has a single cost pool; cost pool "${name}" does not exist`,
      },
      { code: "notAvailable" }
    );
  }
  const pools = poolsOf(plan);
  const found = pools.find((p) => p.name.toLocaleLowerCase("nl") === wanted);
  if (!found) {
    const names = pools.map((p) => p.name).join(", ");
    throw new PlanInputError(
      {
        nl: `Kostenpool "${name}" bestaat niet in dit plan; er zijn: ${names}`,
        en: `Cost pool "${name}" does not exist in this plan; there are: ${names}`,
      },
      { code: "notAvailable" }
    );
  }
  return found;
}

/**
 * A merged plan's source list: each table's ranges in every pool that has it, in pool order
 * (`'Plan'!A12:F30; 'Plan'!A64:D82` for two contributions tables), so whoever asks where the
 * plan was read from sees every pool's tables.
 */
export function poolTables(pools: readonly CostPool[]): Partial<Record<TableId, string>> {
  const tables: Partial<Record<TableId, string>> = {};
  for (const { plan } of pools) {
    for (const [id, range] of Object.entries(plan.source.tables) as [TableId, string][]) {
      tables[id] = tables[id] ? `${tables[id]}; ${range}` : range;
    }
  }
  return tables;
}

/** The rounding unit of a plan's contributions as an amount: 1 (euro) or 0.01 (cent). */
export function unitOf(plan: Plan): Decimal {
  return new D(plan.unit === "cent" ? "0.01" : 1);
}

/** Decimal places of that unit: 0 or 2. */
export function unitPlaces(plan: Plan): number {
  return plan.unit === "cent" ? 2 : 0;
}

/**
 * The years a contribution can be asked of a plan: those of its contributions table and of
 * the totals it distributes (Tabel 4 or the budget); for a merged plan, of any of its pools.
 */
export function poolYears(plan: Plan): number[] {
  const years = new Set<number>();
  for (const { plan: p } of poolsOf(plan)) {
    for (const table of [p.contributions, p.totals, p.totals ? undefined : p.budget]) {
      table?.years.forEach((y) => years.add(y));
    }
  }
  return [...years].sort((a, b) => a - b);
}
