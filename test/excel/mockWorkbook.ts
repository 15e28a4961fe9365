import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { OfficeMockObject } from "office-addin-mock";
import { readDutchNumber } from "../../src/core/dutchNumber";
import { columnLetter } from "../../src/core/address";

/*
 * An Excel workbook as office-addin-mock objects: used ranges whose values, formulas and
 * number formats can be read only after load() and sync(), a table, and the worksheet
 * change events. Its one sheet holds section 6 of the published Uitvoeringsplan 2024 as it
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
}

export interface MockTable {
  name: string;
  sheet: string;
  address: string;
}

type ChangeHandler = (e: {
  worksheetId: string;
  address: string;
  changeType: string;
}) => Promise<void>;

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

export class MockWorkbook {
  readonly handlers: ChangeHandler[] = [];
  runs = 0;
  /** Every block of cells the reader asked for. */
  readonly blocks: { sheet: string; row: number; column: number; rows: number; columns: number }[] =
    [];
  private context!: OfficeMockObject & Excel.RequestContext;

  constructor(
    readonly name: string,
    readonly sheets: MockSheet[],
    readonly tables: MockTable[] = []
  ) {}

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
          onChanged: { add: (h: ChangeHandler) => this.handlers.push(h) },
          onAdded: { add: () => undefined },
          onDeleted: { add: () => undefined },
        },
        tables: { load: () => undefined },
      },
      used,
      tableParts,
    };
    const context = new OfficeMockObject(data) as unknown as OfficeMockObject &
      Excel.RequestContext & {
        used: Record<string, { isNullObject?: boolean }>;
        tableParts: Record<string, unknown>;
      };
    // Collections: Office.js fills `items` on sync; plain arrays of proxies here.
    const ws = context.workbook.worksheets as unknown as { items: unknown[] };
    let blocks = 0;
    ws.items = this.sheets.map((s) => ({
      name: s.name,
      id: s.id,
      visibility: "Visible",
      getUsedRangeOrNullObject: () => {
        const r = context.used[s.id];
        r.isNullObject = s.values.length === 0;
        return r;
      },
      // A block of the used range, as a mock that load() and sync() must fill like Office.js.
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
        this.blocks.push({ sheet: s.name, row, column, rows, columns });
        const o = /^([A-Z]+)(\d+)$/.exec(s.origin)!;
        const top = row - (Number(o[2]) - 1);
        const left = column - (letterNumber(o[1]) - 1);
        const cut = <T>(grid: T[][] | undefined, blank: (v: Cell) => T): T[][] =>
          s.values.slice(top, top + rows).map((line, r) =>
            Array.from({ length: columns }, (_, c) => {
              const v = line[left + c] ?? "";
              return grid ? (grid[top + r]?.[left + c] ?? blank(v)) : blank(v);
            })
          );
        const name = `block${blocks++}`;
        const mock = context as unknown as {
          addMock(n: string): void;
        } & Record<string, { populate(data: unknown): void }>;
        mock.addMock(name);
        mock[name].populate({
          values: cut(undefined, (v) => v),
          formulas: cut(s.formulas, (v) => v),
          numberFormat: cut(s.numberFormat, () => "General"),
          valueTypes: cut(s.valueTypes, kind),
        });
        return mock[name];
      },
    }));
    const tables = context.workbook.tables as unknown as { items: unknown[] };
    tables.items = this.tables.map((t, i) => ({
      name: t.name,
      worksheet: context.tableParts[`sheet${i}`],
      getRange: () => context.tableParts[`range${i}`],
    }));
    return context;
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    return batch(this.build());
  };

  /** Writes a value as a user would, and fires the change event Excel fires. */
  async edit(sheetName: string, row: number, column: number, value: Cell): Promise<void> {
    const s = this.sheets.find((x) => x.name === sheetName)!;
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
    await Promise.all(
      this.handlers.map((h) => h({ worksheetId: s.id, address, changeType: "RangeEdited" }))
    );
  }
}

function kind(v: Cell): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return typeof v === "string" && /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?)$/.test(v)
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
