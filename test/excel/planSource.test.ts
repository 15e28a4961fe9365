import { feedingSheets, PlanSource, parseRange } from "../../src/excel/planSource";
import { plan2024 } from "../../src/core/plan2024";
import { WorkbookGrid } from "../../src/reader/grid";
import * as UP from "../../src/functions/functions";
import { embeddedFeed, setPlanFeed } from "../../src/functions/planFeed";
import { readPlan } from "../../src/reader";
import { Cell, ExcelError, installCustomFunctions } from "../functions/support";
import { MockSheet, MockWorkbook, publishedSheet, rowOf } from "./mockWorkbook";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { columnLetter, parseAddress } from "../../src/core/address";
import { excelWith, restoreExcel } from "./excelVersion";
import { mockFromXlsx } from "./xlsxMock";

installCustomFunctions();
afterEach(() => setPlanFeed(embeddedFeed));
// UP.CHECK loads its rules on its first call; these tests count its answers at once.
beforeAll(() => UP.loadOnFirstCallCode());

/** Lets the change event's quiet time pass and the read that follows finish. */
const settle = () => new Promise((r) => setTimeout(r, 30));

const YEARS = [2023, 2024, 2025, 2026, 2027];

async function started(wb: MockWorkbook) {
  const source = new PlanSource({ readPlan, run: wb.run, delayMs: 0 });
  setPlanFeed(source);
  await source.start();
  return source;
}

describe("the workbook's plan, read once and kept in memory", () => {
  test("a pasted published plan is read from the workbook in one Excel.run", async () => {
    const wb = new MockWorkbook("Begroting 2025.xlsx", [publishedSheet()]);
    const source = await started(wb);
    const state = source.state()!;
    expect(state.origin).toBe("workbook");
    expect(state.plan?.source.name).toBe("Begroting 2025.xlsx");
    // One run to subscribe to the change events, one to read the workbook.
    expect(wb.runs).toBe(2);
    expect(source.reads).toBe(1);
  });

  test("many formulas, one read: every function answers from memory", async () => {
    const wb = new MockWorkbook("Plan.xlsx", [publishedSheet()]);
    const source = await started(wb);
    const cells: Cell<number>[] = [];
    for (const m of MUNICIPALITIES) {
      for (const y of YEARS) {
        const cell = new Cell<number>();
        UP.contribution(m, y, "stated", null, cell);
        cells.push(cell);
      }
      const key = new Cell<number>();
      UP.key(m, null, null, key);
      cells.push(key);
    }
    for (const y of YEARS) {
      const t = new Cell<number>();
      UP.total(y, null, null, t);
      cells.push(t);
    }
    const check = new Cell<number>();
    UP.check(check);
    cells.push(check);
    expect(cells.every((c) => c.results.length === 1)).toBe(true);
    expect(cells.some((c) => c.last instanceof ExcelError)).toBe(false);
    expect(source.reads).toBe(1);
    expect(wb.runs).toBe(2);
    // The sheet's Tabel 6 row for Heerlen, 2025: the published 261.356.
    const heerlen2025 = cells[MUNICIPALITIES.indexOf("Heerlen") * 6 + 2];
    expect(heerlen2025.last).toBe(261356);
  });

  test("a change to a plan cell reads the workbook again and every cell answers anew", async () => {
    const sheet = publishedSheet();
    const wb = new MockWorkbook("Plan.xlsx", [sheet]);
    const source = await started(wb);
    const total = new Cell<number>();
    const heerlen = new Cell<number>();
    const check = new Cell<number>();
    UP.total(2025, null, null, total);
    UP.contribution("Heerlen", 2025, null, null, heerlen);
    UP.check(check);
    expect(total.results).toEqual([2183425]);
    expect(heerlen.results).toEqual([261356]);
    const errorsBefore = check.last as number;

    // Tabel 4 `totaal` 2025 is the sixth column of its row (label, two empty, 2023 … 2027).
    const row =
      sheet.values.findIndex(
        (r, i) => r[0] === "totaal" && i > rowOf(sheet, "formatiekosten en materiële kosten") - 1
      ) + 1;
    expect(sheet.values[row - 1][5]).toBe(2183425);
    await wb.edit(sheet.name, row, 6, 2200000);
    await settle();

    expect(source.reads).toBe(2);
    expect(total.results).toEqual([2183425, 2200000]);
    // 11,97% × 2.200.000 = 263.340 exactly: nothing left to hand out.
    expect(heerlen.last).toBe(263340);
    // Tabel 4 no longer adds up and no longer matches Tabel 6: more errors than before.
    expect(check.last as number).toBeGreaterThan(errorsBefore);
  });

  test("a change outside the plan's tables does not read the workbook again", async () => {
    const sheet = publishedSheet();
    const notes = { ...publishedSheet("Notities", "{sheet-2}"), values: [["opmerking"]] };
    const wb = new MockWorkbook("Plan.xlsx", [sheet, notes]);
    const source = await started(wb);
    await wb.edit("Notities", 1, 1, "nieuwe opmerking");
    await wb.edit(sheet.name, 200, 30, 5);
    await settle();
    expect(source.reads).toBe(1);
  });

  test("a burst of changes is read once after it", async () => {
    const sheet = publishedSheet();
    const wb = new MockWorkbook("Plan.xlsx", [sheet]);
    const source = new PlanSource({ readPlan, run: wb.run, delayMs: 20 });
    await source.start();
    const beek = rowOf(sheet, "Beek");
    for (let c = 4; c <= 8; c++) await wb.edit(sheet.name, beek, c, 1000 * c);
    await settle();
    expect(source.reads).toBe(2);
    expect(source.current()?.contributions?.rows[0].values.get(2027)?.value.toNumber()).toBe(8000);
  });
});

describe("without a plan in the workbook, or without a workbook", () => {
  test("a workbook without a plan: the built-in 2024 plan answers, and the state says so", async () => {
    const wb = new MockWorkbook("Leeg.xlsx", [
      { name: "Blad1", id: "{s}", origin: "A1", values: [["boodschappen", 12]] },
    ]);
    const source = await started(wb);
    expect(source.state()?.origin).toBe("embedded");
    const cell = new Cell<number>();
    UP.contribution("Heerlen", 2025, null, null, cell);
    expect(cell.last).toBe(261356);
  });

  test("while it has no plan, any change may bring one: pasting the plan switches the answers", async () => {
    const empty: MockSheet = { name: "Blad1", id: "{s}", origin: "A1", values: [["leeg"]] };
    const wb = new MockWorkbook("Nieuw.xlsx", [empty]);
    const source = await started(wb);
    const total = new Cell<number>();
    UP.total(2025, null, null, total);
    expect(source.state()?.origin).toBe("embedded");
    const pasted = publishedSheet("Blad1", "{s}");
    empty.values = pasted.values;
    empty.numberFormat = pasted.numberFormat;
    const row = rowOf(pasted, "Beek");
    await wb.edit("Blad1", row, 4, 70000);
    await settle();
    expect(source.state()?.origin).toBe("workbook");
    expect(total.results).toHaveLength(2);
    expect(source.current()?.contributions?.rows[0].values.get(2023)?.value.toNumber()).toBe(70000);
  });

  test("a workbook that cannot be read: #N/A with the reason, never a figure from another plan", async () => {
    const failing = async () => {
      throw new Error("RichApi.Error: The workbook is busy");
    };
    const source = new PlanSource({ readPlan, run: failing, delayMs: 0 });
    setPlanFeed(source);
    const cell = new Cell<number>();
    UP.contribution("Heerlen", 2025, null, null, cell);
    expect(cell.results).toEqual([]);
    const state = await source.start();
    expect(state.problem?.nl).toBe(
      "Het werkboek kon niet gelezen worden: RichApi.Error: The workbook is busy"
    );
    expect(cell.last).toBeInstanceOf(ExcelError);
    expect((cell.last as ExcelError).code).toBe("#N/A");
    expect((cell.last as ExcelError).message).toBe(state.problem?.nl);
  });
});

describe("which changes touch the plan", () => {
  test("ranges as Office.js reports them", () => {
    expect(parseRange("B3")?.rect).toEqual({ top: 3, bottom: 3, left: 2, right: 2 });
    expect(parseRange("'Tabel 6'!D7:B2")).toEqual({
      sheet: "Tabel 6",
      rect: { top: 2, bottom: 7, left: 2, right: 4 },
    });
    expect(parseRange("5:6")?.rect).toEqual({ top: 5, bottom: 6, left: 1, right: Infinity });
    expect(parseRange("C:D")?.rect).toEqual({ top: 1, bottom: Infinity, left: 3, right: 4 });
    expect(parseRange("niets")).toBeUndefined();
  });

  test("an edit inside a table, a row inserted on its sheet; not a cell beside it", async () => {
    const wb = new MockWorkbook("Plan.xlsx", [publishedSheet("Plan", "{p}")]);
    const source = await started(wb);
    const t6 = parseRange(source.current()!.source.tables["Tabel 6"]!)!.rect;
    expect(source.touchesPlan("{p}", `D${t6.top + 1}`)).toBe(true);
    expect(source.touchesPlan("{p}", `A${t6.bottom + 5}:B${t6.bottom + 6}`)).toBe(false);
    expect(source.touchesPlan("{p}", `${t6.bottom + 5}:${t6.bottom + 5}`, "RowInserted")).toBe(
      true
    );
    expect(source.touchesPlan("{p}", "Z1:Z2")).toBe(false);
    // A sheet it has not seen (just added): read again to be sure.
    expect(source.touchesPlan("{new}", "A1")).toBe(true);
  });

  test("sheets that plan formulas read from: a change there may change a plan figure", async () => {
    const sheet = publishedSheet("Plan", "{p}");
    const invoer = { name: "Invoer 2025", id: "{i}", origin: "A1", values: [["totaal", 2183425]] };
    const notes = { name: "Notities", id: "{n}", origin: "A1", values: [["x"]] };
    const row = sheet.values.findIndex(
      (r, i) => r[0] === "totaal" && i > rowOf(sheet, "formatiekosten en materiële kosten") - 1
    );
    sheet.formulas = sheet.values.map((r) => [...r]);
    sheet.formulas[row][5] = "='Invoer 2025'!B1";
    const wb = new MockWorkbook("Plan.xlsx", [sheet, invoer, notes]);
    const source = await started(wb);
    expect(source.touchesPlan("{i}", "B1")).toBe(true);
    expect(source.touchesPlan("{n}", "A1")).toBe(false);

    invoer.values[0][1] = 2200000;
    sheet.values[row][5] = 2200000; // Excel recalculates the formula before the event
    await wb.edit("Invoer 2025", 1, 2, 2200000);
    await settle();
    expect(source.reads).toBe(2);
    expect(source.current()?.totals?.total.values.get(2025)?.value.toNumber()).toBe(2200000);
  });
});

describe("feedingSheets", () => {
  const plan = plan2024();
  plan.source = { kind: "workbook", name: "x", tables: { "Tabel 4": "Totalen!A1:F4" } };
  const grid = (formulas: string[]): WorkbookGrid => ({
    name: "x",
    sheets: [
      {
        name: "Totalen",
        rows: new Map([[2, new Map(formulas.map((f, i) => [2 + i, { value: 1, formula: f }]))]]),
        rowCount: 2,
        columnCount: 1 + formulas.length,
        tables: [],
        merges: [],
        hiddenRows: new Set(),
        hidden: false,
      },
    ],
  });

  test("qualified, quoted, whole-column and local references", () => {
    expect([...feedingSheets(grid(["'Invoer 2025'!B2*2", "SUM(Lijst!C:C)"]), plan)]).toEqual([
      "Invoer 2025",
      "Lijst",
    ]);
    expect([...feedingSheets(grid(["B2+B3"]), plan)]).toEqual(["Totalen"]);
    expect([...feedingSheets(grid(['ROUND(1234,0)&"A1"']), plan)]).toEqual([]);
    expect([...feedingSheets(grid(["'It''s'!$A$1"]), plan)]).toEqual(["It's"]);
  });
});

describe("changes that move the plan: read again, so later edits are found where the cells went", () => {
  afterEach(restoreExcel);

  test("cells inserted above Tabel 6 move it; an edit of its total row at the new row is found", async () => {
    const sheet = publishedSheet("Plan", "{p}");
    const wb = new MockWorkbook("Plan.xlsx", [sheet]);
    const source = await started(wb);
    const before = parseRange(source.current()!.source.tables["Tabel 6"]!)!.rect;
    const total = source.current()!.contributions!.total.values.get(2025)!.cell!;
    const { row, column } = parseAddress(total.address)!;
    expect(row).toBe(before.bottom);

    // Home > Insert > Shift cells down, on the empty row between Tabel 4 and Tabel 6: no plan
    // cell is edited, yet Tabel 6 moves one row down.
    const gap = `A${before.top - 1}:Z${before.top - 1}`;
    expect(source.touchesPlan("{p}", gap)).toBe(false);
    await wb.insertCellsDown("Plan", gap);
    await settle();
    expect(source.reads).toBe(2);
    const after = parseRange(source.current()!.source.tables["Tabel 6"]!)!.rect;
    expect(after).toEqual({ ...before, top: before.top + 1, bottom: before.bottom + 1 });

    // The total row is now one row lower, below where Tabel 6 used to end.
    await wb.edit("Plan", row + 1, column, 2_200_000);
    await settle();
    expect(source.reads).toBe(3);
    const moved = source.current()!.contributions!.total.values.get(2025)!;
    expect(moved.value.toNumber()).toBe(2_200_000);
    expect(moved.cell?.address).toBe(`${columnLetter(column)}${row + 1}`);
  });

  test("cells inserted or deleted on a plan sheet touch the plan wherever they are", async () => {
    const wb = new MockWorkbook("Plan.xlsx", [publishedSheet("Plan", "{p}")]);
    const source = await started(wb);
    expect(source.touchesPlan("{p}", "Z300", "CellInserted")).toBe(true);
    expect(source.touchesPlan("{p}", "Z300", "RangeEdited")).toBe(false);
    expect(source.touchesPlan("{p}", "Z300", "CellDeleted")).toBe(true);
  });

  test("a row typed below a plan table grows the table: the plan is read again with the row", async () => {
    excelWith("1.7");
    const file = join(__dirname, "..", "..", "examples", "up-2024-template.xlsx");
    const wb = await mockFromXlsx(readFileSync(file), "up-2024-template.xlsx");
    const source = await started(wb);
    const rows = source.current()!.contributions!.rows.length;
    const table = wb.tables.find((t) => /bijdrage/i.test(t.name))!;
    // A municipality that merged into Beekdaelen in 2019, with a key and five amounts.
    await wb.typeBelowTable(table.name, ["Nuth", 0.01, 1000, 1000, 1000, 1000, 1000]);
    await settle();
    expect(source.reads).toBe(2);
    expect(source.current()!.contributions!.rows.map((r) => r.label)).toContain("Nuth");
    expect(source.current()!.contributions!.rows.length).toBe(rows + 1);
  });

  test("with ExcelApi 1.7 only: each sheet's own change event, and nothing newer asked for", async () => {
    excelWith("1.7");
    const wb = new MockWorkbook("Plan.xlsx", [publishedSheet("Plan", "{p}")]);
    const source = await started(wb);
    expect(wb.events()).toEqual(["onAdded", "onChanged", "onDeleted", "tables.onChanged"]);
    expect(wb.listeners.find((l) => l.event === "onChanged")?.sheetId).toBe("{p}");
    expect(wb.missing).toEqual([]);
    // A sheet added later is read and gets a change handler of its own.
    await wb.addSheet({ name: "Nieuw", id: "{n}", origin: "A1", values: [["x"]] });
    await settle();
    expect(source.reads).toBe(2);
    expect(wb.listeners.some((l) => l.event === "onChanged" && l.sheetId === "{n}")).toBe(true);
    expect(wb.missing).toEqual([]);
  });

  test("with ExcelApi 1.17: sorting, hiding rows, renaming sheets and tables added are heard", async () => {
    excelWith("1.17");
    const wb = new MockWorkbook("Plan.xlsx", [publishedSheet("Plan", "{p}")]);
    const source = await started(wb);
    expect(wb.events()).toEqual([
      "onAdded",
      "onChanged",
      "onColumnSorted",
      "onDeleted",
      "onNameChanged",
      "onRowHiddenChanged",
      "onRowSorted",
      "tables.onAdded",
      "tables.onChanged",
      "tables.onDeleted",
    ]);
    expect(wb.listeners.find((l) => l.event === "onChanged")?.sheetId).toBeUndefined();
    const t6 = parseRange(source.current()!.source.tables["Tabel 6"]!)!.rect;
    await wb.fire("onRowSorted", {
      worksheetId: "{p}",
      address: `A${t6.top + 2}:H${t6.top + 17}`,
      changeType: "RowSorted",
    });
    await settle();
    expect(source.reads).toBe(2);
    await wb.fire("onNameChanged", { worksheetId: "{p}", address: "", changeType: "NameChanged" });
    await settle();
    expect(source.reads).toBe(3);
  });
});
