import { Plan, TableId } from "./model";

/*
 * What a full check needs. A plan without one of these tables is checked only in part: the
 * rules that need it cannot run, so "no errors" would not mean the plan was checked.
 */
const NEEDED: readonly [TableId, (plan: Plan) => unknown][] = [
  ["Tabel 1", (p) => p.staffing],
  ["Tabel 2", (p) => p.staffCosts],
  ["Tabel 3", (p) => p.materialCosts],
  ["Tabel 4", (p) => p.totals],
  ["Tabel 6", (p) => p.contributions],
];

/** The tables a full check needs that the plan lacks, in the plan's order. */
export function missingTables(plan: Plan): TableId[] {
  return NEEDED.filter(([, has]) => !has(plan)).map(([id]) => id);
}
