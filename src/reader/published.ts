import { readDutchNumber } from "../core/dutchNumber";
import { CellRef, TableId } from "../core/model";
import { resolveMunicipality } from "../core/municipalities";
import { hiddenRowNote, normLabel, NumberRead, RawRow, RawTable } from "./build";
import {
  CellRead,
  cellRef,
  figureOf,
  formatInfo,
  readCell,
  ReadNote,
  textAsNumberNote,
} from "./cells";
import { GridCell, SheetGrid, WorkbookGrid } from "./grid";
import { columnLetter, formatRange, parseReference } from "../core/address";

/*
 * The published layout: section 6 of the plan pasted from the PDF into a sheet. Tables are
 * recognised by content — a title `Tabel 3 …`, a header row with years, row labels — not by
 * position. One pass over the cells finds the candidates; only those are looked at closely,
 * so a large sheet without a plan is rejected quickly.
 */

const TITLE = /^tabel\s*(\d)\b[\s.:]*(.*)$/i;
const YEAR_CELL = /^(fte\s*)?((?:19|20|21)\d\d)$/i;
const YEAR_TOKEN = /^(?:19|20|21)\d\d$/;
/** Rows further apart than this do not belong to the same table. */
const MAX_GAP = 12;

/** Plan titles by number, with the word their title must hold (`Tabel 3` alone is no title). */
const TITLE_IDS: Record<string, { id: TableId; words: RegExp } | undefined> = {
  "1": { id: "Tabel 1", words: /^formatie/ },
  "2": { id: "Tabel 2", words: /^formatiekosten/ },
  "3": { id: "Tabel 3", words: /^materi/ },
  "4": { id: "Tabel 4", words: /^overzicht|totalen/ },
  "6": { id: "Tabel 6", words: /^uitvoeringskosten|gemeente/ },
};

interface Title {
  row: number;
  column: number;
  id: TableId;
}

interface Header {
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

interface SheetScan {
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

function pushTo<T>(map: Map<number, T[]>, key: number, value: T): void {
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

function scanSheet(sheet: SheetGrid): SheetScan {
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
        const first = t.charCodeAt(0) | 0x20;
        if (first === 0x74 /* t */) {
          const m = TITLE.exec(t);
          const known = m ? TITLE_IDS[m[1]] : undefined;
          if (known && known.words.test(normLabel(m![2])))
            scan.titles.push({ row: r, column: c, id: known.id });
        } else if (first === 0x75 /* u */ && scan.planTitle === undefined) {
          if (/^uitvoeringsplan\b/i.test(t)) scan.planTitle = t.replace(/\s+/g, " ");
        }
        if (t.length <= 8) {
          const m = YEAR_CELL.exec(t);
          if (m) yearCells.push({ column: c, year: Number(m[2]), fte: m[1] !== undefined });
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
    const headers = yearRuns(r, cells, filled, yearCells, numberColumns);
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
  numberColumns: number[]
): Header[] {
  if (yearCells.length < 2) return [];
  const yearAt = new Map(yearCells.map((y) => [y.column, y]));
  const numbers = new Set(numberColumns);
  const headers: Header[] = [];
  let run: { column: number; year: number; fte: boolean }[] = [];
  let boundary = 0;
  const close = () => {
    if (run.length >= 2) {
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
      headers.push({
        row: r,
        years: run.map((y) => y.year),
        columns: run.map((y) => y.column),
        fte: run.some((y) => y.fte),
        label: labelled.map(([, t]) => t).join(" "),
        labelColumn: labelled[0]?.[0],
        first: texts[0]?.[0] ?? firstYear,
        last: run[run.length - 1].column,
      });
    }
    if (run.length > 0) boundary = run[run.length - 1].column;
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

function textOf(cell: GridCell | undefined): string {
  return typeof cell?.value === "string" ? cell.value.replace(/\s+/g, " ").trim() : "";
}

/** Whether a header spans any of the columns left..right. */
function overlaps(h: Header, left: number, right: number): boolean {
  return h.first <= right && h.last >= left;
}

/**
 * The title a header belongs to: above it, left of it, nearest to its columns, not separated
 * by another header.
 */
function titleOf(scan: SheetScan, h: Header): Title | undefined {
  let best: Title | undefined;
  for (const t of scan.titles) {
    if (t.row > h.row) break;
    if (h.row - t.row > MAX_GAP || t.column > h.first) continue;
    // The title over the header's own columns wins over one further left (a table beside it).
    if (!best || t.column > best.column || (t.column === best.column && t.row > best.row)) best = t;
  }
  if (!best) return undefined;
  const title = best;
  const between = scan.headers.some(
    (o) => o !== h && o.row > title.row && o.row < h.row && overlaps(o, title.column, h.last)
  );
  return between ? undefined : title;
}

/**
 * Which plan table a header row starts: by `fte` years, by the title above, by the header's
 * words, or by rows below it that name most municipalities.
 */
function classify(scan: SheetScan, h: Header): { id?: TableId; title?: Title } {
  const title = titleOf(scan, h);
  if (h.fte) return { id: "Tabel 1", title: title?.id === "Tabel 1" ? title : undefined };
  if (title) return { id: title.id, title };
  const label = normLabel(h.label);
  if (/^verdeelsleutel|^gemeente/.test(label)) return { id: "Tabel 6" };
  if (/^formatiekosten en materi|totalen/.test(label)) return { id: "Tabel 4" };
  if (/^materiele kosten$/.test(label)) return { id: "Tabel 3" };
  if (/^formatiekosten$/.test(label)) return { id: "Tabel 2" };
  if (/^formatie(plan)?$/.test(label)) return { id: "Tabel 1" };
  const municipalities = new Set<string>();
  const youthLines = new Set<string>();
  const left = h.labelColumn ?? 1;
  for (const r of rowsAfter(scan, h.row)) {
    if (r > h.row + 20 || scan.headersByRow.get(r)?.some((o) => overlaps(o, left, h.last))) break;
    const l = firstText(scan, r, left, h.last);
    const name = knownMunicipality(l.replace(/[\d\s.,%]+$/, ""));
    if (name) municipalities.add(name);
    const n = normLabel(l);
    if (/^(formatiekosten|materiele kosten) jeugd/.test(n)) youthLines.add(n.slice(0, 6));
  }
  // Strong evidence only: a random sheet may well hold a year or a municipality name.
  if (municipalities.size >= 8) return { id: "Tabel 6" };
  if (youthLines.size === 2) return { id: "Tabel 4" };
  return {};
}

/** The filled rows below `row`, in order (a binary search, not a walk from the top). */
function* rowsAfter(scan: SheetScan, row: number): Generator<number> {
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

const known = new Map<string, string | undefined>();

/** The canonical name of a label that is exactly a municipality; memoised across sheets. */
function knownMunicipality(label: string): string | undefined {
  if (!known.has(label)) {
    if (known.size > 10000) known.clear();
    const r = resolveMunicipality(label);
    known.set(label, r.ok ? r.name : undefined);
  }
  return known.get(label);
}

/** The first text (not a number) of a row between two columns. */
function firstText(
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

const numberRead = (token: string): NumberRead | undefined => {
  const n = readDutchNumber(token);
  return n
    ? {
        kind: "number",
        value: n.value,
        decimals: n.decimals,
        percent: n.percent,
        fromText: true,
        text: token,
      }
    : undefined;
};

/** A whole pasted line in one cell: its label and the numbers at its end. */
function splitLine(text: string): { label: string; numbers: NumberRead[] } {
  const tokens = text.split(/\s+/).filter(Boolean);
  const numbers: NumberRead[] = [];
  let i = tokens.length - 1;
  for (; i >= 0; i--) {
    const n = numberRead(tokens[i]);
    if (!n) break;
    numbers.unshift(n);
  }
  return { label: tokens.slice(0, i + 1).join(" "), numbers };
}

/** Whether a table ends with this row: its closing total. */
function closes(id: TableId, row: RawRow, before: RawRow[]): boolean {
  const n = normLabel(row.label);
  const total = /^(totaal|total)\b/.test(n);
  switch (id) {
    case "Tabel 1":
      return n.startsWith("formatie team") || total;
    case "Tabel 2":
    case "Tabel 3":
      return total && before.some((r) => /\bwmo\b/.test(normLabel(r.label)));
    case "Tabel 4":
      return total;
    case "Tabel 6":
      return (n === "" || total) && (row.values.size > 0 || row.extra !== undefined);
    default:
      return false;
  }
}

/** Tables with a share in the label or a scale/key before the years. */
const EXTRA_KIND: Record<TableId, "scale" | "share" | "key" | undefined> = {
  "Tabel 1": "scale",
  "Tabel 2": "share",
  "Tabel 3": "share",
  "Tabel 4": undefined,
  "Tabel 6": "key",
  Sleutel: undefined,
};

class PublishedReader {
  readonly raws: RawTable[] = [];
  /** Cells taken by a table, as column ranges per row: side-by-side tables share rows. */
  private claimed = new Map<number, [number, number][]>();

  constructor(
    private scan: SheetScan,
    private notes: ReadNote[]
  ) {}

  private claim(r: number, left: number, right: number) {
    pushTo(this.claimed, r, [left, right]);
  }

  private claimedAt(r: number, c: number): boolean {
    return this.claimed.get(r)?.some(([a, b]) => c >= a && c <= b) ?? false;
  }

  private isClaimed(r: number, left: number, right: number): boolean {
    return this.claimed.get(r)?.some(([a, b]) => a <= right && b >= left) ?? false;
  }

  /** Whether another table starts in this row between the columns: a title or a header. */
  private startsTable(r: number, left: number, right: number, self?: Header): boolean {
    const title = this.scan.titlesByRow.get(r)?.some((t) => t.column >= left && t.column <= right);
    const header = this.scan.headersByRow
      .get(r)
      ?.some((h) => h !== self && overlaps(h, left, right));
    return Boolean(title || header);
  }

  /** The filled columns of a row between two columns, leaving out other tables' cells. */
  private filledIn(r: number, left: number, right: number): number[] {
    return (this.scan.columns.get(r) ?? []).filter(
      (c) => c >= left && c <= right && !this.claimedAt(r, c)
    );
  }

  private error(id: TableId, cell: CellRef | undefined, nl: string, en: string) {
    this.notes.push({
      severity: "error",
      table: id,
      cell,
      message: { nl: `${id}: ${nl}`, en: `${id}: ${en}` },
    });
  }

  /** Reads the numbers of a pasted line in one cell, placed by count or refused. */
  private lineRow(
    id: TableId,
    r: number,
    column: number,
    text: string,
    years: number[]
  ): RawRow | undefined {
    const cell = cellRef(this.scan.sheet, r, column);
    const { label, numbers } = splitLine(text);
    const row: RawRow = { label, labelCell: cell, values: new Map(), empty: new Map() };
    const kind = EXTRA_KIND[id];
    const n = normLabel(label);
    const totalRow = n === "" || /^(totaal|total)\b/.test(n) || n.startsWith("formatie team");
    let values = numbers;
    if (kind === "share" && numbers.length === years.length + 1 && numbers[0].percent) {
      row.label = `${label} ${numbers[0].text}`;
      values = numbers.slice(1);
    } else if (
      (kind === "scale" || kind === "key") &&
      numbers.length === years.length + 1 &&
      (kind === "key" || !totalRow)
    ) {
      row.extra = { read: numbers[0], cell };
      values = numbers.slice(1);
    } else if (numbers.length !== years.length || (kind === "scale" && !totalRow)) {
      const columns = years.length + (kind === "scale" || kind === "key" ? 1 : 0);
      this.error(
        id,
        cell,
        `${cell.address} bevat een hele regel in één cel ('${text}') met ${numbers.length} getallen voor ${columns} kolommen: welk getal in welke kolom hoort is niet te zeggen`,
        `${cell.address} holds a whole line in one cell ('${text}') with ${numbers.length} numbers for ${columns} columns: which number belongs in which column cannot be told`
      );
      return undefined;
    }
    const percent = values.find((v) => v.percent);
    if (percent) {
      this.error(
        id,
        cell,
        `${cell.address}: een percentage (${percent.text}) waar een bedrag hoort`,
        `${cell.address}: a percentage (${percent.text}) where an amount must be`
      );
      return undefined;
    }
    values.forEach((v, i) => row.values.set(years[i], figureOf(v, cell)));
    return row;
  }

  /** Reads a cell where a figure of the table must be; reports what is not a number. */
  private figureCell(id: TableId, r: number, c: number): { read?: NumberRead; failed: boolean } {
    const read: CellRead = readCell(this.scan.sheet.rows.get(r)?.get(c));
    const cell = cellRef(this.scan.sheet, r, c);
    if (read.kind === "empty") return { failed: false };
    if (read.kind === "number") {
      if (read.fromText) this.notes.push(textAsNumberNote(read, cell, id));
      return { read, failed: false };
    }
    const what =
      read.kind === "text"
        ? { nl: `'${read.text}' is geen getal`, en: `'${read.text}' is not a number` }
        : read.message;
    this.error(id, cell, `${cell.address}: ${what.nl}`, `${cell.address}: ${what.en}`);
    return { failed: true };
  }

  /** Reads the rows under a header with year columns (or a one-cell header line). */
  readHeaderTable(h: Header, id: TableId, title?: Title): RawTable {
    const sheet = this.scan.sheet;
    const years = h.years;
    const columnYear = new Map<number, number>();
    h.columns?.forEach((c, i) => columnYear.set(c, years[i]));
    const firstYearColumn = h.columns ? h.columns[0] : Infinity;
    const raw: RawTable = { id, range: "", years, rows: [], failed: false };
    // The table's columns: from its title or header text (else the sheet's first column) to its
    // last year, so that a table beside it is not read as part of it.
    const scopeLeft = Math.min(title?.column ?? Infinity, h.labelColumn ?? Infinity);
    const scope: [number, number] = [Number.isFinite(scopeLeft) ? scopeLeft : 1, h.last];
    let prev = h.row;
    let last = h.row;
    let left = h.columns ? firstYearColumn : (h.lineColumn ?? 1);
    const right = h.last;
    let lines = 0;
    this.claim(h.row, h.first, h.last);
    for (const r of rowsAfter(this.scan, h.row)) {
      if (r - prev > MAX_GAP) break;
      if (this.startsTable(r, ...scope) || this.isClaimed(r, ...scope)) break;
      const filled = this.filledIn(r, ...scope);
      if (filled.length === 0) continue;
      const cells = sheet.rows.get(r);
      let row: RawRow | undefined;
      const only = filled.length === 1 ? readCell(cells?.get(filled[0])) : undefined;
      const numbers = only?.kind === "text" ? splitLine(only.text).numbers.length : 0;
      // A long text without numbers after a one-cell table is the prose that follows it.
      if (!h.columns && only?.kind === "text" && numbers === 0 && only.text.length > 60) break;
      if (only?.kind === "text" && filled[0] < firstYearColumn && (numbers > 0 || !h.columns)) {
        row = this.lineRow(id, r, filled[0], only.text, years);
        lines++;
        if (!row) raw.failed = true;
        left = Math.min(left, filled[0]);
      } else if (!h.columns) {
        const c = filled[0];
        this.error(
          id,
          cellRef(sheet, r, c),
          `de kopregel staat in één cel, maar rij ${r} niet: de kolommen zijn niet te bepalen`,
          `the header row is one cell but row ${r} is not: the columns cannot be told`
        );
        raw.failed = true;
      } else {
        const labels: string[] = [];
        let labelColumn: number | undefined;
        const extras: { read: NumberRead; cell: CellRef }[] = [];
        for (const c of filled) {
          if (c >= firstYearColumn) continue;
          const read = readCell(cells?.get(c));
          if (read.kind === "text") {
            labels.push(read.text);
            labelColumn = labelColumn ?? c;
          } else if (read.kind === "number") {
            if (read.fromText) this.notes.push(textAsNumberNote(read, cellRef(sheet, r, c), id));
            extras.push({ read, cell: cellRef(sheet, r, c) });
          } else if (read.kind === "invalid") {
            const cell = cellRef(sheet, r, c);
            this.error(
              id,
              cell,
              `${cell.address}: ${read.message.nl}`,
              `${cell.address}: ${read.message.en}`
            );
            raw.failed = true;
          }
        }
        const label = labels.join(" ");
        if (label.length > 60 && filled.every((c) => c < firstYearColumn) && extras.length === 0)
          break;
        row = { label, values: new Map(), empty: new Map() };
        if (labelColumn !== undefined) row.labelCell = cellRef(sheet, r, labelColumn);
        if (extras.length > 1 || (extras.length === 1 && !EXTRA_KIND[id])) {
          this.error(
            id,
            extras[0].cell,
            `${extras.map((e) => e.cell.address).join(", ")}: getal vóór de jaarkolommen dat bij geen kolom hoort`,
            `${extras.map((e) => e.cell.address).join(", ")}: number before the year columns that belongs to no column`
          );
          raw.failed = true;
        } else if (extras.length === 1) row.extra = extras[0];
        for (const [c, year] of columnYear) {
          const { read, failed } = this.figureCell(id, r, c);
          if (failed) raw.failed = true;
          const cell = cellRef(sheet, r, c);
          if (!read) row.empty.set(year, cell);
          else if (read.percent) {
            this.error(
              id,
              cell,
              `${cell.address}: een percentage waar een bedrag hoort`,
              `${cell.address}: a percentage where an amount must be`
            );
            raw.failed = true;
          } else row.values.set(year, figureOf(read, cell));
        }
        const stray = filled.filter((c) => c >= firstYearColumn && !columnYear.has(c));
        for (const c of stray) {
          const cell = cellRef(sheet, r, c);
          this.notes.push({
            severity: "warning",
            table: id,
            cell,
            message: {
              nl: `${id}: ${cell.address} staat niet onder een jaar en is overgeslagen`,
              en: `${id}: ${cell.address} is under no year and was skipped`,
            },
          });
        }
        left = Math.min(left, filled[0]);
      }
      prev = r;
      if (!row) continue;
      if (sheet.hiddenRows.has(r)) hiddenRowNote(id, row, sheet, r, this.notes);
      raw.rows.push(row);
      this.claim(r, filled[0], scope[1]);
      last = r;
      if (closes(id, row, raw.rows.slice(0, -1))) break;
    }
    if (lines > 0) {
      this.notes.push({
        severity: "info",
        table: id,
        message: {
          nl: `${id}: ${lines} regel(s) stonden als hele regel in één cel en zijn in getallen gesplitst`,
          en: `${id}: ${lines} row(s) were a whole line in one cell and were split into numbers`,
        },
      });
    }
    if (raw.rows.length === 0) {
      this.error(
        id,
        cellRef(sheet, h.row, left),
        `onder de kopregel (rij ${h.row}) staan geen regels`,
        `no rows below the header row (row ${h.row})`
      );
      raw.failed = true;
    }
    raw.range = formatRange(
      {
        top: title?.row ?? h.row,
        left: Math.min(left, title?.column ?? left),
        bottom: last,
        right,
      },
      sheet.name
    );
    return raw;
  }

  /**
   * Tabel 2 has no header row in the published plan: its rows follow the title, and its
   * value columns get their years from a neighbouring table.
   */
  readStaffCosts(title: Title | undefined): RawTable | undefined {
    const id: TableId = "Tabel 2";
    const sheet = this.scan.sheet;
    // From the title's column to just before a title beside it (Tabel 3 in the PDF's layout).
    const beside = title
      ? this.scan.titlesByRow.get(title.row)?.filter((t) => t.column > title.column)
      : undefined;
    const left = title?.column ?? 1;
    const right =
      beside && beside.length > 0 ? Math.min(...beside.map((t) => t.column)) - 1 : Infinity;
    let start: number | undefined;
    for (const r of rowsAfter(this.scan, title?.row ?? 0)) {
      if (title && r - title.row > MAX_GAP) break;
      if (this.scan.titlesByRow.get(r)?.some((t) => t.column >= left && t.column <= right))
        continue;
      if (this.isClaimed(r, left, right) && this.filledIn(r, left, right).length === 0) continue;
      if (this.scan.headersByRow.get(r)?.some((h) => overlaps(h, left, right))) {
        if (title) break;
        continue;
      }
      const n = normLabel(firstText(this.scan, r, left, right, (c) => this.claimedAt(r, c)));
      if (title ? n.startsWith("formatiekosten") : /^formatiekosten totaal\b/.test(n)) {
        start = r;
        break;
      }
    }
    if (start === undefined) return undefined;
    type Entry = {
      r: number;
      label: string;
      labelCell?: CellRef;
      labelColumn?: number;
      line?: NumberRead[];
      cells: [number, NumberRead][];
    };
    const entries: Entry[] = [];
    let failed = false;
    let prev = start;
    for (const r of rowsAfter(this.scan, start - 1)) {
      if (r - prev > MAX_GAP) break;
      if (this.startsTable(r, left, right)) break;
      const filled = this.filledIn(r, left, right);
      if (filled.length === 0) continue;
      const cells = sheet.rows.get(r);
      const entry: Entry = { r, label: "", cells: [] };
      const only = filled.length === 1 ? readCell(cells?.get(filled[0])) : undefined;
      if (only?.kind === "text" && splitLine(only.text).numbers.length > 0) {
        const { label, numbers } = splitLine(only.text);
        entry.label = label;
        entry.labelCell = cellRef(sheet, r, filled[0]);
        entry.labelColumn = filled[0];
        entry.line = numbers;
      } else {
        for (const c of filled) {
          const read = readCell(cells?.get(c));
          if (read.kind === "text" && entry.label === "") {
            entry.label = read.text;
            entry.labelCell = cellRef(sheet, r, c);
            entry.labelColumn = c;
          } else {
            const f = this.figureCell(id, r, c);
            if (f.failed) failed = true;
            if (f.read) entry.cells.push([c, f.read]);
          }
        }
      }
      const n = normLabel(entry.label);
      if (!/^(formatiekosten|totaal|total)\b/.test(n) && n !== "") break;
      entries.push(entry);
      this.claim(r, filled[0], filled[filled.length - 1]);
      prev = r;
      const seenWmo = entries.some((e) => /\bwmo\b/.test(normLabel(e.label)));
      if (/^(totaal|total)\b/.test(n) && seenWmo) break;
    }
    const valueColumns = [
      ...new Set(entries.flatMap((e) => e.cells.filter(([, v]) => !v.percent).map(([c]) => c))),
    ].sort((a, b) => a - b);
    const lineCounts = entries
      .filter((e) => e.line)
      .map((e) => e.line!.filter((v, i) => !(i === 0 && v.percent)).length);
    const count = valueColumns.length > 0 ? valueColumns.length : Math.max(0, ...lineCounts);
    const first = entries[0];
    const raw: RawTable = { id, range: "", years: [], rows: [], failed };
    const columns = entries.flatMap((e) => [
      ...(e.labelColumn !== undefined ? [e.labelColumn] : []),
      ...e.cells.map(([c]) => c),
    ]);
    raw.range = formatRange(
      {
        top: title?.row ?? first.r,
        left: Math.min(...columns, title?.column ?? Infinity),
        bottom: entries[entries.length - 1].r,
        right: Math.max(...columns),
      },
      sheet.name
    );
    const years = this.staffCostYears(valueColumns, count, first);
    if (!years) {
      raw.failed = true;
      return raw;
    }
    raw.years = years.years;
    const yearOfColumn = new Map(valueColumns.map((c, i) => [c, years.years[i]]));
    for (const e of entries) {
      const row: RawRow = { label: e.label, values: new Map(), empty: new Map() };
      if (e.labelCell) row.labelCell = e.labelCell;
      if (e.line) {
        let numbers = e.line;
        if (numbers.length === count + 1 && numbers[0].percent) {
          row.extra = { read: numbers[0], cell: e.labelCell! };
          numbers = numbers.slice(1);
        }
        if (numbers.length !== count) {
          this.error(
            id,
            e.labelCell,
            `${e.labelCell!.address} bevat een hele regel in één cel met ${numbers.length} getallen voor ${count} kolommen: welk getal in welke kolom hoort is niet te zeggen`,
            `${e.labelCell!.address} holds a whole line in one cell with ${numbers.length} numbers for ${count} columns: which number belongs in which column cannot be told`
          );
          raw.failed = true;
          continue;
        }
        numbers.forEach((v, i) => row.values.set(raw.years[i], figureOf(v, e.labelCell!)));
      } else {
        for (const [c, read] of e.cells) {
          const cell = cellRef(sheet, e.r, c);
          const year = yearOfColumn.get(c);
          if (year !== undefined) row.values.set(year, figureOf(read, cell));
          else if (read.percent && !row.extra) row.extra = { read, cell };
          else {
            this.error(
              id,
              cell,
              `${cell.address}: getal dat bij geen kolom hoort`,
              `${cell.address}: number that belongs to no column`
            );
            raw.failed = true;
          }
        }
        for (const [c, year] of yearOfColumn)
          if (!row.values.has(year)) row.empty.set(year, cellRef(sheet, e.r, c));
      }
      raw.rows.push(row);
    }
    return raw;
  }

  /** Years for Tabel 2's value columns: under a neighbour's year columns, or its last years. */
  private staffCostYears(
    valueColumns: number[],
    count: number,
    first: { r: number; labelCell?: CellRef }
  ): { years: number[] } | undefined {
    const id: TableId = "Tabel 2";
    const neighbours = this.scan.headers
      .filter((h) => h.columns !== undefined)
      .sort((a, b) => Math.abs(a.row - first.r) - Math.abs(b.row - first.r));
    const info = (nl: string, en: string) =>
      this.notes.push({ severity: "info", table: id, cell: first.labelCell, message: { nl, en } });
    const range = (ys: number[]) => `${ys[0]}–${ys[ys.length - 1]}`;
    if (valueColumns.length > 0) {
      for (const h of neighbours) {
        const yearOf = new Map(h.columns!.map((c, i) => [c, h.years[i]]));
        if (valueColumns.every((c) => yearOf.has(c))) {
          const years = valueColumns.map((c) => yearOf.get(c)!);
          info(
            `Tabel 2 heeft geen kopregel met jaren: de bedragen staan onder de jaarkolommen van de tabel op rij ${h.row} (${range(years)})`,
            `Tabel 2 has no header row with years: its amounts stand under the year columns of the table at row ${h.row} (${range(years)})`
          );
          return { years };
        }
      }
    }
    const near = this.scan.headers
      .slice()
      .sort((a, b) => Math.abs(a.row - first.r) - Math.abs(b.row - first.r))[0];
    if (!near || count === 0 || count > near.years.length) {
      this.error(
        id,
        first.labelCell,
        "geen kopregel met jaren en geen tabel ernaast om de jaren van over te nemen",
        "no header row with years and no neighbouring table to take the years from"
      );
      return undefined;
    }
    const years = near.years.slice(near.years.length - count);
    const columns =
      valueColumns.length > 0
        ? `${columnLetter(valueColumns[0])}–${columnLetter(valueColumns[valueColumns.length - 1])}`
        : "";
    info(
      `Tabel 2 heeft geen kopregel met jaren: de ${count} waardekolommen ${columns} zijn de laatste ${count} jaren van de tabel op rij ${near.row}: ${range(years)}`,
      `Tabel 2 has no header row with years: its ${count} value columns ${columns} were taken as the last ${count} years of the table at row ${near.row}: ${range(years)}`
    );
    return { years };
  }

  private classes = new Map<Header, ReturnType<typeof classify>>();

  private classOf(h: Header): ReturnType<typeof classify> {
    let c = this.classes.get(h);
    if (!c) this.classes.set(h, (c = classify(this.scan, h)));
    return c;
  }

  read(): void {
    for (const h of this.scan.headers) {
      if (this.isClaimed(h.row, h.first, h.last)) continue;
      const { id, title } = this.classOf(h);
      if (!id || id === "Tabel 2" || id === "Sleutel") continue;
      this.raws.push(this.readHeaderTable(h, id, title));
    }
    const staffHeader = this.scan.headers.find(
      (h) => !this.isClaimed(h.row, h.first, h.last) && this.classOf(h).id === "Tabel 2"
    );
    if (staffHeader) {
      this.raws.push(this.readHeaderTable(staffHeader, "Tabel 2", this.classOf(staffHeader).title));
      return;
    }
    const title = this.scan.titles.find((t) => t.id === "Tabel 2");
    const t2 = this.readStaffCosts(title) ?? (title ? this.readStaffCosts(undefined) : undefined);
    if (t2) this.raws.push(t2);
  }
}

/** The sheet of a table's (first) range. */
function sheetOf(range: string): string | undefined {
  return parseReference(range.split("; ")[0])?.sheet;
}

/**
 * A table split over two sheets: the first part stops without its closing total row and the
 * part on a later sheet repeats its header (the same years).
 */
function continues(earlier: RawTable, part: RawTable): boolean {
  const last = earlier.rows[earlier.rows.length - 1];
  return (
    sheetOf(earlier.range) !== sheetOf(part.range) &&
    last !== undefined &&
    !closes(earlier.id, last, earlier.rows.slice(0, -1)) &&
    earlier.years.length === part.years.length &&
    earlier.years.every((y, i) => y === part.years[i])
  );
}

export interface PublishedResult {
  raws: RawTable[];
  title?: string;
  /** Sheets the tables were read from, for notes on hidden sheets. */
  sheets: Set<string>;
}

export function readPublished(grid: WorkbookGrid, notes: ReadNote[]): PublishedResult {
  const result: PublishedResult = { raws: [], sheets: new Set() };
  const seen = new Map<TableId, RawTable>();
  for (const sheet of grid.sheets) {
    const scan = scanSheet(sheet);
    result.title = result.title ?? scan.planTitle;
    if (scan.headers.length === 0 && scan.titles.length === 0) continue;
    const reader = new PublishedReader(scan, notes);
    reader.read();
    for (const raw of reader.raws) {
      const earlier = seen.get(raw.id);
      if (earlier && continues(earlier, raw)) {
        notes.push({
          severity: "info",
          table: raw.id,
          message: {
            nl: `${raw.id} loopt door op werkblad '${sheet.name}': ${earlier.range} en ${raw.range} zijn samen gelezen`,
            en: `${raw.id} continues on sheet '${sheet.name}': ${earlier.range} and ${raw.range} were read together`,
          },
        });
        earlier.rows.push(...raw.rows);
        earlier.failed ||= raw.failed;
        earlier.range = `${earlier.range}; ${raw.range}`;
        result.sheets.add(sheet.name);
        continue;
      }
      if (earlier) {
        notes.push({
          severity: "warning",
          table: raw.id,
          message: {
            nl: `${raw.id} staat meer dan eens in de werkmap: ${earlier.range} is gelezen, ${raw.range} niet`,
            en: `${raw.id} appears more than once in the workbook: ${earlier.range} was read, ${raw.range} was not`,
          },
        });
        continue;
      }
      seen.set(raw.id, raw);
      result.raws.push(raw);
      result.sheets.add(sheet.name);
    }
  }
  return result;
}
