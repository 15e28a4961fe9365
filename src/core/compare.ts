import Decimal from "decimal.js";
import { allocate } from "./allocate";
import { formatCell } from "./address";
import { PlanInputError } from "./errors";
import { CellRef, CostPool, Message, Plan, TableId } from "./model";
import { hasPools, poolsOf, unitOf } from "./pools";
import { D, sum, ZERO } from "./money";
import { resolveMunicipality, unknownMunicipalityMessage } from "./municipalities";
import { allocationKey, planKey } from "./planKey";
import { computedContributions, ContributionSource, municipalityOf, requireYear } from "./query";

/*
 * Why a municipality pays more or less than before: two plan years, or the same year in two
 * plan versions, compared per municipality, with the difference split exactly into a total
 * effect and a key effect.
 *
 * The decomposition is chained through one intermediate allocation M: the NEW total
 * distributed with the OLD keys, by the same largest remainder method as the contributions.
 *
 *   total effect = M − old contribution       (old key × change of the total)
 *   key effect   = new contribution − M       (change of the key × new total)
 *
 * Both parts are whole euros and add up to the difference by construction. Chaining through M,
 * rather than allocating the change of the total and calling the rest the key effect, makes a
 * part exactly zero when its cause did not change: with equal keys, M is the new contribution
 * (same total, same keys, same allocation), so rounding never shows up as a key effect; with an
 * equal total, M is the old contribution. Over all municipalities the total effects add up to
 * the change of the total and the key effects to zero.
 *
 * Source `computed`: contributions are the Tabel 4 total allocated with the plan's keys
 * (computedContributions). Source `stated`: contributions are the Tabel 6 amounts; the total is
 * their sum and a municipality's old key is its share of the old amounts, so M needs no key
 * from the plan and the parts still add up exactly, whatever rounding the published amounts have.
 */

export type ChangePart = "difference" | "total" | "key";

/** One side of a comparison: a plan and the year taken from it. */
export interface CompareSide {
  plan: Plan;
  year: number;
}

export interface SideSummary {
  /** Where the plan came from (file name, or the embedded plan's name). */
  name: string;
  title: string;
  year: number;
  /** What the municipalities pay together: Tabel 4 total (computed) or Σ Tabel 6 (stated). */
  total: Decimal;
  /** What to know about the key the side was computed with (implied by amounts, renormalised). */
  keyNotes: Message[];
}

export interface ChangeRow {
  municipality: string;
  old: Decimal;
  new: Decimal;
  /** new − old. */
  difference: Decimal;
  /** difference / old as a fraction; null when the old contribution is 0. */
  percentage: Decimal | null;
  totalEffect: Decimal;
  keyEffect: Decimal;
  /** The plan's distribution keys as fractions, null when the plan gives none for this municipality. */
  oldKey: Decimal | null;
  newKey: Decimal | null;
}

export interface ChangeTotals {
  old: Decimal;
  new: Decimal;
  difference: Decimal;
  percentage: Decimal | null;
  totalEffect: Decimal;
  keyEffect: Decimal;
}

export interface ContributionComparison {
  source: ContributionSource;
  old: SideSummary;
  new: SideSummary;
  /** One row per municipality of either side, in alphabetical order. */
  rows: ChangeRow[];
  totals: ChangeTotals;
  /** The decomposition, in words, for the command line and the pane. */
  method: Message;
  /**
   * When a side has cost pools: each pool compared on its own (in its unit), the rows and
   * totals above being their sums per municipality, keys null. Absent for single-pool plans.
   */
  pools?: PoolComparison[];
}

/** One cost pool of a comparison; a pool that one side lacks counts as 0 there. */
export interface PoolComparison {
  name: string;
  title: string;
  /** Which side has the pool. */
  presence: "both" | "old" | "new";
  comparison: ContributionComparison;
}

export type ChangeUnit = "fte" | "euro" | "fraction" | "scale" | "count" | "percent";

/** A line of a table whose figure differs between the two sides. */
export interface LineChange {
  table: TableId;
  /** Row label (role, cost line, municipality; `Heerlen — jongeren` for key components). */
  line: string;
  /** added: was empty or 0; removed: is now empty or 0. */
  kind: "added" | "removed" | "changed";
  unit: ChangeUnit;
  old: Decimal | null;
  new: Decimal | null;
  /** new − old, an empty cell counting as 0. */
  difference: Decimal;
  oldCell?: CellRef;
  newCell?: CellRef;
  /** A total or subtotal row of its table rather than one role or cost line. */
  isTotal?: boolean;
}

export interface TableComparison {
  table: TableId;
  title: Message;
  /** `missing`: a side lacks the table or the year; `note` says which. */
  status: "compared" | "missing";
  note?: Message;
  changes: LineChange[];
}

export interface Comparison extends ContributionComparison {
  tables: TableComparison[];
}

/**
 * Contributions of both sides with the difference split into total effect and key effect; for
 * plans with cost pools per pool and, summed per municipality, over the pools.
 */
export function compareContributions(
  oldSide: CompareSide,
  newSide: CompareSide,
  source: ContributionSource = "computed"
): ContributionComparison {
  if (hasPools(oldSide.plan) || hasPools(newSide.plan)) {
    return overPools(comparePools(oldSide, newSide, source), oldSide, newSide, source);
  }
  return comparePool(oldSide, newSide, source);
}

/**
 * The pools of both sides matched by name (case-insensitive); a plan of one pool is matched
 * with the other side's SLA pool, the pool its one Tabel 6 is.
 */
function comparePools(
  oldSide: CompareSide,
  newSide: CompareSide,
  source: ContributionSource
): PoolComparison[] {
  const olds = poolsOf(oldSide.plan);
  const news = poolsOf(newSide.plan);
  const same = (a: CostPool, b: CostPool) =>
    a.name.toLowerCase() === b.name.toLowerCase() ||
    ((a.name === "" || b.name === "") && a.method === "sla" && b.method === "sla");
  const out: PoolComparison[] = [];
  for (const p of olds) {
    const q = news.find((n) => same(p, n));
    const named = q && p.name === "" ? q : p;
    const comparison = q
      ? comparePool({ ...oldSide, plan: p.plan }, { ...newSide, plan: q.plan }, source)
      : oneSided({ ...oldSide, plan: p.plan }, newSide, "old", source);
    out.push({ name: named.name, title: named.title, presence: q ? "both" : "old", comparison });
  }
  for (const q of news.filter((n) => !olds.some((p) => same(p, n)))) {
    const comparison = oneSided({ ...newSide, plan: q.plan }, oldSide, "new", source);
    out.push({ name: q.name, title: q.title, presence: "new", comparison });
  }
  return out;
}

/** A pool only one side has: the other side pays 0 in it; all of the difference is total effect. */
function oneSided(
  present: CompareSide,
  absent: CompareSide,
  which: "old" | "new",
  source: ContributionSource
): ContributionComparison {
  const d = distribution(present, source);
  const none: SideSummary = {
    name: absent.plan.source.name,
    title: absent.plan.title,
    year: absent.year,
    total: ZERO,
    keyNotes: [],
  };
  const keys = keysOrNull(present.plan);
  const rows = [...d.amounts.keys()]
    .sort((x, y) => x.localeCompare(y, "nl"))
    .map((m): ChangeRow => {
      const amount = d.amounts.get(m) ?? ZERO;
      const [oldAmount, newAmount] = which === "old" ? [amount, ZERO] : [ZERO, amount];
      const difference = newAmount.minus(oldAmount);
      const key = keys?.get(m) ?? null;
      return {
        municipality: m,
        old: oldAmount,
        new: newAmount,
        difference,
        percentage: ratio(difference, oldAmount),
        totalEffect: difference,
        keyEffect: ZERO,
        oldKey: which === "old" ? key : null,
        newKey: which === "new" ? key : null,
      };
    });
  return {
    source,
    old: which === "old" ? summary(d) : none,
    new: which === "new" ? summary(d) : none,
    rows,
    totals: totalsOf(rows),
    method: source === "computed" ? COMPUTED_METHOD : STATED_METHOD,
  };
}

/** The pools' comparisons summed per municipality: what each pays over all pools. */
function overPools(
  pools: PoolComparison[],
  oldSide: CompareSide,
  newSide: CompareSide,
  source: ContributionSource
): ContributionComparison {
  const byName = new Map<string, ChangeRow>();
  for (const r of pools.flatMap((p) => p.comparison.rows)) {
    const t = byName.get(r.municipality);
    byName.set(
      r.municipality,
      t
        ? {
            ...t,
            old: t.old.plus(r.old),
            new: t.new.plus(r.new),
            difference: t.difference.plus(r.difference),
            totalEffect: t.totalEffect.plus(r.totalEffect),
            keyEffect: t.keyEffect.plus(r.keyEffect),
          }
        : { ...r, oldKey: null, newKey: null }
    );
  }
  const rows = [...byName.values()]
    .map((r) => ({ ...r, percentage: ratio(r.difference, r.old) }))
    .sort((x, y) => x.municipality.localeCompare(y.municipality, "nl"));
  const side = (s: CompareSide, which: "old" | "new"): SideSummary => ({
    name: s.plan.source.name,
    title: s.plan.title,
    year: s.year,
    total: sum(pools.map((p) => p.comparison[which].total)),
    keyNotes: pools.flatMap((p) => p.comparison[which].keyNotes),
  });
  const method = source === "computed" ? COMPUTED_METHOD : STATED_METHOD;
  return {
    source,
    old: side(oldSide, "old"),
    new: side(newSide, "new"),
    rows,
    totals: totalsOf(rows),
    method: {
      nl: `Per kostenpool, elk in zijn eigen eenheid, en per gemeente opgeteld over de pools. ${method.nl}`,
      en: `Per cost pool, each in its own unit, and per municipality summed over the pools. ${method.en}`,
    },
    pools,
  };
}

function totalsOf(rows: ChangeRow[]): ChangeTotals {
  const old = sum(rows.map((r) => r.old));
  const now = sum(rows.map((r) => r.new));
  return {
    old,
    new: now,
    difference: now.minus(old),
    percentage: ratio(now.minus(old), old),
    totalEffect: sum(rows.map((r) => r.totalEffect)),
    keyEffect: sum(rows.map((r) => r.keyEffect)),
  };
}

/** One pool (or a plan of one pool) compared: the difference split into total and key effect. */
function comparePool(
  oldSide: CompareSide,
  newSide: CompareSide,
  source: ContributionSource
): ContributionComparison {
  const a = distribution(oldSide, source);
  const b = distribution(newSide, source);
  const names = [...new Set([...a.amounts.keys(), ...b.amounts.keys()])].sort((x, y) =>
    x.localeCompare(y, "nl")
  );
  const unit = a.unit.lt(b.unit) ? a.unit : b.unit;
  const oldWeight = (m: string) => a.weights.get(m) ?? ZERO;
  if (sum(names.map(oldWeight)).isZero()) {
    throw new PlanInputError({
      nl: `De oude kant (${a.side.year}) verdeelt niets: geen sleutel of bedrag groter dan 0`,
      en: `The old side (${a.side.year}) distributes nothing: no key or amount above 0`,
    });
  }
  const intermediate = allocate(
    b.total,
    names.map((m) => ({ id: m, key: oldWeight(m) })),
    unit
  );
  const oldKeys = keysOrNull(oldSide.plan);
  const newKeys = keysOrNull(newSide.plan);
  const rows = names.map((m, i): ChangeRow => {
    const oldAmount = a.amounts.get(m) ?? ZERO;
    const newAmount = b.amounts.get(m) ?? ZERO;
    const difference = newAmount.minus(oldAmount);
    return {
      municipality: m,
      old: oldAmount,
      new: newAmount,
      difference,
      percentage: ratio(difference, oldAmount),
      totalEffect: intermediate[i].minus(oldAmount),
      keyEffect: newAmount.minus(intermediate[i]),
      oldKey: oldKeys?.get(m) ?? null,
      newKey: newKeys?.get(m) ?? null,
    };
  });
  const totals: ChangeTotals = {
    old: a.total,
    new: b.total,
    difference: b.total.minus(a.total),
    percentage: ratio(b.total.minus(a.total), a.total),
    totalEffect: sum(rows.map((r) => r.totalEffect)),
    keyEffect: sum(rows.map((r) => r.keyEffect)),
  };
  return {
    source,
    old: summary(a),
    new: summary(b),
    rows,
    totals,
    method: source === "computed" ? COMPUTED_METHOD : STATED_METHOD,
  };
}

const COMPUTED_METHOD: Message = {
  nl:
    "Bijdrage = totaal van Tabel 4 verdeeld met de verdeelsleutels (grootste-restmethode, hele euro's). " +
    "Totaaleffect = nieuw totaal verdeeld met de oude sleutels − oude bijdrage (oude sleutel × verandering van het totaal). " +
    "Sleuteleffect = nieuwe bijdrage − nieuw totaal verdeeld met de oude sleutels (verandering van de sleutel × nieuw totaal). " +
    "Samen precies het verschil.",
  en:
    "Contribution = Tabel 4 total distributed with the keys (largest remainder, whole euros). " +
    "Total effect = new total distributed with the old keys − old contribution (old key × change of the total). " +
    "Key effect = new contribution − new total distributed with the old keys (change of the key × new total). " +
    "Together exactly the difference.",
};

const STATED_METHOD: Message = {
  nl:
    "Bijdrage = bedrag in Tabel 6; totaal = som van die bedragen. " +
    "Totaaleffect = nieuw totaal verdeeld naar de oude bedragen (grootste-restmethode) − oude bijdrage (oud aandeel × verandering van het totaal). " +
    "Sleuteleffect = nieuwe bijdrage − nieuw totaal verdeeld naar de oude bedragen (verandering van het aandeel, inclusief afronding in de gepubliceerde bedragen). " +
    "Samen precies het verschil.",
  en:
    "Contribution = Tabel 6 amount; total = the sum of those amounts. " +
    "Total effect = new total distributed in proportion to the old amounts (largest remainder) − old contribution (old share × change of the total). " +
    "Key effect = new contribution − new total distributed in proportion to the old amounts (change of the share, including rounding in the published amounts). " +
    "Together exactly the difference.",
};

/**
 * The difference of one municipality's contribution between two years of a plan, or one of
 * its parts: what =UP.CHANGE returns.
 */
export function change(
  plan: Plan,
  municipality: string,
  year1: number,
  year2: number,
  part: ChangePart = "difference",
  source: ContributionSource = "computed"
): Decimal {
  const name = municipalityOf(plan, municipality);
  const result = compareContributions({ plan, year: year1 }, { plan, year: year2 }, source);
  const row = result.rows.find((r) => r.municipality === name);
  if (!row) {
    throw new PlanInputError(
      {
        nl: `Het plan geeft geen bijdrage voor ${name} in ${year1} of ${year2}`,
        en: `The plan gives no contribution for ${name} in ${year1} or ${year2}`,
      },
      { code: "notAvailable" }
    );
  }
  if (part === "total") return row.totalEffect;
  if (part === "key") return row.keyEffect;
  return row.difference;
}

/** Reads a part name as typed in a formula or on the command line, Dutch or English. */
export function changePartOf(text: string | undefined): ChangePart {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "" || t === "difference" || t === "verschil") return "difference";
  if (t === "total" || t === "totaal" || t === "totaaleffect" || t === "total effect")
    return "total";
  if (t === "key" || t === "sleutel" || t === "sleuteleffect" || t === "key effect") return "key";
  throw new PlanInputError({
    nl: `Onbekend deel '${text}': kies verschil, totaal of sleutel`,
    en: `Unknown part '${text}': choose difference, total or key`,
  });
}

interface Distribution {
  side: CompareSide;
  total: Decimal;
  amounts: Map<string, Decimal>;
  /** What the old side's intermediate allocation weighs with. */
  weights: Map<string, Decimal>;
  /** The smallest amount: 1 euro, or 0.01 when stated amounts have cents. */
  unit: Decimal;
  keyNotes: Message[];
}

function distribution(side: CompareSide, source: ContributionSource): Distribution {
  if (source === "stated") return statedDistribution(side);
  const { plan, year } = side;
  if (!plan.keyComponents || plan.keyComponents.rows.length === 0) requireKnownRows(plan);
  const key = allocationKey(plan);
  const amounts = computedContributions(plan, year);
  return {
    side,
    total: sum(amounts.values()),
    amounts,
    weights: key.keys,
    unit: unitOf(plan),
    keyNotes: key.notes,
  };
}

function statedDistribution(side: CompareSide): Distribution {
  const { amounts, cents } = statedAmounts(side.plan, side.year);
  return {
    side,
    total: sum(amounts.values()),
    amounts,
    weights: amounts,
    unit: new D(cents ? "0.01" : 1),
    keyNotes: [],
  };
}

/**
 * The Tabel 6 amounts of a year as written, per municipality: each row a participating
 * municipality once, each amount ≥ 0 with at most 2 decimals. `cents` when any has cents.
 */
export function statedAmounts(
  plan: Plan,
  year: number
): { amounts: Map<string, Decimal>; cents: boolean } {
  const t6 = plan.contributions;
  if (!t6) {
    throw new PlanInputError(
      {
        nl: `${plan.source.name} heeft geen Tabel 6 (uitvoeringskosten per gemeente)`,
        en: `${plan.source.name} has no Tabel 6 (contributions per municipality)`,
      },
      { code: "notAvailable" }
    );
  }
  requireYear(t6.years, year, "Tabel 6");
  requireKnownRows(plan);
  const amounts = new Map<string, Decimal>();
  let cents = false;
  for (const row of t6.rows) {
    const m = row.municipality as string;
    const f = row.values.get(year);
    if (!f) {
      throw new PlanInputError(
        {
          nl: `Tabel 6 geeft geen bedrag voor ${m} in ${year}`,
          en: `Tabel 6 gives no amount for ${m} in ${year}`,
        },
        { cell: row.labelCell }
      );
    }
    const where = f.cell ? ` (${formatCell(f.cell)})` : "";
    if (!f.value.isFinite() || f.value.isNegative()) {
      throw new PlanInputError(
        {
          nl: `Het bedrag van ${m} in ${year}${where} is ${f.value.toString()}: moet een bedrag ≥ 0 zijn`,
          en: `The amount of ${m} in ${year}${where} is ${f.value.toString()}: must be an amount ≥ 0`,
        },
        { cell: f.cell }
      );
    }
    if (!f.value.times(100).isInteger()) {
      throw new PlanInputError(
        {
          nl: `Het bedrag van ${m} in ${year}${where} heeft meer dan 2 decimalen`,
          en: `The amount of ${m} in ${year}${where} has more than 2 decimals`,
        },
        { cell: f.cell }
      );
    }
    if (!f.value.isInteger()) cents = true;
    amounts.set(m, f.value);
  }
  return { amounts, cents };
}

/** Tabel 6 rows must name each participating municipality once, or amounts would be lost. */
function requireKnownRows(plan: Plan): void {
  const seen = new Map<string, CellRef | undefined>();
  for (const row of plan.contributions?.rows ?? []) {
    if (!row.municipality) {
      const r = resolveMunicipality(row.label, plan.municipalities);
      const why = r.ok ? { nl: "", en: "" } : unknownMunicipalityMessage(r);
      throw new PlanInputError(
        {
          nl: `Tabel 6, rij '${row.label}': geen deelnemende gemeente (${why.nl})`,
          en: `Tabel 6, row '${row.label}': not a participating municipality (${why.en})`,
        },
        { cell: row.labelCell }
      );
    }
    if (seen.has(row.municipality)) {
      const first = seen.get(row.municipality);
      throw new PlanInputError(
        {
          nl: `${row.municipality} staat twee keer in Tabel 6${first ? ` (ook in ${formatCell(first)})` : ""}`,
          en: `${row.municipality} appears twice in Tabel 6${first ? ` (also in ${formatCell(first)})` : ""}`,
        },
        { cell: row.labelCell }
      );
    }
    seen.set(row.municipality, row.labelCell);
  }
}

/** The plan's most precise keys, or null when it has none (the comparison then says so). */
export function keysOrNull(plan: Plan): Map<string, Decimal> | null {
  try {
    return planKey(plan).keys;
  } catch (e) {
    if (e instanceof PlanInputError) return null;
    throw e;
  }
}

function ratio(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.div(whole);
}

function summary({ side, total, keyNotes }: Distribution): SideSummary {
  return { name: side.plan.source.name, title: side.plan.title, year: side.year, total, keyNotes };
}
