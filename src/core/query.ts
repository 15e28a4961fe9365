import Decimal from "decimal.js";
import { allocate } from "./allocate";
import { sum } from "./money";
import { formatYears } from "./dutchNumber";
import { PlanInputError } from "./errors";
import { CellRef, Plan, PlanLine, TableId } from "./model";
import { allocationKey, planKey } from "./planKey";
import { findPool, poolsOf, unitOf, unitPlaces } from "./pools";
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

/** Checks that `year` is one of `years` of the named table. */
export function requireYear(years: readonly number[], year: number, table: string): void {
  if (years.includes(year)) return;
  throw new PlanInputError(
    years.length === 0
      ? { nl: `${table} heeft geen jaren`, en: `${table} has no years` }
      : {
          nl: `Jaar ${year} staat niet in ${table} (wel: ${formatYears(years)})`,
          en: `Year ${year} is not in ${table} (it has: ${formatYears(years)})`,
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

/** The plan's most precise distribution keys as fractions (see planKey). */
export function keyOf(plan: Plan, municipality: string): Decimal {
  const name = municipalityOf(plan, municipality);
  const key = planKey(plan).keys.get(name);
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

/** The total a year distributes over the municipalities, and the table it comes from. */
export interface DistributedTotal {
  value: Decimal;
  table: TableId;
  cell?: CellRef;
}

/**
 * What the municipalities pay together in a year: the Tabel 4 total, or, in a plan without
 * Tabel 4, the budget's amount to distribute (its jeugd part when it splits jeugd and wmo, else
 * its total; BUDGET-LINK), or, lacking that too, the total row of Tabel 6.
 */
export function distributedTotal(plan: Plan, year: number): DistributedTotal {
  if (plan.totals) {
    return {
      value: yearTotal(plan, year),
      table: "Tabel 4",
      cell: plan.totals.total.values.get(year)?.cell,
    };
  }
  const budget = plan.budget && (plan.budget.youth ?? plan.budget.total).values.get(year);
  if (budget) return { value: budget.value, table: "Begroting", cell: budget.cell };
  const t6 = requireTable(plan.contributions, "Tabel 4 (overzicht totalen) of Tabel 6");
  requireYear(t6.years, year, "Tabel 6");
  const stated = t6.total.values.get(year);
  if (!stated) {
    throw new PlanInputError(
      {
        nl: `Het plan heeft geen Tabel 4 en de totaalregel van Tabel 6 is leeg in ${year}: er is geen totaal om te verdelen`,
        en: `The plan has no Tabel 4 and the Tabel 6 total row is empty in ${year}: there is no total to distribute`,
      },
      { code: "notAvailable", cell: t6.total.labelCell }
    );
  }
  return { value: stated.value, table: "Tabel 6", cell: stated.cell };
}

/** `distributedTotal`, or undefined when the plan has none for the year (the rules that need one say so). */
export function distributedTotalIfAny(plan: Plan, year: number): DistributedTotal | undefined {
  try {
    return distributedTotal(plan, year);
  } catch (e) {
    if (e instanceof PlanInputError) return undefined;
    throw e;
  }
}

/**
 * Every municipality's contribution of a year: the year's total allocated with the plan's most
 * precise keys by the largest remainder method, in whole euros that add up to the total
 * exactly. Keys that do not add up to 100% within their rounding are an error, not renormalised.
 */
export function computedContributions(plan: Plan, year: number): Map<string, Decimal> {
  const total = distributedTotal(plan, year).value;
  const keys = [...allocationKey(plan).keys];
  const amounts = allocate(
    total.toDecimalPlaces(unitPlaces(plan)),
    keys.map(([id, key]) => ({ id, key })),
    unitOf(plan)
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

/**
 * A municipality's contribution in the pool named `pool` (case-insensitive) or, without one, the
 * total over the plan's cost pools; for a single-pool plan that total is `contribution` itself.
 */
export function poolContribution(
  plan: Plan,
  municipality: string,
  year: number,
  source: ContributionSource = "computed",
  pool?: string
): Decimal {
  if (pool !== undefined && pool.trim() !== "") {
    return contribution(findPool(plan, pool).plan, municipality, year, source);
  }
  return sum(poolsOf(plan).map((p) => contribution(p.plan, municipality, year, source)));
}
