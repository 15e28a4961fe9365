import { exactKeyTable } from "../../src/core/exactKeyTable";
import { D } from "../../src/core/money";
import { insertSheet } from "../../src/excel/write/addedSheet";
import { lastBackup, restoreLastBackup } from "../../src/excel/write/backup";
import { keyTableReport } from "../../src/report/keyTableSheet";
import { numberFormat } from "../../src/report/numberFormat";
import { FakeBook, FakeSheet, fakeContext, installExcelEnums } from "./fakeExcel";

beforeAll(installExcelEnums);

/** Three municipalities, two components, € 1.000 (worked by hand in test/report/keyTableSheet). */
const report = () =>
  keyTableReport(
    exactKeyTable(
      [
        { municipality: "Beek", values: new Map([["jongeren", new D(1)]]) },
        { municipality: "Stein", values: new Map([["jongeren", new D(1)]]) },
        { municipality: "Vaals", values: new Map([["jongeren", new D(2)]]) },
      ],
      new Map([
        ["gelijk", new D(50)],
        ["jongeren", new D(50)],
      ]),
      new D(1000)
    ),
    { year: 2025, total: { nl: "ingetypt", en: "typed" } },
    { title: "Uitvoeringsplan 2025", name: "plan.xlsx" },
    "nl",
    new Date("2026-12-02T02:00:00Z")
  );

/** The user's workbook, with a key table sheet of their own under the name UP would take. */
function userBook(): FakeBook {
  const book = new FakeBook();
  book.sheet("Uitvoeringsplan").set({ A61: "Beek", F61: 77075, F62: "=F61*2" });
  book.sheet("Sleuteltabel 2025").set({ A1: "mijn eigen sleutels", C3: 0.034 });
  return book;
}

const snapshot = (sheet: FakeSheet) => JSON.stringify([...sheet.cells]);

test("the key table goes into a sheet of its own beside the user's, as numbers, and restore removes only it", async () => {
  const book = userBook();
  const plan = snapshot(book.find("Uitvoeringsplan")!);
  const mine = snapshot(book.find("Sleuteltabel 2025")!);
  const name = await insertSheet(fakeContext(book), report(), "Sleuteltabel 2025 ingevoegd");
  expect(name).toBe("Sleuteltabel 2025 (2)");
  const added = book.find(name)!;
  const rowOf = (label: string) =>
    [...added.cells].find(([, c]) => c.value === label)![0].replace(/\D/g, "");
  const vaals = rowOf("Vaals");
  // Shares, key, amounts per component and the contribution, as numbers: 167 + 250 = 417.
  expect(added.get(`C${vaals}`)?.value).toBe(0.5);
  expect(added.get(`E${vaals}`)?.value).toBe(167);
  expect(added.get(`F${vaals}`)?.value).toBe(250);
  expect(added.get(`G${vaals}`)?.value).toBe(417);
  const total = rowOf("Totaal");
  expect(["E", "F", "G"].map((c) => added.get(`${c}${total}`)?.value)).toEqual([500, 500, 1000]);
  expect(added.cellFormats.get(`G${vaals}`)).toBe(
    numberFormat({ value: null, format: "euro", decimals: 0 }, "nl")
  );
  expect(added.cellFormats.get(`D${vaals}`)).toBe(
    numberFormat({ value: null, format: "percent", decimals: 4 }, "nl")
  );
  // Nothing of the user's changed.
  expect(snapshot(book.find("Uitvoeringsplan")!)).toBe(plan);
  expect(snapshot(book.find("Sleuteltabel 2025")!)).toBe(mine);

  expect(await lastBackup(fakeContext(book))).toMatchObject({
    label: "Sleuteltabel 2025 ingevoegd",
    cells: 0,
    addedSheets: [name],
  });
  expect((await restoreLastBackup(fakeContext(book)))?.addedSheets).toEqual([name]);
  expect(book.find(name)).toBeUndefined();
  expect(snapshot(book.find("Sleuteltabel 2025")!)).toBe(mine);
  expect(snapshot(book.find("Uitvoeringsplan")!)).toBe(plan);
});

test("a second insert takes the next free name; each is undone on its own", async () => {
  const book = userBook();
  const first = await insertSheet(fakeContext(book), report(), "eerste");
  const second = await insertSheet(fakeContext(book), report(), "tweede");
  expect([first, second]).toEqual(["Sleuteltabel 2025 (2)", "Sleuteltabel 2025 (3)"]);
  await restoreLastBackup(fakeContext(book));
  expect(book.find(second)).toBeUndefined();
  expect(book.find(first)).toBeDefined();
  expect(await lastBackup(fakeContext(book))).toMatchObject({ label: "eerste" });
});
