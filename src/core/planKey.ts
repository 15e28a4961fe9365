import Decimal from "decimal.js";
import { distributionKey } from "./distributionKey";
import { formatDecimal, formatPercent, formatYears } from "./dutchNumber";
import { PlanInputError } from "./errors";
import {
  CellRef,
  ContributionRow,
  Contributions,
  Figure,
  KeyCalculation,
  KeyComponents,
  Message,
  Plan,
} from "./model";
import { D, ONE, sum, ZERO } from "./money";
import { percentHalfUnit } from "./rules/rule";

const DOUBLE_NOISE = new D("1e-12");

/*
 * The most precise distribution key a plan gives, the one every computed contribution, UP.KEY,
 * compare, the pane and the rules use (PLAN-MODEL.md, "Money and rounding"):
 *
 * 1. the key components (`components`): the SLA's formula over jongeren, toekenningen, declaraties;
 *    else the key calculation table (`table`): per municipality Σ weight × share of its components
 *    (full cell values), or its key cell where a share is missing;
 * 2. in a budget-share pool (objectief verdeelmodel), each municipality's budget ÷ Σ budgets
 *    (`budget`): the key is defined by the budgets, the key column only shows it rounded;
 * 3. the full value of the Tabel 6 key cells (`cell`), when any of them holds more digits than it
 *    shows (0,034025 formatted as 3,40%);
 * 4. the key the stated amounts imply (`implied`), when every key is shown rounded and a year's
 *    amounts are consistent with the shown keys: per municipality the simplest decimal that
 *    reproduces its amount in every such year (3,4025% for an amount that 3,40% misses by €55);
 * 5. otherwise the keys as Tabel 6 states them (`stated`).
 */

export type KeySource = "components" | "table" | "budget" | "cell" | "implied" | "stated";

export interface PlanKey {
  source: KeySource;
  /** Keys as fractions per canonical municipality, in the order of the table they come from. */
  keys: Map<string, Decimal>;
  /** The years whose stated amounts imply the key (source `implied`), else empty. */
  impliedFrom: number[];
  /** Σ keys. */
  sum: Decimal;
  /** How far the keys may miss 100% by the rounding they are shown with (n × half a unit). */
  tolerance: Decimal;
  /** The cell to point at when the keys do not add up: Tabel 6's total key, else the first key. */
  sumCell?: CellRef;
  /** What a user must be told about the key: where it came from, and that it was renormalised. */
  notes: Message[];
}

type KeyedRow = ContributionRow & { municipality: string; key: Figure };

/*
 * One check asks several rules for each pool's key, and the implied key is the costliest part
 * of a check: within `withPlanKeys` each plan's key is computed once. Only there: outside a
 * check a caller may change a plan in place between two calls.
 */
let keysInCheck: WeakMap<Plan, PlanKey> | undefined;

/** Runs `fn` with each plan's key computed at most once; the plans must not change during it. */
export function withPlanKeys<T>(fn: () => T): T {
  if (keysInCheck) return fn();
  keysInCheck = new WeakMap();
  try {
    return fn();
  } finally {
    keysInCheck = undefined;
  }
}

/** The plan's most precise key; throws only when the plan has no Tabel 6 and no key components. */
export function planKey(plan: Plan): PlanKey {
  let key = keysInCheck?.get(plan);
  if (!key) {
    key = mostPreciseKey(plan);
    keysInCheck?.set(plan, key);
  }
  return key;
}

function mostPreciseKey(plan: Plan): PlanKey {
  const kc = plan.keyComponents;
  if (kc && kc.rows.length > 0) return componentKey(kc);
  if (plan.keyTable?.rows.some((r) => r.municipality)) return tableKey(plan.keyTable);
  const t6 = plan.contributions;
  if (!t6) {
    throw new PlanInputError(
      {
        nl: "Het plan heeft geen Tabel 6 (verdeelsleutel)",
        en: "The plan has no Tabel 6 (verdeelsleutel)",
      },
      { code: "notAvailable" }
    );
  }
  const budgets = budgetKey(t6);
  if (budgets) return budgets;
  const rows = t6.rows.filter((r): r is KeyedRow => !!r.municipality && !!r.key);
  const stated = new Map(rows.map((r) => [r.municipality, r.key.value]));
  const base = {
    impliedFrom: [] as number[],
    tolerance: sum(rows.map((r) => percentHalfUnit(r.key))),
    sumCell: t6.totalKey?.cell ?? rows[0]?.key.cell,
  };
  if (rows.some((r) => !shownRounded(r.key))) {
    return withSum({ ...base, source: "cell", keys: stated, notes: [] });
  }
  const implied = impliedKey(plan, rows);
  if (!implied || rows.every((r) => implied.keys.get(r.municipality)?.eq(r.key.value))) {
    return withSum({ ...base, source: "stated", keys: stated, notes: [] });
  }
  return withSum({
    ...base,
    source: "implied",
    keys: implied.keys,
    impliedFrom: implied.years,
    notes: [impliedNote(rows, implied)],
  });
}

/**
 * The plan's key for allocating money, or an error that says why it cannot be used: a
 * participant without a key, a negative key, keys adding up to 0, or keys that miss 100% by
 * more than their rounding explains (never renormalised silently: issue 18). Within the
 * rounding tolerance the key is used in proportion, and its notes say so.
 */
export function allocationKey(plan: Plan): PlanKey {
  const key = planKey(plan);
  if (key.keys.size === 0) {
    throw new PlanInputError(
      { nl: "Het plan heeft geen verdeelsleutels", en: "The plan has no distribution keys" },
      { code: "notAvailable" }
    );
  }
  // Allocating without a participant's key would silently hand its share to the others.
  const missing = plan.municipalities.filter((m) => !key.keys.has(m));
  if (missing.length > 0) {
    throw new PlanInputError(
      {
        nl: `Het plan geeft geen verdeelsleutel voor ${missing.join(", ")}: zonder die sleutel kan geen bijdrage worden berekend`,
        en: `The plan gives no distribution key for ${missing.join(", ")}: without it no contribution can be computed`,
      },
      { code: "notAvailable" }
    );
  }
  for (const [id, k] of key.keys) {
    if (k.isFinite() && !k.isNegative()) continue;
    throw new PlanInputError(
      {
        nl: `De verdeelsleutel van ${id} is ${formatPercent(k)}: een sleutel is 0% of meer`,
        en: `The distribution key of ${id} is ${formatPercent(k)}: a key is 0% or more`,
      },
      { cell: plan.contributions?.rows.find((r) => r.municipality === id)?.key?.cell }
    );
  }
  if (key.sum.isZero()) {
    throw new PlanInputError({
      nl: "De verdeelsleutels tellen op tot 0%: er is niets mee te verdelen",
      en: "The distribution keys add up to 0%: nothing can be distributed with them",
    });
  }
  if (key.sum.minus(ONE).abs().gt(key.tolerance)) {
    const total = percentOf(key.sum);
    const allowed = percentOf(key.tolerance);
    throw new PlanInputError(
      {
        nl: `De ${key.keys.size} verdeelsleutels tellen op tot ${total}, niet tot 100% (door afronding toegestaan: ±${allowed}): daarmee kan geen bijdrage worden berekend — herstel eerst de sleutels`,
        en: `The ${key.keys.size} distribution keys add up to ${total}, not 100% (allowed for rounding: ±${allowed}): no contribution can be computed with them — correct the keys first`,
      },
      { cell: key.sumCell }
    );
  }
  return key;
}

function componentKey(kc: KeyComponents): PlanKey {
  const keys = distributionKey(
    kc.rows.map((r) => ({
      municipality: r.municipality,
      values: new Map([...r.values].map(([c, f]) => [c, f.value])),
    })),
    kc.weights
  );
  return { source: "components", keys, impliedFrom: [], sum: ONE, tolerance: ZERO, notes: [] };
}

/**
 * The key calculation table's keys: Σ weight × share per municipality, from the cells' full
 * values, so the rounding of the shown key cell does not enter; a row lacking a share keeps its
 * key cell. The tolerance is what the shares' (or keys') shown rounding allows.
 */
function tableKey(t: KeyCalculation): PlanKey {
  const keys = new Map<string, Decimal>();
  const tolerances: Decimal[] = [];
  for (const r of t.rows) {
    if (!r.municipality) continue;
    const parts = t.components.map((c) => ({ weight: t.weights.get(c), share: r.shares.get(c) }));
    if (parts.every((p) => p.weight && p.share)) {
      const weighted = parts as { weight: Figure; share: Figure }[];
      keys.set(r.municipality, sum(weighted.map((p) => p.weight.value.times(p.share.value))));
      tolerances.push(sum(weighted.map((p) => p.weight.value.times(percentHalfUnit(p.share)))));
    } else if (r.key) {
      keys.set(r.municipality, r.key.value);
      tolerances.push(percentHalfUnit(r.key));
    }
  }
  return withSum({
    source: "table",
    keys,
    impliedFrom: [],
    tolerance: sum(tolerances),
    sumCell: t.total.key?.cell ?? t.rows.find((r) => r.key)?.key?.cell,
    notes: [],
  });
}

/**
 * The budget shares: every municipality's budget ÷ the sum of the budgets, exact. Undefined
 * unless every row names a municipality and has a budget, and the budgets add up to more than 0.
 */
export function budgetKey(t6: Contributions): PlanKey | undefined {
  const rows = t6.rows;
  if (rows.length === 0 || rows.some((r) => !r.municipality || !r.budget)) return undefined;
  const total = sum(rows.map((r) => (r.budget as Figure).value));
  if (!total.gt(0)) return undefined;
  const keys = new Map(
    rows.map((r) => [r.municipality as string, (r.budget as Figure).value.div(total)])
  );
  return {
    source: "budget",
    keys,
    impliedFrom: [],
    sum: sum(keys.values()),
    // The divisions are rounded to 40 digits; nothing else can make the shares miss 100%.
    tolerance: new D("1e-30"),
    sumCell: t6.totalBudget?.cell ?? rows[0].budget?.cell,
    notes: [],
  };
}

function withSum(key: Omit<PlanKey, "sum">): PlanKey {
  const total = sum(key.keys.values());
  const notes = [...key.notes];
  const off = total.minus(ONE).abs();
  // Keys Excel computed (shares = count ÷ total) add up to 1 ± a few 1e-16: the double's own
  // last digit, which moves no amount by a millionth of a cent — not worth a note.
  if (off.gte(DOUBLE_NOISE) && off.lte(key.tolerance)) {
    const shown = percentShowing(total);
    notes.push({
      nl: `De verdeelsleutels tellen op tot ${shown}, niet precies 100% (door afronding toegestaan: ±${percentOf(key.tolerance)}): de bijdragen zijn naar verhouding van de sleutels berekend`,
      en: `The distribution keys add up to ${shown}, not exactly 100% (allowed for rounding: ±${percentOf(key.tolerance)}): the contributions are computed in proportion to the keys`,
    });
  }
  return { ...key, sum: total, notes };
}

/** A percentage with as many decimals as it needs (up to 6): `99,99%`, `3,4025%`. */
export function percentOf(fraction: Decimal, maxDecimals = 6): string {
  return `${formatDecimal(fraction.times(100), maxDecimals)}%`;
}

/** A sum of keys that is not 100%, with the decimals it needs to show so: `99,9999999%`. */
function percentShowing(fraction: Decimal): string {
  let decimals = 6;
  while (decimals < 12 && percentOf(fraction, decimals) === "100%") decimals++;
  return percentOf(fraction, decimals);
}

/** The key shows every digit it has: 3,53% holding 0,0353, not 0,034025. */
function shownRounded(key: Figure): boolean {
  return key.decimals !== undefined && key.value.times(100).decimalPlaces() <= key.decimals;
}

interface Implied {
  keys: Map<string, Decimal>;
  years: number[];
}

/**
 * The key the stated amounts imply, from the years in which every amount is its shown key ×
 * the year's total within the rounding of the key (ALLOC-AMOUNT's tolerance). An amount a of a
 * year whose amounts were computed from total T says key ∈ [(a − ½) / T, (a + ½) / T]; the
 * years together narrow that down, and the shown key bounds it by half its last digit. The key
 * taken is the simplest decimal in that interval: the 3,4025% the plan computed with, when the
 * amounts pin it down. Where no key reproduces every year to the half euro, one euro is
 * allowed (amounts allocated by largest remainder), else the ratio of the summed amounts.
 */
function impliedKey(plan: Plan, rows: readonly KeyedRow[]): Implied | undefined {
  const t6 = plan.contributions;
  if (!t6 || rows.length < 2) return undefined;
  const bases = new Map<number, Decimal>();
  for (const year of t6.years) {
    const amounts = rows.map((r) => r.values.get(year)?.value);
    if (amounts.some((a) => a === undefined)) continue;
    const stated = t6.total.values.get(year)?.value;
    const base = stated && stated.gt(0) ? stated : sum(amounts as Decimal[]);
    if (!base.isInteger() || base.lte(0)) continue;
    const consistent = rows.every((r, i) =>
      (amounts[i] as Decimal)
        .minus(r.key.value.times(base))
        .abs()
        .lte(base.times(percentHalfUnit(r.key)).plus(ONE))
    );
    if (consistent) bases.set(year, base);
  }
  if (bases.size === 0) return undefined;
  const years = [...bases.keys()].sort((a, b) => a - b);
  const keys = new Map<string, Decimal>();
  for (const r of rows) {
    const half = percentHalfUnit(r.key);
    const band = { lo: r.key.value.minus(half), hi: r.key.value.plus(half) };
    const within = (w: Decimal) =>
      years.reduce(
        (acc, y) => {
          const a = (r.values.get(y) as Figure).value;
          const base = bases.get(y) as Decimal;
          return {
            lo: D.max(acc.lo, a.minus(w).div(base)),
            hi: D.min(acc.hi, a.plus(w).div(base)),
          };
        },
        { ...band }
      );
    const halfEuro = within(new D("0.5"));
    const interval = halfEuro.lo.lte(halfEuro.hi)
      ? halfEuro
      : [within(ONE)].find((i) => i.lo.lte(i.hi));
    const shownDigits = (r.key.decimals ?? 0) + 2;
    keys.set(
      r.municipality,
      interval
        ? simplestDecimal(interval.lo, interval.hi, shownDigits)
        : sum(years.map((y) => (r.values.get(y) as Figure).value)).div(
            sum(years.map((y) => bases.get(y) as Decimal))
          )
    );
  }
  return { keys, years };
}

/**
 * The decimal with the fewest digits (at least `fromDigits`) in [lo, hi]; of several with as
 * few digits, the one nearest the middle.
 */
export function simplestDecimal(lo: Decimal, hi: Decimal, fromDigits: number): Decimal {
  const middle = lo.plus(hi).div(2);
  for (let digits = fromDigits; ; digits++) {
    const step = new D(10).pow(-digits);
    const first = lo.div(step).ceil();
    const last = hi.div(step).floor();
    if (first.lte(last)) {
      const nearest = D.min(last, D.max(first, middle.div(step).round()));
      return nearest.times(step);
    }
    // lo < hi always has a decimal between them; lo = hi is a decimal itself.
    if (digits > 40) return middle;
  }
}

function impliedNote(rows: readonly KeyedRow[], implied: Implied): Message {
  const example = rows.find((r) => !implied.keys.get(r.municipality)?.eq(r.key.value)) as KeyedRow;
  const shown = formatPercent(example.key.value, example.key.decimals ?? 2);
  const precise = percentOf(implied.keys.get(example.municipality) as Decimal);
  const years = formatYears(implied.years);
  return {
    nl: `De verdeelsleutels staan afgerond in Tabel 6; gerekend is met de preciezere sleutels die de bedragen van ${years} geven (bijv. ${example.municipality}: ${precise} in plaats van ${shown})`,
    en: `The distribution keys are shown rounded in Tabel 6; computed with the more precise keys the amounts of ${years} imply (e.g. ${example.municipality}: ${precise} instead of ${shown})`,
  };
}

/** Which key a computation used, for messages: "de sleutels van Tabel 6", … */
export function keyDescription(key: PlanKey): Message {
  switch (key.source) {
    case "components":
      return { nl: "de sleutel uit de sleutelcomponenten", en: "the key from the key components" };
    case "table":
      return {
        nl: "de sleutel uit de herberekening van de verdeelsleutel (weging × aandeel)",
        en: "the key from the key calculation table (weight × share)",
      };
    case "budget":
      return {
        nl: "de sleutel uit de budgetten (budget ÷ totaal van de budgetten)",
        en: "the key from the budgets (budget ÷ total of the budgets)",
      };
    case "cell":
      return { nl: "de volle waarde van de sleutelcellen", en: "the full value of the key cells" };
    case "implied": {
      const years = formatYears(key.impliedFrom);
      return {
        nl: `de sleutels die de bedragen van ${years} geven`,
        en: `the keys the amounts of ${years} imply`,
      };
    }
    case "stated":
      return { nl: "de sleutels van Tabel 6", en: "the keys of Tabel 6" };
  }
}
