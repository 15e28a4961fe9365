import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BINDING_SHEET, parseBinding, TableBinding, withBinding } from "../../src/reader/binding";
import { checkPlan } from "../../src/core/check";
import { buildReport } from "../../src/report/report";
import { saveBindings } from "../../src/workbook/bindings";
import { readPlanFile } from "../../src/workbook/file";
import { runCli } from "../support/runCli";

/*
 * 16-tabel6-unrecognised.xlsx is the published plan with Tabel 6's title and header label
 * removed and its years written '23 … '27: the recogniser misses it. A binding saved in the
 * file makes `up check` read it, with the findings of the published plan's Tabel 6.
 */

const ROOT = join(__dirname, "..", "..");
const MISSED = join(ROOT, "test", "fixtures", "variants", "16-tabel6-unrecognised.xlsx");

const TABEL6: TableBinding = {
  table: "Tabel 6",
  sheet: "Uitvoeringsplan",
  range: "A60:H77",
  labelColumn: "A",
  headerRow: 60,
};

async function check(file: string) {
  const r = await runCli(["check", "--json", file], ROOT);
  return { code: r.code, json: JSON.parse(r.stdout) };
}

async function withBindings(bindings: TableBinding[]): Promise<string> {
  const data = await saveBindings(readFileSync(MISSED), "16.xlsx", bindings);
  const path = join(mkdtempSync(join(tmpdir(), "up-binding-")), "gekoppeld.xlsx");
  writeFileSync(path, data);
  return path;
}

type Finding = { rule: string; table: string; year: number | null; cell: string | null };
const keys = (fs: Finding[]) => fs.map((f) => `${f.rule}|${f.table}|${f.year}|${f.cell}`).sort();

let published: Finding[];
beforeAll(async () => {
  published = (await check("examples/up-2024-published.xlsx")).json.findings;
});

test("without a binding the recogniser misses Tabel 6", async () => {
  const { json } = await check(MISSED);
  expect(json.source.tables["Tabel 6"]).toBeUndefined();
  expect(json.notes.map((n: { message: string }) => n.message)).toContain(
    "Tabel 6 (uitvoeringskosten per gemeente) niet gevonden"
  );
  expect(json.findings.some((f: Finding) => f.table === "Tabel 6")).toBe(false);
});

test("a binding saved in the file is read back by up check: Tabel 6 with its findings", async () => {
  const { code, json } = await check(await withBindings([TABEL6]));
  expect(code).toBe(1);
  expect(json.source.tables["Tabel 6"]).toBe("Uitvoeringsplan!A60:H77");
  expect(keys(json.findings)).toEqual(keys(published));
  expect(json.notes).toContainEqual({
    severity: "info",
    table: "Tabel 6",
    cell: null,
    message:
      "Tabel 6 (uitvoeringskosten per gemeente) is met de hand gekoppeld aan Uitvoeringsplan!A60:H77 (labels in kolom A, jaren uit rij 60)",
  });
});

test("the plan's source and the report say the table was bound by hand", async () => {
  const { plan } = await readPlanFile(await withBindings([TABEL6]));
  expect(plan!.source.bound).toEqual(["Tabel 6"]);
  const report = buildReport(
    {
      plan: plan!,
      result: checkPlan(plan!),
      accepted: new Map(),
      formulaSource: "workbook",
      workbook: "gekoppeld.xlsx",
      date: new Date(Date.UTC(2024, 0, 30)),
    },
    "nl"
  );
  const facts = report.sheets[0].rows
    .filter((r) => r.style === "fact")
    .map((r) => r.cells.map((c) => c.value).filter((v) => v !== null));
  expect(facts).toContainEqual([
    "Tabel 6 Uitvoeringskosten per gemeente",
    "Uitvoeringsplan!A60:H77 (met de hand gekoppeld)",
  ]);
  expect(facts).toContainEqual(["Tabel 1 Formatieplan", "Uitvoeringsplan!A5:H28"]);
});

test("the binding sheet is very hidden and holds one row per binding", async () => {
  const path = await withBindings([TABEL6]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(BINDING_SHEET)!;
  expect(ws.state).toBe("veryHidden");
  expect(ws.getRow(2).values).toEqual([
    undefined,
    "Tabel 6",
    "Uitvoeringsplan",
    "A60:H77",
    "A",
    60,
  ]);
});

test("year columns given by hand instead of a header row; saving again replaces the binding", async () => {
  const years = ["D", "E", "F", "G", "H"].map((column, i) => ({ column, year: 2023 + i }));
  const byColumns: TableBinding = { ...TABEL6, range: "A61:H77", headerRow: undefined, years };
  const list = withBinding([TABEL6], byColumns);
  expect(list).toEqual([byColumns]);
  const { json } = await check(await withBindings(list));
  expect(json.source.tables["Tabel 6"]).toBe("Uitvoeringsplan!A61:H77");
  expect(keys(json.findings)).toEqual(keys(published));
});

test("a binding with wrong years gives the findings those years cause, at the right cells", async () => {
  // Told that column D is 2024 (and E–H 2025–2028), Tabel 6's 2023 amounts meet Tabel 4's
  // 2024 total: ALLOC-LINK must speak for 2024, pointing at D77.
  const years = ["D", "E", "F", "G", "H"].map((column, i) => ({ column, year: 2024 + i }));
  const { json } = await check(
    await withBindings([{ ...TABEL6, headerRow: undefined, range: "A61:H77", years }])
  );
  const link = json.findings.find(
    (f: Finding) => f.rule === "ALLOC-LINK" && f.year === 2024
  ) as Finding;
  expect(link.cell).toBe("Uitvoeringsplan!D77");
});

test("an unusable binding row is an error note naming its row, and up check exits 2", async () => {
  const r = await runCli(
    ["check", await withBindings([{ ...TABEL6, labelColumn: "1" } as TableBinding])],
    ROOT
  );
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    "UP_Koppelingen!A2: Koppeling op rij 2 van UP_Koppelingen is niet te gebruiken: Tabel 6: labelkolom '1' is geen kolomletter"
  );
});

describe("parseBinding", () => {
  test("reads a full row", () => {
    expect(parseBinding(["tabel 6", "Blad 1", "b2:h20", "b", "", "C=2024; D=2025", "i"])).toEqual({
      table: "Tabel 6",
      sheet: "Blad 1",
      range: "B2:H20",
      labelColumn: "B",
      years: [
        { column: "C", year: 2024 },
        { column: "D", year: 2025 },
      ],
      extraColumn: "I",
    });
  });

  test.each([
    [["Tabel 5", "S", "A1:B2", "A", "1", "", ""], "'Tabel 5' is geen tabel van het plan"],
    [["Tabel 1", "S", "A1", "A", "1", "", ""], "werkblad en bereik"],
    [["Tabel 1", "S", "A1:H9", "A", "12", "", ""], "kopregel '12' ligt niet in A1:H9"],
    [["Tabel 1", "S", "A1:H9", "A", "", "", ""], "geef een kopregel met jaren of de jaarkolommen"],
    [["Tabel 1", "S", "A1:H9", "A", "", "D:2023", ""], "moeten er uitzien als D=2023;E=2024"],
  ])("%j is refused", (cells, message) => {
    const r = parseBinding(cells);
    expect("nl" in r && r.nl).toContain(message);
  });
});
