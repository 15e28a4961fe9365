import { D } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { settle } from "../../src/core/settle";
import {
  BACKUP_SHEET,
  lastBackup,
  restoreLastBackup,
  writeWithBackup,
} from "../../src/excel/write/backup";
import { insertSettlementSheet, readSelection } from "../../src/excel/write/settlementSheet";
import { settlementReport } from "../../src/report/settlementReport";
import { FakeBook, FakeSheet, fakeContext, installExcelEnums } from "./fakeExcel";

beforeAll(installExcelEnums);

const SOURCE = {
  actual: { nl: "ingetypt", en: "typed" },
  finalKey: { nl: "geen", en: "none" },
};
const report = () =>
  settlementReport(
    settle(plan2024(), 2025, new D(2250000)),
    SOURCE,
    "nl",
    new Date("2026-03-01T12:00:00Z")
  );

/** The user's workbook: the plan's sheet and an earlier settlement sheet of their own. */
function userBook(): FakeBook {
  const book = new FakeBook();
  book.sheet("Uitvoeringsplan").set({ A61: "Beek", F61: 77075, F62: "=F61*2" });
  book.sheet("Afrekening 2025").set({ A1: "mijn eigen aantekeningen", B2: 12 });
  return book;
}

const snapshot = (sheet: FakeSheet) => JSON.stringify([...sheet.cells]);

describe("insertSettlementSheet", () => {
  it("adds a sheet of its own beside an existing one of that name, and restore removes only that", async () => {
    const book = userBook();
    const plan = snapshot(book.find("Uitvoeringsplan")!);
    const mine = snapshot(book.find("Afrekening 2025")!);
    const name = await insertSettlementSheet(
      fakeContext(book),
      report(),
      "Afrekening 2025 ingevoegd"
    );
    expect(name).toBe("Afrekening 2025 (2)");
    const added = book.find(name)!;
    expect(added.get("A1")?.value).toBe(
      "Afrekening 2025 — Uitvoeringsplan 2024 Verwerving Jeugdhulp Zuid-Limburg"
    );
    // Heerlen's row: advance, final and settlement as numbers.
    const heerlen = [...added.cells].find(([, c]) => c.value === "Heerlen")![0].replace(/\D/g, "");
    expect(added.get(`B${heerlen}`)?.value).toBe(261356);
    expect(added.get(`D${heerlen}`)?.value).toBe(7969);
    // Nothing else changed.
    expect(snapshot(book.find("Uitvoeringsplan")!)).toBe(plan);
    expect(snapshot(book.find("Afrekening 2025")!)).toBe(mine);

    const batch = await lastBackup(fakeContext(book));
    expect(batch).toMatchObject({
      label: "Afrekening 2025 ingevoegd",
      cells: 0,
      addedSheets: ["Afrekening 2025 (2)"],
    });
    const restored = await restoreLastBackup(fakeContext(book));
    expect(restored?.addedSheets).toEqual(["Afrekening 2025 (2)"]);
    expect(book.find(name)).toBeUndefined();
    expect(snapshot(book.find("Afrekening 2025")!)).toBe(mine);
    expect(snapshot(book.find("Uitvoeringsplan")!)).toBe(plan);
    expect(await lastBackup(fakeContext(book))).toBeNull();
  });

  it("is undone on its own: an earlier write stays until the next restore", async () => {
    const book = userBook();
    await writeWithBackup(
      fakeContext(book),
      [{ cell: { sheet: "Uitvoeringsplan", address: "F61" }, value: 77076, kind: "euro" }],
      { overwriteFormulas: false, label: "Afronding" }
    );
    await insertSettlementSheet(fakeContext(book), report(), "Afrekening 2025 ingevoegd");
    await restoreLastBackup(fakeContext(book));
    expect(book.find("Afrekening 2025 (2)")).toBeUndefined();
    expect(book.find("Uitvoeringsplan")!.get("F61")?.value).toBe(77076);
    expect(await lastBackup(fakeContext(book))).toMatchObject({ label: "Afronding", cells: 1 });
    await restoreLastBackup(fakeContext(book));
    expect(book.find("Uitvoeringsplan")!.get("F61")?.value).toBe(77075);
  });

  it("restores without an error when the user has removed the sheet already", async () => {
    const book = userBook();
    const name = await insertSettlementSheet(
      fakeContext(book),
      report(),
      "Afrekening 2025 ingevoegd"
    );
    book.sheets.splice(book.sheets.indexOf(book.find(name)!), 1);
    expect((await restoreLastBackup(fakeContext(book)))?.addedSheets).toEqual([name]);
    expect(book.find(BACKUP_SHEET)!.cells.size).toBe(8); // the header row only
  });
});

test("readSelection gives the selected range's address and values", async () => {
  const book = userBook();
  book.selection = "Uitvoeringsplan!A61:F61";
  const sel = await readSelection(fakeContext(book));
  expect(sel.address).toBe("Uitvoeringsplan!A61:F61");
  expect(sel.values).toEqual([["Beek", "", "", "", "", 77075]]);
});
