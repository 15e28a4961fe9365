import Decimal from "decimal.js";
import { allocate } from "./allocate";
import { PlanInputError } from "./errors";
import { formatDecimal } from "./dutchNumber";
import { D, HUNDRED, ONE, sum } from "./money";
import { own } from "./own";

/** The component every municipality shares equally: needs no column. */
export const EQUAL_SHARE = "gelijk";

/** The SLA's components, in the plan's order; weights 25/25/25/25 by agreement. */
export const SLA_COMPONENTS = ["jongeren", "toekenningen", "declaraties"] as const;

export const DEFAULT_WEIGHTS: ReadonlyMap<string, Decimal> = new Map([
  [EQUAL_SHARE, new D(25)],
  ["jongeren", new D(25)],
  ["toekenningen", new D(25)],
  ["declaraties", new D(25)],
]);

/** English and alternative headers accepted for the component columns. */
const COMPONENT_ALIASES: Readonly<Record<string, string>> = {
  gelijk: EQUAL_SHARE,
  equal: EQUAL_SHARE,
  "equal share": EQUAL_SHARE,
  "gelijk deel": EQUAL_SHARE,
  jongeren: "jongeren",
  "jongeren < 20": "jongeren",
  "jongeren <20": "jongeren",
  youth: "jongeren",
  toekenningen: "toekenningen",
  allocations: "toekenningen",
  declaraties: "declaraties",
  claims: "declaraties",
};

/** Headers of a column that holds the key itself (a key table): percentages or fractions. */
export const KEY_HEADERS: ReadonlySet<string> = new Set([
  "sleutel",
  "verdeelsleutel",
  "key",
  "distribution key",
]);

/** The canonical name of a component header; other headers (e.g. `budget`) stay as written, lower-cased. */
export function componentName(header: string): string {
  const h = header.trim().toLowerCase().replace(/\s+/g, " ");
  return own(COMPONENT_ALIASES, h) ?? h;
}

export interface ComponentRow {
  municipality: string;
  values: ReadonlyMap<string, Decimal>;
}

/** Precision of computed keys; they are made to add up to exactly 1 at this unit. */
const KEY_UNIT = new D("1e-24");

/**
 * The distribution key per municipality: Σ weight(c) × value_c(m) / Σ value_c, with `gelijk`
 * as an equal share of 1/n. Weights are percentages that must add up to 100. The keys are
 * returned as fractions that add up to exactly 1.
 */
export function distributionKey(
  rows: readonly ComponentRow[],
  weights: ReadonlyMap<string, Decimal>
): Map<string, Decimal> {
  validateWeights(weights);
  if (rows.length === 0)
    throw new PlanInputError({
      nl: "Geen gemeenten om een sleutel voor te berekenen",
      en: "No municipalities to compute a key for",
    });
  const n = rows.length;
  const raw = rows.map(() => new D(0));
  for (const [component, weight] of weights) {
    if (weight.isZero()) continue;
    if (component === EQUAL_SHARE) {
      rows.forEach((_, i) => (raw[i] = raw[i].plus(weight.div(n))));
      continue;
    }
    const values = rows.map((r) => componentValue(r, component));
    const total = sum(values);
    if (total.isZero()) {
      throw new PlanInputError({
        nl: `Component '${component}' telt op tot 0: er is niets naar te verdelen`,
        en: `Component '${component}' adds up to 0: nothing to distribute by`,
      });
    }
    values.forEach((v, i) => (raw[i] = raw[i].plus(weight.times(v).div(total))));
  }
  const keys = allocate(
    ONE,
    rows.map((r, i) => ({ id: r.municipality, key: raw[i] })),
    KEY_UNIT
  );
  return new Map(rows.map((r, i) => [r.municipality, keys[i]]));
}

/**
 * A single-component key such as the objectief verdeelmodel: each municipality's value
 * (e.g. its youth-care budget) divided by the total.
 */
export function singleComponentKey(
  rows: readonly ComponentRow[],
  component: string
): Map<string, Decimal> {
  return distributionKey(rows, new Map([[component, HUNDRED]]));
}

function componentValue(row: ComponentRow, component: string): Decimal {
  const v = row.values.get(component);
  if (v === undefined) {
    throw new PlanInputError({
      nl: `Component '${component}' ontbreekt voor ${row.municipality}`,
      en: `Component '${component}' is missing for ${row.municipality}`,
    });
  }
  if (!v.isFinite() || v.isNegative()) {
    throw new PlanInputError({
      nl: `Component '${component}' van ${row.municipality} is ${formatDecimal(v)}: moet een getal ≥ 0 zijn`,
      en: `Component '${component}' of ${row.municipality} is ${v.toString()}: must be a number ≥ 0`,
    });
  }
  return v;
}

/** Weights are percentages ≥ 0 that add up to exactly 100. */
export function validateWeights(weights: ReadonlyMap<string, Decimal>): void {
  for (const [c, w] of weights) {
    if (!w.isFinite() || w.isNegative()) {
      throw new PlanInputError({
        nl: `Weging van '${c}' is ${w.toString()}: moet een percentage ≥ 0 zijn`,
        en: `Weight of '${c}' is ${w.toString()}: must be a percentage ≥ 0`,
      });
    }
  }
  const total = sum(weights.values());
  if (!total.eq(HUNDRED)) {
    throw new PlanInputError({
      nl: `De wegingen tellen op tot ${formatDecimal(total)}%, niet tot 100%`,
      en: `The weights add up to ${total.toString()}%, not 100%`,
    });
  }
}
