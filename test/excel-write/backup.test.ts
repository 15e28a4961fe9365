import {
  restoreLastBackup,
  lastBackup,
  writeWithBackup,
  BACKUP_SHEET,
} from "../../src/excel/write/backup";
import { selectCells } from "../../src/excel/write/select";
import { FakeBook, fakeContext, installExcelEnums } from "./fakeExcel";
import { excelWith, restoreExcel } from "../excel/excelVersion";

// An Excel with every requirement set UP asks for (test/excel-write/requirementSets.test.ts: without).
beforeAll(() => {
  installExcelEnums();
  excelWith("1.18");
});
afterAll(restoreExcel);

function planBook(): FakeBook {
  const book = new FakeBook();
  book.sheet("Tabel 6").set({
    A7: "Beek",
    B7: 0.0353,
    C7: 91153,
    A8: "Beekdaelen",
    B8: 0.0612,
    C8: "=B8*2582231",
    D8: "3.064.067",
  });
  return book;
}

const cell = (address: string) => ({ sheet: "Tabel 6", address });

describe("selectCells", () => {
  it("selects the one cell of a finding on its sheet", async () => {
    const book = planBook();
    book.sheet("Other");
    const selected = await selectCells(fakeContext(book), [cell("C7")]);
    expect(book.active).toBe("Tabel 6");
    expect(book.selected).toEqual(["Tabel 6!C7"]);
    expect(selected).toEqual([cell("C7")]);
  });

  it("selects several cells of one sheet together and leaves out cells on another sheet", async () => {
    const book = planBook();
    book.sheet("Tabel 4");
    const selected = await selectCells(fakeContext(book), [
      cell("C7"),
      cell("C8"),
      { sheet: "Tabel 4", address: "D5" },
    ]);
    expect(book.selected).toEqual(["Tabel 6!C7,C8"]);
    expect(selected).toHaveLength(2);
  });

  it("does nothing for a finding without cells", async () => {
    const book = planBook();
    expect(await selectCells(fakeContext(book), [])).toEqual([]);
    expect(book.selected).toEqual([]);
  });
});

describe("writeWithBackup", () => {
  it("writes the values and keeps what was there in a very hidden backup sheet", async () => {
    const book = planBook();
    const outcome = await writeWithBackup(
      fakeContext(book),
      [
        { cell: cell("B7"), value: 0.034, kind: "fraction" },
        { cell: cell("C7"), value: 87796, kind: "euro" },
      ],
      { overwriteFormulas: false, label: "Sleutels", now: new Date("2026-11-23T10:00:00Z") }
    );
    expect(outcome).toEqual({ status: "written", batch: "2026-11-23T10:00:00.000Z#1", count: 2 });
    const t6 = book.find("Tabel 6")!;
    expect(t6.get("B7")).toEqual({ value: 0.034 });
    expect(t6.get("C7")).toEqual({ value: 87796 });
    const backup = book.find(BACKUP_SHEET)!;
    expect(backup.visibility).toBe("VeryHidden");
    expect(backup.get("D2")?.value).toBe("Tabel 6");
    expect(backup.get("E2")?.value).toBe("B7");
    expect(backup.get("F2")?.value).toBe("n");
    expect(backup.get("G2")?.value).toBe("0.0353");
    expect(backup.get("G3")?.value).toBe("91153");
  });

  it("refuses to overwrite a formula without confirmation and writes nothing", async () => {
    const book = planBook();
    const outcome = await writeWithBackup(
      fakeContext(book),
      [
        { cell: cell("C7"), value: 1, kind: "euro" },
        { cell: cell("C8"), value: 2, kind: "euro" },
      ],
      { overwriteFormulas: false, label: "x" }
    );
    expect(outcome).toEqual({ status: "needs-confirmation", formulaCells: [cell("C8")] });
    expect(book.find("Tabel 6")!.get("C7")).toEqual({ value: 91153 });
    expect(book.find("Tabel 6")!.get("C8")?.formula).toBe("=B8*2582231");
    expect(book.find(BACKUP_SHEET)).toBeUndefined();
  });

  it("overwrites a formula once confirmed, keeping the formula in the backup", async () => {
    const book = planBook();
    const outcome = await writeWithBackup(
      fakeContext(book),
      [{ cell: cell("C8"), value: 158033, kind: "euro" }],
      {
        overwriteFormulas: true,
        label: "x",
      }
    );
    expect(outcome.status).toBe("written");
    expect(book.find("Tabel 6")!.get("C8")).toEqual({ value: 158033 });
    expect(book.find(BACKUP_SHEET)!.get("F2")?.value).toBe("f");
    expect(book.find(BACKUP_SHEET)!.get("G2")?.value).toBe("=B8*2582231");
  });
});

describe("writing a figure the way its cell holds it", () => {
  it("writes a key in percent points where the workbook keeps 3.53 for 3,53%", async () => {
    const book = planBook();
    book.sheet("Tabel 6").set({ B9: 3.53 });
    await writeWithBackup(
      fakeContext(book),
      [
        { cell: cell("B7"), value: 0.0340625, kind: "fraction" },
        { cell: cell("B9"), value: 0.0340625, kind: "fraction" },
      ],
      { overwriteFormulas: false, label: "k" }
    );
    expect(book.find("Tabel 6")!.get("B7")).toEqual({ value: 0.0340625 });
    expect(book.find("Tabel 6")!.get("B9")?.value).toBeCloseTo(3.40625, 12);
  });

  it("gives a figure stored as text a number format when it becomes a number", async () => {
    const book = planBook();
    await writeWithBackup(fakeContext(book), [{ cell: cell("D8"), value: 3064068, kind: "euro" }], {
      overwriteFormulas: false,
      label: "x",
    });
    expect(book.find("Tabel 6")!.get("D8")).toEqual({ value: 3064068 });
    expect(book.find("Tabel 6")!.cellFormats.get("D8")).toBe("#,##0");
  });
});

describe("restoreLastBackup", () => {
  it("puts back numbers, text and formulas of the last write only, then forgets that write", async () => {
    const book = planBook();
    const ctx = () => fakeContext(book);
    await writeWithBackup(ctx(), [{ cell: cell("C7"), value: 1, kind: "euro" }], {
      overwriteFormulas: false,
      label: "first",
      now: new Date("2026-11-23T10:00:00Z"),
    });
    await writeWithBackup(
      ctx(),
      [
        { cell: cell("C7"), value: 2, kind: "euro" },
        { cell: cell("C8"), value: 3, kind: "euro" },
        { cell: cell("D8"), value: 3064067, kind: "euro" },
      ],
      { overwriteFormulas: true, label: "second", now: new Date("2026-11-23T11:00:00Z") }
    );
    expect(await lastBackup(ctx())).toMatchObject({ label: "second", cells: 3 });

    const restored = await restoreLastBackup(ctx());
    expect(restored).toMatchObject({ label: "second", cells: 3 });
    const t6 = book.find("Tabel 6")!;
    expect(t6.get("C7")).toEqual({ value: 1 });
    expect(t6.get("C8")?.formula).toBe("=B8*2582231");
    expect(t6.get("D8")).toEqual({ value: "3.064.067" });
    expect(await lastBackup(ctx())).toMatchObject({ label: "first", cells: 1 });

    await restoreLastBackup(ctx());
    expect(t6.get("C7")).toEqual({ value: 91153 });
    expect(await lastBackup(ctx())).toBeNull();
    expect(await restoreLastBackup(ctx())).toBeNull();
  });
});
