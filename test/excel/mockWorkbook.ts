import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { OfficeMockObject } from "office-addin-mock";
import { readDutchNumber } from "../../src/core/dutchNumber";
import { columnLetter } from "../../src/core/address";
import { ApiSet, supports } from "../../src/excel/apiSets";
import { utf8Length } from "../../src/excel/grid";

/*
 * An Excel workbook as office-addin-mock objects: used ranges whose values, formulas and
 * number formats can be read only after load() and sync(), tables, hidden rows and merged
 * cells, the worksheet and table change events, and Excel on the web's limit on a response.
 * Members of a requirement set the test switched off (test/excel/excelVersion.ts) are missing,
 * as in an older Excel: using one is recorded in `missing` and throws. Its one sheet holds section 6 of the published Uitvoeringsplan 2024 as it
 * looks when pasted into Dutch Excel: amounts become numbers, "3,53%" a percentage.
 */

type Cell = string | number | boolean;

/** Section 6 of the published Uitvoeringsplan 2024, tab-separated as in the published text. */
const SECTION6 = resolve(__dirname, "fixtures/uitvoeringsplan-2024-sectie6.tsv");

export interface MockSheet {
  name: string;
  id: string;
  /** Top-left cell of the used range, e.g. "A1". */
  origin: string;
  values: Cell[][];
  formulas?: Cell[][];
  numberFormat?: string[][];
  valueTypes?: string[][];
  /** Hidden rows, 1-based sheet rows. */
  hiddenRows?: number[];
  /** Merged areas, e.g. "A1:H1". */
  merges?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

export interface MockTable {
  name: string;
  sheet: string;
  address: string;
  id?: string;
}

/** A change event as Office.js gives it to a handler. */
export interface MockChange {
  worksheetId: string;
  address: string;
  changeType: string;
  tableId?: string;
}

type ChangeHandler = (e: MockChange) => Promise<void>;

/** Section 6, cell by cell as typed. */
function section6(): string[][] {
  return readFileSync(SECTION6, "utf8")
    .split(/\r?\n/)
    .map((l) => l.split("\t"));
}

/** As Dutch Excel stores a paste: Dutch numbers become numbers, "3,53%" the fraction 0.0353. */
export function publishedRows(): Cell[][] {
  return section6().map((line) =>
    line.map((cell): Cell => {
      const n = readDutchNumber(cell);
      return n ? n.value.toNumber() : cell;
    })
  );
}

/** Excel's number formats for pasted Dutch numbers: percentages as 0.00%, amounts grouped. */
function formatsFor(rows: Cell[][], source: string[][]): string[][] {
  return rows.map((row, r) =>
    row.map((v, c) => {
      const text = source[r]?.[c] ?? "";
      if (typeof v !== "number") return "General";
      if (text.endsWith("%")) return "0.00%";
      if (text.includes(",")) return "0.00";
      return "#,##0";
    })
  );
}

export function publishedSheet(name = "Uitvoeringskosten", id = "{sheet-1}"): MockSheet {
  const source = section6();
  const values = publishedRows();
  const width = Math.max(...values.map((r) => r.length));
  const rect = values.map((r) => [...r, ...Array<Cell>(width - r.length).fill("")]);
  return {
    name,
    id,
    origin: "A1",
    values: rect,
    numberFormat: formatsFor(rect, source),
  };
}

/** Finds the cell of a sheet whose value is `label` in column A; its row, 1-based. */
export function rowOf(sheet: MockSheet, label: string): number {
  const i = sheet.values.findIndex((r) => r[0] === label);
  if (i < 0) throw new Error(`no row '${label}'`);
  return i + 1;
}

/** Excel's answer when a response would pass Excel on the web's 5 MB. */
export class PayloadTooLarge extends Error {
  readonly code = "ResponsePayloadSizeLimitExceeded";
}

/** A worksheet or table event of Office.js, as the mock keeps its handlers. */
type EventName =
  | "onChanged"
  | "onAdded"
  | "onDeleted"
  | "onRowSorted"
  | "onColumnSorted"
  | "onRowHiddenChanged"
  | "onNameChanged"
  | "tables.onChanged"
  | "tables.onAdded"
  | "tables.onDeleted";

export class MockWorkbook {
  /** Handlers by event; a handler registered on one worksheet has its id. */
  readonly listeners: { event: EventName; sheetId?: string; handler: ChangeHandler }[] = [];
  runs = 0;
  /** Every block of cells the reader asked for. */
  readonly blocks: { sheet: string; row: number; column: number; rows: number; columns: number }[] =
    [];
  /** What Excel refuses to answer in one response, in bytes; undefined: no limit. */
  payloadLimit: number | undefined;
  /** The bytes of cells each answered round trip carried. */
  readonly responses: number[] = [];
  /** Office.js members asked for that this Excel lacks (the requirement set the test switched off). */
  readonly missing: string[] = [];

  constructor(
    readonly name: string,
    readonly sheets: MockSheet[],
    readonly tables: MockTable[] = []
  ) {}

  private listen(event: EventName, handler: ChangeHandler, sheetId?: string): void {
    this.listeners.push({ event, handler, sheetId });
  }

  /** The events registered, by name: what the plan source listens to. */
  events(): string[] {
    return [...new Set(this.listeners.map((l) => l.event))].sort();
  }

  /** A member of `set`: there when this Excel has the set, else recorded and refused as old Excel does. */
  private gated<T>(set: ApiSet, api: string, value: () => T): () => T {
    return () => {
      if (!supports(set)) {
        this.missing.push(api);
        throw new TypeError(`${api} is undefined: this Excel has no ${set}`);
      }
      return value();
    };
  }

  private gatedEvent(target: object, property: string, set: ApiSet, api: string, event: EventName) {
    Object.defineProperty(target, property, {
      get: this.gated(set, api, () => ({ add: (h: ChangeHandler) => this.listen(event, h) })),
    });
  }

  /** A fresh request context per Excel.run, as Office.js gives. */
  private build(): Excel.RequestContext {
    const used: Record<string, unknown> = {};
    for (const s of this.sheets) {
      const o = /^([A-Z]+)(\d+)$/.exec(s.origin)!;
      used[s.id] = {
        rowIndex: Number(o[2]) - 1,
        columnIndex: letterNumber(o[1]) - 1,
        rowCount: s.values.length,
        columnCount: Math.max(0, ...s.values.map((r) => r.length)),
      };
    }
    const tableParts: Record<string, unknown> = {};
    this.tables.forEach((t, i) => {
      tableParts[`sheet${i}`] = { name: t.sheet };
      tableParts[`range${i}`] = { address: `${quote(t.sheet)}!${t.address}` };
    });
    const data = {
      workbook: {
        name: this.name,
        worksheets: {
          load: () => undefined,
          onAdded: { add: (h: ChangeHandler) => this.listen("onAdded", h) },
          onDeleted: { add: (h: ChangeHandler) => this.listen("onDeleted", h) },
        },
        tables: {
          load: () => undefined,
          onChanged: { add: (h: ChangeHandler) => this.listen("tables.onChanged", h) },
        },
      },
      used,
      tableParts,
    };
    const context = new OfficeMockObject(data) as unknown as OfficeMockObject &
      Excel.RequestContext & {
        used: Record<string, { isNullObject?: boolean; getMergedAreasOrNullObject?: unknown }>;
        tableParts: Record<string, unknown>;
      };
    const mock = context as unknown as {
      addMock(n: string): void;
    } & Record<string, { populate(data: unknown): void }>;
    let proxies = 0;
    /** A proxy whose properties load() and sync() must fill, as Office.js's do. */
    const proxy = (values: Record<string, unknown>) => {
      const name = `proxy${proxies++}`;
      mock.addMock(name);
      mock[name].populate(values);
      return mock[name] as unknown as Record<string, unknown>;
    };
    /** A RangeAreas: its address, or a null object when there are no areas. */
    const areas = (sheet: MockSheet, list: string[]) => {
      const r = proxy({ address: list.map((a) => `${quote(sheet.name)}!${a}`).join(",") });
      r.isNullObject = list.length === 0;
      return r;
    };
    let pending = 0;

    const ws = context.workbook.worksheets as unknown as { items: unknown[] };
    this.gatedEvent(
      ws,
      "onChanged",
      "ExcelApi 1.9",
      "Excel.WorksheetCollection.onChanged",
      "onChanged"
    );
    this.gatedEvent(
      ws,
      "onRowSorted",
      "ExcelApi 1.10",
      "Excel.WorksheetCollection.onRowSorted",
      "onRowSorted"
    );
    this.gatedEvent(
      ws,
      "onColumnSorted",
      "ExcelApi 1.10",
      "Excel.WorksheetCollection.onColumnSorted",
      "onColumnSorted"
    );
    this.gatedEvent(
      ws,
      "onRowHiddenChanged",
      "ExcelApi 1.11",
      "Excel.WorksheetCollection.onRowHiddenChanged",
      "onRowHiddenChanged"
    );
    this.gatedEvent(
      ws,
      "onNameChanged",
      "ExcelApi 1.17",
      "Excel.WorksheetCollection.onNameChanged",
      "onNameChanged"
    );
    const tb = context.workbook.tables as unknown as { items: unknown[] };
    this.gatedEvent(
      tb,
      "onAdded",
      "ExcelApi 1.9",
      "Excel.TableCollection.onAdded",
      "tables.onAdded"
    );
    this.gatedEvent(
      tb,
      "onDeleted",
      "ExcelApi 1.9",
      "Excel.TableCollection.onDeleted",
      "tables.onDeleted"
    );

    const sheetItem = (s: MockSheet) => {
      const item: Record<string, unknown> = {
        name: s.name,
        id: s.id,
        visibility: s.visibility ?? "Visible",
        onChanged: { add: (h: ChangeHandler) => this.listen("onChanged", h, s.id) },
        getUsedRangeOrNullObject: () => {
          const r = context.used[s.id];
          r.isNullObject = s.values.length === 0;
          r.getMergedAreasOrNullObject = this.gated(
            "ExcelApi 1.13",
            "Excel.Range.getMergedAreasOrNullObject",
            () => areas(s, s.merges ?? [])
          );
          return r;
        },
        // A block of the used range, as a mock that load() and sync() must fill like Office.js.
        getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
          const o = /^([A-Z]+)(\d+)$/.exec(s.origin)!;
          const top = row - (Number(o[2]) - 1);
          const left = column - (letterNumber(o[1]) - 1);
          const cut = <T>(grid: T[][] | undefined, blank: (v: Cell) => T): T[][] =>
            Array.from({ length: rows }, (_, r) =>
              Array.from({ length: columns }, (_, c) => {
                const v = s.values[top + r]?.[left + c] ?? "";
                return grid ? (grid[top + r]?.[left + c] ?? blank(v)) : blank(v);
              })
            );
          const cells = {
            values: cut(undefined, (v) => v),
            formulas: cut(s.formulas, (v) => v),
            numberFormat: cut(s.numberFormat, () => "General"),
            valueTypes: cut(s.valueTypes, kind),
          };
          const range = proxy(cells);
          range.load = (what: string) => {
            if (/values/.test(what)) {
              this.blocks.push({ sheet: s.name, row, column, rows, columns });
              pending += utf8Length(
                JSON.stringify([cells.values, cells.formulas, cells.numberFormat, cells.valueTypes])
              );
            }
            (OfficeMockObject.prototype.load as (w: string) => void).call(range, what);
          };
          range.getEntireRow = () => ({
            getSpecialCellsOrNullObject: this.gated(
              "ExcelApi 1.9",
              "Excel.Range.getSpecialCellsOrNullObject",
              () => areas(s, visibleRuns(row + 1, row + rows, new Set(s.hiddenRows ?? [])))
            ),
          });
          return range;
        },
      };
      return item;
    };
    ws.items = this.sheets.map(sheetItem);
    (context.workbook.worksheets as unknown as { getItem: unknown }).getItem = (id: string) =>
      ws.items.find((i) => (i as { id: string }).id === id);
    tb.items = this.tables.map((t, i) => ({
      name: t.name,
      id: t.id ?? `{table-${i}}`,
      worksheet: context.tableParts[`sheet${i}`],
      getRange: () => context.tableParts[`range${i}`],
    }));
    const sync = context.sync.bind(context);
    (context as unknown as { sync: () => Promise<void> }).sync = async () => {
      const bytes = pending;
      pending = 0;
      if (this.payloadLimit !== undefined && bytes > this.payloadLimit) throw new PayloadTooLarge();
      if (bytes > 0) this.responses.push(bytes);
      await sync();
    };
    return context;
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    return batch(this.build());
  };

  /** Fires an event at its handlers: the collection's, and those of the event's worksheet. */
  async fire(event: EventName, e: MockChange): Promise<void> {
    await Promise.all(
      this.listeners
        .filter(
          (l) => l.event === event && (l.sheetId === undefined || l.sheetId === e.worksheetId)
        )
        .map((l) => l.handler(e))
    );
  }

  private sheet(name: string): MockSheet {
    return this.sheets.find((x) => x.name === name)!;
  }

  /** Writes a value as a user would, and fires the change event Excel fires. */
  async edit(sheetName: string, row: number, column: number, value: Cell): Promise<void> {
    const s = this.sheet(sheetName);
    const width = Math.max(column, ...s.values.map((r) => r.length));
    const put = <T>(grid: T[][], v: T, blank: T) => {
      while (grid.length < row) grid.push([]);
      for (const r of grid) while (r.length < width) r.push(blank);
      grid[row - 1][column - 1] = v;
    };
    put(s.values, value, "");
    if (s.formulas) put(s.formulas, value, "");
    if (s.numberFormat) put(s.numberFormat, "General", "General");
    const address = `${columnLetter(column)}${row}`;
    await this.fire("onChanged", { worksheetId: s.id, address, changeType: "RangeEdited" });
  }

  /**
   * Inserts empty cells at `address` (rows × columns of one sheet whose used range starts at A1)
   * and shifts the cells below down, as Home > Insert > Insert Cells > Shift cells down does; tables
   * in those columns below move with them. Fires CellInserted.
   */
  async insertCellsDown(sheetName: string, address: string): Promise<void> {
    const s = this.sheet(sheetName);
    const [from, to = from] = address.split(":").map(parseCell);
    const count = to.row - from.row + 1;
    const shift = <T>(grid: T[][] | undefined, blank: T) => {
      if (!grid) return;
      const width = Math.max(to.column, ...grid.map((r) => r.length));
      const height = Math.max(grid.length, from.row - 1) + count;
      while (grid.length < height) grid.push([]);
      for (const r of grid) while (r.length < width) r.push(blank);
      for (let c = from.column - 1; c < to.column; c++) {
        for (let r = height - 1; r >= from.row - 1 + count; r--) grid[r][c] = grid[r - count][c];
        for (let r = from.row - 1; r < from.row - 1 + count; r++) grid[r][c] = blank;
      }
    };
    shift(s.values, "" as Cell);
    shift(s.formulas, "" as Cell);
    shift(s.numberFormat, "General");
    shift(s.valueTypes, "Empty");
    for (const t of this.tables) {
      if (t.sheet !== sheetName) continue;
      const [a, b = a] = t.address.split(":").map(parseCell);
      if (a.column >= from.column && b.column <= to.column && a.row >= from.row)
        t.address = `${columnLetter(a.column)}${a.row + count}:${columnLetter(b.column)}${b.row + count}`;
    }
    await this.fire("onChanged", { worksheetId: s.id, address, changeType: "CellInserted" });
  }

  /** Adds a sheet as the user does with "+", and fires the collection's onAdded. */
  async addSheet(sheet: MockSheet): Promise<void> {
    this.sheets.push(sheet);
    await this.fire("onAdded", { worksheetId: sheet.id, address: "", changeType: "Added" });
  }

  /**
   * Types a row directly below a table, as a user does: Excel grows the table over it and fires
   * the worksheet's change (the new row) and the table's (with its id).
   */
  async typeBelowTable(tableName: string, values: Cell[]): Promise<void> {
    const t = this.tables.find((x) => x.name === tableName)!;
    const [a, b] = t.address.split(":").map(parseCell);
    const row = b.row + 1;
    for (let i = 0; i < values.length; i++) {
      const s = this.sheet(t.sheet);
      const column = a.column + i;
      const width = Math.max(column, ...s.values.map((r) => r.length));
      for (const grid of [s.values, s.formulas].filter((g): g is Cell[][] => !!g)) {
        while (grid.length < row) grid.push([]);
        for (const r of grid) while (r.length < width) r.push("");
        grid[row - 1][column - 1] = values[i];
      }
    }
    t.address = `${columnLetter(a.column)}${a.row}:${columnLetter(b.column)}${row}`;
    const s = this.sheet(t.sheet);
    const address = `${columnLetter(a.column)}${row}:${columnLetter(a.column + values.length - 1)}${row}`;
    const tableId = t.id ?? `{table-${this.tables.indexOf(t)}}`;
    await this.fire("onChanged", { worksheetId: s.id, address, changeType: "RangeEdited" });
    await this.fire("tables.onChanged", {
      worksheetId: s.id,
      address,
      changeType: "RangeEdited",
      tableId,
    });
  }
}

/** "B12" → row 12, column 2. */
function parseCell(a: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  return { row: Number(m[2]), column: letterNumber(m[1]) };
}

/** The runs of rows from..to (1-based) that are not hidden, as Excel lists visible rows. */
function visibleRuns(from: number, to: number, hidden: Set<number>): string[] {
  const runs: string[] = [];
  let start: number | undefined;
  for (let r = from; r <= to + 1; r++) {
    const shown = r <= to && !hidden.has(r);
    if (shown && start === undefined) start = r;
    if (!shown && start !== undefined) {
      runs.push(`A${start}:XFD${r - 1}`);
      start = undefined;
    }
  }
  return runs;
}

function kind(v: Cell): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return typeof v === "string" &&
    /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|BUSY!|SPILL!|CALC!)$/.test(v)
    ? "Error"
    : "String";
}

function letterNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
