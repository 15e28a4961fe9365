import { Message, Plan } from "../core/model";
import { municipalityOf } from "../core/query";
import { finalKeyOf, poolUnit, settle, Settlement, SettlementRow } from "../core/settle";
import { readComponentTable } from "../reader/componentTable";
import { onePool, weightsFor } from "./answers";
import { ARG, choiceArg, isOmitted, numberArg, rangeArg, textArg, yearArg } from "./args";

/*
 * UP.SETTLEMENT's answer, a module of its own: functions.ts loads it (and the settlement core)
 * on the function's first call, so the functions' runtime starts without them.
 */

type SettlementPart = keyof Pick<
  SettlementRow,
  "settlement" | "advance" | "final" | "costEffect" | "keyEffect"
>;

/** A sheet asks one settlement for each of 16 municipalities: computed once per plan and arguments. */
const settlements = new WeakMap<Plan, Map<string, Settlement>>();
const SETTLEMENTS_PER_PLAN = 32;

const PARTS: Readonly<Record<string, SettlementPart>> = {
  afrekening: "settlement",
  settlement: "settlement",
  voorschot: "advance",
  advance: "advance",
  definitief: "final",
  final: "final",
  kosten: "costEffect",
  kosteneffect: "costEffect",
  cost: "costEffect",
  sleutel: "keyEffect",
  sleuteleffect: "keyEffect",
  key: "keyEffect",
};
const PART_CHOICES: Message = {
  nl: "afrekening, voorschot, definitief, kosten of sleutel",
  en: "settlement, advance, final, cost or key",
};
const OWN_COSTS: Message = {
  nl: "elk met eigen werkelijke kosten en sleutel",
  en: "each with its own actual costs and key",
};

/**
 * UP.SETTLEMENT: what the municipality pays (positive) or gets back (negative) after the annual
 * accounts, or one part: advance, final contribution, cost effect, key effect.
 */
export function settlement(
  plan: Plan,
  municipality: unknown,
  year: unknown,
  actual: unknown,
  components?: unknown,
  part?: unknown,
  weights?: unknown,
  pool?: unknown
): number {
  // Each pool has its own actual costs, advances and key: a merged plan settles one pool.
  const settled = onePool(plan, pool, OWN_COSTS);
  const name = textArg(municipality, ARG.municipality);
  const y = yearArg(year);
  const total = numberArg(actual, ARG.actual);
  const p = choiceArg(part, ARG.part, PARTS, "settlement", PART_CHOICES);
  const canonical = municipalityOf(settled, name);
  const withComponents = !omittedRange(components);
  const cacheKey = JSON.stringify([
    y,
    total.toString(),
    withComponents ? components : null,
    weights ?? null,
  ]);
  let cache = settlements.get(settled);
  if (!cache) settlements.set(settled, (cache = new Map()));
  let result = cache.get(cacheKey);
  if (!result) {
    let finalKey;
    if (withComponents) {
      const table = readComponentTable(rangeArg(components, ARG.components));
      finalKey = finalKeyOf(
        table,
        omittedRange(weights) ? undefined : weightsFor(table.components, weights),
        settled
      );
    }
    result = settle(settled, y, total, finalKey, { unit: poolUnit(settled) });
    if (cache.size >= SETTLEMENTS_PER_PLAN) cache.clear();
    cache.set(cacheKey, result);
  }
  // settle has a row for every municipality of the plan, or it threw.
  const row = result.rows.find((r) => r.municipality === canonical) as SettlementRow;
  return row[p].toNumber();
}

/** An optional range left out: no value, or only empty cells. */
function omittedRange(value: unknown): boolean {
  return Array.isArray(value)
    ? value.every((r) => (Array.isArray(r) ? r.every(isOmitted) : isOmitted(r)))
    : isOmitted(value);
}
