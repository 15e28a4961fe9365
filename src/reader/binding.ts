import { Message, TableId } from "../core/model";
import { TABLE_KINDS, tableKind } from "../core/tableKinds";
import { normLabel, NumberRead, RawRow, RawTable, hiddenRowNote } from "./build";
import { cellRef, figureOf, readCell, ReadNote, textAsNumberNote } from "./cells";
import { GridCell, SheetGrid, WorkbookGrid } from "./grid";
import { columnNumber, formatRange, parseReference, splitOutside } from "../core/address";
import { presentRows, tableRange } from "./tableRange";

/*
 * Binding by hand: where recognition is unsure or fails, the user says "this range is Tabel 6,
 * its labels are in column A, its years in row 60". Bindings are kept in the workbook on a very
 * hidden sheet, one row per table, so that Excel (Office.js), the command line and the browser
 * page (ExcelJS) read and write the same thing.
 */

export const BINDING_SHEET = "UP_Koppelingen";

/** The header row of the binding sheet; its columns in this order. */
export const BINDING_HEADER = [
  "Tabel",
  "Werkblad",
  "Bereik",
  "Labelkolom",
  "Kopregel",
  "Jaarkolommen",
  "Extra kolom",
] as const;

export const BINDABLE: readonly TableId[] = TABLE_KINDS.filter((k) => k.bindable).map((k) => k.id);

export interface TableBinding {
  table: TableId;
  sheet: string;
  /** The table's rows (header included, when it has one), e.g. "A60:H77". */
  range: string;
  /** Column of the row labels, e.g. "A". */
  labelColumn: string;
  /** Row whose cells name the years (`2024`, `fte 2024`, `'24`); absent when `years` says it. */
  headerRow?: number;
  /** Year of each column, when there is no usable header row: "D" → 2023. */
  years?: { column: string; year: number }[];
  /** Column of the scale (Tabel 1), share (Tabel 2, 3) or key (Tabel 6), when not found alone. */
  extraColumn?: string;
}

/** The bindings with `b` in place of any earlier binding of the same table. */
export function withBinding(list: readonly TableBinding[], b: TableBinding): TableBinding[] {
  return [...list.filter((x) => x.table !== b.table), b];
}

/** One binding as a row of the binding sheet. */
export function bindingRow(b: TableBinding): (string | number)[] {
  return [
    b.table,
    b.sheet,
    b.range,
    b.labelColumn,
    b.headerRow ?? "",
    (b.years ?? []).map((y) => `${y.column}=${y.year}`).join(";"),
    b.extraColumn ?? "",
  ];
}

function text(cell: GridCell | undefined): string {
  const v = cell?.value;
  if (typeof v === "number") return String(v);
  return typeof v === "string" ? v.trim() : "";
}

/** Parses one row of the binding sheet; a message says what is wrong with it. */
export function parseBinding(cells: string[]): TableBinding | Message {
  const [table, sheet, range, label, header, years, extra] = cells.map((c) => c.trim());
  const id = BINDABLE.find((t) => normLabel(t) === normLabel(table ?? ""));
  if (!id)
    return {
      nl: `'${table}' is geen tabel van het plan (${BINDABLE.join(", ")})`,
      en: `'${table}' is not a table of the plan (${BINDABLE.join(", ")})`,
    };
  const area = tableRange(range ?? "");
  if (sheet && area && "nl" in area) return { nl: `${id}: ${area.nl}`, en: `${id}: ${area.en}` };
  if (!sheet || !area || "nl" in area || area.kind !== "range" || area.sheet !== undefined)
    return {
      nl: `${id}: werkblad en bereik (zoals A5:H20) ontbreken of kloppen niet: '${sheet}' '${range}'`,
      en: `${id}: sheet and range (such as A5:H20) are missing or wrong: '${sheet}' '${range}'`,
    };
  const labelColumn = (label ?? "").toUpperCase();
  if (columnNumber(labelColumn) === undefined)
    return {
      nl: `${id}: labelkolom '${label}' is geen kolomletter`,
      en: `${id}: label column '${label}' is not a column letter`,
    };
  const binding: TableBinding = {
    table: id,
    sheet,
    range: formatRange(area),
    labelColumn,
  };
  if (header) {
    const row = Number(header);
    if (!Number.isInteger(row) || row < area.top || row > area.bottom)
      return {
        nl: `${id}: kopregel '${header}' ligt niet in ${binding.range}`,
        en: `${id}: header row '${header}' is not within ${binding.range}`,
      };
    binding.headerRow = row;
  }
  if (years) {
    const list = splitOutside(years, ";,").map((p) => /^\s*([A-Za-z]+)\s*=\s*(\d{4})\s*$/.exec(p));
    if (list.some((m) => !m || columnNumber(m[1]) === undefined))
      return {
        nl: `${id}: jaarkolommen '${years}' moeten er uitzien als D=2023;E=2024`,
        en: `${id}: year columns '${years}' must look like D=2023;E=2024`,
      };
    binding.years = list.map((m) => ({ column: m![1].toUpperCase(), year: Number(m![2]) }));
  }
  if (!binding.headerRow && !binding.years)
    return {
      nl: `${id}: geef een kopregel met jaren of de jaarkolommen`,
      en: `${id}: give a header row with years or the year columns`,
    };
  if (extra) {
    if (columnNumber(extra) === undefined)
      return {
        nl: `${id}: extra kolom '${extra}' is geen kolomletter`,
        en: `${id}: extra column '${extra}' is not a column letter`,
      };
    binding.extraColumn = extra.toUpperCase();
  }
  return binding;
}

/** The bindings saved in a workbook, with a note for each row that cannot be used. */
export function readBindings(grid: WorkbookGrid, notes: ReadNote[]): TableBinding[] {
  const sheet = bindingSheet(grid);
  if (!sheet) return [];
  const bindings: TableBinding[] = [];
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    const cells = BINDING_HEADER.map((_, i) => text(sheet.rows.get(r)?.get(i + 1)));
    if (cells.every((c) => c === "") || normLabel(cells[0]) === "tabel") continue;
    const parsed = parseBinding(cells);
    if ("nl" in parsed) {
      notes.push({
        severity: "error",
        cell: cellRef(sheet, r, 1),
        message: {
          nl: `Koppeling op rij ${r} van ${BINDING_SHEET} is niet te gebruiken: ${parsed.nl}`,
          en: `Binding on row ${r} of ${BINDING_SHEET} cannot be used: ${parsed.en}`,
        },
      });
      continue;
    }
    if (bindings.some((b) => b.table === parsed.table)) {
      notes.push({
        severity: "warning",
        table: parsed.table,
        cell: cellRef(sheet, r, 1),
        message: {
          nl: `${parsed.table} is meer dan eens gekoppeld in ${BINDING_SHEET}: rij ${r} is overgeslagen`,
          en: `${parsed.table} is bound more than once in ${BINDING_SHEET}: row ${r} was skipped`,
        },
      });
      continue;
    }
    bindings.push(parsed);
  }
  return bindings;
}

export function bindingSheet(grid: WorkbookGrid): SheetGrid | undefined {
  return grid.sheets.find((s) => s.name.toLowerCase() === BINDING_SHEET.toLowerCase());
}

const HEADER_YEAR = /^(?:fte\s*)?(?:['’‘](\d{2})|((?:19|20|21)\d\d))$/i;

/** Year per column: from the binding's list, else from the header row's cells. */
function yearColumns(b: TableBinding, sheet: SheetGrid, left: number, right: number) {
  if (b.years) return b.years.map((y) => ({ column: columnNumber(y.column)!, year: y.year }));
  const found: { column: number; year: number }[] = [];
  for (let c = left; c <= right; c++) {
    const v = sheet.rows.get(b.headerRow!)?.get(c)?.value;
    const t = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
    const m = HEADER_YEAR.exec(t);
    if (m) found.push({ column: c, year: m[1] ? 2000 + Number(m[1]) : Number(m[2]) });
  }
  return found;
}

/** Reads a bound table: the rows of its range, labels, extra column and years as the user said. */
export function readBoundTable(
  grid: WorkbookGrid,
  b: TableBinding,
  notes: ReadNote[]
): RawTable | undefined {
  const id = b.table;
  const sheet = grid.sheets.find((s) => s.name === b.sheet);
  const fail = (nl: string, en: string, cell?: ReadNote["cell"]) => {
    notes.push({
      severity: "error",
      table: id,
      cell,
      message: { nl: `${id} (koppeling): ${nl}`, en: `${id} (binding): ${en}` },
    });
  };
  if (!sheet) {
    fail(
      `werkblad '${b.sheet}' bestaat niet (meer)`,
      `sheet '${b.sheet}' does not exist (any more)`
    );
    return undefined;
  }
  const area = parseReference(b.range)!;
  const labelColumn = columnNumber(b.labelColumn)!;
  const years = yearColumns(b, sheet, area.left, area.right);
  const raw: RawTable = {
    id,
    range: formatRange(area, sheet.name),
    years: years.map((y) => y.year),
    rows: [],
    failed: false,
  };
  if (years.length === 0) {
    fail(
      `geen jaren gevonden in kopregel ${b.headerRow}: geef de jaarkolommen op`,
      `no years found in header row ${b.headerRow}: give the year columns`,
      cellRef(sheet, b.headerRow ?? area.top, area.left)
    );
    return undefined;
  }
  const yearColumnSet = new Set(years.map((y) => y.column));
  const extraColumn = b.extraColumn ? columnNumber(b.extraColumn)! : undefined;
  const first = (b.headerRow ?? area.top - 1) + 1;
  for (const r of presentRows(sheet, first, area.bottom)) {
    const cells = sheet.rows.get(r);
    const row: RawRow = { label: "", values: new Map(), empty: new Map() };
    const labelRead = readCell(cells?.get(labelColumn));
    if (labelRead.kind === "text") {
      row.label = labelRead.text;
      row.labelCell = cellRef(sheet, r, labelColumn);
    }
    const extras: { read: NumberRead; cell: ReturnType<typeof cellRef> }[] = [];
    for (let c = area.left; c <= area.right; c++) {
      if (c === labelColumn || yearColumnSet.has(c)) continue;
      if (extraColumn !== undefined && c !== extraColumn) continue;
      const read = readCell(cells?.get(c));
      if (read.kind === "number") {
        const cell = cellRef(sheet, r, c);
        if (read.fromText) notes.push(textAsNumberNote(read, cell, id));
        extras.push({ read, cell });
      }
    }
    if (extras.length === 1) row.extra = extras[0];
    else if (extras.length > 1) {
      fail(
        `${extras.map((e) => e.cell.address).join(", ")}: meer dan één getal buiten de jaarkolommen; geef de extra kolom op`,
        `${extras.map((e) => e.cell.address).join(", ")}: more than one number outside the year columns; give the extra column`,
        extras[0].cell
      );
      raw.failed = true;
    }
    for (const { column, year } of years) {
      const cell = cellRef(sheet, r, column);
      const read = readCell(cells?.get(column));
      if (read.kind === "empty") row.empty.set(year, cell);
      else if (read.kind === "number" && !read.percent) {
        if (read.fromText) notes.push(textAsNumberNote(read, cell, id));
        row.values.set(year, figureOf(read, cell));
      } else {
        const why: Message =
          read.kind === "number"
            ? {
                nl: "een percentage waar een bedrag hoort",
                en: "a percentage where an amount must be",
              }
            : read.kind === "text"
              ? { nl: `'${read.text}' is geen getal`, en: `'${read.text}' is not a number` }
              : read.message;
        fail(`${cell.address}: ${why.nl}`, `${cell.address}: ${why.en}`, cell);
        raw.failed = true;
      }
    }
    const blank = row.label === "" && row.values.size === 0 && !row.extra;
    if (blank) continue;
    if (sheet.hiddenRows.has(r)) hiddenRowNote(id, row, sheet, r, notes);
    raw.rows.push(row);
  }
  notes.push({
    severity: "info",
    table: id,
    message: {
      nl: `${tableKind(id).name.nl} is met de hand gekoppeld aan ${raw.range} (${describe(b, "nl")})`,
      en: `${tableKind(id).name.en} was bound by hand to ${raw.range} (${describe(b, "en")})`,
    },
  });
  return raw;
}

function describe(b: TableBinding, lang: "nl" | "en"): string {
  const years = b.years
    ? b.years.map((y) => `${y.column}=${y.year}`).join(", ")
    : lang === "nl"
      ? `jaren uit rij ${b.headerRow}`
      : `years from row ${b.headerRow}`;
  return lang === "nl"
    ? `labels in kolom ${b.labelColumn}, ${years}`
    : `labels in column ${b.labelColumn}, ${years}`;
}

/** The grid without the binding sheet, so recognition never reads the bindings as a plan. */
export function withoutBindingSheet(grid: WorkbookGrid): WorkbookGrid {
  const sheet = bindingSheet(grid);
  return sheet ? { ...grid, sheets: grid.sheets.filter((s) => s !== sheet) } : grid;
}
