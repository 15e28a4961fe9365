import Decimal from "decimal.js";
import { allocate } from "../core/allocate";
import { readComponentTable } from "../reader/componentTable";
import {
  DEFAULT_WEIGHTS,
  distributionKey,
  EQUAL_SHARE,
  SLA_COMPONENTS,
} from "../core/distributionKey";
import { own } from "../core/own";
import { PlanInputError } from "../core/errors";
import { CostPool, Message, Plan, PlanLine } from "../core/model";
import { findPool, poolsOf } from "../core/pools";
import { D, HUNDRED, ONE, sum } from "../core/money";
import { resolveMunicipality } from "../core/municipalities";
import { planKey } from "../core/planKey";
import { decimalValue } from "../core/value";
import {
  computedContributions,
  ContributionSource,
  distributedTotal,
  contribution as planContribution,
  keyOf,
  lineValue,
  municipalityOf,
  requireYear,
} from "../core/query";
import {
  ARG,
  choiceArg,
  isOmitted,
  numberArg,
  optionalYearArg,
  rangeArg,
  scalar,
  textArg,
  yearArg,
} from "./args";

/*
 * What each UP.* function answers, as pure functions of a plan and the raw arguments.
 * The Excel layer (functions.ts) only finds the plan and turns PlanInputError into an
 * Excel error; tests and HyperFormula call these through that same layer.
 */

/** A spilled result: rows of cells. */
export type Spill = (string | number)[][];

type Domain = "jeugd" | "wmo" | "totaal";

const DOMAINS: Readonly<Record<string, Domain>> = {
  jeugd: "jeugd",
  youth: "jeugd",
  wmo: "wmo",
  totaal: "totaal",
  total: "totaal",
};
const DOMAIN_CHOICES: Message = { nl: "jeugd, wmo of totaal", en: "jeugd, wmo or totaal" };

function requireTable<T>(table: T | undefined, name: Message): T {
  if (table !== undefined) return table;
  throw new PlanInputError(
    { nl: `Het plan heeft geen ${name.nl}`, en: `The plan has no ${name.en}` },
    { code: "notAvailable" }
  );
}

function amountIn(line: PlanLine, years: readonly number[], year: number, table: string): number {
  requireYear(years, year, table);
  return lineValue(line, year).toNumber();
}

/*
 * A sheet asks the same plan thousands of times: its keys and each year's allocation are
 * computed once per plan object (a changed workbook gives a new plan), not once per cell.
 * A miss falls through to the core query, which throws the message for the user.
 */
const keysOfPlan = new WeakMap<Plan, Map<string, Decimal>>();
const allocations = new WeakMap<Plan, Map<number, Map<string, Decimal>>>();

const poolsOfPlan = new WeakMap<Plan, CostPool[]>();

function allPools(plan: Plan): CostPool[] {
  let pools = poolsOfPlan.get(plan);
  if (!pools) poolsOfPlan.set(plan, (pools = poolsOf(plan)));
  return pools;
}

function keysFor(plan: Plan): Map<string, Decimal> {
  let keys = keysOfPlan.get(plan);
  if (!keys) keysOfPlan.set(plan, (keys = planKey(plan).keys));
  return keys;
}

/** The same figures as numbers, what a cell shows: converting a Decimal formats it as text first. */
const numbers = new WeakMap<Map<string, Decimal>, Map<string, number>>();

function asNumber(figures: Map<string, Decimal>, name: string): number | undefined {
  let byName = numbers.get(figures);
  if (!byName) numbers.set(figures, (byName = new Map()));
  let n = byName.get(name);
  if (n === undefined) {
    n = figures.get(name)?.toNumber();
    if (n !== undefined) byName.set(name, n);
  }
  return n;
}

function allocationFor(plan: Plan, year: number): Map<string, Decimal> {
  let years = allocations.get(plan);
  if (!years) allocations.set(plan, (years = new Map()));
  let amounts = years.get(year);
  if (!amounts) years.set(year, (amounts = computedContributions(plan, year)));
  return amounts;
}

/**
 * UP.CONTRIBUTION: the municipality's contribution in euros, computed (default) or as stated in
 * Tabel 6; in a merged plan that of the cost pool named, or the total over the pools.
 */
export function contribution(
  plan: Plan,
  municipality: unknown,
  year: unknown,
  source?: unknown,
  pool?: unknown
): number {
  const name = textArg(municipality, ARG.municipality);
  const y = yearArg(year);
  const s = sourceArg(source);
  const pools = poolsArg(plan, pool);
  // One pool (every plan but a merged one): its amount as it is, without a sum per cell.
  if (pools.length === 1) {
    const one = pools[0].plan;
    if (s === "computed") {
      // The name first: an unknown municipality is its own error, whatever the year.
      const canonical = municipalityOf(one, name);
      const n = asNumber(allocationFor(one, y), canonical);
      if (n !== undefined) return n;
    }
    return poolAmount(one, name, y, s).toNumber();
  }
  return sum(pools.map((p) => poolAmount(p.plan, name, y, s))).toNumber();
}

function poolAmount(plan: Plan, name: string, year: number, source: ContributionSource): Decimal {
  if (source === "stated") return planContribution(plan, name, year, source);
  const canonical = municipalityOf(plan, name);
  return (
    allocationFor(plan, year).get(canonical) ?? planContribution(plan, canonical, year, source)
  );
}

/**
 * The one pool an answer needs (a key, a settlement): the pool named, or the plan's only one;
 * a merged plan without a pool named is an error saying why each pool is its own (`why`).
 */
export function onePool(plan: Plan, pool: unknown, why: Message): Plan {
  const pools = poolsArg(plan, pool);
  if (pools.length > 1) {
    const names = pools.map((p) => p.name).join(", ");
    throw new PlanInputError({
      nl: `Kies een kostenpool: dit plan heeft ${pools.length} kostenpools (${names}), ${why.nl}`,
      en: `Choose a cost pool: this plan has ${pools.length} cost pools (${names}), ${why.en}`,
    });
  }
  return pools[0].plan;
}

/** The pools asked: the one named (case-insensitive), or all of them when omitted. */
export function poolsArg(plan: Plan, pool: unknown): CostPool[] {
  if (isOmitted(scalar(pool, ARG.pool))) return allPools(plan);
  const name = textArg(pool, ARG.pool);
  try {
    return [findPool(plan, name)];
  } catch (e) {
    if (!(e instanceof PlanInputError)) throw e;
    // A pool the plan does not have is a wrong argument, as an unknown municipality is.
    throw new PlanInputError({
      nl: `Argument ${ARG.pool.nl}: ${e.nl}`,
      en: `Argument ${ARG.pool.en}: ${e.en}`,
    });
  }
}

const SOURCES: Readonly<Record<string, ContributionSource>> = {
  computed: "computed",
  berekend: "computed",
  stated: "stated",
  vermeld: "stated",
};
const SOURCE_CHOICES: Message = { nl: "berekend of vermeld", en: "computed or stated" };

export function sourceArg(source: unknown): ContributionSource {
  return choiceArg(source, ARG.source, SOURCES, "computed", SOURCE_CHOICES);
}

const OWN_KEY: Message = {
  nl: "elk met een eigen verdeelsleutel",
  en: "each with its own distribution key",
};

/**
 * UP.KEY: the distribution key as a fraction; a year, when given, must be one of Tabel 6. A key
 * is a pool's own (budget shares, the SLA key): a merged plan is asked for one pool's.
 */
export function key(plan: Plan, municipality: unknown, year?: unknown, pool?: unknown): number {
  const name = textArg(municipality, ARG.municipality);
  const y = optionalYearArg(year);
  const p = onePool(plan, pool, OWN_KEY);
  const canonical = municipalityOf(p, name);
  const value = asNumber(keysFor(p), canonical) ?? keyOf(p, canonical).toNumber();
  const t6 = p.contributions;
  if (y !== undefined && t6) requireYear(t6.years, y, p.source.titles?.["Tabel 6"] ?? "Tabel 6");
  return value;
}

const TOTAL_PARTS = {
  formatie: "formatie",
  formatiekosten: "formatie",
  staff: "formatie",
  materieel: "materieel",
  materiele: "materieel",
  materiële: "materieel",
  material: "materieel",
  totaal: "totaal",
  total: "totaal",
} as const;
const TOTAL_PART_CHOICES: Message = {
  nl: "formatie, materieel of totaal",
  en: "formatie, materieel or totaal",
};

/**
 * UP.TOTAL: Tabel 4, `formatie`, `materieel` or `totaal` (what the municipalities pay together:
 * a pool without Tabel 4 its budget's amount); in a merged plan the pool named, or the sum over
 * the pools, each answering as a plan of its own (an error names its pool).
 */
export function total(plan: Plan, year: unknown, part?: unknown, pool?: unknown): number {
  const y = yearArg(year);
  const p = choiceArg(part, ARG.part, TOTAL_PARTS, "totaal", TOTAL_PART_CHOICES);
  const poolTotal = ({ plan: one }: CostPool): Decimal => {
    if (p === "totaal") return distributedTotal(one, y).value;
    const t4 = requireTable(one.totals, {
      nl: "Tabel 4 (overzicht totalen)",
      en: "Tabel 4 (totals)",
    });
    requireYear(t4.years, y, "Tabel 4");
    return lineValue(p === "formatie" ? t4.staffYouth : t4.materialYouth, y);
  };
  const pools = poolsArg(plan, pool);
  if (pools.length === 1) return poolTotal(pools[0]).toNumber();
  return sum(pools.map((x) => inPool(x, poolTotal))).toNumber();
}

/** A pool's answer; its error says which pool, as one of a sum over the pools. */
function inPool<T>(pool: CostPool, answer: (pool: CostPool) => T): T {
  try {
    return answer(pool);
  } catch (e) {
    if (!(e instanceof PlanInputError)) throw e;
    throw new PlanInputError(
      { nl: `Kostenpool ${pool.name}: ${e.nl}`, en: `Cost pool ${pool.name}: ${e.en}` },
      { code: e.code }
    );
  }
}

/** Finds a row by its label, forgiving case and spacing; an unknown label names the closest one. */
function lineByLabel<T extends PlanLine>(lines: readonly T[], wanted: string, what: Message): T {
  const labels = lines.map((l) => l.label);
  const r = resolveMunicipality(wanted, labels);
  if (r.ok) return lines[labels.indexOf(r.name)];
  const hint = r.suggestion
    ? { nl: ` — bedoelt u ${r.suggestion}?`, en: ` — did you mean ${r.suggestion}?` }
    : { nl: ` (wel: ${labels.join(", ")})`, en: ` (it has: ${labels.join(", ")})` };
  throw new PlanInputError({
    nl: `Onbekende ${what.nl} '${wanted}'${hint.nl}`,
    en: `Unknown ${what.en} '${wanted}'${hint.en}`,
  });
}

/** UP.FTE: the team's FTE of a year (the total row of Tabel 1), or of one role. */
export function fte(plan: Plan, year: unknown, role?: unknown): number {
  const y = yearArg(year);
  const t1 = requireTable(plan.staffing, {
    nl: "Tabel 1 (formatieplan)",
    en: "Tabel 1 (staffing plan)",
  });
  if (isOmitted(scalar(role, ARG.role))) return amountIn(t1.total, t1.years, y, "Tabel 1");
  const line = lineByLabel(t1.roles, textArg(role, ARG.role), { nl: "functie", en: "role" });
  return amountIn(line, t1.years, y, "Tabel 1");
}

/** UP.STAFFCOST: Tabel 2, `jeugd`, `wmo` or `totaal` (default). */
export function staffCost(plan: Plan, year: unknown, domain?: unknown): number {
  const y = yearArg(year);
  const d = choiceArg(domain, ARG.domain, DOMAINS, "totaal", DOMAIN_CHOICES);
  const t2 = requireTable(plan.staffCosts, {
    nl: "Tabel 2 (formatiekosten)",
    en: "Tabel 2 (staff costs)",
  });
  const line = d === "jeugd" ? t2.youth : d === "wmo" ? t2.wmo : t2.total;
  return amountIn(line, t2.years, y, "Tabel 2");
}

/**
 * UP.MATERIALCOST: Tabel 3. Without a line: the subtotal, or its jeugd or wmo part. With a
 * line: that cost line; the plan splits only the subtotal, so a line has no jeugd/wmo part.
 */
export function materialCost(plan: Plan, year: unknown, line?: unknown, domain?: unknown): number {
  const y = yearArg(year);
  const d = choiceArg(domain, ARG.domain, DOMAINS, "totaal", DOMAIN_CHOICES);
  const t3 = requireTable(plan.materialCosts, {
    nl: "Tabel 3 (materiële kosten)",
    en: "Tabel 3 (material costs)",
  });
  if (isOmitted(scalar(line, ARG.line))) {
    const l = d === "jeugd" ? t3.youth : d === "wmo" ? t3.wmo : t3.subtotal;
    return amountIn(l, t3.years, y, "Tabel 3");
  }
  const costLine = lineByLabel(t3.lines, textArg(line, ARG.line), {
    nl: "kostenpost",
    en: "cost line",
  });
  if (d !== "totaal") {
    throw new PlanInputError({
      nl: `Argument domein: het plan splitst alleen het subtotaal van Tabel 3 in jeugd en wmo, niet '${costLine.label}' — laat kostenpost of domein leeg`,
      en: `Argument domain: the plan splits only the subtotal of Tabel 3 into jeugd and wmo, not '${costLine.label}' — leave line or domain empty`,
    });
  }
  return amountIn(costLine, t3.years, y, "Tabel 3");
}

/** UP.MUNICIPALITIES: the participating municipalities, one per row. */
export function municipalities(plan: Plan): Spill {
  return plan.municipalities.map((m) => [m]);
}

function numbersOf(values: readonly unknown[], arg: typeof ARG.weights): Decimal[] {
  return values.map((v, i) => {
    const n = decimalValue(v)?.value;
    if (n === undefined) {
      throw new PlanInputError({
        nl: `Argument ${arg.nl}: waarde ${i + 1} (${String(v)}) is geen getal`,
        en: `Argument ${arg.en}: value ${i + 1} (${String(v)}) is not a number`,
      });
    }
    return n;
  });
}

/**
 * Weights in column order: one per component, or one more in front for the equal share.
 * Given as percentages (25) or fractions (0,25); either way they must add up to 100%.
 */
export function weightsFor(components: readonly string[], value: unknown): Map<string, Decimal> {
  if (isOmitted(value)) {
    if (SLA_COMPONENTS.every((c) => components.includes(c)) && components.length === 3) {
      return new Map(DEFAULT_WEIGHTS);
    }
    if (components.length === 1) return new Map([[components[0], HUNDRED]]);
    throw new PlanInputError({
      nl: `Argument wegingen ontbreekt: de componenten zijn ${components.join(", ")}; geef per component een weging (samen 100%)`,
      en: `Argument weights is missing: the components are ${components.join(", ")}; give one weight per component (adding up to 100%)`,
    });
  }
  const flat = rangeArg(value, ARG.weights)
    .flat()
    .filter((v) => !isOmitted(v));
  let weights = numbersOf(flat, ARG.weights);
  const names =
    weights.length === components.length + 1
      ? [EQUAL_SHARE, ...components]
      : weights.length === components.length
        ? [...components]
        : undefined;
  if (!names) {
    throw new PlanInputError({
      nl: `Argument wegingen: ${weights.length} wegingen voor ${components.length} componenten (${components.join(", ")}); geef er ${components.length}, of ${components.length + 1} met vooraan het gelijke deel`,
      en: `Argument weights: ${weights.length} weights for ${components.length} components (${components.join(", ")}); give ${components.length}, or ${components.length + 1} with the equal share first`,
    });
  }
  if (sum(weights).eq(ONE)) weights = weights.map((w) => w.times(HUNDRED));
  return new Map(names.map((n, i) => [n, weights[i]]));
}

/**
 * UP.KEYS: the distribution key of each municipality in a range of components (first column
 * the municipality, then one column per component, with or without a header row). The result
 * has one cell per row of the range, so it can stand right beside it.
 */
export function keys(components: unknown, weights?: unknown): Spill {
  const rows = rangeArg(components, ARG.components);
  const table = readComponentTable(rows);
  const result = distributionKey(table.rows, weightsFor(table.components, weights));
  let headerGiven = false;
  return rows.map((row) => {
    const label = row[0];
    if (isOmitted(label)) return [""];
    const r = resolveMunicipality(String(label));
    if (r.ok && result.has(r.name)) return [(result.get(r.name) as Decimal).toNumber()];
    if (headerGiven) return [""];
    headerGiven = true;
    return ["sleutel"];
  });
}

const UNITS: Readonly<Record<string, string>> = {
  "1": "1",
  euro: "1",
  "0,01": "0.01",
  "0.01": "0.01",
  cent: "0.01",
};

function unitArg(value: unknown): Decimal {
  const v = scalar(value, ARG.unit);
  if (isOmitted(v)) return new D(1);
  const found = own(UNITS, String(v).trim().toLowerCase());
  if (found === undefined) {
    throw new PlanInputError({
      nl: `Argument eenheid: ${typeof v === "string" ? `'${v}'` : String(v)} kan niet: kies 1 (hele euro's) of 0,01 (centen)`,
      en: `Argument unit: ${typeof v === "string" ? `'${v}'` : String(v)} is not allowed: choose 1 (whole euros) or 0.01 (cents)`,
    });
  }
  return new D(found);
}

/**
 * UP.ALLOCATE: the total over the keys in whole euros (or cents) that add up to the total
 * exactly, by the largest remainder method. Keys are a column or a row; the result has the
 * same shape, with empty cells left empty.
 */
export function allocateTotal(totalArg: unknown, keysArg: unknown, unit?: unknown): Spill {
  const t = numberArg(totalArg, ARG.total);
  const u = unitArg(unit);
  if (!t.div(u).isInteger()) {
    throw new PlanInputError({
      nl: `Argument totaal: ${t.toString().replace(".", ",")} is geen geheel aantal van de eenheid ${u.toString().replace(".", ",")}; rond het totaal eerst af`,
      en: `Argument total: ${t.toString()} is not a whole number of the unit ${u.toString()}; round the total first`,
    });
  }
  const range = rangeArg(keysArg, ARG.keys);
  const isRow = range.length === 1;
  if (!isRow && range.some((r) => r.length !== 1)) {
    throw new PlanInputError({
      nl: "Argument sleutels: geef één kolom of één rij met sleutels",
      en: "Argument keys: give one column or one row of keys",
    });
  }
  const cells = isRow ? range[0] : range.map((r) => r[0]);
  const shares: { id: string; key: Decimal; at: number }[] = [];
  cells.forEach((v, i) => {
    if (isOmitted(v)) return;
    const n = decimalValue(v)?.value;
    if (n === undefined || n.isNegative()) {
      throw new PlanInputError({
        nl: `Argument sleutels: cel ${i + 1} van het bereik (${String(v)}) is geen sleutel ≥ 0`,
        en: `Argument keys: cell ${i + 1} of the range (${String(v)}) is not a key ≥ 0`,
      });
    }
    shares.push({ id: String(i).padStart(6, "0"), key: n, at: i });
  });
  if (shares.length === 0 || sum(shares.map((s) => s.key)).isZero()) {
    throw new PlanInputError({
      nl: "Argument sleutels: er is geen sleutel groter dan 0 om naar te verdelen",
      en: "Argument keys: there is no key above 0 to distribute by",
    });
  }
  const amounts = allocate(t, shares, u);
  const out: (string | number)[] = cells.map(() => "");
  shares.forEach((s, i) => (out[s.at] = amounts[i].toNumber()));
  return isRow ? [out] : out.map((v) => [v]);
}
