import ExcelJS from "exceljs";
import { PlanInputError } from "../../src/core/errors";
import { readWorkbookGrid } from "../../src/excel/grid";
import { selectCells, selectionNotice } from "../../src/excel/write/select";
import { insertSheets, openValuesCopy } from "../../src/excel/write/workbookFile";
import { excelWith, officeFile, restoreExcel } from "../excel/excelVersion";
import { MockWorkbook } from "../excel/mockWorkbook";
import { FakeBook, fakeContext, installExcelEnums } from "./fakeExcel";

/*
 * UP in an Excel that lacks what a newer one has: ExcelApi 1.18 (several areas selected at
 * once), 1.13 (sheets inserted from a file), 1.8 (a new workbook window), CompressedFile (the
 * workbook as a file). Each action degrades as src/excel/apiSets.ts says, tells the user so, and
 * never calls the member the Excel lacks (the fakes refuse it and record it in `missing`).
 */

beforeAll(installExcelEnums);
afterEach(restoreExcel);

const cell = (address: string, sheet = "Tabel 6") => ({ sheet, address });

function planBook(): FakeBook {
  const book = new FakeBook();
  book.sheet("Tabel 6").set({ A7: "Beek", C7: 91153, A8: "Beekdaelen", C8: 158000 });
  book.sheet("Tabel 4").set({ D5: 2183425 });
  return book;
}

describe("a finding's cells: several areas at once need ExcelApi 1.18", () => {
  test("without 1.18 only the first cell is selected, and the user is told which were not", async () => {
    excelWith("1.17");
    const book = planBook();
    const cells = [cell("C7"), cell("C8"), cell("D5", "Tabel 4")];
    const selected = await selectCells(fakeContext(book), cells);
    expect(book.selected).toEqual(["Tabel 6!C7"]);
    expect(book.missing).toEqual([]);
    expect(selectionNotice(cells, selected)).toEqual({
      nl: "Alleen 'Tabel 6'!C7 is geselecteerd: deze versie van Excel kan niet meerdere cellen tegelijk selecteren (dat kan in Microsoft 365 voor Windows vanaf versie 2501, Excel voor Mac vanaf 16.93, Excel op het web). De bevinding gaat ook over 'Tabel 6'!C8. Excel selecteert op één blad tegelijk; niet geselecteerd: 'Tabel 4'!D5.",
      en: "Only 'Tabel 6'!C7 is selected: this version of Excel cannot select several cells at once (Microsoft 365 for Windows from version 2501, Excel for Mac from 16.93, Excel on the web can). The finding is also about 'Tabel 6'!C8. Excel selects on one sheet at a time; not selected: 'Tabel 4'!D5.",
    });
  });

  test("with 1.18 every cell of the sheet is selected, and nothing needs saying", async () => {
    excelWith("1.18");
    const book = planBook();
    const cells = [cell("C7"), cell("C8")];
    const selected = await selectCells(fakeContext(book), cells);
    expect(book.selected).toEqual(["Tabel 6!C7,C8"]);
    expect(selectionNotice(cells, selected)).toBeUndefined();
  });

  test("a single cell needs nothing above the minimum", async () => {
    excelWith("1.7");
    const book = planBook();
    const selected = await selectCells(fakeContext(book), [cell("C7")]);
    expect(book.selected).toEqual(["Tabel 6!C7"]);
    expect(selectionNotice([cell("C7")], selected)).toBeUndefined();
    expect(book.missing).toEqual([]);
  });
});

describe("inserting the template needs ExcelApi 1.13", () => {
  test("without it: a message naming the Excel versions that can, and nothing inserted", async () => {
    excelWith("1.12");
    const book = planBook();
    const context = fakeContext(book) as unknown as { workbook: Record<string, unknown> };
    const inserted: string[] = [];
    context.workbook.insertWorksheetsFromBase64 = (base64: string) => inserted.push(base64);
    const insert = insertSheets(context as unknown as Excel.RequestContext, new Uint8Array([1]));
    await expect(insert).rejects.toThrow(PlanInputError);
    await expect(insert).rejects.toMatchObject({
      nl: "Sjabloon invoegen kan niet in deze versie van Excel: daarvoor is ExcelApi 1.13 nodig (Microsoft 365 voor Windows vanaf versie 2102, Excel 2021 of later, Excel voor Mac vanaf 16.50, Excel op het web)",
    });
    expect(inserted).toEqual([]);
  });
});

describe("Kopie met waarden", () => {
  /** The open workbook: UP formulas (one still calculating), an ordinary formula, a merged title, a hidden row. */
  const openWorkbook = () =>
    new MockWorkbook("Plan 2025.xlsx", [
      {
        name: "Tabel 6",
        id: "{t6}",
        origin: "A1",
        values: [
          ["Bijdragen 2025", "", ""],
          ["Beek", 77075, 154150],
          ["Heerlen", 261356, 522712],
          ["Kerkrade", "#BUSY!", "#BUSY!"],
        ],
        formulas: [
          ["Bijdragen 2025", "", ""],
          ["Beek", '=UP.CONTRIBUTION("Beek",2025)', "=B2*2"],
          ["Heerlen", '=UP.BIJDRAGE("Heerlen";2025)', "=B3*2"],
          ["Kerkrade", '=UP.BIJDRAGE("Kerkrade";2025)', "=B4*2"],
        ],
        numberFormat: [
          ["General", "General", "General"],
          ["General", "#,##0", "#,##0"],
          ["General", "#,##0", "#,##0"],
          ["General", "#,##0", "#,##0"],
        ],
        merges: ["A1:C1"],
        hiddenRows: [3],
      },
    ]);

  /** The file Excel would hand over: the same sheet, saved. */
  async function savedFile(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tabel 6");
    ws.getCell("A2").value = "Beek";
    ws.getCell("B2").value = { formula: 'UP.CONTRIBUTION("Beek",2025)', result: 77075 } as never;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  /** Office.js's file and new window, and the open workbook's grid: what each was asked for. */
  function officeFileAndGrid(file: Uint8Array | { code: number; message: string }) {
    // The fakes count into the object officeFile returns; the grid reads count beside them.
    const calls = Object.assign(officeFile(file), { grids: 0 });
    const wb = openWorkbook();
    const readGrid = async () => {
      calls.grids++;
      return (await wb.run((c) => readWorkbookGrid(c))).grid;
    };
    return { calls, readGrid, wb };
  }

  async function opened(base64: string): Promise<ExcelJS.Worksheet> {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
    return copy.getWorksheet("Tabel 6")!;
  }

  test("where Excel hands over the file, the copy is made from it", async () => {
    excelWith("1.18");
    const { calls, readGrid } = officeFileAndGrid(await savedFile());
    const outcome = await openValuesCopy(readGrid);
    expect(outcome).toEqual({ replaced: 1, withoutResult: [] });
    expect(calls).toMatchObject({ getFileAsync: 1, grids: 0 });
    expect((await opened(calls.created[0])).getCell("B2").value).toBe(77075);
  });

  test("without CompressedFile the copy is built from the values, and says what it lacks", async () => {
    excelWith("1.18", ["SharedRuntime 1.1", "File 1.1"]);
    const { calls, readGrid, wb } = officeFileAndGrid(await savedFile());
    const outcome = await openValuesCopy(readGrid);
    expect(calls.getFileAsync).toBe(0);
    expect(calls.grids).toBe(1);
    expect(wb.missing).toEqual([]);
    expect(outcome.replaced).toBe(3);
    expect(outcome.withoutResult).toEqual(["'Tabel 6'!B4"]);
    expect(outcome.notice?.nl).toBe(
      "De kopie is opgebouwd uit de waarden van het werkboek, want deze versie van Excel geeft het werkboek niet als bestand (CompressedFile ontbreekt). Waarden, formules, getalnotaties, samengevoegde cellen en verborgen rijen en bladen zijn overgenomen; opmaak (kleuren, randen, kolombreedtes), Excel-tabellen, grafieken en opmerkingen niet."
    );
    const ws = await opened(calls.created[0]);
    expect([ws.getCell("B2").value, ws.getCell("B3").value]).toEqual([77075, 261356]);
    expect(ws.getCell("B4").value).toBeNull();
    expect(ws.getCell("C2").formula).toBe("B2*2");
    expect(ws.getCell("C2").numFmt).toBe("#,##0");
    expect(ws.getRow(3).hidden).toBe(true);
    expect((ws as unknown as { _merges: Record<string, { range: string }> })._merges.A1.range).toBe(
      "A1:C1"
    );
  });

  test("where Excel refuses the file (Excel on the web: 11001), the copy is built from the values", async () => {
    excelWith("1.18");
    const { calls, readGrid } = officeFileAndGrid({
      code: 11001,
      message: "A network problem has prevented retrieval of the file.",
    });
    const outcome = await openValuesCopy(readGrid);
    expect(calls).toMatchObject({ getFileAsync: 1, grids: 1 });
    expect(calls.created).toHaveLength(1);
    expect(outcome.notice?.nl).toContain(
      "want Excel gaf het bestand niet (11001: A network problem has prevented retrieval of the file.)"
    );
  });

  test("without ExcelApi 1.8 no window can open: it says where it can, and asks for nothing", async () => {
    excelWith("1.7");
    const { calls, readGrid } = officeFileAndGrid(await savedFile());
    await expect(openValuesCopy(readGrid)).rejects.toMatchObject({
      nl: "Kopie met waarden kan niet in deze versie van Excel: daarvoor is ExcelApi 1.8 nodig (Microsoft 365 voor Windows vanaf versie 1808, Excel 2021 of later, Excel voor Mac vanaf 16.17, Excel op het web)",
    });
    expect(calls).toEqual({ getFileAsync: 0, created: [], grids: 0 });
  });
});
