import Decimal from "decimal.js";
import { ContributionRow, Figure, Finding, Message, Plan } from "../model";
import { ONE, roundTo, sum } from "../money";
import { keyDescription, percentOf, planKey, PlanKey } from "../planKey";
import { distributedTotalIfAny, DistributedTotal } from "../query";
import {
  cellAt,
  definedCells,
  finding,
  moneyOf,
  percentHalfUnit,
  percentText,
  Rule,
  signed,
  tableName,
  valueAt,
} from "./rule";

/**
 * How far an amount may be from key × total: the key is often shown rounded (3,40%) while the amount was
 * computed with the unrounded key (3,4025%), so allow total × half a unit of the key's last
 * shown digit, plus €1 for rounding to whole euros (€ 0,01 in a cent pool).
 */
export function amountTolerance(key: Figure, total: Decimal, unit: Decimal = ONE): Decimal {
  return total.abs().times(percentHalfUnit(key)).plus(unit);
}

/**
 * The tolerance for one amount: `amountTolerance` with the key as shown, except where the
 * plan's key is the budget shares — those are the key itself, not a reconstruction of a rounded
 * one, so the amount is its share of the total to the unit: one unit for the rounding (largest
 * remainder or ROUND) and one for a drift that ALLOC-SUM repairs by a unit per amount.
 */
export function rowTolerance(
  key: PlanKey,
  shown: Figure | undefined,
  total: Decimal,
  unit: Decimal
): Decimal {
  if (key.source === "budget") return unit.times(2);
  return shown ? amountTolerance(shown, total, unit) : unit;
}

interface Checked {
  row: ContributionRow & { municipality: string };
  /** The most precise key (PlanKey). */
  key: Decimal;
  /** The key as Tabel 6 shows it, when it has a key column. */
  shown?: Figure;
  /** The plan's rounding unit: 1 or 0.01. */
  unit: Decimal;
  plan: PlanKey;
}

function tolerance(c: Checked, total: Decimal): Decimal {
  return rowTolerance(c.plan, c.shown, total, c.unit);
}

function fits(c: Checked, year: number, total: Decimal, key = c.key): boolean {
  return valueAt(c.row, year).minus(key.times(total)).abs().lte(tolerance(c, total));
}

/**
 * Tabel 6: each municipality's amount is its key × that year's total: the Tabel 4 total, or in
 * a plan without Tabel 4 the budget's amount to distribute, else the total row of Tabel 6. The
 * key is the plan's most precise key. A year computed with another key is one finding for the
 * year; amounts computed over another total (Tabel 6's instead of Tabel 4's or the budget's) are
 * each a wrong invoice, with that cause named.
 */
export const ALLOC_AMOUNT: Rule = {
  id: "ALLOC-AMOUNT",
  title: {
    nl: "Tabel 6: het bedrag van elke gemeente is haar sleutel × het totaal van dat jaar",
    en: "Tabel 6: each municipality's amount is its key × that year's total",
  },
  applies: (plan: Plan) => plan.contributions !== undefined,
  run(plan: Plan): Finding[] {
    const t6 = plan.contributions;
    if (!t6) return [];
    const key = planKey(plan);
    const { unit } = moneyOf(plan);
    const checked: Checked[] = t6.rows.flatMap((row) => {
      const k = row.municipality ? key.keys.get(row.municipality) : undefined;
      if (!row.municipality || k === undefined) return [];
      const municipality = row.municipality;
      return [{ row: { ...row, municipality }, key: k, shown: row.key, unit, plan: key }];
    });
    if (checked.length === 0) return [];
    const findings: Finding[] = [];
    // Years Tabel 4 (or the budget) lacks have no total to check against; ALLOC-LINK reports them.
    for (const year of t6.years) {
      const total = distributedTotalIfAny(plan, year);
      if (!total) continue;
      const wrong = checked.filter((c) => !fits(c, year, total.value));
      if (wrong.length === 0) continue;
      const diagnosis = otherKey(plan, key, checked, wrong, year, total);
      if (diagnosis) {
        findings.push(diagnosis);
        continue;
      }
      const cause = otherTotal(plan, checked, year, total);
      findings.push(...wrong.map((c) => rowFinding(plan, c, key, year, total, cause)));
    }
    return findings;
  },
};

/** How messages name the total a year distributes: `Tabel 4-totaal`, the budget's amount, the total row. */
export function totalName(plan: Plan, total: DistributedTotal): Message {
  if (total.table === "Tabel 4") return { nl: "Tabel 4-totaal", en: "Tabel 4 total" };
  if (total.table === "Begroting") {
    return { nl: "te verdelen bedrag van de begroting", en: "the budget's amount to distribute" };
  }
  const t6 = tableName(plan, "Tabel 6");
  return { nl: `totaalregel van ${t6.nl}`, en: `${t6.en} total row` };
}

/** `het Tabel 6-totaal`; `het totaal van Dekking kosten regio-samenwerking` where it has a title of its own. */
function contributionsTotal(plan: Plan): Message {
  const own = plan.source.titles?.["Tabel 6"];
  return own
    ? { nl: `het totaal van ${own}`, en: `the total of ${own}` }
    : { nl: "het Tabel 6-totaal", en: "the Tabel 6 total" };
}

/** The key as a message shows it: as Tabel 6 shows it when that is the key used, else precisely. */
function keyText(c: Checked, key: PlanKey): string {
  return key.source === "stated" && c.shown ? percentText(c.shown) : percentOf(c.key);
}

function rowFinding(
  plan: Plan,
  c: Checked,
  key: PlanKey,
  year: number,
  total: DistributedTotal,
  cause: Message
): Finding {
  const { row } = c;
  const euro = moneyOf(plan).text;
  const actual = valueAt(row, year);
  const expected = roundTo(c.key.times(total.value), c.unit);
  const diff = signed(actual.minus(expected), euro);
  const allowed = euro(roundTo(tolerance(c, total.value), "0.01"));
  const shown = row.values.has(year)
    ? { nl: euro(actual), en: euro(actual) }
    : { nl: "leeg", en: "empty" };
  const name = totalName(plan, total);
  const t6 = tableName(plan, "Tabel 6");
  const k = keyText(c, key);
  return finding({
    rule: "ALLOC-AMOUNT",
    severity: "error",
    table: "Tabel 6",
    year,
    municipality: row.municipality,
    cell: cellAt(row, year) ?? null,
    cells: definedCells(cellAt(row, year), row.key?.cell, total.cell),
    expected,
    actual,
    unit: "euro",
    message: {
      nl: `${t6.nl}, ${row.municipality} ${year}: ${shown.nl}, maar ${k} × ${euro(total.value)} (${name.nl}) = ${euro(expected)} (verschil ${diff}, toegestaan ${allowed})${cause.nl}`,
      en: `${t6.en}, ${row.municipality} ${year}: ${shown.en}, but ${k} × ${euro(total.value)} (${name.en}) = ${euro(expected)} (difference ${diff}, allowed ${allowed})${cause.en}`,
    },
  });
}

/** The cause every wrong amount shares when all amounts are key × the Tabel 6 total instead of the distributed one. */
function otherTotal(
  plan: Plan,
  checked: readonly Checked[],
  year: number,
  total: DistributedTotal
): Message {
  const euro = moneyOf(plan).text;
  const stated = plan.contributions?.total.values.get(year);
  if (
    total.table === "Tabel 6" ||
    !stated ||
    stated.value.eq(total.value) ||
    !checked.every((c) => fits(c, year, stated.value))
  ) {
    return { nl: "", en: "" };
  }
  const name = totalName(plan, total);
  const t6 = contributionsTotal(plan);
  return {
    nl: `; de bedragen zijn berekend over ${t6.nl} ${euro(stated.value)}, niet over het ${name.nl} ${euro(total.value)}`,
    en: `; the amounts were computed from ${t6.en} ${euro(stated.value)}, not from the ${name.en} ${euro(total.value)}`,
  };
}

/**
 * One finding for a year computed with another key: most amounts (at least 3) miss their key ×
 * total while the year still adds up to its total within rounding. Undefined otherwise.
 */
function otherKey(
  plan: Plan,
  key: PlanKey,
  checked: readonly Checked[],
  wrong: readonly Checked[],
  year: number,
  total: DistributedTotal
): Finding | undefined {
  const amounts = sum(checked.map((c) => valueAt(c.row, year)));
  const { unit, text: euro } = moneyOf(plan);
  const addsUp = amounts.minus(total.value).abs().lte(unit.times(checked.length));
  if (wrong.length < 3 || wrong.length * 2 <= checked.length || !addsUp) return undefined;
  const largest = wrong
    .map((c) => valueAt(c.row, year).minus(c.key.times(total.value)).abs())
    .reduce((a, b) => (a.gt(b) ? a : b));
  const used = keyDescription(key);
  const name = totalName(plan, total);
  const t6 = tableName(plan, "Tabel 6");
  const shownKeys = key.source !== "stated" && checked.every((c) => c.shown);
  const cause =
    shownKeys && checked.every((c) => fits(c, year, total.value, (c.shown as Figure).value))
      ? {
          nl: ` Ze volgen de afgeronde sleutels zoals ${t6.nl} ze toont, niet ${used.nl}.`,
          en: ` They follow the rounded keys as ${t6.en} shows them, not ${used.en}.`,
        }
      : { nl: "", en: "" };
  return finding({
    rule: "ALLOC-AMOUNT",
    severity: "error",
    table: "Tabel 6",
    year,
    cell: cellAt(wrong[0].row, year) ?? null,
    cells: definedCells(
      ...wrong.map((c) => cellAt(c.row, year)),
      ...wrong.map((c) => c.row.key?.cell),
      total.cell
    ),
    expected: null,
    actual: null,
    unit: "euro",
    message: {
      nl: `${t6.nl}, ${year}: ${wrong.length} van de ${checked.length} bedragen wijken af van sleutel × ${euro(total.value)} (${name.nl}; sleutel: ${used.nl}), tot ${euro(roundTo(largest, unit))}, terwijl ze samen wel het totaal geven: het jaar is met een andere verdeelsleutel berekend.${cause.nl} Herbereken de bedragen van ${year} met de sleutel van het plan.`,
      en: `${t6.en}, ${year}: ${wrong.length} of the ${checked.length} amounts differ from key × ${euro(total.value)} (${name.en}; key: ${used.en}), by up to ${euro(roundTo(largest, unit))}, while together they do give the total: the year was computed with another distribution key.${cause.en} Recompute the amounts of ${year} with the plan's key.`,
    },
  });
}
