import { OfficeMockObject } from "office-addin-mock";
import { address, parseAddress } from "../../src/core/address";
import { ApiSet, supports } from "../../src/excel/apiSets";

/*
 * A small in-memory workbook behind office-addin-mock ranges: a range's `values`/`formulas`
 * can only be read after load() and sync(), as in Excel, and what a batch assigns reaches
 * the cells on sync().
 */

export interface FakeCell {
  formula?: string;
  value: string | number | boolean | null;
}

/** What a batch set on a range's `format` (font, fill, borders, sizes, alignment). */
export type FormatRecord = Record<string, unknown>;

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  visibility = "Visible";
  pageLayout: Record<string, unknown> = {};
  /** Number formats set on single cells. */
  cellFormats = new Map<string, unknown>();
  /** Formats set on ranges, in the order they reached the workbook. */
  formats: { range: string; format: FormatRecord }[] = [];
  /** Ranges merged into one cell. */
  merges: string[] = [];
  constructor(public name: string) {}

  /** The format of one cell: every format set on a range holding it, later ones winning. */
  formatAt(a: string): FormatRecord {
    const p = parseAddress(a)!;
    const out: FormatRecord = {};
    for (const { range, format } of this.formats) {
      const { rows, cols } = cellsOf(range);
      if (
        (rows.length === 0 || rows.includes(p.row)) &&
        (cols.length === 0 || cols.includes(p.column))
      )
        mergeInto(out, format);
    }
    return out;
  }

  get(a: string): FakeCell | undefined {
    return this.cells.get(a);
  }
  /** Sets cells from a map like { D7: 91153, D8: "=D7*2" }. */
  set(cells: Record<string, string | number | boolean>): this {
    for (const [a, v] of Object.entries(cells)) {
      this.cells.set(
        a,
        typeof v === "string" && v.startsWith("=") ? { formula: v, value: 0 } : { value: v }
      );
    }
    return this;
  }
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  selected: string[] = [];
  /** Office.js members used that this Excel lacks (a requirement set switched off). */
  missing: string[] = [];
  active?: string;
  /** What the user has selected, as "Sheet!A1:B2". */
  selection?: string;
  syncs = 0;

  sheet(name: string): FakeSheet {
    let s = this.sheets.find((x) => x.name === name);
    if (!s) {
      s = new FakeSheet(name);
      this.sheets.push(s);
    }
    return s;
  }
  find(name: string): FakeSheet | undefined {
    return this.sheets.find((x) => x.name === name);
  }
}

function mergeInto(target: FormatRecord, source: FormatRecord): void {
  for (const [k, v] of Object.entries(source)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const inner = (target[k] ?? {}) as FormatRecord;
      mergeInto(inner, v as FormatRecord);
      target[k] = inner;
    } else {
      target[k] = v;
    }
  }
}

/** A range's `format` as a plain object that keeps what is set on it, borders by edge. */
function recordingFormat(): FormatRecord & { borders: { getItem(edge: string): FormatRecord } } {
  const borders: FormatRecord = {};
  return {
    font: {},
    fill: {},
    borders: {
      getItem(edge: string) {
        borders[edge] ??= {};
        return borders[edge] as FormatRecord;
      },
      toJSON: () => borders,
    },
  } as FormatRecord & { borders: { getItem(edge: string): FormatRecord } };
}

/** What a recording format holds, without the empty parts. */
function recorded(format: FormatRecord): FormatRecord {
  const out: FormatRecord = {};
  for (const [k, v] of Object.entries(format)) {
    const value = k === "borders" ? (v as { toJSON(): FormatRecord }).toJSON() : (v as unknown);
    if (value && typeof value === "object" && Object.keys(value).length === 0) continue;
    out[k] = value;
  }
  return out;
}

/** The requirement sets the fake Excel has: every set up to `excelApi` (default 1.9). */
export function installRequirementSets(excelApi: string): void {
  const below = (a: string, b: string) => {
    const [x, y] = a.split(".").map(Number);
    const [u, v] = b.split(".").map(Number);
    return x < u || (x === u && y <= v);
  };
  (globalThis as Record<string, unknown>).Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === "ExcelApi" && below(version, excelApi),
      },
    },
  };
}

function cellsOf(a: string): { rows: number[]; cols: number[] } {
  const [p, q = p] = a.split(":");
  const colOnly = /^[A-Z]+$/i;
  const rowOnly = /^\d+$/;
  if (colOnly.test(p)) {
    const c = parseAddress(`${p}1`)!.column;
    return { rows: [], cols: [c] };
  }
  if (rowOnly.test(p)) return { rows: [Number(p)], cols: [] };
  const s = parseAddress(p)!;
  const e = parseAddress(q)!;
  const rows = [];
  const cols = [];
  for (let r = s.row; r <= e.row; r++) rows.push(r);
  for (let c = s.column; c <= e.column; c++) cols.push(c);
  return { rows, cols };
}

export function fakeContext(book: FakeBook): Excel.RequestContext {
  /** A member of `set`, refused (and recorded) as an older Excel refuses it. */
  const gated = <T>(set: ApiSet, api: string, value: T): T => {
    if (supports(set)) return value;
    book.missing.push(api);
    throw new TypeError(`${api} is undefined: this Excel has no ${set}`);
  };
  const pending: (() => void)[] = [];
  const appliers: (() => void)[] = [];
  const ranges: OfficeMockObject[] = [];

  const range = (sheet: FakeSheet, a: string) => {
    const { rows, cols } = cellsOf(a);
    const grid = <T>(f: (cell: FakeCell | undefined) => T) =>
      rows.map((r) => cols.map((c) => f(sheet.get(address(r, c)))));
    const original = {
      formulas: grid((c) => c?.formula ?? c?.value ?? ""),
      values: grid((c) => c?.value ?? ""),
      numberFormat: rows.map((r) =>
        cols.map((c) => sheet.cellFormats.get(address(r, c)) ?? "General")
      ),
    };
    const mock = new OfficeMockObject({
      address: `${sheet.name}!${a}`,
      formulas: original.formulas,
      values: original.values,
      numberFormat: original.numberFormat,
      select() {
        book.active = sheet.name;
        book.selected.push(`${sheet.name}!${a}`);
      },
      clear() {
        pending.push(() =>
          rows.forEach((r) => cols.forEach((c) => sheet.cells.delete(address(r, c))))
        );
      },
      merge() {
        pending.push(() => sheet.merges.push(a));
      },
      delete() {
        pending.push(() => {
          const height = rows.length;
          const last = Math.max(0, ...[...sheet.cells.keys()].map((k) => parseAddress(k)!.row));
          for (const c of cols) {
            for (let r = rows[0]; r <= last; r++) {
              const below = sheet.get(address(r + height, c));
              if (below) sheet.cells.set(address(r, c), below);
              else sheet.cells.delete(address(r, c));
            }
          }
        });
      },
    }) as OfficeMockObject & Record<string, unknown>;
    const format = recordingFormat();
    mock.format = format;
    let lastFormat = "{}";
    const applied: Record<string, unknown> = {
      values: original.values,
      formulas: original.formulas,
      numberFormat: original.numberFormat,
    };
    appliers.push(() => {
      // Formats first: what is written into a text-formatted cell stays text, as in Excel.
      const formats = mock.numberFormat as unknown;
      if (Array.isArray(formats) && formats !== applied.numberFormat) {
        applied.numberFormat = formats;
        // Excel wants one format per cell: a 2D array the size of the range.
        if (formats.length !== rows.length || formats.some((f) => f.length !== cols.length))
          throw new Error(`numberFormat of ${a} does not match the range's size`);
        rows.forEach((r, i) =>
          cols.forEach((c, j) => sheet.cellFormats.set(address(r, c), formats[i][j]))
        );
      }
      const write = (key: "values" | "formulas") => {
        const v = mock[key] as unknown;
        if (!Array.isArray(v) || v === applied[key]) return;
        applied[key] = v;
        rows.forEach((r, i) =>
          cols.forEach((c, j) => {
            const x = (v as unknown[][])[i][j] as string | number | boolean;
            const target = address(r, c);
            const textColumn = sheet.cellFormats.get(target) === "@";
            if (x === "") sheet.cells.delete(target);
            else if (key === "values" && textColumn) sheet.cells.set(target, { value: String(x) });
            else if (typeof x === "string" && x.startsWith("="))
              sheet.cells.set(target, { formula: x, value: 0 });
            else if (typeof x === "string" && x.startsWith("'"))
              sheet.cells.set(target, { value: x.slice(1) });
            else sheet.cells.set(target, { value: x });
          })
        );
      };
      write("values");
      write("formulas");
      const set = recorded(format);
      const json = JSON.stringify(set);
      if (json !== lastFormat) {
        lastFormat = json;
        sheet.formats.push({ range: a, format: set });
      }
    });
    ranges.push(mock);
    return mock as unknown as Excel.Range;
  };

  const worksheet = (sheet: FakeSheet) => ({
    isNullObject: false,
    get name() {
      return sheet.name;
    },
    get visibility() {
      return sheet.visibility;
    },
    set visibility(v: string) {
      sheet.visibility = v;
    },
    get pageLayout() {
      const layout = gated("ExcelApi 1.9", "Excel.Worksheet.pageLayout", sheet.pageLayout);
      layout.setPrintTitleRows ??= (rows: string) => (layout.printTitleRows = rows);
      layout.headersFooters ??= { defaultForAllPages: {} };
      return layout;
    },
    activate() {
      book.active = sheet.name;
    },
    getRange: (a: string) => range(sheet, a),
    delete() {
      pending.push(() => book.sheets.splice(book.sheets.indexOf(sheet), 1));
    },
    getRanges: (a: string) => {
      gated("ExcelApi 1.9", "Excel.Worksheet.getRanges", true);
      const parts = a.split(",").map((p) => range(sheet, p.trim()));
      return {
        select() {
          gated("ExcelApi 1.18", "Excel.RangeAreas.select", true);
          book.active = sheet.name;
          book.selected.push(`${sheet.name}!${a}`);
        },
        areas: parts,
      };
    },
    getUsedRange: () => {
      let maxR = 1;
      let maxC = 1;
      for (const k of sheet.cells.keys()) {
        const p = parseAddress(k)!;
        maxR = Math.max(maxR, p.row);
        maxC = Math.max(maxC, p.column);
      }
      return range(sheet, `A1:${address(maxR, maxC)}`);
    },
  });

  const context = {
    workbook: {
      getSelectedRange: () => {
        if (!book.selection) throw new Error("nothing selected");
        const [sheet, a] = book.selection.split("!");
        return range(book.sheet(sheet), a);
      },
      worksheets: {
        getItem: (name: string) => {
          const s = book.find(name);
          if (!s) throw new Error(`ItemNotFound: ${name}`);
          return worksheet(s);
        },
        getItemOrNullObject: (name: string) => {
          const s = book.find(name);
          return s ? worksheet(s) : { isNullObject: true };
        },
        add: (name: string) => worksheet(book.sheet(name)),
        load() {},
        get items() {
          return book.sheets.map(worksheet);
        },
      },
    },
    async sync() {
      book.syncs++;
      for (const f of appliers) f();
      for (const f of pending.splice(0)) f();
      for (const r of ranges) await r.sync();
    },
  };
  return context as unknown as Excel.RequestContext;
}

/** The Excel enums the write functions use. */
export function installExcelEnums(): void {
  (globalThis as Record<string, unknown>).Excel = {
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    DeleteShiftDirection: { up: "Up" },
    PaperType: { a4: "A4" },
    PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
    VerticalAlignment: { top: "Top" },
    WorksheetPositionType: { end: "End" },
  };
}
