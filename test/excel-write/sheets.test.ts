import {
  ACCEPT_SHEET,
  readAcceptances,
  removeAcceptance,
  saveAcceptance,
} from "../../src/excel/write/acceptances";
import { freeSheetName } from "../../src/excel/write/reportSheet";
import { FakeBook, fakeContext, installExcelEnums } from "./fakeExcel";
import { excelWith, restoreExcel } from "../excel/excelVersion";

// An Excel with every requirement set UP asks for (test/excel-write/requirementSets.test.ts: without).
beforeAll(() => {
  installExcelEnums();
  excelWith("1.18");
});
afterAll(restoreExcel);

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
  it("picks a free sheet name", () => {
    expect(freeSheetName("Controleverslag", ["Blad1"])).toBe("Controleverslag");
    expect(freeSheetName("Controleverslag", ["controleverslag", "Controleverslag (2)"])).toBe(
      "Controleverslag (3)"
    );
    // Excel allows 31 characters: the number replaces the end of a long name.
    const long = "Afrekening 2025 per gemeente xx";
    expect(freeSheetName(long, [long])).toBe("Afrekening 2025 per gemeent (2)");
  });
});
