import Decimal from "decimal.js";
import {
  ACCEPT_SHEET,
  readAcceptances,
  removeAcceptance,
  saveAcceptance,
} from "../../src/excel/write/acceptances";
import { freeSheetName, writeReportSheet } from "../../src/excel/write/reportSheet";
import { Report } from "../../src/report/report";
import { FakeBook, fakeContext, installExcelEnums } from "./fakeExcel";

beforeAll(installExcelEnums);

describe("acceptances", () => {
  it("saves a reason in a hidden sheet, replaces it, reads it back and withdraws it", async () => {
    const book = new FakeBook();
    const ctx = () => fakeContext(book);
    await saveAcceptance(ctx(), "KEY-SUM|Tabel 6||||", { reason: "afgerond", date: "2026-11-23" });
    await saveAcceptance(ctx(), "ALLOC-SUM|Tabel 6|2024|||", {
      reason: "bekend",
      date: "2026-11-23",
    });
    await saveAcceptance(ctx(), "KEY-SUM|Tabel 6||||", {
      reason: "  afgesproken  ",
      date: "2026-11-24",
    });
    expect(book.find(ACCEPT_SHEET)!.visibility).toBe("Hidden");
    expect(await readAcceptances(ctx())).toEqual(
      new Map([
        ["KEY-SUM|Tabel 6||||", { reason: "afgesproken", date: "2026-11-24" }],
        ["ALLOC-SUM|Tabel 6|2024|||", { reason: "bekend", date: "2026-11-23" }],
      ])
    );
    await removeAcceptance(ctx(), "KEY-SUM|Tabel 6||||");
    expect([...(await readAcceptances(ctx())).keys()]).toEqual(["ALLOC-SUM|Tabel 6|2024|||"]);
  });

  it("refuses an acceptance without a reason", async () => {
    const book = new FakeBook();
    await expect(
      saveAcceptance(fakeContext(book), "k", { reason: " ", date: "2026-11-23" })
    ).rejects.toThrow();
    expect(book.find(ACCEPT_SHEET)).toBeUndefined();
  });

  it("reads no acceptances from a workbook that has none", async () => {
    expect((await readAcceptances(fakeContext(new FakeBook()))).size).toBe(0);
  });
});

describe("writeReportSheet", () => {
  const report: Report = {
    sheetName: "Controleverslag",
    widths: [10, 20, 12],
    rows: [
      { style: "title", cells: [{ value: "Controleverslag", format: "text" }] },
      {
        style: "body",
        cells: [
          { value: "Beek", format: "text" },
          { value: new Decimal("0.0353"), format: "percent" },
          { value: new Decimal(91153), format: "euro" },
        ],
      },
    ],
  };

  it("picks a free sheet name", () => {
    expect(freeSheetName("Controleverslag", ["Blad1"])).toBe("Controleverslag");
    expect(freeSheetName("Controleverslag", ["controleverslag", "Controleverslag (2)"])).toBe(
      "Controleverslag (3)"
    );
  });

  it("writes the rows as values on a new sheet set up for A4", async () => {
    const book = new FakeBook();
    book.sheet("Controleverslag");
    const ctx = fakeContext(book);
    const name = await writeReportSheet(ctx, report);
    expect(name).toBe("Controleverslag (2)");
    const sheet = book.find(name)!;
    expect(sheet.get("A1")?.value).toBe("Controleverslag");
    expect(sheet.get("A2")?.value).toBe("Beek");
    expect(sheet.get("B2")?.value).toBe(0.0353);
    expect(sheet.get("C2")?.value).toBe(91153);
    expect(book.active).toBe(name);
    expect(sheet.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
  });
});
