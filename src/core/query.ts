import Decimal from "decimal.js";
import { allocate } from "./allocate";
import { distributionKey } from "./distributionKey";
import { formatPercent } from "./dutchNumber";
import { PlanInputError } from "./errors";
import { Plan, PlanLine } from "./model";
import { sum } from "./money";
import { resolveMunicipality, unknownMunicipalityMessage } from "./municipalities";

/*
 * Questions a user asks of a plan: what the formulas, the command line and the pane answer.
 * Every function throws PlanInputError with a Dutch and English message on a bad question.
 */

export type ContributionSource = "computed" | "stated";

/** The canonical name of a municipality of this plan, or an error naming the closest one. */
export function municipalityOf(plan: Plan, name: string): string {
  const r = resolveMunicipality(name, plan.municipalities);
  if (r.ok) return r.name;
  throw new PlanInputError(unknownMunicipalityMessage(r));
}

function yearRange(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => i === 0 || y === sorted[i - 1] + 1);
  return contiguous && sorted.length > 2
    ? `${sorted[0]}–${sorted[sorted.length - 1]}`
    : sorted.join(", ");
}

/** Checks that `year` is one of `years` of the named table. */
export function requireYear(years: readonly number[], year: number, table: string): void {
  if (years.includes(year)) return;
  throw new PlanInputError(
    years.length === 0
      ? { nl: `${table} heeft geen jaren`, en: `${table} has no years` }
      : {
          nl: `Jaar ${year} staat niet in ${table} (wel: ${yearRange(years)})`,
          en: `Year ${year} is not in ${table} (it has: ${yearRange(years)})`,
        },
    { code: "notAvailable" }
  );
}

function requireTable<T>(table: T | undefined, name: string): T {
  if (table !== undefined) return table;
  throw new PlanInputError(
    { nl: `Het plan heeft geen ${name}`, en: `The plan has no ${name}` },
    { code: "notAvailable" }
  );
}

/** The value of a line in a year; an empty cell is 0. */
export function lineValue(line: PlanLine, year: number): Decimal {
  return line.values.get(year)?.value ?? new Decimal(0);
}

/**
 * The plan's distribution keys as fractions: recomputed from the key components when the
 * plan has them (the unrounded key, as the SLA intends), otherwise the keys stated in Tabel 6.
 */
export function planKeys(plan: Plan): Map<string, Decimal> {
  const kc = plan.keyComponents;
  if (kc && kc.rows.length > 0) {
    return distributionKey(
      kc.rows.map((r) => ({
        municipality: r.municipality,
        values: new Map([...r.values].map(([c, f]) => [c, f.value])),
      })),
      kc.weights
    );
  }
  const t6 = requireTable(plan.contributions, "Tabel 6 (verdeelsleutel)");
  const keys = new Map<string, Decimal>();
  for (const row of t6.rows) {
    if (row.municipality && row.key) keys.set(row.municipality, row.key.value);
  }
  return keys;
}

export function keyOf(plan: Plan, municipality: string): Decimal {
  const name = municipalityOf(plan, municipality);
  const key = planKeys(plan).get(name);
  if (key === undefined) {
    throw new PlanInputError(
      {
        nl: `Het plan geeft geen verdeelsleutel voor ${name}`,
        en: `The plan gives no distribution key for ${name}`,
      },
      { code: "notAvailable" }
    );
  }
  return key;
}

/** Tabel 4 `totaal` of a year: what the municipalities pay together. */
export function yearTotal(plan: Plan, year: number): Decimal {
  const t4 = requireTable(plan.totals, "Tabel 4 (overzicht totalen)");
  requireYear(t4.years, year, "Tabel 4");
  return lineValue(t4.total, year);
}

/**
 * Every municipality's contribution of a year: the Tabel 4 total allocated with the plan's
 * keys by the largest remainder method, in whole euros that add up to the total exactly.
 */
export function computedContributions(plan: Plan, year: number): Map<string, Decimal> {
  const total = yearTotal(plan, year);
  const keys = [...planKeys(plan)];
  if (keys.length === 0) {
    throw new PlanInputError(
      { nl: "Het plan heeft geen verdeelsleutels", en: "The plan has no distribution keys" },
      { code: "notAvailable" }
    );
  }
  // Allocating without a participant's key would silently hand its share to the others.
  const keyed = new Set(keys.map(([id]) => id));
  const missing = plan.municipalities.filter((m) => !keyed.has(m));
  if (missing.length > 0) {
    throw new PlanInputError(
      {
        nl: `Het plan geeft geen verdeelsleutel voor ${missing.join(", ")}: zonder die sleutel kan geen bijdrage worden berekend`,
        en: `The plan gives no distribution key for ${missing.join(", ")}: without it no contribution can be computed`,
      },
      { code: "notAvailable" }
    );
  }
  for (const [id, key] of keys) {
    if (!key.isNegative()) continue;
    throw new PlanInputError(
      {
        nl: `De verdeelsleutel van ${id} is ${formatPercent(key)}: een sleutel is 0% of meer`,
        en: `The distribution key of ${id} is ${formatPercent(key)}: a key is 0% or more`,
      },
      { cell: plan.contributions?.rows.find((r) => r.municipality === id)?.key?.cell }
    );
  }
  if (sum(keys.map(([, key]) => key)).isZero()) {
    throw new PlanInputError({
      nl: "De verdeelsleutels tellen op tot 0%: er is niets mee te verdelen",
      en: "The distribution keys add up to 0%: nothing can be distributed with them",
    });
  }
  const amounts = allocate(
    total.toDecimalPlaces(0),
    keys.map(([id, key]) => ({ id, key }))
  );
  return new Map(keys.map(([id], i) => [id, amounts[i]]));
}

/** The amount written in Tabel 6 for a municipality and year. */
export function statedContribution(plan: Plan, municipality: string, year: number): Decimal {
  const t6 = requireTable(plan.contributions, "Tabel 6 (uitvoeringskosten per gemeente)");
  const name = municipalityOf(plan, municipality);
  requireYear(t6.years, year, "Tabel 6");
  const row = t6.rows.find((r) => r.municipality === name);
  if (!row) {
    throw new PlanInputError(
      { nl: `${name} staat niet in Tabel 6`, en: `${name} is not in Tabel 6` },
      { code: "notAvailable" }
    );
  }
  return lineValue(row, year);
}

export function contribution(
  plan: Plan,
  municipality: string,
  year: number,
  source: ContributionSource = "computed"
): Decimal {
  if (source === "stated") return statedContribution(plan, municipality, year);
  const name = municipalityOf(plan, municipality);
  const amount = computedContributions(plan, year).get(name);
  if (amount === undefined) {
    throw new PlanInputError(
      {
        nl: `Het plan geeft geen verdeelsleutel voor ${name}`,
        en: `The plan gives no distribution key for ${name}`,
      },
      { code: "notAvailable" }
    );
  }
  return amount;
}
