import Decimal from "decimal.js";
import { formatCell, parseAddress } from "../address";
import { PlanInputError } from "../errors";
import { Contributions, FixAmount, Finding, Message, Plan } from "../model";
import { roundTo, sum } from "../money";
import { allocationKey, keyDescription, planKey, PlanKey } from "../planKey";
import { distributedTotalIfAny } from "../query";
import { rowTolerance } from "./ALLOC-AMOUNT";
import { cellAt, definedCells, finding, moneyOf, Rule, signed, tableName, valueAt } from "./rule";

/**
 * Tabel 6: the amounts add up exactly to the stated total row. Rounding each share to whole
 * euros (cents in a cent pool) usually leaves a unit or two; the finding carries the minimal
 * repair: a drift of d units changes exactly |d| amounts by one unit each (€ 1, or € 0,01),
 * those the largest remainder method with the plan's most precise key would have rounded the
 * other way. An amount that was right stays.
 */
export const ALLOC_SUM: Rule = {
  id: "ALLOC-SUM",
  title: {
    nl: "Tabel 6: de bedragen van de gemeenten tellen per jaar precies op tot de totaalregel",
    en: "Tabel 6: the municipalities' amounts add up exactly to the total row, per year",
  },
  applies: (plan: Plan) => plan.contributions !== undefined,
  run(plan: Plan): Finding[] {
    const t6 = plan.contributions;
    if (!t6) return [];
    const findings: Finding[] = [];
    const money = moneyOf(plan);
    const euro = money.text;
    const name = tableName(plan, "Tabel 6");
    let key: PlanKey | null | undefined;
    for (const year of t6.years) {
      const expected = valueAt(t6.total, year);
      const actual = sum(t6.rows.map((r) => valueAt(r, year)));
      if (actual.eq(expected)) continue;
      const diff = signed(actual.minus(expected), euro);
      if (key === undefined) key = usableKey(plan);
      const outcome = repair(plan, t6, year, key, money);
      const changes = (lang: "nl" | "en") =>
        outcome && "fix" in outcome
          ? outcome.fix
              .map(
                (f) =>
                  `${fixName(f)[lang]}${f.cell ? ` (${formatCell(f.cell)})` : ""} ${euro(f.from)} → ${euro(f.to)}`
              )
              .join(", ")
          : "";
      const tail: Message = !outcome
        ? { nl: "", en: "" }
        : "fix" in outcome
          ? {
              nl: `. Herstel: ${outcome.how.nl}: ${changes("nl")}`,
              en: `. Repair: ${outcome.how.en}: ${changes("en")}`,
            }
          : { nl: `. ${outcome.none.nl}`, en: `. ${outcome.none.en}` };
      findings.push(
        finding({
          rule: "ALLOC-SUM",
          severity: "error",
          table: "Tabel 6",
          year,
          line: t6.total.label || "totaal",
          cell: cellAt(t6.total, year) ?? null,
          cells: definedCells(cellAt(t6.total, year), ...t6.rows.map((r) => cellAt(r, year))),
          expected,
          actual,
          unit: "euro",
          message: {
            nl: `${name.nl}, ${year}: de bedragen van de gemeenten tellen op tot ${euro(actual)}, maar de totaalregel is ${euro(expected)} (verschil ${diff})${tail.nl}`,
            en: `${name.en}, ${year}: the municipalities' amounts add up to ${euro(actual)}, but the total row is ${euro(expected)} (difference ${diff})${tail.en}`,
          },
          ...(outcome && "fix" in outcome ? { fix: outcome.fix } : {}),
        })
      );
    }
    return findings;
  },
};

type Repair = { fix: FixAmount[]; how: Message } | { none: Message };

interface Amount {
  id: string;
  /** The row's most precise key, for the tie rule. */
  key: Decimal;
  from: Decimal;
  to: Decimal;
  /** What the amount would be exactly: key × total, or its share of the year's own amounts. */
  exact: Decimal;
  /** Whether the amount is right within the rounding of its key (ALLOC-AMOUNT's tolerance). */
  fits: boolean;
}

/**
 * The plan's key for repairs, or null when it cannot allocate (other rules say why). A row whose
 * name cell is empty has no key in it, so allocationKey refuses the plan; the repair then takes
 * that row's own key cell beside the most precise keys of the others.
 */
function usableKey(plan: Plan): PlanKey | null {
  const attempt = (f: (p: Plan) => PlanKey) => {
    try {
      return f(plan);
    } catch (e) {
      if (e instanceof PlanInputError) return null;
      throw e;
    }
  };
  const key = attempt(allocationKey);
  return key ?? (plan.contributions?.rows.some((r) => !r.municipality) ? attempt(planKey) : null);
}

/** The name a repair gives a row: its municipality, else its row and sheet ("rij 14"). */
export function fixName(x: Pick<FixAmount, "municipality" | "cell">): Message {
  if (x.municipality) return { nl: x.municipality, en: x.municipality };
  const row = x.cell ? parseAddress(x.cell.address)?.row : undefined;
  return row === undefined
    ? { nl: "rij zonder naam", en: "row without a name" }
    : { nl: `rij ${row}`, en: `row ${row}` };
}

/**
 * The amounts to change so that the year adds up, or why none is proposed; undefined when
 * other rules report the cause (a key missing or negative, names not unique, a total in cents).
 *
 * Amounts that fit their key stay as they are but for the €1 steps. Amounts that do not fit
 * (an empty cell, a typo) become key × total, when they are the exception; when most amounts
 * do not fit, the year was computed with another key (ALLOC-AMOUNT says so) and the €1 steps
 * follow the year's own amounts instead.
 */
function repair(
  plan: Plan,
  t6: Contributions,
  year: number,
  key: PlanKey | null,
  { unit, text: euro }: ReturnType<typeof moneyOf>
): Repair | undefined {
  const total = valueAt(t6.total, year);
  // The total the year distributes, when it is not this total row itself (Tabel 4, the budget).
  const reference = distributedTotalIfAny(plan, year);
  if (reference && reference.table !== "Tabel 6" && !reference.value.eq(total)) {
    const [name, rule] =
      reference.table === "Tabel 4"
        ? [{ nl: "het Tabel 4-totaal", en: "the Tabel 4 total" }, "ALLOC-LINK"]
        : [
            {
              nl: "het te verdelen bedrag van de begroting",
              en: "the budget's amount to distribute",
            },
            "BUDGET-LINK",
          ];
    return {
      none: {
        nl: `Geen herstel voorgesteld: de totaalregel zelf (${euro(total)}) is niet ${name.nl} (${euro(reference.value)}, zie ${rule}); herstel eerst het totaal, dan de bedragen`,
        en: `No repair proposed: the total row itself (${euro(total)}) is not ${name.en} (${euro(reference.value)}, see ${rule}); correct the total first, then the amounts`,
      },
    };
  }
  const keyless = t6.rows.find((r) => !r.municipality && !r.key);
  if (keyless) {
    // Without its name and its key, whose share the row holds cannot be known.
    const where = keyless.labelCell ? ` (${formatCell(keyless.labelCell)})` : "";
    const table = tableName(plan, "Tabel 6");
    return {
      none: {
        nl: `Geen herstel voorgesteld: een rij van ${table.nl} heeft geen gemeentenaam en geen sleutel${where}; vul eerst de naam in`,
        en: `No repair proposed: a row of ${table.en} has no municipality name and no key${where}; fill in the name first`,
      },
    };
  }
  if (!total.div(unit).isInteger() || total.isNegative() || !key) return undefined;
  // A row without a name has its own key cell (the most precise key knows it by name only).
  const keys = t6.rows.map((row) =>
    row.municipality ? key.keys.get(row.municipality) : row.key?.value
  );
  if (keys.some((k) => k === undefined || k.isNegative())) return undefined;
  const named = t6.rows.every((r) => r.municipality);
  const keySum = named ? key.sum : sum(keys as Decimal[]);
  if (keySum.isZero()) return undefined;
  const amounts: Amount[] = [];
  t6.rows.forEach((row, i) => {
    const k = keys[i] as Decimal;
    const from = valueAt(row, year);
    const exact = k.div(keySum).times(total);
    const tolerance = rowTolerance(key, row.key, total, unit);
    const fits = from.minus(exact).abs().lte(tolerance);
    const id = row.municipality ?? `\u0000${row.labelCell ? formatCell(row.labelCell) : i}`;
    amounts.push({ id, key: k, from, to: from, exact, fits });
  });
  if (new Set(amounts.map((a) => a.id)).size !== amounts.length) return undefined;
  const misfits = amounts.filter((a) => !a.fits);
  let how = { nl: keyDescription(key).nl, en: keyDescription(key).en };
  if (misfits.length * 2 > amounts.length) {
    const stated = sum(amounts.map((a) => a.from));
    if (stated.isZero()) return undefined;
    for (const a of amounts) a.exact = a.from.times(total).div(stated);
    how = {
      nl: "de verhouding van de bedragen zelf",
      en: "the proportions of the amounts themselves",
    };
  } else {
    for (const a of misfits) a.to = roundTo(a.exact, unit);
  }
  const drift = sum(amounts.map((a) => a.to)).minus(total);
  const steps = drift.abs().div(unit).toNumber();
  const raise = drift.isNegative();
  const candidates = amounts.filter((a) => raise || a.to.gte(unit));
  if (steps > candidates.length) {
    return {
      none: {
        nl: `Geen herstel voorgesteld: een verschil van ${euro(drift.abs())} is meer dan de afronding van ${amounts.length} bedragen kan geven; zoek eerst het bedrag dat niet klopt`,
        en: `No repair proposed: a difference of ${euro(drift.abs())} is more than rounding ${amounts.length} amounts can cause; find the amount that is wrong first`,
      },
    };
  }
  const stepped = euroSteps(candidates, steps, raise ? unit : unit.negated(), raise);
  for (const [a, to] of stepped) a.to = to;
  const replaced = misfits.length * 2 <= amounts.length ? misfits.length : 0;
  const direction = raise ? { nl: "hoger", en: "higher" } : { nl: "lager", en: "lower" };
  const parts: Message[] = [];
  if (replaced > 0) {
    parts.push({
      nl: `${replaced === 1 ? "1 bedrag dat" : `${replaced} bedragen die`} niet bij de sleutel ${replaced === 1 ? "past wordt" : "passen worden"} sleutel × totaal`,
      en: `${replaced === 1 ? "1 amount that does" : `${replaced} amounts that do`} not fit the key become${replaced === 1 ? "s" : ""} key × total`,
    });
  }
  if (steps > 0) {
    const n = stepped.size;
    const amountsText = {
      nl: n === 1 ? "1 bedrag" : `${n} bedragen`,
      en: n === 1 ? "1 amount" : `${n} amounts`,
    };
    const moved = euro(unit.times(steps));
    const by =
      n === steps
        ? { nl: euro(unit), en: euro(unit) }
        : n === 1
          ? { nl: moved, en: moved }
          : { nl: `samen ${moved}`, en: `${moved} together` };
    parts.push({
      nl: `${amountsText.nl} ${by.nl} ${direction.nl}, gekozen naar de grootste rest met ${how.nl}`,
      en: `${amountsText.en} ${by.en} ${direction.en}, chosen by the largest remainder with ${how.en}`,
    });
  }
  const fix: FixAmount[] = [];
  t6.rows.forEach((row, i) => {
    const a = amounts[i];
    if (a.to.eq(a.from)) return;
    const cell = cellAt(row, year);
    fix.push({
      municipality: row.municipality ?? "",
      year,
      ...(cell ? { cell } : {}),
      from: a.from,
      to: a.to,
    });
  });
  return {
    fix,
    how: {
      nl: parts.map((p) => p.nl).join(", daarna "),
      en: parts.map((p) => p.en).join(", then "),
    },
  };
}

/**
 * Where the € 1 steps put the amounts. A rounding drift of d moves d amounts a step each (an
 * invoice that was right stays). When that would leave an amount more than a step from its
 * exact share while all could be brought within one, the steps go one at a time to whichever
 * amount is furthest off: an amount typed € 7 too high goes back rather than six others
 * moving a euro.
 */
function euroSteps(
  candidates: readonly Amount[],
  steps: number,
  step: Decimal,
  raise: boolean
): Map<Amount, Decimal> {
  const unit = step.abs();
  const spread = new Map(
    [...candidates]
      .sort((a, b) => priority(a, b, raise))
      .slice(0, steps)
      .map((a) => [a, a.to.plus(step)])
  );
  const within = (moved: Map<Amount, Decimal>) =>
    candidates.every((a) => (moved.get(a) ?? a.to).minus(a.exact).abs().lt(unit));
  if (within(spread)) return spread;
  const furthest = new Map<Amount, Decimal>();
  const at = (a: Amount) => furthest.get(a) ?? a.to;
  for (let s = 0; s < steps; s++) {
    const open = candidates.filter((a) => raise || at(a).gte(unit));
    const gap = (a: Amount) => (raise ? a.exact.minus(at(a)) : at(a).minus(a.exact));
    const next = open.reduce((best, a) => {
      const byGap = gap(a).comparedTo(gap(best));
      return byGap > 0 || (byGap === 0 && priority(a, best, raise) < 0) ? a : best;
    });
    furthest.set(next, at(next).plus(step));
  }
  return within(furthest) ? furthest : spread;
}

/**
 * The order in which amounts take the €1 steps: to raise, the largest shortfall against the
 * exact amount first (the largest remainder); to lower, the largest excess first. Ties as in
 * allocate: a unit goes to the larger key first, so it is taken from the smaller key first.
 */
function priority(a: Amount, b: Amount, raise: boolean): number {
  const gap = (x: Amount) => (raise ? x.exact.minus(x.to) : x.to.minus(x.exact));
  const byGap = gap(b).comparedTo(gap(a));
  if (byGap) return byGap;
  const byKey = raise ? b.key.comparedTo(a.key) : a.key.comparedTo(b.key);
  if (byKey) return byKey;
  // Only on a full tie: the first "nl" comparison loads the collation, 10–15 ms CPU of a cold `up check`.
  const byName = a.id.localeCompare(b.id, "nl");
  return raise ? byName : -byName;
}
