import { CellRef } from "./model";

/*
 * The one spreadsheet address grammar of UP: columns, cells, ranges, whole rows and columns,
 * sheet-qualified references with quoted or unquoted sheet names (any Unicode letters, as Excel
 * writes `Materiële!E40`), `$` anchors, and lists split at `;` or `,` outside quotes and
 * brackets. The reader, the rules, the binding sheet, the Office.js layer and the report all
 * parse and write addresses with these functions.
 */

/** Excel's grid: 1 048 576 rows, 16 384 columns (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** A rectangle of cells, 1-based and inclusive; whole rows or columns reach the grid's edge. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A parsed reference: where, and how it was written. */
export interface Reference extends Area {
  /** The sheet it names, unquoted; absent for a reference to the formula's own sheet. */
  sheet?: string;
  /** `cell` (D7), `range` (D7:E9), `rows` (3:5) or `columns` (C:E). */
  kind: "cell" | "range" | "rows" | "columns";
}

/** "A".."Z", "AA".. for a 1-based column number. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const COLUMN = /^([A-Za-z]{1,3})$/;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const ROW = /^\$?(\d{1,7})$/;

function lettersValue(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The 1-based number of a column written as letters (`D`, `AB`), within Excel's grid. */
export function columnNumber(text: string): number | undefined {
  const m = COLUMN.exec(text.trim());
  const n = m ? lettersValue(m[1]) : 0;
  return n >= 1 && n <= MAX_COLUMN ? n : undefined;
}

/** "D7" for row 7, column 4. */
export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Parses one cell address, `D7` or `$D$7`, into its 1-based row and column. */
export function parseAddress(text: string): { row: number; column: number } | undefined {
  const m = CELL.exec(text.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  const column = lettersValue(m[1]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return undefined;
  return { row, column };
}

function rowNumber(text: string): number | undefined {
  const m = ROW.exec(text);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= MAX_ROW ? n : undefined;
}

/** Letters, digits, `_` and `.`, starting with a letter or `_`: Excel writes such a name bare. */
const BARE_SHEET = /^[\p{L}_][\p{L}\p{M}\p{N}_.]*$/u;
const R1C1_LIKE = /^(R\d*C\d*|R\d*|C\d*)$/i;

/**
 * Whether Excel writes a sheet name in quotes in a reference: any character besides letters,
 * digits, `_` and `.`, a leading digit or `.`, and a name Excel would read as something else —
 * a cell (`AB12`), an R1C1 reference (`R2C3`, `C`), or a logical (`TRUE`).
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (!BARE_SHEET.test(name)) return true;
  if (parseAddress(name) || R1C1_LIKE.test(name)) return true;
  return /^(true|false|waar|onwaar)$/i.test(name);
}

/** A sheet name as a reference writes it: `Tabel6`, `'Tabel 6'`, `'O''Brien'`. */
export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** `'Tabel 6'!D7` — the sheet quoted when Excel would quote it. */
export function formatCell(cell: CellRef): string {
  return `${quoteSheetName(cell.sheet)}!${cell.address.replace(/\$/g, "")}`;
}

/** `'Tabel 6'!A58:H75`, or `A58:H75` without a sheet. */
export function formatRange(area: Area, sheet?: string): string {
  const local = `${address(area.top, area.left)}:${address(area.bottom, area.right)}`;
  return sheet === undefined ? local : `${quoteSheetName(sheet)}!${local}`;
}

/**
 * Splits a sheet-qualified reference at its `!`: the sheet (unquoted) and the rest. A quoted
 * name may hold `!` and doubled quotes; an unquoted one only what Excel writes bare.
 */
function splitSheet(text: string): { sheet?: string; local: string } | undefined {
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    for (; i < text.length; i++) {
      if (text[i] !== "'") name += text[i];
      else if (text[i + 1] === "'") {
        name += "'";
        i++;
      } else break;
    }
    if (i >= text.length || text[i + 1] !== "!" || name === "") return undefined;
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.indexOf("!");
  if (bang < 0) return { local: text };
  const sheet = text.slice(0, bang);
  if (!BARE_SHEET.test(sheet)) return undefined;
  return { sheet, local: text.slice(bang + 1) };
}

/**
 * Parses a reference: `D7`, `$D$7:E9`, `3:5`, `C:E`, each with or without a sheet
 * (`Materiële!E40:E44`, `'Tabel 6'!A58`). Corners may be given in any order.
 */
export function parseReference(text: string): Reference | undefined {
  const parts = splitSheet(text.trim());
  if (!parts) return undefined;
  const [p, q, ...rest] = parts.local.split(":");
  if (rest.length > 0 || p === undefined) return undefined;
  const sheet = parts.sheet === undefined ? {} : { sheet: parts.sheet };
  if (q === undefined) {
    const cell = parseAddress(p);
    if (!cell) return undefined;
    return {
      ...sheet,
      kind: "cell",
      top: cell.row,
      bottom: cell.row,
      left: cell.column,
      right: cell.column,
    };
  }
  const span = (a: number, b: number) => [Math.min(a, b), Math.max(a, b)] as const;
  const a = parseAddress(p);
  const b = parseAddress(q);
  if (a && b) {
    const [top, bottom] = span(a.row, b.row);
    const [left, right] = span(a.column, b.column);
    return { ...sheet, kind: "range", top, bottom, left, right };
  }
  const r0 = rowNumber(p);
  const r1 = rowNumber(q);
  if (r0 !== undefined && r1 !== undefined) {
    const [top, bottom] = span(r0, r1);
    return { ...sheet, kind: "rows", top, bottom, left: 1, right: MAX_COLUMN };
  }
  const c0 = columnNumber(p.replace(/^\$/, ""));
  const c1 = columnNumber(q.replace(/^\$/, ""));
  if (c0 !== undefined && c1 !== undefined) {
    const [left, right] = span(c0, c1);
    return { ...sheet, kind: "columns", top: 1, bottom: MAX_ROW, left, right };
  }
  return undefined;
}

/** Writes a parsed reference back: the inverse of parseReference (without `$` anchors). */
export function formatReference(ref: Reference): string {
  const prefix = ref.sheet === undefined ? "" : `${quoteSheetName(ref.sheet)}!`;
  switch (ref.kind) {
    case "rows":
      return `${prefix}${ref.top}:${ref.bottom}`;
    case "columns":
      return `${prefix}${columnLetter(ref.left)}:${columnLetter(ref.right)}`;
    case "cell":
      return `${prefix}${address(ref.top, ref.left)}`;
    default:
      return `${prefix}${address(ref.top, ref.left)}:${address(ref.bottom, ref.right)}`;
  }
}

/** Whether two areas share a cell. */
export function areasOverlap(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * Splits text at any of the separators where they stand outside quoted sheet names, string
 * literals and brackets: the arguments of `SUM(A1;B2)` or `SUM(A1,B2)`, the terms of
 * `A1+A2`, the entries of `D=2023;E=2024`.
 */
export function splitOutside(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const QUOTED_SHEET = String.raw`'(?:[^']|'')+'`;
const BARE = String.raw`[\p{L}_][\p{L}\p{M}\p{N}_.]*`;
const CELL_TEXT = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const LOCAL_TEXT = String.raw`${CELL_TEXT}(?::${CELL_TEXT})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7}`;
/** A reference inside a formula, not part of a longer name or number. */
const IN_FORMULA = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.$'!])(?:(?:${QUOTED_SHEET}|${BARE})!)?(?:${LOCAL_TEXT})(?![\p{L}\p{N}_.(!])`,
  "gu"
);

/** Every reference in a formula's text (string literals left out), in order. */
export function referencesIn(formula: string): Reference[] {
  const text = formula.replace(/"(?:[^"]|"")*"/g, (s) => " ".repeat(s.length));
  const found: Reference[] = [];
  for (const m of text.matchAll(IN_FORMULA)) {
    const ref = parseReference(m[0]);
    if (ref) found.push(ref);
  }
  return found;
}
