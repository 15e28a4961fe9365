import Decimal from "decimal.js";
import { allocate } from "../core/allocate";
import { ComponentRow, distributionKey, EQUAL_SHARE } from "../core/distributionKey";
import { PlanInputError } from "../core/errors";
import { CellRef, Message, Plan } from "../core/model";
import { own } from "../core/own";
import { lineValue } from "../core/query";

/*
 * The key view's arithmetic: keys recomputed from components and weights, beside the keys
 * and amounts the plan states. Shared by the pane, the report sheet and the report download.
 */

export interface AmountComparison {
  current?: Decimal;
  next: Decimal;
  diff?: Decimal;
  cell?: CellRef;
}

export interface KeyComparisonRow {
  municipality: string;
  currentKey?: Decimal;
  keyCell?: CellRef;
  nextKey: Decimal;
  keyDiff?: Decimal;
  amounts: Map<number, AmountComparison>;
}

export interface KeyComparison {
  years: number[];
  rows: KeyComparisonRow[];
  /** The total the amounts of each year are allocated from (Tabel 4, else Tabel 6). */
  totals: Map<number, Decimal>;
  /** The weights (in percent) the keys were recomputed with, by component. */
  weights: ReadonlyMap<string, Decimal>;
}

export type ComparisonResult = { ok: true; value: KeyComparison } | { ok: false; error: Message };

/** The key components the plan carries, as rows for distributionKey; empty when it has none. */
export function planComponentRows(plan: Plan): ComponentRow[] {
  return (plan.keyComponents?.rows ?? []).map((r) => ({
    municipality: r.municipality,
    values: new Map([...r.values].map(([c, f]) => [c, f.value])),
  }));
}

const COMPONENT_LABEL: Record<string, Message> = {
  [EQUAL_SHARE]: { nl: "Gelijk deel", en: "Equal share" },
  jongeren: { nl: "Jongeren < 20", en: "Young people < 20" },
  toekenningen: { nl: "Toekenningen", en: "Care allocations" },
  declaraties: { nl: "Declaraties", en: "Claims" },
};

/** A key component's name for users: `Jongeren < 20` for `jongeren`. */
export function componentLabel(component: string): Message {
  return own(COMPONENT_LABEL, component) ?? { nl: component, en: component };
}

/** The component columns the key view shows: the plan's, else the SLA's three. */
export function componentColumns(plan: Plan): string[] {
  const c = plan.keyComponents?.components.filter((n) => n !== EQUAL_SHARE);
  return c && c.length > 0 ? c : ["jongeren", "toekenningen", "declaraties"];
}

function yearTotals(plan: Plan): Map<number, Decimal> {
  const totals = new Map<number, Decimal>();
  const t4 = plan.totals;
  const t6 = plan.contributions;
  const years = new Set([...(t6?.years ?? []), ...(t4?.years ?? [])]);
  for (const y of years) {
    if (t4?.years.includes(y) && t4.total.values.has(y)) totals.set(y, lineValue(t4.total, y));
    else if (t6?.total.values.has(y)) totals.set(y, lineValue(t6.total, y));
  }
  return totals;
}

/**
 * Recomputes keys from `rows` and `weights` and allocates every year's total with them
 * (largest remainder, whole euros), beside what Tabel 6 states.
 */
export function compareKeys(
  plan: Plan,
  rows: readonly ComponentRow[],
  weights: ReadonlyMap<string, Decimal>
): ComparisonResult {
  let keys: Map<string, Decimal>;
  try {
    keys = distributionKey(rows, weights);
  } catch (e) {
    if (e instanceof PlanInputError) return { ok: false, error: { nl: e.nl, en: e.en } };
    throw e;
  }
  const totals = yearTotals(plan);
  const years = [...totals.keys()].sort((a, b) => a - b);
  const byName = new Map(
    (plan.contributions?.rows ?? [])
      .filter((r) => r.municipality)
      .map((r) => [r.municipality as string, r])
  );
  const ids = [...keys.keys()];
  const next = new Map<number, Decimal[]>();
  for (const y of years) {
    const total = totals.get(y) as Decimal;
    if (!total.isInteger()) {
      return {
        ok: false,
        error: {
          nl: `Het totaal van ${y} is geen heel bedrag in euro's`,
          en: `The total of ${y} is not a whole number of euros`,
        },
      };
    }
    next.set(
      y,
      allocate(
        total,
        ids.map((id) => ({ id, key: keys.get(id) as Decimal }))
      )
    );
  }
  const result: KeyComparisonRow[] = ids.map((m, i) => {
    const stated = byName.get(m);
    const nextKey = keys.get(m) as Decimal;
    const amounts = new Map<number, AmountComparison>();
    for (const y of years) {
      const fig = stated?.values.get(y);
      const value = (next.get(y) as Decimal[])[i];
      const current = stated && stated.values.has(y) ? fig?.value : undefined;
      amounts.set(y, {
        current,
        next: value,
        diff: current ? value.minus(current) : undefined,
        cell: fig?.cell,
      });
    }
    return {
      municipality: m,
      currentKey: stated?.key?.value,
      keyCell: stated?.key?.cell,
      nextKey,
      keyDiff: stated?.key ? nextKey.minus(stated.key.value) : undefined,
      amounts,
    };
  });
  return { ok: true, value: { years, rows: result, totals, weights: new Map(weights) } };
}
