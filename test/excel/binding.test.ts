import { saveBindingsInExcel } from "../../src/excel/binding";
import { PlanSource } from "../../src/excel/planSource";
import { readPlan } from "../../src/reader";
import { BINDING_SHEET, readBindings, TableBinding } from "../../src/reader/binding";
import { GridCell, WorkbookGrid } from "../../src/reader/grid";
import { parseAddress } from "../../src/core/address";
import type { ReadNote } from "../../src/reader";
import { FakeBook, fakeContext, installExcelEnums } from "../excel-write/fakeExcel";
import { MockWorkbook, publishedSheet } from "./mockWorkbook";

/* The add-in saves bindings with Office.js in the layout the reader (and ExcelJS) use. */

beforeAll(installExcelEnums);

const TABEL6: TableBinding = {
  table: "Tabel 6",
  sheet: "Blad 1",
  range: "A60:H77",
  labelColumn: "A",
  headerRow: 60,
};
const TABEL2: TableBinding = {
  table: "Tabel 2",
  sheet: "Blad 1",
  range: "A32:F35",
  labelColumn: "A",
  years: ["C", "D", "E", "F"].map((column, i) => ({ column, year: 2024 + i })),
  extraColumn: "B",
};

/** The fake workbook as the grid the reader gets from src/excel/grid.ts. */
function gridOf(book: FakeBook): WorkbookGrid {
  return {
    name: "book.xlsx",
    sheets: book.sheets.map((s) => {
      const rows = new Map<number, Map<number, GridCell>>();
      for (const [a, c] of s.cells) {
        const p = parseAddress(a)!;
        if (!rows.has(p.row)) rows.set(p.row, new Map());
        rows.get(p.row)!.set(p.column, { value: c.value });
      }
      return {
        name: s.name,
        rows,
        rowCount: Math.max(0, ...rows.keys()),
        columnCount: 8,
        tables: [],
        merges: [],
        hiddenRows: new Set<number>(),
        hidden: s.visibility !== "Visible",
      };
    }),
  };
}

test("writes a very hidden sheet, one text row per binding, that the reader reads back", async () => {
  const book = new FakeBook();
  book.sheet("Blad 1");
  await saveBindingsInExcel(fakeContext(book), [TABEL6, TABEL2]);
  const sheet = book.find(BINDING_SHEET)!;
  expect(sheet.visibility).toBe("VeryHidden");
  expect(sheet.get("A1")!.value).toBe("Tabel");
  expect(sheet.get("C2")!.value).toBe("A60:H77");
  expect(sheet.get("E2")!.value).toBe("60");
  expect(sheet.get("F3")!.value).toBe("C=2024;D=2025;E=2026;F=2027");
  const notes: ReadNote[] = [];
  expect(readBindings(gridOf(book), notes)).toEqual([TABEL6, TABEL2]);
  expect(notes).toEqual([]);
});

test("saving again replaces the earlier bindings", async () => {
  const book = new FakeBook();
  await saveBindingsInExcel(fakeContext(book), [TABEL6, TABEL2]);
  await saveBindingsInExcel(fakeContext(book), [TABEL2]);
  expect(book.find(BINDING_SHEET)!.get("A3")).toBeUndefined();
  expect(readBindings(gridOf(book), [])).toEqual([TABEL2]);
});

describe("in the add-in, the plan source reads the binding with the workbook", () => {
  // Section 6 as pasted into Excel: Tabel 6's header in row 56, its total in row 73.
  const bindingSheet = {
    name: BINDING_SHEET,
    id: "{k}",
    origin: "A1",
    values: [
      ["Tabel", "Werkblad", "Bereik", "Labelkolom", "Kopregel", "Jaarkolommen", "Extra kolom"],
      ["Tabel 6", "Plan", "A56:H73", "A", "56", "", ""],
    ],
  };

  test("the bound table is read as bound, and an edit of the binding sheet reads again", async () => {
    const wb = new MockWorkbook("Plan.xlsx", [publishedSheet("Plan", "{p}"), bindingSheet]);
    const source = new PlanSource({ readPlan, run: wb.run, delayMs: 0 });
    await source.start();
    const plan = source.current()!;
    expect(plan.source.bound).toEqual(["Tabel 6"]);
    expect(plan.source.tables["Tabel 6"]).toBe("Plan!A56:H73");
    expect(plan.contributions!.rows).toHaveLength(16);
    expect(source.touchesPlan("{k}", "C2")).toBe(true);
  });
});
