import ExcelJS from "exceljs";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { allKindsPlan } from "../support/allKindsPlan";
import {
  keyTemplate,
  keyTemplateFile,
  KeyTemplate,
  SHARE_HEADERS,
  shares,
} from "../support/templateKeyTables";
import { set, workbookOf } from "../reader/sheetCells";
import { readAndCheck } from "./support";

/*
 * Bad input in the key calculation table and the change table, in the published layout
 * (test/support/allKindsPlan.ts, sheet 'Financieel') and in the template (UP_Herberekening,
 * UP_Toename: test/support/templateKeyTables.ts): docs/BAD-INPUT.md rows R44–R49 and R54.
 */

const SHEET = "Financieel";

async function published(edit: (f: ReturnType<typeof allKindsPlan>) => void) {
  const f = allKindsPlan();
  edit(f);
  return readAndCheck(workbookOf([{ name: SHEET, cells: f.cells }]));
}

async function template(edit: (t: KeyTemplate) => void, keyFormats?: Record<string, string>) {
  const t = keyTemplate();
  edit(t);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await keyTemplateFile(t, undefined, keyFormats)) as unknown as ArrayBuffer);
  return readAndCheck(wb);
}

const errors = (o: Awaited<ReturnType<typeof readAndCheck>>) =>
  o.notes.filter((n) => n.severity === "error");

test("R44 text in a share of the published key calculation table: the cell named, the table left out", async () => {
  let at = "";
  const o = await published((f) => {
    set(f.cells, f.rows.keyFirst, 3, { value: "n.v.t." });
    at = `C${f.rows.keyFirst}`;
  });
  expect(o.lines).toContain(
    `note error Herberekening ${SHEET}!${at}: Herberekening: ${at}: 'n.v.t.' is geen getal`
  );
  expect(errors(o).map((n) => n.message.en)).toContain(
    `Herberekening: ${at}: 'n.v.t.' is not a number`
  );
  expect(o.plan?.keyTable).toBeUndefined();
});

test("R45 an unknown name in the published change table: said at its cell, the table left out", async () => {
  let at = "";
  const o = await published((f) => {
    const r = f.rows.changeFirst + MUNICIPALITIES.indexOf("Vaals");
    set(f.cells, r, 1, { value: "Amsterdam" });
    at = `A${r}`;
  });
  expect(o.lines).toContain(
    `note error Toename ${SHEET}!${at}: Toename: Onbekende gemeente 'Amsterdam' — geen deelnemende gemeente lijkt erop`
  );
  expect(errors(o).map((n) => n.message.en)).toContain(
    "Toename: Unknown municipality 'Amsterdam' — no participating municipality resembles it"
  );
  expect(o.plan?.contributionChange).toBeUndefined();
  expect(o.plan?.keyTable).toBeDefined();
});

// Beek's jongeren share (row 3, column C) and Beek's old contribution (row 2, column B).
test.each([
  ["R46", "key", "Herberekening", 2, 2, "C3"],
  ["R46", "change", "Toename", 1, 1, "B2"],
] as const)(
  "%s text in a number cell of the template's %s table: the cell named",
  async (_id, table, sheet, row, column, at) => {
    const o = await template((t) => (t[table][row][column] = "n.v.t."));
    expect(o.lines).toContain(
      `note error ${sheet} ${sheet}!${at}: ${sheet}: ${at}: 'n.v.t.' is geen getal`
    );
    expect(errors(o).map((n) => n.message.en)).toContain(
      `${sheet}: ${at}: 'n.v.t.' is not a number`
    );
    expect(o.plan?.[table === "key" ? "keyTable" : "contributionChange"]).toBeUndefined();
  }
);

test("R47 a template table without a column it needs: which, at the table's first cell", async () => {
  const o = await template((t) => {
    // UP_Herberekening without its key and total columns, UP_Toename without `Toename`.
    t.key = t.key.map((r) => r.slice(0, 5).concat(r.slice(6, 10)));
    t.change = t.change.map((r) => [r[0], r[1], r[2], r[4]]);
  });
  expect(o.lines).toEqual(
    expect.arrayContaining([
      "note error Herberekening Herberekening!A1: Herberekening: Excel-tabel UP_Herberekening mist de kolom 'Verdeelsleutel' of 'Totaal'",
      "note error Toename Toename!A1: Toename: Excel-tabel UP_Toename mist de kolom 'Toename'",
    ])
  );
  expect(errors(o).map((n) => n.message.en)).toContain(
    "Toename: Excel table UP_Toename lacks the column 'Toename'"
  );
  expect(o.plan).toBeUndefined();
});

test("R47 a key calculation table with one component: two are needed, and how many there are", async () => {
  // Only `Aandeel jongeren < 20` and `Bedrag jongeren < 20` beside the key and the total.
  const o = await template((t) => (t.key = t.key.map((r) => [r[0], r[2], r[5], r[7], r[10]])));
  const list = "'Gelijk deel', 'Jongeren < 20', 'Toekenningen', 'Declaraties'";
  expect(o.lines).toContain(
    `note error Herberekening Herberekening!A1: Herberekening: Excel-tabel UP_Herberekening mist minstens 2 van de kolommen ${list} (gevonden: 1)`
  );
  expect(errors(o).map((n) => n.message.en)).toContain(
    `Herberekening: Excel table UP_Herberekening lacks at least 2 of the columns ${list} (found: 1)`
  );
});

test("R54 counts typed where the template's key table wants shares: the first count named", async () => {
  const jongeren = SHARE_HEADERS[1];
  // Jongeren as numbers of young people (the share × 40 000, > 100), not as percentages.
  const counts = MUNICIPALITIES.map((_, i) => shares(i)[1] * 4);
  const o = await template(
    (t) => {
      counts.forEach((c, i) => (t.key[i + 2][2] = c));
      t.key[counts.length + 2][2] = counts.reduce((a, b) => a + b, 0);
    },
    { [jongeren]: "#,##0" }
  );
  const shown = counts[0].toLocaleString("nl-NL");
  expect(counts[0]).toBeGreaterThan(100);
  expect(o.lines).toContain(
    `note error Herberekening Herberekening!C3: Herberekening: Excel-tabel UP_Herberekening: C3 is ${shown}, geen aandeel: een aandeel is een percentage (zoals 3,03%), geen aantal`
  );
  expect(errors(o).map((n) => n.message.en)).toContain(
    `Herberekening: Excel table UP_Herberekening: C3 is ${counts[0]}, not a share: a share is a percentage (such as 3.03%), not a count`
  );
  expect(o.plan?.keyTable).toBeUndefined();
  expect(o.plan?.contributionChange).toBeDefined();
});

test("R48 an unknown name in the template's change table: said at its cell", async () => {
  const o = await template((t) => (t.change[MUNICIPALITIES.indexOf("Stein") + 1][0] = "Heerle"));
  const at = `A${MUNICIPALITIES.indexOf("Stein") + 2}`;
  expect(o.lines).toContain(
    `note error Toename Toename!${at}: Toename: Onbekende gemeente 'Heerle' — bedoelt u Heerlen?`
  );
  expect(o.plan?.contributionChange).toBeUndefined();
  expect(o.plan?.keyTable).toBeDefined();
});

test("R49 a key calculation table without its total row: not read, and said at its header", async () => {
  const o = await template((t) => t.key.pop());
  expect(o.lines).toContain(
    "note warning Herberekening Herberekening!B1: Herberekening verdeelsleutel: onder de kopregel op rij 1 staat geen totaalregel ('Totaal'); de tabel is niet gelezen"
  );
  expect(o.plan?.keyTable).toBeUndefined();
});
