import { readDutchNumber } from "../core/dutchNumber";
import { TableId } from "../core/model";
import { normLabel } from "./build";
import { formatInfo } from "./cells";
import { GridCell, SheetGrid } from "./grid";

/*
 * Scanning a sheet of the published layout: one pass over the cells finds the candidates —
 * titles, header rows with years — and where the filled cells are, so that only those are
 * looked at closely and a large sheet without a plan is rejected quickly.
 */

const YEAR_CELL = /^(fte\s*)?((?:19|20|21)\d\d)$/i;
const YEAR_TOKEN = /^(?:19|20|21)\d\d$/;
/** Rows further apart than this do not belong to the same table. */
export const MAX_GAP = 12;

export interface Title {
  row: number;
  column: number;
  id: TableId;
}

export interface Header {
  row: number;
  years: number[];
  /** Column of each year; absent for a header written as one line in one cell. */
  columns?: number[];
  /** Column of the one-cell header line. */
  lineColumn?: number;
  fte: boolean;
  /** Text of the header row before the years (`materiele kosten`, `verdeelsleutel kosten`). */
  label: string;
  /** Column of that text, when there is one (not counting `schaal`). */
  labelColumn?: number;
  /** First and last column of the header: its text or first year, its last year. */
  first: number;
  last: number;
}

export interface SheetScan {
  sheet: SheetGrid;
  rowNumbers: number[];
  /** Filled columns per row, ascending. */
  columns: Map<number, number[]>;
  titles: Title[];
  headers: Header[];
  titlesByRow: Map<number, Title[]>;
  headersByRow: Map<number, Header[]>;
  planTitle?: string;
}

export function pushTo<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function hasContent(cell: GridCell): boolean {
  const v = cell.value;
  if (v === null || v === undefined) return cell.formula !== undefined;
  return typeof v !== "string" || v.trim() !== "";
}

/** Years in a one-cell header line: `materiele kosten 2023 2024 2025`, `schaal fte 2023 fte 2024`. */
function headerLine(text: string): { label: string; years: number[]; fte: boolean } | undefined {
  const tokens = text.split(/\s+/).filter(Boolean);
  const years: number[] = [];
  let fte = false;
  let i = tokens.length - 1;
  while (i >= 0) {
    if (YEAR_TOKEN.test(tokens[i])) {
      years.unshift(Number(tokens[i]));
      i--;
      if (i >= 0 && tokens[i].toLowerCase() === "fte") {
        fte = true;
        i--;
      }
    } else break;
  }
  if (!consecutive(years)) return undefined;
  return { label: tokens.slice(0, i + 1).join(" "), years, fte };
}

function consecutive(years: number[]): boolean {
  return years.length >= 2 && years.every((y, i) => i === 0 || y === years[i - 1] + 1);
}

/** What the scan asks of the table kinds. */
export interface KindClues {
  /** The kind a title cell names. */
  titleKind: (text: string) => TableId | undefined;
  /** Whether a header's text names a kind, so that a single year after it is a header too. */
  namesKind: (label: string) => boolean;
}

/**
 * One pass over a sheet's cells: its filled rows and columns, the titles of plan tables (as
 * `titleKind` recognises them) and every header row with years.
 */
export function scanSheet(sheet: SheetGrid, kinds: KindClues): SheetScan {
  const { titleKind } = kinds;
  const scan: SheetScan = {
    sheet,
    rowNumbers: [],
    columns: new Map(),
    titles: [],
    headers: [],
    titlesByRow: new Map(),
    headersByRow: new Map(),
  };
  for (const [r, cells] of sheet.rows) {
    const filled: number[] = [];
    const yearCells: { column: number; year: number; fte: boolean }[] = [];
    const numberColumns: number[] = [];
    let lineCandidate: { column: number; text: string } | undefined;
    for (const [c, cell] of cells) {
      if (!hasContent(cell)) continue;
      filled.push(c);
      const v = cell.value;
      if (typeof v === "string") {
        const t = v.trim();
        const id = titleKind(t);
        if (id) scan.titles.push({ row: r, column: c, id });
        else if (scan.planTitle === undefined && /^uitvoeringsplan\b/i.test(t))
          scan.planTitle = t.replace(/\s+/g, " ");
        if (t.length <= 8) {
          const m = YEAR_CELL.exec(t);
          if (m)
            yearCells.push({
              column: c,
              year: Number(m[2]),
              fte: m[1] !== undefined,
            });
        } else if (t.includes("20")) {
          lineCandidate = { column: c, text: t };
        }
      } else if (typeof v === "number") {
        if (Number.isInteger(v) && v >= 1900 && v < 2200 && !formatInfo(cell.numFmt).percent)
          yearCells.push({ column: c, year: v, fte: false });
        else numberColumns.push(c);
      }
    }
    if (filled.length === 0) continue;
    filled.sort((a, b) => a - b);
    scan.rowNumbers.push(r);
    scan.columns.set(r, filled);
    const headers = yearRuns(r, cells, filled, yearCells, numberColumns, kinds.namesKind);
    if (headers.length === 0 && lineCandidate && filled.length === 1) {
      const h = headerLine(lineCandidate.text);
      if (h) {
        const c = lineCandidate.column;
        headers.push({
          row: r,
          years: h.years,
          lineColumn: c,
          fte: h.fte,
          label: h.label,
          first: c,
          last: c,
        });
      }
    }
    for (const h of headers) {
      scan.headers.push(h);
      pushTo(scan.headersByRow, r, h);
    }
  }
  scan.rowNumbers.sort((a, b) => a - b);
  scan.headers.sort((a, b) => a.row - b.row);
  scan.titles.sort((a, b) => a.row - b.row);
  for (const t of scan.titles) pushTo(scan.titlesByRow, t.row, t);
  return scan;
}

/**
 * Header rows in a row: runs of consecutive years in adjacent filled cells, each with the
 * nearest text before it as its label. Tables may stand side by side, so a row can hold several.
 */
function yearRuns(
  r: number,
  cells: Map<number, GridCell>,
  filled: number[],
  yearCells: { column: number; year: number; fte: boolean }[],
  numberColumns: number[],
  namesKind: (label: string) => boolean
): Header[] {
  if (yearCells.length === 0) return [];
  const yearAt = new Map(yearCells.map((y) => [y.column, y]));
  const numbers = new Set(numberColumns);
  const headers: Header[] = [];
  let run: { column: number; year: number; fte: boolean }[] = [];
  let boundary = 0;
  const close = () => {
    if (run.length === 0) return;
    // A single year is a header only in a row of words alone that name a table kind.
    const single = run.length === 1 && yearCells.length === 1 && numbers.size === 0;
    if (run.length >= 2 || single) {
      const firstYear = run[0].column;
      const before = filled
        .filter((c) => c > boundary && c < firstYear && !numbers.has(c))
        .map((c) => [c, textOf(cells.get(c))] as const)
        .filter(([, t]) => t !== "");
      // The header's own text is the nearest one (and the one before `schaal`); text further
      // left belongs to something else, such as a table beside it.
      const scale = before.length > 0 && normLabel(before[before.length - 1][1]) === "schaal";
      const texts = before.slice(scale ? -2 : -1);
      const labelled = texts.filter(([, t]) => normLabel(t) !== "schaal");
      const label = labelled.map(([, t]) => t).join(" ");
      if (!single || namesKind(label)) {
        headers.push({
          row: r,
          years: run.map((y) => y.year),
          columns: run.map((y) => y.column),
          fte: run.some((y) => y.fte),
          label,
          labelColumn: labelled[0]?.[0],
          first: texts[0]?.[0] ?? firstYear,
          last: run[run.length - 1].column,
        });
      }
    }
    boundary = run[run.length - 1].column;
    run = [];
  };
  for (const c of filled) {
    const y = yearAt.get(c);
    if (y && (run.length === 0 || y.year === run[run.length - 1].year + 1)) {
      run.push(y);
      continue;
    }
    close();
    if (y) run.push(y);
    else if (numbers.has(c)) boundary = c;
  }
  close();
  return headers;
}

export function textOf(cell: GridCell | undefined): string {
  return typeof cell?.value === "string" ? cell.value.replace(/\s+/g, " ").trim() : "";
}

/** Whether a header spans any of the columns left..right. */
export function overlaps(h: Header, left: number, right: number): boolean {
  return h.first <= right && h.last >= left;
}

/** The filled rows below `row`, in order (a binary search, not a walk from the top). */
export function* rowsAfter(scan: SheetScan, row: number): Generator<number> {
  const rows = scan.rowNumbers;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] <= row) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < rows.length; i++) yield rows[i];
}

/** The first text (not a number) of a row between two columns. */
export function firstText(
  scan: SheetScan,
  r: number,
  left = 1,
  right = Infinity,
  skip?: (c: number) => boolean
): string {
  const cells = scan.sheet.rows.get(r);
  for (const c of scan.columns.get(r) ?? []) {
    if (c < left || c > right || skip?.(c)) continue;
    const t = textOf(cells?.get(c));
    if (t !== "" && !readDutchNumber(t)) return t;
  }
  return "";
}
