import Decimal from "decimal.js";
import { formatPercent } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { Message, Plan } from "../core/model";
import { keyDescription, percentOf, planKey } from "../core/planKey";

/*
 * Which key UP computes with, in words, where it is more precise than the key Tabel 6 shows
 * (3,4025% behind a shown 3,40%): the plan view, the key view and the report say so, so that a
 * reader comparing an amount with "3,40% × total" knows why it differs.
 */

/**
 * The sentences to show when the plan's most precise key (planKey) is not the key as Tabel 6
 * shows it; empty when they are the same or the plan has no key.
 */
export function preciseKeyNotes(plan: Plan): Message[] {
  let key;
  try {
    key = planKey(plan);
  } catch (e) {
    if (e instanceof PlanInputError) return [];
    throw e;
  }
  if (key.source === "stated") return key.notes;
  const rows = plan.contributions?.rows ?? [];
  // A key that differs from what its cell shows, as the example the sentence gives.
  const example = rows.flatMap((r) => {
    const precise = r.municipality ? key.keys.get(r.municipality) : undefined;
    if (!r.municipality || !r.key || !precise) return [];
    const decimals = r.key.decimals ?? 2;
    const shown = r.key.value.toDecimalPlaces(decimals + 2, Decimal.ROUND_HALF_UP);
    return precise.eq(shown)
      ? []
      : [{ municipality: r.municipality, precise, shown: formatPercent(shown, decimals) }];
  })[0];
  if (!example) return rows.some((r) => r.key) ? [] : key.notes;
  // The implied key's own note already says this, with its example.
  if (key.source === "implied") return key.notes;
  const how = keyDescription(key);
  const precise = percentOf(example.precise);
  return [
    {
      nl: `Gerekend is met ${how.nl}, niet met de sleutels zoals Tabel 6 ze toont (bijv. ${example.municipality}: ${precise} in plaats van ${example.shown})`,
      en: `Computed with ${how.en}, not with the keys as Tabel 6 shows them (e.g. ${example.municipality}: ${precise} instead of ${example.shown})`,
    },
    ...key.notes,
  ];
}
