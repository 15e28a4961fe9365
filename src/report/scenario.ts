import Decimal from "decimal.js";
import { formatEuro, formatPercent, readDutchNumber } from "../core/dutchNumber";
import { Message } from "../core/model";
import { D } from "../core/money";
import { KeyComparison } from "./keyComparison";

/*
 * A change of the key's weights is a scenario until it is applied. Its weights are checked
 * field by field, and what applying it would do is said in words first when it changes the
 * keys a lot — above all when every municipality would get the same key.
 */

export interface WeightCheck {
  /** The weights in percent, when every field holds a valid one. */
  weights?: Map<string, Decimal>;
  /** What is wrong with a field, by component. */
  problems: Map<string, Message>;
  /** The total of the valid fields. */
  total: Decimal;
  /** Set when the fields are valid but do not add up to 100. */
  totalProblem?: Message;
}

/** Reads typed weights ("25", "12,5", "25%"); refuses text, negative numbers and a total ≠ 100. */
export function checkWeights(texts: ReadonlyMap<string, string>): WeightCheck {
  const problems = new Map<string, Message>();
  const weights = new Map<string, Decimal>();
  for (const [component, text] of texts) {
    const n = readDutchNumber(text);
    if (text.trim() === "") {
      problems.set(component, {
        nl: "Vul een weging in (0 als de component niet telt)",
        en: "Fill in a weight (0 if the component does not count)",
      });
    } else if (!n) {
      problems.set(component, { nl: `'${text}' is geen getal`, en: `'${text}' is not a number` });
    } else {
      const value = n.percent ? n.value.times(100) : n.value;
      if (value.isNegative())
        problems.set(component, {
          nl: "Een weging kan niet negatief zijn",
          en: "A weight cannot be negative",
        });
      else if (value.gt(100))
        problems.set(component, {
          nl: "Een weging is hoogstens 100%",
          en: "A weight is at most 100%",
        });
      else weights.set(component, value);
    }
  }
  const total = [...weights.values()].reduce((a, b) => a.plus(b), new D(0));
  if (problems.size > 0) return { problems, total };
  if (!total.eq(100)) {
    const shown = total.toDecimalPlaces(4).toString().replace(".", ",");
    return {
      problems,
      total,
      totalProblem: {
        nl: `De wegingen tellen op tot ${shown}%, niet tot 100%`,
        en: `The weights add up to ${total.toDecimalPlaces(4).toString()}%, not to 100%`,
      },
    };
  }
  return { weights, problems, total };
}

/** Two sets of weights are the same scenario. */
export function sameWeights(
  a: ReadonlyMap<string, Decimal>,
  b: ReadonlyMap<string, Decimal>
): boolean {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].every((k) => (a.get(k) ?? new D(0)).eq(b.get(k) ?? new D(0)));
}

export interface ScenarioEffect {
  /** Every municipality would get the same key. */
  flattened: boolean;
  /** A key would move by a percentage point or more, or by a quarter of itself. */
  drastic: boolean;
  /** How many cells applying it writes. */
  cells: number;
  /** The consequence in words. */
  text: Message;
}

const DRASTIC_POINTS = new D("0.01");
const DRASTIC_SHARE = new D("0.25");

/** What applying `c` would do to the plan's keys and to the amounts of `year`. */
export function scenarioEffect(c: KeyComparison, year?: number): ScenarioEffect {
  const rows = c.rows.filter((r) => r.currentKey !== undefined);
  const first = c.rows[0]?.nextKey;
  const flattened =
    c.rows.length > 1 &&
    c.rows.every((r) => r.nextKey.eq(first)) &&
    !rows.every((r) => r.currentKey?.eq(first));
  const moved = (r: (typeof rows)[number]) => (r.keyDiff ?? new D(0)).abs();
  const drastic =
    flattened ||
    rows.some(
      (r) =>
        moved(r).gte(DRASTIC_POINTS) ||
        (r.currentKey && !r.currentKey.isZero() && moved(r).div(r.currentKey).gte(DRASTIC_SHARE))
    );
  let cells = 0;
  for (const r of c.rows) {
    if (r.keyCell && r.keyDiff && !r.keyDiff.isZero()) cells++;
    for (const a of r.amounts.values()) if (a.cell && a.diff && !a.diff.isZero()) cells++;
  }
  const largest = [...rows].sort((a, b) => moved(b).comparedTo(moved(a))).slice(0, 3);
  const y = year ?? c.years.find((x) => c.rows.some((r) => r.amounts.get(x)?.diff)) ?? c.years[0];
  const change = (r: (typeof rows)[number]) => {
    const amount = y !== undefined ? r.amounts.get(y)?.diff : undefined;
    const money = amount ? `; ${y}: ${amount.isNegative() ? "" : "+"}${formatEuro(amount)}` : "";
    const from = formatPercent(r.currentKey as Decimal);
    return `${r.municipality} ${from} → ${formatPercent(r.nextKey, 4)}${money}`.replace(
      /€ /g,
      "€\u00a0"
    );
  };
  const nl: string[] = [];
  const en: string[] = [];
  if (flattened) {
    nl.push(
      `Alle ${c.rows.length} sleutels worden gelijk (${formatPercent(first, 4)}): elke gemeente betaalt hetzelfde, wat haar jongeren, toekenningen en declaraties ook zijn.`
    );
    en.push(
      `All ${c.rows.length} keys become equal (${formatPercent(first, 4)}): every municipality pays the same, whatever its young people, allocations and claims.`
    );
  }
  if (largest.length > 0) {
    nl.push(`Grootste wijzigingen: ${largest.map(change).join(", ")}.`);
    en.push(`Largest changes: ${largest.map(change).join(", ")}.`);
  }
  nl.push(`${cells} cellen van Tabel 6 worden overschreven.`);
  en.push(`${cells} cells of Tabel 6 are overwritten.`);
  return { flattened, drastic, cells, text: { nl: nl.join(" "), en: en.join(" ") } };
}
