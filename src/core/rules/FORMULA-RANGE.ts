import { address, formatCell, parseAddress, parseReference, splitOutside } from "../address";
import { CellRef, Figure, Finding, Plan, PlanLine, TableId } from "../model";
import { definedCells, finding, Rule, tableName } from "./rule";

/*
 * A total written as a formula is read through the result the spreadsheet saved; that result
 * is only right while the formula's range covers exactly the rows of the table. A SUM that
 * stops one row short gives a plausible number, so the range itself is checked.
 */

interface Rect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Pos {
  sheet: string;
  row: number;
  column: number;
}

function parsePos(cell: CellRef): Pos | undefined {
  const p = parseAddress(cell.address);
  return p ? { sheet: cell.sheet, ...p } : undefined;
}

/** A cell or range, on the formula's own sheet unless it names another. */
function rectOf(text: string, sheet: string): Rect | undefined {
  const ref = parseReference(text);
  if (!ref || (ref.kind !== "cell" && ref.kind !== "range")) return undefined;
  return {
    sheet: ref.sheet ?? sheet,
    top: ref.top,
    left: ref.left,
    bottom: ref.bottom,
    right: ref.right,
  };
}

/**
 * The ranges a formula adds up, when it is a plain sum: `SUM(D5:D12)`, `D5+D6+D7`,
 * `SUM(D5:D8,D10)`, or a mix joined by `+`. Anything else (a product, a difference, another
 * function) is not a total's sum and is left alone.
 */
export function sumRanges(formula: string, sheet: string): Rect[] | undefined {
  // Spaces outside quoted sheet names mean nothing in a sum.
  const text = formula
    .replace(/^=/, "")
    .split("'")
    .map((part, i) => (i % 2 === 0 ? part.replace(/\s+/g, "") : part))
    .join("'");
  if (text === "") return undefined;
  const rects: Rect[] = [];
  for (const term of splitOutside(text, "+")) {
    const fn = /^SUM\((.*)\)$/i.exec(term);
    const refs = fn ? splitOutside(fn[1], ",;") : [term];
    for (const r of refs) {
      const rect = rectOf(r, sheet);
      if (!rect) return undefined;
      rects.push(rect);
    }
  }
  return rects;
}

const inside = (p: Pos, r: Rect) =>
  p.sheet === r.sheet &&
  p.row >= r.top &&
  p.row <= r.bottom &&
  p.column >= r.left &&
  p.column <= r.right;

function a1(sheet: string, row: number, column: number, home: string): string {
  return sheet === home
    ? address(row, column)
    : formatCell({ sheet, address: address(row, column) });
}

/** A total of the plan and the lines that must add up to it. */
interface Sum {
  table: TableId;
  total: PlanLine;
  parts: PlanLine[];
  years: number[];
  unit: Finding["unit"];
  /** The figure of a line in a year: its amount, or its key (Tabel 6's 100%). */
  figure: (line: PlanLine, year: number) => Figure | undefined;
}

function sumsOf(plan: Plan): Sum[] {
  const byYear = (l: PlanLine, y: number) => l.values.get(y);
  const sums: Sum[] = [];
  const add = (s: Omit<Sum, "figure"> & Partial<Pick<Sum, "figure">>) =>
    sums.push({ figure: byYear, ...s });
  const t1 = plan.staffing;
  if (t1) add({ table: "Tabel 1", total: t1.total, parts: t1.roles, years: t1.years, unit: "fte" });
  const t2 = plan.staffCosts;
  if (t2?.grandTotal)
    add({
      table: "Tabel 2",
      total: t2.grandTotal,
      parts: [t2.youth, t2.wmo],
      years: t2.years,
      unit: "euro",
    });
  const t3 = plan.materialCosts;
  if (t3) {
    add({ table: "Tabel 3", total: t3.subtotal, parts: t3.lines, years: t3.years, unit: "euro" });
    if (t3.grandTotal)
      add({
        table: "Tabel 3",
        total: t3.grandTotal,
        parts: [t3.youth, t3.wmo],
        years: t3.years,
        unit: "euro",
      });
  }
  const t4 = plan.totals;
  if (t4)
    add({
      table: "Tabel 4",
      total: t4.total,
      parts: [t4.staffYouth, t4.materialYouth],
      years: t4.years,
      unit: "euro",
    });
  const t6 = plan.contributions;
  if (t6) {
    add({ table: "Tabel 6", total: t6.total, parts: t6.rows, years: t6.years, unit: "euro" });
    if (t6.totalKey) {
      const keyTotal: PlanLine = { label: t6.total.label, values: new Map() };
      const keyOf = (l: PlanLine) =>
        l === keyTotal ? t6.totalKey : (l as (typeof t6.rows)[number]).key;
      add({
        table: "Tabel 6",
        total: keyTotal,
        parts: t6.rows,
        years: [0],
        unit: "fraction",
        figure: (l) => keyOf(l),
      });
    }
  }
  return sums;
}

/** Where a part's figure of this year stands; for an empty cell, the cell its row would have. */
function partCell(s: Sum, part: PlanLine, year: number, total: Pos): Pos | undefined {
  const own = s.figure(part, year)?.cell;
  if (own) return parsePos(own);
  const label = part.labelCell && parsePos(part.labelCell);
  if (!label || label.sheet !== total.sheet) return undefined;
  return { sheet: label.sheet, row: label.row, column: total.column };
}

function withFormula(plan: Plan): boolean {
  return sumsOf(plan).some((s) => s.years.some((y) => s.figure(s.total, y)?.formula));
}

export const FORMULA_RANGE: Rule = {
  id: "FORMULA-RANGE",
  title: {
    nl: "Een totaal dat een formule is, telt precies de regels van zijn tabel op",
    en: "A total written as a formula adds up exactly the rows of its table",
  },
  applies: withFormula,
  run(plan: Plan): Finding[] {
    const findings: Finding[] = [];
    for (const s of sumsOf(plan)) {
      for (const year of s.years) {
        const total = s.figure(s.total, year);
        if (!total?.formula || !total.cell) continue;
        const home = parsePos(total.cell);
        const rects = home && sumRanges(total.formula, home.sheet);
        if (!home || !rects) continue;
        const parts = s.parts.map((p) => ({ line: p, pos: partCell(s, p, year, home) }));
        const placed = parts.filter((p): p is { line: PlanLine; pos: Pos } => !!p.pos);
        const missed = placed.filter((p) => !rects.some((r) => inside(p.pos, r)));
        const outside = outsideCells(
          rects,
          placed.map((p) => p.pos),
          home
        );
        if (missed.length === 0 && outside.length === 0) continue;
        findings.push(report(s, tableName(plan, s.table).nl, year, total, home, missed, outside));
      }
    }
    return findings;
  },
};

/**
 * Cells a formula adds up beyond the table's rows: outside the rows from the first part to the
 * last on that sheet, or in a column no part of this year stands in. Blank rows between the
 * lines are inside the table and harmless.
 */
function outsideCells(rects: Rect[], parts: Pos[], home: Pos): string[] {
  const cells: string[] = [];
  for (const r of rects) {
    const same = parts.filter((p) => p.sheet === r.sheet);
    const top = Math.min(...same.map((p) => p.row));
    const bottom = Math.max(...same.map((p) => p.row));
    const columns = new Set(same.map((p) => p.column));
    for (let row = r.top; row <= r.bottom && cells.length < 50; row++) {
      for (let column = r.left; column <= r.right && cells.length < 50; column++) {
        const ok = same.length > 0 && row >= top && row <= bottom && columns.has(column);
        if (!ok) cells.push(a1(r.sheet, row, column, home.sheet));
      }
    }
  }
  return cells;
}

function report(
  s: Sum,
  table: string,
  year: number,
  total: Figure,
  home: Pos,
  missed: { line: PlanLine; pos: Pos }[],
  outside: string[]
): Finding {
  const name = s.total.label.trim() || (s.table === "Tabel 3" ? "subtotaal" : "totaal");
  const where =
    s.unit === "fraction" ? `${table}, '${name}' (verdeelsleutel)` : `${table}, '${name}' ${year}`;
  const whereEn = s.unit === "fraction" ? `${table}, '${name}' (distribution key)` : where;
  const at = a1(home.sheet, home.row, home.column, home.sheet);
  const lines = (nl: boolean) =>
    missed
      .map((m) => {
        const label = m.line.label.trim() || (nl ? "regel zonder naam" : "unlabelled row");
        return `${a1(m.pos.sheet, m.pos.row, m.pos.column, home.sheet)} (${label})`;
      })
      .join(", ");
  const nl: string[] = [];
  const en: string[] = [];
  if (missed.length > 0) {
    nl.push(`telt ${lines(true)} niet mee`);
    en.push(`leaves out ${lines(false)}`);
  }
  if (outside.length > 0) {
    nl.push(`telt ook ${outside.join(", ")} mee, buiten de regels van de tabel`);
    en.push(`also adds ${outside.join(", ")}, outside the rows of the table`);
  }
  const missedCells: CellRef[] = missed.map((m) => ({
    sheet: m.pos.sheet,
    address: address(m.pos.row, m.pos.column),
  }));
  return finding({
    rule: "FORMULA-RANGE",
    severity: "error",
    table: s.table,
    year: s.unit === "fraction" ? null : year,
    line: name,
    cell: total.cell ?? null,
    cells: definedCells(total.cell, ...missedCells),
    expected: null,
    actual: total.value,
    unit: s.unit,
    message: {
      nl: `${where}: de formule =${total.formula} in ${at} ${nl.join(" en ")}`,
      en: `${whereEn}: the formula =${total.formula} in ${at} ${en.join(" and ")}`,
    },
  });
}
