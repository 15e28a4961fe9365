/*
 * office.js for the browser test of the pane inside "Excel": an in-page workbook behind the
 * parts of Office.js the add-in uses. Served instead of office/office.js, so the production
 * build runs unchanged with host Excel. Writes land in the workbook at once (sync is a no-op);
 * the test reads the workbook back through window.__book.
 */

export interface FakeCell {
  v: string | number | boolean;
  f?: string;
  fmt?: string;
}

export interface FakeWorkbookData {
  name: string;
  sheets: { name: string; cells: Record<string, FakeCell> }[];
}

function stub(data: FakeWorkbookData): void {
  type Cell = { v: string | number | boolean; f?: string; fmt?: string };
  type Sheet = { name: string; id: string; visibility: string; cells: Map<string, Cell> };
  const col = (n: number) => {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
      s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const parse = (a: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.trim().toUpperCase());
    if (!m) throw new Error(`bad address ${a}`);
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]), c };
  };
  const book = {
    name: data.name,
    sheets: [] as Sheet[],
    selected: [] as string[],
    created: 0,
    /** Ranges merged into one cell, and print titles set (`Blad!$5:$5`), as the report sets them. */
    merged: [] as string[],
    printTitles: [] as string[],
    /** What the user has selected, as "Sheet!A1:B2"; the test sets it. */
    selection: "",
  };
  let ids = 0;
  const addSheet = (name: string) => {
    const s: Sheet = { name, id: `{${++ids}}`, visibility: "Visible", cells: new Map() };
    book.sheets.push(s);
    return s;
  };
  for (const s of data.sheets) {
    const sheet = addSheet(s.name);
    for (const [a, c] of Object.entries(s.cells)) sheet.cells.set(a, { ...c });
  }

  const range = (sheet: Sheet, r0: number, c0: number, nr: number, nc: number) => {
    const grid = <T>(f: (cell: Cell | undefined, a: string) => T) =>
      Array.from({ length: nr }, (_, i) =>
        Array.from({ length: nc }, (_, j) => {
          const a = `${col(c0 + j)}${r0 + i}`;
          return f(sheet.cells.get(a), a);
        })
      );
    const each = (x: unknown[][], f: (a: string, v: unknown) => void) =>
      x.forEach((row, i) => row.forEach((v, j) => f(`${col(c0 + j)}${r0 + i}`, v)));
    const put = (a: string, v: unknown, asFormula: boolean) => {
      const old = sheet.cells.get(a);
      if (v === "" || v === null) {
        sheet.cells.delete(a);
        return;
      }
      const text = old?.fmt === "@";
      if (typeof v === "string" && v.startsWith("=") && (asFormula || !text)) {
        sheet.cells.set(a, { v: 0, f: v, fmt: old?.fmt });
      } else if (typeof v === "string" && v.startsWith("'")) {
        sheet.cells.set(a, { v: v.slice(1), fmt: old?.fmt });
      } else {
        sheet.cells.set(a, { v: v as string | number | boolean, fmt: old?.fmt });
      }
    };
    const address = `${sheet.name}!${col(c0)}${r0}${nr * nc > 1 ? `:${col(c0 + nc - 1)}${r0 + nr - 1}` : ""}`;
    return {
      isNullObject: false,
      address,
      rowIndex: r0 - 1,
      columnIndex: c0 - 1,
      rowCount: nr,
      columnCount: nc,
      format: { font: {}, fill: {}, borders: { getItem: () => ({}) } },
      load() {
        return this;
      },
      merge() {
        book.merged.push(address);
      },
      get values() {
        return grid((c) => (c ? c.v : ""));
      },
      set values(x: unknown[][]) {
        each(x, (a, v) => put(a, v, false));
      },
      get formulas() {
        return grid((c) => (c ? (c.f ?? c.v) : ""));
      },
      set formulas(x: unknown[][]) {
        each(x, (a, v) => put(a, v, true));
      },
      get numberFormat() {
        return grid((c) => c?.fmt ?? "General");
      },
      set numberFormat(x: unknown[][]) {
        each(x, (a, v) => {
          const c = sheet.cells.get(a) ?? { v: "" };
          sheet.cells.set(a, { ...c, fmt: String(v) });
        });
      },
      get valueTypes() {
        return grid((c) =>
          !c || c.v === ""
            ? "Empty"
            : typeof c.v === "number"
              ? "Double"
              : typeof c.v === "boolean"
                ? "Boolean"
                : "String"
        );
      },
      // Its rows are all shown and none of its cells merged (ExcelApi 1.9 and 1.13).
      getEntireRow: () => ({
        getSpecialCellsOrNullObject: () => ({
          isNullObject: false,
          address: `${sheet.name}!${r0}:${r0 + nr - 1}`,
          load() {},
        }),
      }),
      getMergedAreasOrNullObject: () => ({ isNullObject: true, load() {} }),
      select() {
        book.selected.push(address);
      },
      clear() {
        grid((_, a) => sheet.cells.delete(a));
      },
      delete() {
        const last = Math.max(0, ...[...sheet.cells.keys()].map((k) => parse(k).r));
        for (let j = 0; j < nc; j++) {
          for (let r = r0; r <= last; r++) {
            const below = sheet.cells.get(`${col(c0 + j)}${r + nr}`);
            if (below) sheet.cells.set(`${col(c0 + j)}${r}`, below);
            else sheet.cells.delete(`${col(c0 + j)}${r}`);
          }
        }
      },
    };
  };
  const byAddress = (sheet: Sheet, a: string) => {
    const [p, q = p] = a.split(":");
    // A whole column ("A:A"), as the report sheet uses for column widths.
    if (/^[A-Z]+$/i.test(p)) return range(sheet, 1, parse(`${p}1`).c, 1, 1);
    const s = parse(p);
    const e = parse(q);
    return range(sheet, s.r, s.c, e.r - s.r + 1, e.c - s.c + 1);
  };
  const used = (sheet: Sheet) => {
    const keys = [...sheet.cells.entries()]
      .filter(([, c]) => c.v !== "" || c.f)
      .map(([k]) => parse(k));
    if (keys.length === 0) return null;
    const r = Math.max(...keys.map((k) => k.r));
    const c = Math.max(...keys.map((k) => k.c));
    return range(sheet, 1, 1, r, c);
  };
  const worksheet = (sheet: Sheet) => ({
    isNullObject: false,
    get name() {
      return sheet.name;
    },
    get id() {
      return sheet.id;
    },
    get visibility() {
      return sheet.visibility;
    },
    set visibility(v: string) {
      sheet.visibility = v;
    },
    pageLayout: {
      headersFooters: { defaultForAllPages: {} },
      setPrintTitleRows(rows: string) {
        book.printTitles.push(`${sheet.name}!${rows}`);
      },
    },
    load() {
      return this;
    },
    activate() {},
    delete() {
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
    },
    getRange: (a: string) => byAddress(sheet, a),
    getRanges: (a: string) => ({
      select() {
        book.selected.push(`${sheet.name}!${a}`);
      },
    }),
    getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
      range(sheet, r + 1, c + 1, nr, nc),
    getUsedRange: () => used(sheet) ?? range(sheet, 1, 1, 1, 1),
    getUsedRangeOrNullObject: () => used(sheet) ?? { isNullObject: true, load() {} },
  });
  const find = (name: string) =>
    book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const events = { add() {} };
  const worksheets = {
    load() {},
    get items() {
      return book.sheets.map(worksheet);
    },
    getItem: (name: string) => {
      const s = find(name);
      if (!s) throw new Error(`ItemNotFound: ${name}`);
      return worksheet(s);
    },
    getItemOrNullObject: (name: string) => {
      const s = find(name);
      return s ? worksheet(s) : { isNullObject: true };
    },
    add: (name: string) => worksheet(addSheet(name)),
    onChanged: events,
    onAdded: events,
    onDeleted: events,
    onRowSorted: events,
    onColumnSorted: events,
    onRowHiddenChanged: events,
    onNameChanged: events,
  };
  const context = {
    workbook: {
      get name() {
        return book.name;
      },
      load() {},
      worksheets,
      getSelectedRange: () => {
        const [name, a] = book.selection.split("!");
        const s = find(name);
        if (!s) throw new Error(`ItemNotFound: ${name}`);
        return byAddress(s, a);
      },
      tables: { items: [], load() {}, onChanged: events, onAdded: events, onDeleted: events },
      insertWorksheetsFromBase64() {},
    },
    async sync() {},
  };
  const w = window as unknown as Record<string, unknown>;
  w.__book = book;
  w.Excel = {
    run: async (batch: (c: unknown) => Promise<unknown>) => batch(context),
    createWorkbook: async () => {
      book.created++;
    },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    DeleteShiftDirection: { up: "Up" },
    PaperType: { a4: "A4" },
    PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
    VerticalAlignment: { top: "Top" },
    WorksheetPositionType: { end: "End" },
  };
  const info = { host: "Excel", platform: "PC" };
  w.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    FileType: { Compressed: "compressed" },
    context: {
      host: "Excel",
      displayLanguage: "nl-NL",
      document: {},
      requirements: { isSetSupported: () => true },
    },
    onReady(cb?: (i: typeof info) => void) {
      setTimeout(() => cb?.(info));
      return Promise.resolve(info);
    },
    actions: { associate() {} },
    addin: { showAsTaskpane: async () => {} },
  };
  w.CustomFunctions = {
    associate() {},
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}

/** The script that replaces office.js: the stub above, run with the workbook's data. */
export function fakeOfficeScript(data: FakeWorkbookData): string {
  return `(${stub.toString()})(${JSON.stringify(data)});`;
}
