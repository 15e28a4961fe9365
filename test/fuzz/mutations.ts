import { formatCell } from "../../src/core/address";
import { formatDecimal } from "../../src/core/dutchNumber";
import Decimal from "decimal.js";
import { D } from "../../src/core/money";
import { CellRef, CheckResult, Figure, Plan, TableId } from "../../src/core/model";
import { TABLE_KINDS } from "../../src/core/tableKinds";
import { ReadNote } from "../../src/reader";
import { CellValue, GridCell, SheetGrid, WorkbookGrid } from "../../src/reader/grid";
import { address, parseAddress } from "../../src/core/address";
import { planFigures } from "../workbook/planFigures";

/*
 * Mutations of a workbook given as the reader's plain grid: what a user does to a plan in Excel
 * (edits a value, types text, deletes or inserts rows and columns, merges cells), applied the
 * way Excel applies them: shifting cells, merges and table ranges.
 */

export type Mutation =
  | { kind: "set"; sheet: number; row: number; column: number; cell: GridCell | null }
  | { kind: "deleteRow" | "insertRow"; sheet: number; at: number }
  | { kind: "deleteColumn" | "insertColumn"; sheet: number; at: number }
  | { kind: "merge"; sheet: number; row: number; column: number; height: number; width: number };

export function copyGrid(grid: WorkbookGrid): WorkbookGrid {
  return {
    ...grid,
    sheets: grid.sheets.map((s) => ({
      ...s,
      rows: new Map([...s.rows].map(([r, cells]) => [r, new Map(cells)])),
      tables: s.tables.map((t) => ({ ...t })),
      merges: [...s.merges],
      hiddenRows: new Set(s.hiddenRows),
    })),
  };
}

type Axis = "row" | "column";

/** A position after deleting (delta -1) or inserting (+1) at `at`; undefined when deleted. */
function moved(pos: number, at: number, delta: number): number | undefined {
  if (pos < at) return pos;
  if (delta < 0 && pos === at) return undefined;
  return pos + delta;
}

/** A range after a row or column is deleted or inserted, as Excel adjusts it. */
export function shiftRange(ref: string, axis: Axis, at: number, delta: number): string | undefined {
  const [p, q = p] = ref.split(":");
  const a = parseAddress(p);
  const b = parseAddress(q);
  if (!a || !b) return ref;
  const lo = axis === "row" ? a.row : a.column;
  const hi = axis === "row" ? b.row : b.column;
  let nlo = lo;
  let nhi = hi;
  if (delta > 0) {
    if (at <= lo) nlo++;
    if (at <= hi) nhi++;
  } else {
    if (at < lo) nlo--;
    if (at <= hi) nhi--;
    if (nhi < nlo) return undefined;
  }
  const pick = (c: { row: number; column: number }, v: number) =>
    axis === "row" ? address(v, c.column) : address(c.row, v);
  return `${pick(a, nlo)}:${pick(b, nhi)}`;
}

function shiftSheet(sheet: SheetGrid, axis: Axis, at: number, delta: number): void {
  const rows = new Map<number, Map<number, GridCell>>();
  for (const [r, cells] of sheet.rows) {
    if (axis === "row") {
      const nr = moved(r, at, delta);
      if (nr !== undefined && nr >= 1) rows.set(nr, cells);
    } else {
      const shifted = new Map<number, GridCell>();
      for (const [c, cell] of cells) {
        const nc = moved(c, at, delta);
        if (nc !== undefined && nc >= 1) shifted.set(nc, cell);
      }
      if (shifted.size > 0) rows.set(r, shifted);
    }
  }
  sheet.rows = rows;
  if (axis === "row") {
    sheet.rowCount = Math.max(0, sheet.rowCount + delta);
    sheet.hiddenRows = new Set(
      [...sheet.hiddenRows].map((r) => moved(r, at, delta)).filter((r): r is number => !!r)
    );
  } else sheet.columnCount = Math.max(0, sheet.columnCount + delta);
  sheet.merges = sheet.merges
    .map((m) => shiftRange(m, axis, at, delta))
    .filter((m): m is string => !!m && m.includes(":") && m.split(":")[0] !== m.split(":")[1]);
  sheet.tables = sheet.tables
    .map((t) => ({ ...t, ref: shiftRange(t.ref, axis, at, delta) ?? "" }))
    .filter((t) => t.ref !== "");
}

/** Applies a mutation in place; sheet indexes wrap around the workbook's sheets. */
export function apply(grid: WorkbookGrid, m: Mutation): void {
  const sheet = grid.sheets[m.sheet % grid.sheets.length];
  switch (m.kind) {
    case "set": {
      const cells = sheet.rows.get(m.row) ?? new Map<number, GridCell>();
      if (m.cell === null) cells.delete(m.column);
      else cells.set(m.column, m.cell);
      if (cells.size > 0) sheet.rows.set(m.row, cells);
      else sheet.rows.delete(m.row);
      sheet.rowCount = Math.max(sheet.rowCount, m.row);
      sheet.columnCount = Math.max(sheet.columnCount, m.column);
      return;
    }
    case "deleteRow":
    case "insertRow":
      return shiftSheet(sheet, "row", m.at, m.kind === "deleteRow" ? -1 : 1);
    case "deleteColumn":
    case "insertColumn":
      return shiftSheet(sheet, "column", m.at, m.kind === "deleteColumn" ? -1 : 1);
    case "merge": {
      // Excel keeps the top-left value of a merged range and empties the rest.
      for (let r = m.row; r < m.row + m.height; r++) {
        for (let c = m.column; c < m.column + m.width; c++) {
          if (r !== m.row || c !== m.column) sheet.rows.get(r)?.delete(c);
        }
      }
      sheet.merges.push(
        `${address(m.row, m.column)}:${address(m.row + m.height - 1, m.column + m.width - 1)}`
      );
    }
  }
}

/** What a figure is, for the size of a change that no tolerance of the rules absorbs. */
export type FigureKind = "euro" | "fte" | "scale" | "share" | "key";

export function figureKind(path: string): FigureKind {
  if (path.endsWith("/schaal")) return "scale";
  if (path.endsWith("/share")) return "share";
  if (path.endsWith("/key")) return "key";
  if (path.startsWith("Tabel 1/")) return "fte";
  return "euro";
}

export interface FigureCell {
  path: string;
  kind: FigureKind;
  figure: Figure;
  cell: CellRef;
  sheet: number;
  row: number;
  column: number;
}

/** The cells of a plan's figures, with where they are in the grid. */
export function figureCells(grid: WorkbookGrid, plan: Plan): FigureCell[] {
  const out: FigureCell[] = [];
  for (const [path, figure] of planFigures(plan)) {
    if (!figure.cell) continue;
    const sheet = grid.sheets.findIndex((s) => s.name === figure.cell!.sheet);
    const pos = parseAddress(figure.cell.address)!;
    out.push({ path, kind: figureKind(path), figure, cell: figure.cell, sheet, ...pos });
  }
  return out;
}

/**
 * A new content for a figure's cell whose value differs from the old one by `steps` units
 * that no tolerance absorbs: € 1 (every amount is in an exact sum), 0,05 fte, 1 percentage
 * point of a share, 0,1 percentage point of a key (ALLOC-AMOUNT allows about € 130 on
 * € 2,5 million). A scale moves out of 1–18, the only thing the rules ask of it.
 */
export function changedFigure(
  f: FigureCell,
  original: GridCell | undefined,
  steps: number
): { cell: GridCell; value: Decimal } {
  const old = f.figure.value;
  const unit = new D({ euro: "1", fte: "0.05", share: "0.01", key: "0.001", scale: "1" }[f.kind]);
  let value = f.kind === "scale" ? new D(18 + Math.abs(steps)) : old.plus(unit.times(steps));
  if (value.isNegative()) value = old.plus(unit.times(Math.abs(steps)));
  const text = original?.value;
  const percent = f.kind === "share" || f.kind === "key";
  // A share written inside a label ("materiele kosten jeugd 70%") changes inside the label.
  if (
    typeof text === "string" &&
    percent &&
    /\d+(,\d+)?\s*%\s*$/.test(text) &&
    /[a-z]/i.test(text)
  ) {
    return {
      cell: { value: text.replace(/\d+(,\d+)?\s*%\s*$/, `${formatDecimal(value.times(100), 4)}%`) },
      value,
    };
  }
  return {
    cell: percent ? { value: value.toNumber(), numFmt: "0.00%" } : { value: value.toNumber() },
    value,
  };
}

/** Contents of a wrong type for a figure cell, as users type them. */
export const WRONG_CONTENTS: { name: string; cell: GridCell | null }[] = [
  { name: "text", cell: { value: "n.v.t." } },
  { name: "error", cell: { value: { error: "#REF!" } } },
  { name: "boolean", cell: { value: true } },
  { name: "date", cell: { value: new Date(Date.UTC(2024, 0, 1)) } },
  { name: "formula without result", cell: { value: null, formula: "A1*2" } },
  { name: "empty", cell: null },
];

/** Findings as comparable lines: rule, where, and the figures compared. */
export function findingLines(result: CheckResult): string[] {
  return result.findings
    .map((f) =>
      [
        f.rule,
        f.severity,
        f.year,
        f.municipality,
        f.line,
        f.cell ? formatCell(f.cell) : "",
        f.expected?.toString(),
        f.actual?.toString(),
      ].join("|")
    )
    .sort();
}

export function notesNaming(notes: ReadNote[], cell: CellRef): ReadNote[] {
  const target = formatCell(cell);
  return notes.filter(
    (n) =>
      (n.cell && formatCell(n.cell) === target) ||
      new RegExp(`\\b${cell.address}\\b`).test(n.message.nl)
  );
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  return a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}

/** A row label of a table as read: the cell a label mutation works on. */
export interface LabelCell {
  table: TableId;
  label: string;
  cell: CellRef;
  sheet: number;
  row: number;
  column: number;
}

/** The cells of every labelled row of the plan's tables, found by walking each table kind's field. */
export function labelCells(grid: WorkbookGrid, plan: Plan): LabelCell[] {
  const out: LabelCell[] = [];
  const walk = (table: TableId, value: unknown) => {
    if (Array.isArray(value)) value.forEach((v) => walk(table, v));
    if (!value || typeof value !== "object" || value instanceof Map || Decimal.isDecimal(value))
      return;
    const line = value as { label?: unknown; labelCell?: CellRef };
    if (typeof line.label === "string" && line.label !== "" && line.labelCell) {
      const pos = parseAddress(line.labelCell.address)!;
      const sheet = grid.sheets.findIndex((s) => s.name === line.labelCell!.sheet);
      out.push({ table, label: line.label, cell: line.labelCell, sheet, ...pos });
    }
    for (const v of Object.values(value)) walk(table, v);
  };
  for (const kind of TABLE_KINDS) walk(kind.id, plan[kind.field]);
  return out;
}

/** What users do to a label inside a table. */
export type LabelMutation = "blank" | "mergeWithAbove" | "mergeWithBelow" | "wrap";

/**
 * Applies a label mutation: the label emptied; merged with the cell above (Excel keeps the
 * upper value, so this label goes) or below (the label below goes); or wrapped onto a new row
 * below, as a long label pasted from a PDF (its last word moves there). Returns the mutations
 * applied, for the grid's other bookkeeping; a wrap of a one-word label is a blank.
 */
export function applyLabel(grid: WorkbookGrid, target: LabelCell, how: LabelMutation): Mutation[] {
  const { sheet, row, column } = target;
  const words = target.label.split(/\s+/);
  const done: Mutation[] = [];
  const run = (m: Mutation) => {
    apply(grid, m);
    done.push(m);
  };
  if (how === "mergeWithAbove" && row > 1)
    run({ kind: "merge", sheet, row: row - 1, column, height: 2, width: 1 });
  else if (how === "mergeWithBelow")
    run({ kind: "merge", sheet, row, column, height: 2, width: 1 });
  else if (how === "wrap" && words.length > 1) {
    run({ kind: "insertRow", sheet, at: row + 1 });
    run({ kind: "set", sheet, row, column, cell: { value: words.slice(0, -1).join(" ") } });
    run({ kind: "set", sheet, row: row + 1, column, cell: { value: words[words.length - 1] } });
  } else run({ kind: "set", sheet, row, column, cell: null });
  return done;
}
