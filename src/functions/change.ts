import { ChangePart, change as planChange } from "../core/compare";
import { Message, Plan } from "../core/model";
import { poolsArg, sourceArg } from "./answers";
import { ARG, choiceArg, textArg, yearArg } from "./args";

/*
 * UP.CHANGE's answer, a module of its own like UP.SETTLEMENT's: the comparison core is loaded
 * on the function's first call, so the functions' runtime starts without it.
 */

const PARTS: Readonly<Record<string, ChangePart>> = {
  verschil: "difference",
  difference: "difference",
  totaal: "total",
  totaaleffect: "total",
  total: "total",
  sleutel: "key",
  sleuteleffect: "key",
  key: "key",
};
const PART_CHOICES: Message = { nl: "verschil, totaal of sleutel", en: "difference, total or key" };

/** UP.CHANGE: a municipality's contribution of year2 minus year1, or its total or key effect. */
export function change(
  plan: Plan,
  municipality: unknown,
  year1: unknown,
  year2: unknown,
  part?: unknown,
  source?: unknown,
  pool?: unknown
): number {
  const name = textArg(municipality, ARG.municipality);
  const y1 = yearArg(year1, ARG.year1);
  const y2 = yearArg(year2, ARG.year2);
  const p = choiceArg(part, ARG.changePart, PARTS, "difference", PART_CHOICES);
  const s = sourceArg(source);
  const pools = poolsArg(plan, pool);
  // A pool named (or a plan of one pool) is compared on its own; without one, a merged plan's
  // contributions over the pools.
  const compared = pools.length === 1 ? pools[0].plan : plan;
  return planChange(compared, name, y1, y2, p, s).toNumber();
}
