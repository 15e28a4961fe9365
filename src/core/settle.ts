import Decimal from "decimal.js";
import { allocate } from "./allocate";
import { statedAmounts } from "./compare";
import {
  ComponentRow,
  DEFAULT_WEIGHTS,
  distributionKey,
  KEY_HEADERS,
  SLA_COMPONENTS,
} from "./distributionKey";
import { formatEuro, formatPercent } from "./dutchNumber";
import { PlanInputError } from "./errors";
import { Message, Plan } from "./model";
import { D, HUNDRED, ONE, sum, ZERO } from "./money";
import { planKey } from "./planKey";

/*
 * Settlement after the annual accounts (SLA art. 8 lid 3). The plan's contributions were
 * advances, computed with a provisional key. Once the year's actual costs are known they are
 * distributed with the final key, and each municipality pays the difference or gets it back:
 *
 *   final       = actual total allocated with the final key (largest remainder)
 *   settlement  = final − advance                  positive: pays; negative: refund
 *   cost effect = M − advance                      M = actual total allocated with the provisional key
 *   key effect  = final − M
 *
 * Chained through one intermediate allocation M, as compare is: without a final key (or with
 * the provisional one) final = M, so the key effect is exactly 0; when the actual costs equal
 * the advances and the advances are the provisional key's allocation of their sum, M is the
 * advance and the cost effect is exactly 0. Every part is a whole unit (euro or cent), and the
 * settlements add up to actual total − Σ advances exactly.
 *
 * What settles is one cost pool: its advances, its provisional key and its unit. A plan today
 * has one pool (Tabel 6 and the plan's key, settlementPool); a plan of several pools settles
 * each of them with settleAmounts and adds the rows.
 */

/** One cost pool's money for a year, as invoiced. */
export interface SettlementPool {
  /** What each municipality was invoiced for the year: the advance. */
  advances: ReadonlyMap<string, Decimal>;
  /** The key the advances were computed with, as fractions. */
  provisionalKey: ReadonlyMap<string, Decimal>;
  /** The smallest amount: 1 (whole euros) or 0.01 (cents). */
  unit: Decimal;
}

export type FinalKeySource = "provisional" | "components" | "table";

/** The final key (fractions per municipality) and where it came from. */
export interface FinalKey {
  key: ReadonlyMap<string, Decimal>;
  source: Exclude<FinalKeySource, "provisional">;
  /** The weights the components were combined with, in percent. */
  weights?: ReadonlyMap<string, Decimal>;
  /** What the user should know about how the key was read (e.g. a table scaled to 100%). */
  notes: Message[];
}

export interface SettlementRow {
  municipality: string;
  advance: Decimal;
  final: Decimal;
  /** final − advance: positive, the municipality pays; negative, it gets money back. */
  settlement: Decimal;
  /** Actual total with the provisional key − advance. */
  costEffect: Decimal;
  /** final − actual total with the provisional key. */
  keyEffect: Decimal;
  /** As fractions; the same when no final key was given. */
  provisionalKey: Decimal;
  finalKey: Decimal;
}

export interface SettlementTotals {
  advance: Decimal;
  final: Decimal;
  settlement: Decimal;
  costEffect: Decimal;
  keyEffect: Decimal;
}

export interface PoolSettlement {
  actualTotal: Decimal;
  advanceTotal: Decimal;
  unit: Decimal;
  finalKeySource: FinalKeySource;
  /** One row per municipality, in alphabetical order. */
  rows: SettlementRow[];
  totals: SettlementTotals;
  notes: Message[];
}

export interface Settlement extends PoolSettlement {
  year: number;
  /** The plan settled: its title and where it came from. */
  plan: { title: string; name: string };
  /** The decomposition, in words. */
  method: Message;
}

/** A table of key components as the component table reader gives it. */
export interface ComponentCounts {
  /** Column order: jongeren, toekenningen, declaraties, or a single `sleutel`. */
  components: readonly string[];
  rows: readonly ComponentRow[];
}

export interface SettleOptions {
  /** 1 or 0.01; by default cents when the actual total or an advance has cents. */
  unit?: Decimal;
}

const CENT = new D("0.01");

/** A cent pool settles to the cent even where its advances are whole euros; else undefined (by the figures). */
export function poolUnit(plan: Plan): Decimal | undefined {
  return plan.unit === "cent" ? CENT : undefined;
}

/** The plan's one pool: the Tabel 6 amounts of the year as advances, the plan's key as provisional. */
export function settlementPool(plan: Plan, year: number): SettlementPool {
  const { amounts, cents } = statedAmounts(plan, year);
  const missing = plan.municipalities.filter((m) => !amounts.has(m));
  if (missing.length > 0) {
    throw new PlanInputError(
      {
        nl: `Tabel 6 geeft geen voorschot ${year} voor ${missing.join(", ")}: zonder voorschot valt er niets af te rekenen`,
        en: `Tabel 6 gives no ${year} advance for ${missing.join(", ")}: without an advance there is nothing to settle`,
      },
      { code: "notAvailable" }
    );
  }
  return { advances: amounts, provisionalKey: planKey(plan).keys, unit: cents ? CENT : new D(1) };
}

/** Settles a plan's year: its Tabel 6 advances against the actual total, with the final key if given. */
export function settle(
  plan: Plan,
  year: number,
  actualTotal: Decimal,
  finalKey?: FinalKey,
  options: SettleOptions = {}
): Settlement {
  const pool = settlementPool(plan, year);
  return {
    year,
    plan: { title: plan.title, name: plan.source.name },
    ...settleAmounts(pool, actualTotal, finalKey, options),
    method: METHOD,
  };
}

const METHOD: Message = {
  nl:
    "Voorschot = bedrag in Tabel 6. Definitieve bijdrage = werkelijke kosten verdeeld met de definitieve sleutel " +
    "(grootste-restmethode). Afrekening = definitief − voorschot: positief betaalt de gemeente bij, negatief krijgt zij terug. " +
    "Kosteneffect = werkelijke kosten verdeeld met de voorlopige sleutel − voorschot. " +
    "Sleuteleffect = definitief − werkelijke kosten verdeeld met de voorlopige sleutel. Samen precies de afrekening.",
  en:
    "Advance = Tabel 6 amount. Final contribution = actual costs distributed with the final key " +
    "(largest remainder). Settlement = final − advance: positive, the municipality pays; negative, it gets a refund. " +
    "Cost effect = actual costs distributed with the provisional key − advance. " +
    "Key effect = final − actual costs distributed with the provisional key. Together exactly the settlement.",
};

/** Settles one pool; the parts of each row are whole units and add up to its settlement. */
export function settleAmounts(
  pool: SettlementPool,
  actualTotal: Decimal,
  finalKey?: FinalKey,
  options: SettleOptions = {}
): PoolSettlement {
  const names = [...pool.advances.keys()].sort((a, b) => a.localeCompare(b, "nl"));
  const advanceTotal = sum(pool.advances.values());
  const unit = settlementUnit(pool, actualTotal, options.unit);
  requireActual(actualTotal, unit);
  const provisional = checkedKey(pool.provisionalKey, names, PROVISIONAL);
  const final = finalKey ? checkedKey(finalKey.key, names, FINAL) : provisional;
  const shares = (key: ReadonlyMap<string, Decimal>) =>
    names.map((m) => ({ id: m, key: key.get(m) as Decimal }));
  const intermediate = allocate(actualTotal, shares(provisional), unit);
  const finals = finalKey ? allocate(actualTotal, shares(final), unit) : intermediate;
  const rows = names.map((m, i): SettlementRow => {
    const advance = pool.advances.get(m) as Decimal;
    return {
      municipality: m,
      advance,
      final: finals[i],
      settlement: finals[i].minus(advance),
      costEffect: intermediate[i].minus(advance),
      keyEffect: finals[i].minus(intermediate[i]),
      provisionalKey: provisional.get(m) as Decimal,
      finalKey: final.get(m) as Decimal,
    };
  });
  const total = (part: keyof SettlementTotals) => sum(rows.map((r) => r[part]));
  return {
    actualTotal,
    advanceTotal,
    unit,
    finalKeySource: finalKey?.source ?? "provisional",
    rows,
    totals: {
      advance: advanceTotal,
      final: total("final"),
      settlement: total("settlement"),
      costEffect: total("costEffect"),
      keyEffect: total("keyEffect"),
    },
    notes: finalKey?.notes ?? [],
  };
}

function settlementUnit(pool: SettlementPool, actual: Decimal, wanted?: Decimal): Decimal {
  const hasCents = pool.unit.lt(1) || (actual.isFinite() && !actual.isInteger());
  if (wanted === undefined) return hasCents ? CENT : new D(1);
  if (!wanted.eq(1) && !wanted.eq(CENT)) {
    throw new PlanInputError({
      nl: `De eenheid moet 1 (hele euro's) of 0,01 (centen) zijn, niet ${wanted.toString().replace(".", ",")}`,
      en: `The unit must be 1 (whole euros) or 0.01 (cents), not ${wanted.toString()}`,
    });
  }
  if (wanted.eq(1) && pool.unit.lt(1)) {
    throw new PlanInputError({
      nl: "De voorschotten in Tabel 6 hebben centen: reken af in centen (eenheid 0,01)",
      en: "The advances in Tabel 6 have cents: settle in cents (unit 0.01)",
    });
  }
  return wanted;
}

function requireActual(actual: Decimal, unit: Decimal): void {
  if (!actual.isFinite() || actual.isNegative()) {
    throw new PlanInputError({
      nl: `De werkelijke kosten zijn ${actual.isFinite() ? formatEuro(actual) : actual.toString()}: geef een bedrag van € 0 of meer`,
      en: `The actual costs are ${actual.toString()}: give an amount of € 0 or more`,
    });
  }
  if (!actual.times(100).isInteger()) {
    throw new PlanInputError({
      nl: `De werkelijke kosten (${actual.toString().replace(".", ",")}) hebben meer dan 2 decimalen: geef hele euro's of centen`,
      en: `The actual costs (${actual.toString()}) have more than 2 decimals: give whole euros or cents`,
    });
  }
  if (!actual.div(unit).isInteger()) {
    throw new PlanInputError({
      nl: `De werkelijke kosten ${formatEuro(actual)} zijn geen hele euro's: rond af, of reken af in centen (eenheid 0,01)`,
      en: `The actual costs ${actual.toString()} are not whole euros: round them, or settle in cents (unit 0.01)`,
    });
  }
}

const PROVISIONAL: Message = { nl: "De voorlopige sleutel", en: "The provisional key" };
const FINAL: Message = { nl: "De definitieve sleutel", en: "The final key" };

/** A key for exactly the pool's municipalities, each ≥ 0, together above 0. */
function checkedKey(
  key: ReadonlyMap<string, Decimal>,
  names: readonly string[],
  which: Message
): ReadonlyMap<string, Decimal> {
  const missing = names.filter((m) => !key.has(m));
  if (missing.length > 0) {
    throw new PlanInputError({
      nl: `${which.nl} mist ${missing.join(", ")}: elke gemeente met een voorschot heeft een sleutel nodig (${names.length - missing.length} van de ${names.length} gemeenten gegeven)`,
      en: `${which.en} lacks ${missing.join(", ")}: every municipality with an advance needs a key (${names.length - missing.length} of ${names.length} municipalities given)`,
    });
  }
  const extra = [...key.keys()].filter((m) => !names.includes(m));
  if (extra.length > 0) {
    throw new PlanInputError({
      nl: `${which.nl} noemt ${extra.join(", ")}, maar Tabel 6 geeft daarvoor geen voorschot`,
      en: `${which.en} names ${extra.join(", ")}, but Tabel 6 gives no advance for it`,
    });
  }
  for (const m of names) {
    const k = key.get(m) as Decimal;
    if (!k.isFinite() || k.isNegative()) {
      throw new PlanInputError({
        nl: `${which.nl} van ${m} is ${k.isFinite() ? formatPercent(k) : k.toString()}: een sleutel is 0% of meer`,
        en: `${which.en} of ${m} is ${k.toString()}: a key is 0% or more`,
      });
    }
  }
  if (sum(names.map((m) => key.get(m) as Decimal)).isZero()) {
    throw new PlanInputError({
      nl: `${which.nl} telt op tot 0%: er is niets mee te verdelen`,
      en: `${which.en} adds up to 0%: nothing can be distributed with it`,
    });
  }
  return key;
}

/** The final key from the component counts of year t-1 as finally known. */
export function finalKeyFromComponents(
  rows: readonly ComponentRow[],
  weights: ReadonlyMap<string, Decimal>
): FinalKey {
  return { key: distributionKey(rows, weights), source: "components", weights, notes: [] };
}

/**
 * The final key from a table of keys (fractions, or percentages as 3,53%). Keys shown with two
 * decimals may miss 100% by n × 0,005 percentage point; such a table is used in proportion, and
 * said so. Keys written as percent points without % (3.53) are read as such when they add up
 * to about 100.
 */
export function finalKeyFromTable(rows: readonly ComponentRow[], column: string): FinalKey {
  if (rows.length === 0) {
    throw new PlanInputError({
      nl: "De sleuteltabel heeft geen gemeenten",
      en: "The key table has no municipalities",
    });
  }
  const tolerance = new D("0.00005").times(rows.length);
  let keys = rows.map((r) => r.values.get(column) ?? ZERO);
  let total = sum(keys);
  const notes: Message[] = [];
  if (total.minus(HUNDRED).abs().lte(tolerance.times(100))) {
    keys = keys.map((k) => k.div(100));
    total = total.div(100);
    notes.push({
      nl: "De sleutels staan als procentpunten zonder %: gelezen als percentages",
      en: "The keys are written as percent points without %: read as percentages",
    });
  }
  if (total.minus(ONE).abs().gt(tolerance)) {
    throw new PlanInputError({
      nl: `De definitieve sleutels tellen op tot ${formatPercent(total, 4)}, niet tot 100% (door afronding toegestaan: ${formatPercent(tolerance, 4)})`,
      en: `The final keys add up to ${total.times(100).toFixed(4)}%, not 100% (allowed for rounding: ${tolerance.times(100).toFixed(4)}%)`,
    });
  }
  if (!total.eq(ONE)) {
    notes.push({
      nl: `De definitieve sleutels tellen door afronding op tot ${formatPercent(total, 4)}: de kosten zijn naar verhouding verdeeld`,
      en: `The final keys add up to ${total.times(100).toFixed(4)}% through rounding: the costs are distributed in proportion`,
    });
  }
  return {
    key: new Map(rows.map((r, i) => [r.municipality, keys[i]])),
    source: "table",
    notes,
  };
}

/**
 * The final key from a table as `up keys` reads it: a key table when its only column is a key
 * (`sleutel`), otherwise components combined with the weights; without weights those of the
 * plan's own components, else the SLA's 25/25/25/25, else a single component alone.
 */
export function finalKeyOf(
  table: ComponentCounts,
  weights?: ReadonlyMap<string, Decimal>,
  plan?: Plan
): FinalKey {
  const [first, ...others] = table.components;
  if (first !== undefined && others.length === 0 && KEY_HEADERS.has(first)) {
    if (weights) {
      throw new PlanInputError({
        nl: "Een tabel met sleutels heeft geen wegingen nodig: laat de wegingen weg",
        en: "A table of keys needs no weights: leave the weights out",
      });
    }
    return finalKeyFromTable(table.rows, first);
  }
  return finalKeyFromComponents(table.rows, weights ?? defaultWeights(table.components, plan));
}

function defaultWeights(components: readonly string[], plan?: Plan): ReadonlyMap<string, Decimal> {
  const own = plan?.keyComponents;
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((c) => b.includes(c));
  if (own && same(own.components, components)) return own.weights;
  if (same(SLA_COMPONENTS, components)) return DEFAULT_WEIGHTS;
  if (components.length === 1) return new Map([[components[0], HUNDRED]]);
  throw new PlanInputError({
    nl: `De componenten zijn ${components.join(", ")}; geef de wegingen (samen 100)`,
    en: `The components are ${components.join(", ")}; give the weights (adding up to 100)`,
  });
}
