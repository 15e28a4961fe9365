import { columnLetter, formatRange, parseAddress, parseReference } from "../core/address";
import { readDutchNumber } from "../core/dutchNumber";
import { CellRef, TableId } from "../core/model";
import { tableKind } from "../core/tableKinds";
import { hiddenRowNote, normLabel, NumberRead, RawRow, RawTable } from "./build";
import { CellRead, cellRef, figureOf, readCell, ReadNote, textAsNumberNote } from "./cells";
import { WorkbookGrid } from "./grid";
import { readNamedTables } from "./namedTables";
import { namesKind, Recogniser, titleKind } from "./recognise";
import {
  firstText,
  Header,
  MAX_GAP,
  overlaps,
  pushTo,
  rowsAfter,
  scanSheet,
  SheetScan,
  Title,
} from "./scan";

/*
 * The published layout: section 6 of the plan pasted from the PDF into a sheet. Tables are
 * recognised by content — a title `Tabel 3 …`, a header row with years, row labels — not by
 * position: scan.ts finds the candidates in one pass, recognise.ts tells their kind, and this
 * file reads each table's rows.
 */

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

/**
 * Whether a table ends with this row, as its kind closes: its closing total. `next` is the
 * label of the row below it, for a total that its split lines follow.
 */
function closes(id: TableId, row: RawRow, before: RawRow[], next?: string): boolean {
  const n = normLabel(row.label);
  return tableKind(id).closing.some(
    (c) =>
      (c.labels.test(n) || (c.unlabelled === true && n === "")) &&
      !(c.withFigures && row.values.size === 0 && row.extra === undefined) &&
      (!c.after || before.some((r) => c.after!.test(normLabel(r.label)))) &&
      !(c.unlessNext && next !== undefined && c.unlessNext.test(normLabel(next)))
  );
}

/** The number a kind's rows carry before the years: scale, share or key. */
const extraKind = (id: TableId) => tableKind(id).columns.extra;

class PublishedReader {
  readonly raws: RawTable[] = [];
  /** Cells taken by a table, as column ranges per row: side-by-side tables share rows. */
  private claimed = new Map<number, [number, number][]>();

  constructor(
    private scan: SheetScan,
    private recogniser: Recogniser,
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

  /** The next filled row within the columns, if it is near enough to belong to the table. */
  private nextRow(r: number, left: number, right: number): number | undefined {
    for (const next of rowsAfter(this.scan, r)) {
      if (next - r > MAX_GAP || this.startsTable(next, left, right)) return undefined;
      if (this.filledIn(next, left, right).length > 0) return next;
    }
    return undefined;
  }

  /** The label of the next row, as a closing row that its split lines follow asks. */
  private nextLabel(r: number, left: number, right: number): string | undefined {
    const next = this.nextRow(r, left, right);
    return next === undefined
      ? undefined
      : splitLine(firstText(this.scan, next, left, right)).label;
  }

  /**
   * Whether the next row is one more row of the table: it holds a figure under its years, or
   * is a whole line in one cell with numbers.
   */
  private rowFollows(r: number, scope: [number, number], yearColumns: Set<number>): boolean {
    const next = this.nextRow(r, ...scope);
    if (next === undefined) return false;
    const filled = this.filledIn(next, ...scope);
    if (filled.some((c) => yearColumns.has(c))) return true;
    const only =
      filled.length === 1 ? readCell(this.scan.sheet.rows.get(next)?.get(filled[0])) : undefined;
    return only?.kind === "text" && splitLine(only.text).numbers.length > 0;
  }

  /**
   * A row without a label where the table's unlabelled total would be, but more rows of the
   * table follow: its label was emptied or merged away. The table is read on to its total; the
   * row keeps its figures and gets the cell that lacks the label, which is named.
   */
  private missingLabel(id: TableId, row: RawRow, r: number, column: number): void {
    const cell = cellRef(this.scan.sheet, r, column);
    row.labelCell = cell;
    const merge = this.scan.sheet.merges
      .map((m) => ({ text: m, area: parseReference(m) }))
      .find(
        ({ area }) =>
          area && r >= area.top && r <= area.bottom && column >= area.left && column <= area.right
      );
    const why = merge
      ? {
          nl: `${cell.address} ligt in de samengevoegde cellen ${merge.text} en heeft daardoor geen eigen naam`,
          en: `${cell.address} lies in the merged cells ${merge.text} and so has no name of its own`,
        }
      : { nl: `${cell.address} is leeg`, en: `${cell.address} is empty` };
    this.error(
      id,
      cell,
      `${why.nl}, maar rij ${r} heeft bedragen en er volgen nog rijen van de tabel: vul de naam in (de tabel is doorgelezen tot de totaalregel)`,
      `${why.en}, but row ${r} holds figures and more rows of the table follow: fill in the name (the table was read on to its total row)`
    );
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
    const row: RawRow = {
      label,
      labelCell: cell,
      values: new Map(),
      empty: new Map(),
    };
    const kind = extraKind(id);
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
        ? {
            nl: `'${read.text}' is geen getal`,
            en: `'${read.text}' is not a number`,
          }
        : read.message;
    this.error(id, cell, `${cell.address}: ${what.nl}`, `${cell.address}: ${what.en}`);
    return { failed: true };
  }

  /**
   * Reads the rows under a header with year columns (or a one-cell header line). A table of a
   * kind plans need not have that never reaches its closing row is no such table: undefined.
   */
  readHeaderTable(h: Header, id: TableId, title?: Title): RawTable | undefined {
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
    let closed = false;
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
        if (extras.length > 1 || (extras.length === 1 && !extraKind(id))) {
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
      if (!closes(id, row, raw.rows.slice(0, -1), this.nextLabel(r, ...scope))) continue;
      // An unlabelled closing row with more rows of the table below is a row that lost its label.
      if (row.label === "" && this.rowFollows(r, scope, new Set(columnYear.keys()))) {
        const above = raw.rows[raw.rows.length - 2]?.labelCell;
        this.missingLabel(id, row, r, (above && parseAddress(above.address)?.column) ?? scope[0]);
        continue;
      }
      closed = true;
      break;
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
    if (!closed && tableKind(id).optional) return undefined;
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
      // Under its title, a first row with figures but its label emptied is the table's too.
      const unlabelled = n === "" && this.filledIn(r, left, right).length > 0;
      if (
        title ? n.startsWith("formatiekosten") || unlabelled : /^formatiekosten totaal\b/.test(n)
      ) {
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
      const row: RawRow = {
        label: e.label,
        values: new Map(),
        empty: new Map(),
      };
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
      this.notes.push({
        severity: "info",
        table: id,
        cell: first.labelCell,
        message: { nl, en },
      });
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

  /** Reads a table under a header; what it noted counts only when it is a table after all. */
  private readCandidate(h: Header, id: TableId, title?: Title): void {
    const notes = this.notes;
    this.notes = [];
    const raw = this.readHeaderTable(h, id, title);
    if (raw) {
      this.raws.push(raw);
      notes.push(...this.notes);
    }
    this.notes = notes;
  }

  read(): void {
    // Tables with named columns first: a change table's header holds years too.
    this.raws.push(
      ...readNamedTables({
        scan: this.scan,
        notes: this.notes,
        titles: this.scan.titles,
        claim: (r, left, right) => this.claim(r, left, right),
        isClaimed: (r, left, right) => this.isClaimed(r, left, right),
        startsTable: (r, left, right) => this.startsTable(r, left, right),
      })
    );
    for (const h of this.scan.headers) {
      if (this.isClaimed(h.row, h.first, h.last)) continue;
      const { id, title } = this.recogniser.kindOf(h);
      if (!id || id === "Tabel 2" || id === "Sleutel" || tableKind(id).named) continue;
      this.readCandidate(h, id, title);
    }
    const staffHeader = this.scan.headers.find(
      (h) => !this.isClaimed(h.row, h.first, h.last) && this.recogniser.kindOf(h).id === "Tabel 2"
    );
    if (staffHeader) {
      this.readCandidate(staffHeader, "Tabel 2", this.recogniser.kindOf(staffHeader).title);
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
    const scan = scanSheet(sheet, { titleKind, namesKind });
    result.title = result.title ?? scan.planTitle;
    if (scan.headers.length === 0 && scan.titles.length === 0) continue;
    const reader = new PublishedReader(scan, new Recogniser(scan), notes);
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
