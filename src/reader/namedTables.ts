import { Area, formatRange } from "../core/address";
import { formatDecimal, readDutchNumber } from "../core/dutchNumber";
import { resolveMunicipality, unknownMunicipalityMessage } from "../core/municipalities";
import { CellRef, TableId } from "../core/model";
import { NamedColumn, NamedColumns, TABLE_KINDS, TableKind } from "../core/tableKinds";
import { hiddenRowNote, normLabel, NumberRead, RawRow, RawTable } from "./build";
import { cellRef, readCell, ReadNote, textAsNumberNote } from "./cells";
import { SheetGrid } from "./grid";
import { MAX_GAP, rowsAfter, scanSheet, SheetScan, textOf, Title } from "./scan";

/*
 * Tables whose columns are named by words instead of years: the key calculation table
 * (`Vast deel | Jongeren < 20 | … | Verdeelsleutel | … | Totaal`) and the change table
 * (`2023 | 2024 | Toename | %`). A header row is recognised by the words of its columns, as the
 * kind's descriptor names them, wherever it stands; a title above it is one more clue, not a
 * condition. The rows below are read up to the total row.
 */

/** A number read in a named column, with its cell. */
export interface NamedCell {
  read: NumberRead;
  cell: CellRef;
}

/** A column of the header: its field (`jongeren`, `key`, `old`) and, for components, share or amount. */
export interface HeaderColumn {
  /** Unique within the table: `share:jongeren`, `amount:jongeren`, `key`, `amount`, `old`. */
  key: string;
  field: string;
  part?: "share" | "amount";
  column: number;
  header: string;
  cell: CellRef;
  /** A year the header names (`Bijdrage 2023`). */
  year?: number;
  /** A weight the header itself states (`Jongeren 25%`). */
  weight?: NamedCell;
}

export interface NamedRow {
  label: string;
  labelCell?: CellRef;
  cells: Map<string, NamedCell>;
}

export interface NamedTable {
  columns: HeaderColumn[];
  rows: NamedRow[];
  /** The row of weights, when the table has one. */
  weights?: NamedRow;
  /** The first year the title names. */
  titleYear?: number;
}

/** What the published layout's reader lends this one: claimed cells, other tables' starts. */
export interface NamedContext {
  scan: SheetScan;
  notes: ReadNote[];
  titles: readonly Title[];
  claim(r: number, left: number, right: number): void;
  isClaimed(r: number, left: number, right: number): boolean;
  startsTable(r: number, left: number, right: number): boolean;
  /** The Excel table the area is (the template's): what does not fit its kind is said, not passed over. */
  excelTable?: string;
}

const NAMED_KINDS = TABLE_KINDS.filter((k) => k.named);
const YEAR = /\b((?:19|20|21)\d\d)\b/;
/** Words before a component that say share or amount: `aandeel jongeren`, `€ declaraties`. */
const QUALIFIER = /^(%|€|aandeel|bedrag|deel)\s+/;
const WEIGHT_SUFFIX = /\s+(\d+(?:,\d+)?\s?%)$/;

/** A header cell's text: a string, or a year stored as a number. */
function headerText(scan: SheetScan, r: number, c: number): string | undefined {
  const v = scan.sheet.rows.get(r)?.get(c)?.value;
  if (typeof v === "number")
    return Number.isInteger(v) && v >= 1900 && v < 2200 ? String(v) : undefined;
  const t = textOf(scan.sheet.rows.get(r)?.get(c));
  return t === "" || t.length > 60 ? undefined : t;
}

/** The columns a row names for a kind; undefined when figures in it make it a row of a table. */
function headerColumns(
  kind: TableKind,
  ctx: NamedContext,
  r: number,
  group: number[]
): HeaderColumn[] | undefined {
  const named = kind.named!;
  const scan = ctx.scan;
  const columns: HeaderColumn[] = [];
  const taken = new Set<string>();
  let labelled = false;
  for (const c of group) {
    const text = headerText(scan, r, c);
    if (text === undefined) {
      // A figure in the row: a row of the table, not its header.
      if (readCell(scan.sheet.rows.get(r)?.get(c)).kind === "number") return undefined;
      continue;
    }
    const cell = cellRef(scan.sheet, r, c);
    const { words: n, weight: weightText, part } = headerWords(text);
    const spec = named.columns.find((s) => s.pattern.test(n) && !takenFor(s, taken, kind, part));
    const at = { column: c, header: text, cell, part };
    const column = spec ? place(spec, taken, kind, at) : other(kind, columns, labelled, n, at);
    labelled = true;
    if (!column) continue;
    const year = YEAR.exec(text);
    if (year) column.year = Number(year[1]);
    const weight = weightText ? readDutchNumber(weightText) : undefined;
    if (weight)
      column.weight = {
        read: { kind: "number", ...weight, fromText: true, text: weightText! },
        cell,
      };
    taken.add(column.key);
    columns.push(column);
  }
  return columns;
}

/** What a header of the kind must name and `columns` do not: at least `count` of `fields`. */
function unmet(kind: TableKind, columns: HeaderColumn[]): NamedColumns["required"] {
  const fields = new Set(columns.map((c) => c.field));
  return kind.named!.required.filter((q) => q.fields.filter((f) => fields.has(f)).length < q.count);
}

const isComponent = (kind: TableKind, field: string) =>
  kind.id === "Herberekening" && field !== "key" && field !== "amount";

/** Whether a column spec can take no more columns: a component has a share and an amount. */
function takenFor(
  spec: NamedColumn,
  taken: Set<string>,
  kind: TableKind,
  part: HeaderColumn["part"]
): boolean {
  if (isComponent(kind, spec.field)) return taken.has(`${part ?? "amount"}:${spec.field}`);
  return taken.has(spec.field);
}

type At = Pick<HeaderColumn, "column" | "header" | "cell" | "part">;

/**
 * A component's column is a share or an amount as its header says (`aandeel …`, `bedrag …`);
 * else its first column is the share (left of the key), the next the amount.
 */
function place(spec: NamedColumn, taken: Set<string>, kind: TableKind, at: At): HeaderColumn {
  const { part: said, ...cell } = at;
  if (!isComponent(kind, spec.field)) return { key: spec.field, field: spec.field, ...cell };
  const part = said ?? (taken.has(`share:${spec.field}`) || taken.has("key") ? "amount" : "share");
  return { key: `${part}:${spec.field}`, field: spec.field, part, ...cell };
}

/**
 * A header word no column spec names: the label column's header when it comes first, else a
 * component of the key calculation table as written (`budget`, `inwoners`).
 */
function other(
  kind: TableKind,
  columns: HeaderColumn[],
  labelled: boolean,
  n: string,
  at: At
): HeaderColumn | undefined {
  if (!labelled || kind.id !== "Herberekening" || columns.length === 0) return undefined;
  const { part: said, ...cell } = at;
  const part = said ?? (columns.some((c) => c.field === n || c.key === "key") ? "amount" : "share");
  return { key: `${part}:${n}`, field: n, part, ...cell };
}

/** The first year a title names. */
function titleYear(ctx: NamedContext, title: Title | undefined): number | undefined {
  if (!title) return undefined;
  const m = YEAR.exec(textOf(ctx.scan.sheet.rows.get(title.row)?.get(title.column)));
  return m ? Number(m[1]) : undefined;
}

/** The title over a header: of this kind, above it within the gap, at or left of its columns. */
function titleOver(ctx: NamedContext, id: TableId, r: number, left: number): Title | undefined {
  return ctx.titles
    .filter((t) => t.id === id && t.row < r && r - t.row <= MAX_GAP && t.column <= left)
    .sort((a, b) => b.row - a.row)[0];
}

function error(notes: ReadNote[], id: TableId, cell: CellRef | undefined, nl: string, en: string) {
  notes.push({
    severity: "error",
    table: id,
    cell,
    message: { nl: `${id}: ${nl}`, en: `${id}: ${en}` },
  });
}

/** Reads one row: its label left of the figures, a number under each header column. */
function readRow(
  id: TableId,
  ctx: NamedContext,
  r: number,
  left: number,
  columns: HeaderColumn[],
  failed: { value: boolean }
): NamedRow | undefined {
  const sheet = ctx.scan.sheet;
  const first = Math.min(...columns.map((c) => c.column));
  const row: NamedRow = { label: "", cells: new Map() };
  for (const c of ctx.scan.columns.get(r) ?? []) {
    if (c < left || c >= first) continue;
    const t = textOf(sheet.rows.get(r)?.get(c));
    if (t !== "" && !readDutchNumber(t)) {
      row.label = t;
      row.labelCell = cellRef(sheet, r, c);
      break;
    }
  }
  for (const col of columns) {
    const read = readCell(sheet.rows.get(r)?.get(col.column));
    const cell = cellRef(sheet, r, col.column);
    if (read.kind === "empty") continue;
    if (read.kind === "number") {
      if (read.fromText) ctx.notes.push(textAsNumberNote(read, cell, id));
      row.cells.set(col.key, { read, cell });
      continue;
    }
    const what =
      read.kind === "text"
        ? { nl: `'${read.text}' is geen getal`, en: `'${read.text}' is not a number` }
        : read.message;
    error(ctx.notes, id, cell, `${cell.address}: ${what.nl}`, `${cell.address}: ${what.en}`);
    failed.value = true;
  }
  if (row.label === "" && row.cells.size === 0) return undefined;
  if (sheet.hiddenRows.has(r)) {
    const raw: RawRow = {
      label: row.label,
      labelCell: row.labelCell,
      values: new Map(),
      empty: new Map(),
    };
    hiddenRowNote(id, raw, sheet, r, ctx.notes);
  }
  return row;
}

/**
 * Shares are percentages: a table of counts per component (jongeren 1.250, toekenningen 310)
 * under the same words is the key's inputs, not its calculation. The first such count, if any.
 */
function countAsShare(table: NamedTable): NamedCell | undefined {
  const shares = table.columns.filter((c) => c.part === "share").map((c) => c.key);
  for (const r of table.rows)
    for (const k of shares) {
      const c = r.cells.get(k);
      if (c && !c.read.percent && c.read.value.abs().gt(100)) return c;
    }
  return undefined;
}

/** Reads the table under a recognised header, up to its total row; undefined without one. */
function readTable(
  kind: TableKind,
  ctx: NamedContext,
  r0: number,
  columns: HeaderColumn[],
  from: number
): RawTable | undefined {
  const scan = ctx.scan;
  const id = kind.id;
  const weightsLabel = kind.named!.weights;
  const firstColumn = Math.min(...columns.map((c) => c.column));
  const right = Math.max(...columns.map((c) => c.column));
  const title = titleOver(ctx, id, r0, firstColumn);
  const headerLeft = from < firstColumn ? from : undefined;
  const left = Math.min(title?.column ?? Infinity, headerLeft ?? Infinity, firstColumn);
  const leftEdge = Number.isFinite(left) ? left : 1;
  const notes: ReadNote[] = [];
  const local: NamedContext = { ...ctx, notes };
  const failed = { value: false };
  const table: NamedTable = { columns, rows: [], titleYear: titleYear(ctx, title) };
  let prev = r0;
  let last = r0;
  let closed = false;
  // A weights row may stand just above the header.
  for (const r of [r0 - 2, r0 - 1]) {
    if (r < 1 || (title && r <= title.row) || ctx.isClaimed(r, leftEdge, right)) continue;
    const row = readRow(id, local, r, leftEdge, columns, failed);
    if (row && weightsLabel?.test(normLabel(row.label))) table.weights = row;
  }
  for (const r of rowsAfter(scan, r0)) {
    if (r - prev > MAX_GAP) break;
    if (ctx.startsTable(r, leftEdge, right) || ctx.isClaimed(r, leftEdge, right)) break;
    const row = readRow(id, local, r, leftEdge, columns, failed);
    if (!row) continue;
    prev = r;
    last = r;
    const n = normLabel(row.label);
    if (weightsLabel?.test(n) && !table.weights) table.weights = row;
    else table.rows.push(row);
    if (kind.closing.some((c) => c.labels.test(n))) {
      closed = true;
      break;
    }
  }
  const count = countAsShare(table);
  if (count) {
    if (ctx.excelTable) {
      const shown = formatDecimal(count.read.value);
      error(
        ctx.notes,
        id,
        count.cell,
        `Excel-tabel ${ctx.excelTable}: ${count.cell.address} is ${shown}, geen aandeel: een aandeel is een percentage (zoals 3,03%), geen aantal`,
        `Excel table ${ctx.excelTable}: ${count.cell.address} is ${count.read.value.toString()}, not a share: a share is a percentage (such as 3.03%), not a count`
      );
    }
    return undefined;
  }
  if (!closed) {
    // The header says what the table is, so its missing end is said, not passed over.
    const cell = columns[0].cell;
    if (table.rows.length > 0)
      ctx.notes.push({
        severity: "warning",
        table: id,
        cell,
        message: {
          nl: `${kind.title.nl}: onder de kopregel op rij ${r0} staat geen totaalregel ('Totaal'); de tabel is niet gelezen`,
          en: `${kind.title.en}: the header row at row ${r0} has no total row ('Totaal') below it; the table was not read`,
        },
      });
    return undefined;
  }
  // A row of another name would get a key and an amount no municipality pays.
  for (const row of table.rows.slice(0, -1)) {
    const res = resolveMunicipality(row.label);
    if (res.ok || row.label === "") continue;
    const m = unknownMunicipalityMessage(res);
    error(notes, id, row.labelCell, m.nl, m.en);
    failed.value = true;
  }
  ctx.claim(r0, leftEdge, right);
  for (let r = r0 + 1; r <= last; r++) ctx.claim(r, leftEdge, right);
  ctx.notes.push(...notes);
  return {
    id,
    range: formatRange(
      { top: title?.row ?? r0, left: leftEdge, bottom: last, right },
      scan.sheet.name
    ),
    years: [],
    rows: [],
    failed: failed.value,
    named: table,
  };
}

/**
 * The normalised words of a header cell, without `aandeel`/`€` before them (the part they
 * say) or a weight after them.
 */
function headerWords(text: string): {
  words: string;
  weight?: string;
  part?: "share" | "amount";
} {
  const weight = WEIGHT_SUFFIX.exec(text)?.[1];
  const n = normLabel(weight ? text.slice(0, -weight.length) : text);
  const q = QUALIFIER.exec(n)?.[1];
  const part = q && q !== "deel" ? (/€|bedrag/.test(q) ? "amount" : "share") : undefined;
  return { words: n.slice(q ? q.length : 0).trimStart(), weight, part };
}

/** A filled cell of a row and its header words (undefined where it cannot be a header). */
interface RowCell {
  column: number;
  words?: string;
}

/** The row's filled cells with their header words, worked out once for every kind. */
function rowCells(ctx: NamedContext, r: number): RowCell[] {
  return (ctx.scan.columns.get(r) ?? []).map((column) => {
    const text = headerText(ctx.scan, r, column);
    return { column, words: text === undefined ? undefined : headerWords(text).words };
  });
}

/**
 * A row's filled cells in groups that may each be a header: runs of adjacent cells, a run that
 * starts with a word naming a column of the kind continuing the run before it (a spacer column
 * inside a header); another word starts a table of its own (tables side by side).
 */
function headerGroups(kind: TableKind, cells: readonly RowCell[]): number[][] {
  const groups: number[][] = [];
  let previous: number | undefined;
  for (const { column: c, words } of cells) {
    const named = words !== undefined && kind.named!.columns.some((s) => s.pattern.test(words));
    const last = groups[groups.length - 1];
    if (last && (previous === c - 1 || named)) last.push(c);
    else groups.push([c]);
    previous = c;
  }
  return groups;
}

/** Finds and reads every table with named columns on a sheet. */
export function readNamedTables(ctx: NamedContext): RawTable[] {
  const raws: RawTable[] = [];
  for (const r of ctx.scan.rowNumbers) {
    if ((ctx.scan.columns.get(r)?.length ?? 0) < 3) continue;
    const cells = rowCells(ctx, r);
    for (const kind of NAMED_KINDS) {
      for (const group of headerGroups(kind, cells)) {
        if (group.length < 3 || ctx.isClaimed(r, group[0], group[group.length - 1])) continue;
        const columns = headerColumns(kind, ctx, r, group);
        if (!columns || unmet(kind, columns).length > 0) continue;
        const raw = readTable(kind, ctx, r, columns, group[0]);
        if (raw) raws.push(raw);
      }
    }
  }
  return raws;
}

/**
 * A template table of a kind with named columns (`UP_Herberekening`, `UP_Toename`): the Excel
 * table's header row names its columns as a published header does, its rows run to the total
 * row. Undefined when it cannot be read: a column it needs missing is said here.
 */
export function readNamedArea(
  kind: TableKind,
  loc: Area & { sheet: SheetGrid; table: { name: string } },
  notes: ReadNote[]
): RawTable | undefined {
  const { sheet, top } = loc;
  // Only the table's rows, and of them only the header's columns, are read.
  const outside = (r: number) => r < top || r > loc.bottom;
  const ctx: NamedContext = {
    scan: scanSheet(sheet, { titleKind: () => undefined, namesKind: () => false }),
    notes,
    titles: [],
    claim: () => undefined,
    isClaimed: outside,
    startsTable: outside,
    excelTable: loc.table.name,
  };
  const group = (ctx.scan.columns.get(top) ?? []).filter((c) => c >= loc.left && c <= loc.right);
  const columns = headerColumns(kind, ctx, top, group) ?? [];
  const unmetColumns = unmet(kind, columns);
  if (unmetColumns.length === 0) return readTable(kind, ctx, top, columns, loc.left);
  const found = new Set(columns.map((c) => c.field));
  const missing = unmetColumns.map((q) => {
    const labels = kind
      .named!.columns.filter((c) => q.fields.includes(c.field))
      .map((c) => `'${c.label.nl}'`);
    if (q.count === 1)
      return { nl: `de kolom ${labels.join(" of ")}`, en: `the column ${labels.join(" or ")}` };
    const n = q.fields.filter((f) => found.has(f)).length;
    return {
      nl: `minstens ${q.count} van de kolommen ${labels.join(", ")} (gevonden: ${n})`,
      en: `at least ${q.count} of the columns ${labels.join(", ")} (found: ${n})`,
    };
  });
  error(
    notes,
    kind.id,
    cellRef(sheet, top, loc.left),
    `Excel-tabel ${loc.table.name} mist ${missing.map((m) => m.nl).join(" en ")}`,
    `Excel table ${loc.table.name} lacks ${missing.map((m) => m.en).join(" and ")}`
  );
  return undefined;
}
