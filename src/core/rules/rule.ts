import Decimal from "decimal.js";
import { formatDecimal, formatEuro, formatPercent } from "../dutchNumber";
import {
  CellRef,
  Figure,
  Finding,
  Message,
  Plan,
  PlanLine,
  RuleId,
  Severity,
  TableId,
} from "../model";
import { D, ZERO } from "../money";
import { unitOf } from "../pools";

/** A consistency rule of PLAN-MODEL.md ("How the tables must agree"). */
export interface Rule {
  id: RuleId;
  /** One line on what must hold, for the report. */
  title: Message;
  /** False when the plan lacks the tables the rule needs. */
  applies(plan: Plan): boolean;
  run(plan: Plan): Finding[];
}

/** Builds a finding with the fields every rule fills the same way. */
export function finding(
  f: Omit<Finding, "cells" | "year" | "municipality" | "line" | "cell"> &
    Partial<Pick<Finding, "cells" | "year" | "municipality" | "line" | "cell">>
): Finding {
  const cell = f.cell ?? null;
  const cells = f.cells ?? (cell ? [cell] : []);
  return {
    year: null,
    municipality: null,
    line: null,
    ...f,
    cell: cell ?? cells[0] ?? null,
    cells,
  };
}

export function definedCells(...cells: (CellRef | undefined | null)[]): CellRef[] {
  const seen = new Set<string>();
  return cells.filter((c): c is CellRef => {
    if (!c) return false;
    const key = `${c.sheet}!${c.address}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The value of a line in a year; an empty cell counts as 0 (FTE, cost lines, amounts). */
export function valueAt(line: PlanLine, year: number): Decimal {
  return line.values.get(year)?.value ?? ZERO;
}

export function cellAt(line: PlanLine, year: number): CellRef | undefined {
  return line.values.get(year)?.cell;
}

/** A row's name in messages; the unlabeled Tabel 3 subtotal gets a name of its own. */
export function lineName(line: PlanLine, fallback: Message = { nl: "regel", en: "line" }): Message {
  const label = line.label.trim();
  return label === "" ? fallback : { nl: label, en: label };
}

/**
 * Half a unit of the last digit a percentage shows, as a fraction: 3,53% (2 decimals in
 * percentage points) → 0,005 pp → 0.00005. A figure without shown decimals was stored at
 * full precision; it still carries binary floating-point noise from the spreadsheet.
 */
export function percentHalfUnit(figure: Figure): Decimal {
  const d = figure.decimals;
  if (d === undefined) return FULL_PRECISION;
  // Asked per key and year by several rules; a plan shows only a few precisions.
  let half = HALF_UNITS.get(d);
  if (!half) HALF_UNITS.set(d, (half = new D(5).times(new D(10).pow(-(d + 3)))));
  return half;
}

const HALF_UNITS = new Map<number, Decimal>();

/**
 * Half a unit of what a share or key cell really tells: nothing when the cell holds more digits
 * than it shows (0,027034 shown as 2,70%: its full value is known), else half its last digit.
 */
export function shareHalfUnit(figure: Figure): Decimal {
  const d = figure.decimals;
  if (d !== undefined && figure.value.times(100).decimalPlaces() > d) return FULL_PRECISION;
  return percentHalfUnit(figure);
}

/**
 * How messages name a table of the plan: by its own title where the plan names it otherwise than
 * its kind (a budget-share pool's `Dekking kosten regio-samenwerking`), else as `usual` (its id).
 */
export function tableName(plan: Plan, id: TableId, usual: Message = { nl: id, en: id }): Message {
  const own = plan.source.titles?.[id];
  return own ? { nl: own, en: own } : usual;
}

/** How the budget rules name a contributions table without a title of its own. */
export const CONTRIBUTIONS: Message = {
  nl: "Bijdragen per gemeente",
  en: "Contributions per municipality",
};

/** A row's name in messages: its municipality, its label, or the cell of an empty label. */
export function rowName(row: {
  label: string;
  municipality?: string;
  labelCell?: CellRef;
}): string {
  return row.municipality ?? (row.label.trim() || row.labelCell?.address || "?");
}

/** Tolerance for a fraction stored at full precision (a double holds ~15 significant digits). */
const FULL_PRECISION = new D("1e-12");

/** A percentage as shown in the plan: with its own decimals, or up to 4 when unknown. */
export function percentText(figure: Figure | Decimal): string {
  const f: Figure = Decimal.isDecimal(figure) ? { value: figure } : figure;
  return f.decimals === undefined
    ? `${formatDecimal(f.value.times(100), 4)}%`
    : formatPercent(f.value, f.decimals);
}

/** A difference with its sign always shown: `+€ 2`, `-€ 1`, `+0,35`. */
export function signed(value: Decimal, format: (v: Decimal) => string): string {
  return value.isNegative() ? format(value) : `+${format(value)}`;
}

export const euro = formatEuro;

/** Money as the plan counts it: a cent pool's amounts always with their cents (€ 412.600,00). */
export function moneyOf(plan: Plan): { unit: Decimal; text: (v: Decimal) => string } {
  const cents = plan.unit === "cent";
  return { unit: unitOf(plan), text: (v) => formatEuro(v, cents || !v.isInteger()) };
}

export function fte(value: Decimal): string {
  return formatDecimal(value, 4);
}

export type { Severity };
