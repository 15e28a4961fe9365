import { CellRef, Figure, Plan, PlanLine, StaffingRole, TableId } from "./model";
import { poolsOf } from "./pools";
import { ZERO } from "./money";
import { normalizeName } from "./municipalities";
import { tableKind, tableYears } from "./tableKinds";
import {
  ChangeUnit,
  compareContributions,
  CompareSide,
  Comparison,
  ContributionComparison,
  keysOrNull,
  LineChange,
  TableComparison,
} from "./compare";
import { ContributionSource } from "./query";

/*
 * Two plans compared table by table: which roles, FTE, cost lines, totals and keys differ, beside
 * the contributions (compare.ts). Apart from compare.ts so that the functions runtime, which
 * needs only UP.CHANGE's contributions, does not carry the tables (runtime.js has a size budget).
 */

/** Compares contributions per municipality and every table's lines. */
export function compare(
  oldSide: CompareSide,
  newSide: CompareSide,
  source: ContributionSource = "computed"
): Comparison {
  const contributions = compareContributions(oldSide, newSide, source);
  return { ...contributions, tables: poolTables(contributions, oldSide, newSide) };
}

/**
 * The tables compared: of the plans, or of each pool both sides have, titled with the pool's
 * name and without the tables its method does not have on either side.
 */
function poolTables(
  c: ContributionComparison,
  oldSide: CompareSide,
  newSide: CompareSide
): TableComparison[] {
  if (!c.pools) return compareTables(oldSide, newSide);
  const same = (p: { name: string }) => p.name.toLowerCase();
  return c.pools
    .filter((p) => p.presence === "both")
    .flatMap((p) => {
      const of = (plan: Plan) => poolsOf(plan).find((q) => same(q) === same(p)) ?? poolsOf(plan)[0];
      const tables = compareTables(
        { ...oldSide, plan: of(oldSide.plan).plan },
        { ...newSide, plan: of(newSide.plan).plan }
      );
      return tables
        .filter(
          (t) =>
            !(
              t.status === "missing" &&
              !tableYears(of(oldSide.plan).plan, t.table) &&
              !tableYears(of(newSide.plan).plan, t.table)
            )
        )
        .map((t) => ({
          ...t,
          title: { nl: `${t.title.nl} (${p.name})`, en: `${t.title.en} (${p.name})` },
        }));
    });
}

/** Per table: which roles, FTE, cost lines, totals and keys differ between the two sides. */
export function compareTables(oldSide: CompareSide, newSide: CompareSide): TableComparison[] {
  const o = oldSide.plan;
  const n = newSide.plan;
  const y0 = oldSide.year;
  const y1 = newSide.year;
  return [
    yearTable("Tabel 1", o.staffing, n.staffing, y0, y1, (a, b) => [
      ...matchLines("Tabel 1", a.roles, b.roles, y0, y1, "fte"),
      ...scaleChanges(a.roles, b.roles),
      ...totalRow(lineChange("Tabel 1", a.total, b.total, y0, y1, "fte")),
    ]),
    yearTable("Tabel 2", o.staffCosts, n.staffCosts, y0, y1, (a, b) => [
      ...totalRow(lineChange("Tabel 2", a.total, b.total, y0, y1, "euro")),
      ...lineChange("Tabel 2", a.youth, b.youth, y0, y1, "euro"),
      ...lineChange("Tabel 2", a.wmo, b.wmo, y0, y1, "euro"),
    ]),
    yearTable("Tabel 3", o.materialCosts, n.materialCosts, y0, y1, (a, b) => [
      ...matchLines("Tabel 3", a.lines, b.lines, y0, y1, "euro"),
      ...totalRow(lineChange("Tabel 3", a.subtotal, b.subtotal, y0, y1, "euro", "subtotaal")),
      ...lineChange("Tabel 3", a.youth, b.youth, y0, y1, "euro"),
      ...lineChange("Tabel 3", a.wmo, b.wmo, y0, y1, "euro"),
    ]),
    yearTable("Tabel 4", o.totals, n.totals, y0, y1, (a, b) => [
      ...lineChange("Tabel 4", a.staffYouth, b.staffYouth, y0, y1, "euro"),
      ...lineChange("Tabel 4", a.materialYouth, b.materialYouth, y0, y1, "euro"),
      ...totalRow(lineChange("Tabel 4", a.total, b.total, y0, y1, "euro")),
    ]),
    keyTable(o, n),
  ];
}

function totalRow(changes: LineChange[]): LineChange[] {
  return changes.map((c) => ({ ...c, isTotal: true }));
}

function yearTable<T extends { years: number[] }>(
  table: TableId,
  a: T | undefined,
  b: T | undefined,
  y0: number,
  y1: number,
  diff: (a: T, b: T) => LineChange[]
): TableComparison {
  const title = tableKind(table).title;
  if (!a || !b) {
    const which = !a && !b ? "beide" : !a ? "oud" : "nieuw";
    const whichEn = !a && !b ? "both" : !a ? "old" : "new";
    return {
      table,
      title,
      status: "missing",
      note: {
        nl: `${table} ontbreekt (${which})`,
        en: `${table} is missing (${whichEn})`,
      },
      changes: [],
    };
  }
  const lacking = [
    ...(a.years.includes(y0) ? [] : [{ nl: `oud: geen ${y0}`, en: `old: no ${y0}` }]),
    ...(b.years.includes(y1) ? [] : [{ nl: `nieuw: geen ${y1}`, en: `new: no ${y1}` }]),
  ];
  if (lacking.length > 0) {
    return {
      table,
      title,
      status: "missing",
      note: {
        nl: `${table} heeft het jaar niet (${lacking.map((l) => l.nl).join(", ")})`,
        en: `${table} lacks the year (${lacking.map((l) => l.en).join(", ")})`,
      },
      changes: [],
    };
  }
  return { table, title, status: "compared", changes: diff(a, b) };
}

function figureChange(
  table: TableId,
  line: string,
  unit: ChangeUnit,
  a: Figure | undefined,
  b: Figure | undefined
): LineChange[] {
  const oldValue = a?.value ?? null;
  const newValue = b?.value ?? null;
  const difference = (newValue ?? ZERO).minus(oldValue ?? ZERO);
  if (difference.isZero()) return [];
  const kind =
    oldValue === null || oldValue.isZero()
      ? "added"
      : newValue === null || newValue.isZero()
        ? "removed"
        : "changed";
  return [
    {
      table,
      line,
      kind,
      unit,
      old: oldValue,
      new: newValue,
      difference,
      oldCell: a?.cell,
      newCell: b?.cell,
    },
  ];
}

function lineChange(
  table: TableId,
  a: PlanLine,
  b: PlanLine,
  y0: number,
  y1: number,
  unit: ChangeUnit,
  fallbackLabel?: string
): LineChange[] {
  const label = b.label.trim() || a.label.trim() || fallbackLabel || "";
  return figureChange(table, label, unit, a.values.get(y0), b.values.get(y1));
}

/** Lines are matched by label, ignoring case and spacing; a repeated label by its occurrence. */
function labelKeys<T extends PlanLine>(lines: readonly T[]): Map<string, T> {
  const byKey = new Map<string, T>();
  const count = new Map<string, number>();
  for (const l of lines) {
    const base = l.label.trim().toLowerCase().replace(/\s+/g, " ");
    const k = count.get(base) ?? 0;
    count.set(base, k + 1);
    byKey.set(`${base}#${k}`, l);
  }
  return byKey;
}

function matchLines(
  table: TableId,
  oldLines: readonly PlanLine[],
  newLines: readonly PlanLine[],
  y0: number,
  y1: number,
  unit: ChangeUnit
): LineChange[] {
  const a = labelKeys(oldLines);
  const b = labelKeys(newLines);
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  return keys.flatMap((k) => {
    const l0 = a.get(k);
    const l1 = b.get(k);
    const label = (l1 ?? l0)!.label.trim();
    return figureChange(table, label, unit, l0?.values.get(y0), l1?.values.get(y1));
  });
}

function scaleChanges(
  oldRoles: readonly StaffingRole[],
  newRoles: readonly StaffingRole[]
): LineChange[] {
  const a = labelKeys(oldRoles);
  return [...labelKeys(newRoles)].flatMap(([k, r1]) => {
    const r0 = a.get(k);
    if (!r0) return [];
    return figureChange("Tabel 1", `${r1.label.trim()} (schaal)`, "scale", r0.scale, r1.scale);
  });
}

function keyTable(o: Plan, n: Plan): TableComparison {
  const title = tableKind("Sleutel").title;
  const a = keysOrNull(o);
  const b = keysOrNull(n);
  if (!a || !b) {
    return {
      table: "Sleutel",
      title,
      status: "missing",
      note: {
        nl: `Geen verdeelsleutel (${!a && !b ? "beide" : !a ? "oud" : "nieuw"})`,
        en: `No distribution key (${!a && !b ? "both" : !a ? "old" : "new"})`,
      },
      changes: [],
    };
  }
  const names = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x.localeCompare(y, "nl"));
  const changes = names.flatMap((m) =>
    figureChange(
      "Sleutel",
      m,
      "fraction",
      a.has(m) ? { value: a.get(m)!, cell: keyCell(o, m) } : undefined,
      b.has(m) ? { value: b.get(m)!, cell: keyCell(n, m) } : undefined
    )
  );
  return {
    table: "Sleutel",
    title,
    status: "compared",
    changes: [...changes, ...componentChanges(o, n)],
  };
}

/** Changed key inputs (jongeren, toekenningen, declaraties) and weights explain a changed key. */
function componentChanges(o: Plan, n: Plan): LineChange[] {
  const a = o.keyComponents;
  const b = n.keyComponents;
  if (!a || !b) return [];
  const weights = [...new Set([...a.weights.keys(), ...b.weights.keys()])].flatMap((c) =>
    figureChange(
      "Sleutel",
      `weging ${c}`,
      "percent",
      a.weights.has(c) ? { value: a.weights.get(c)! } : undefined,
      b.weights.has(c) ? { value: b.weights.get(c)! } : undefined
    )
  );
  const rowsA = new Map(a.rows.map((r) => [normalizeName(r.municipality), r]));
  const rowsB = new Map(b.rows.map((r) => [normalizeName(r.municipality), r]));
  const keys = [...rowsB.keys(), ...[...rowsA.keys()].filter((k) => !rowsB.has(k))];
  const values = keys.flatMap((k) => {
    const r0 = rowsA.get(k);
    const r1 = rowsB.get(k);
    const name = (r1 ?? r0)!.municipality;
    const components = [...new Set([...(r0?.values.keys() ?? []), ...(r1?.values.keys() ?? [])])];
    return components.flatMap((c) =>
      figureChange("Sleutel", `${name} — ${c}`, "count", r0?.values.get(c), r1?.values.get(c))
    );
  });
  return [...weights, ...values];
}

function keyCell(plan: Plan, municipality: string): CellRef | undefined {
  return plan.contributions?.rows.find((r) => r.municipality === municipality)?.key?.cell;
}
