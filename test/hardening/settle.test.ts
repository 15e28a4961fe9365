import { MUNICIPALITIES } from "../../src/core/municipalities";
import { D } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { settle } from "../../src/core/settle";
import { lastBackup, restoreLastBackup } from "../../src/excel/write/backup";
import { insertSettlementSheet } from "../../src/excel/write/settlementSheet";
import * as UP from "../../src/functions/functions";
import { embeddedFeed, setPlanFeed } from "../../src/functions/planFeed";
import { settlementReport } from "../../src/report/settlementReport";
import { FakeBook, fakeContext, installExcelEnums } from "../excel-write/fakeExcel";
import { ExcelError, installCustomFunctions, streamed } from "../functions/support";
import { bytesOf, cliIn, example, scratch } from "./support";

/*
 * Bad input to the settlement: docs/BAD-INPUT.md, rows S01–S15 and S20 (the pane's S16–S19 are
 * in settlePane.test.tsx). The command line exits 2 with the reason on stderr; a formula gives
 * #VALUE! or #N/A with it; inserting the sheet never overwrites anything.
 */

installCustomFunctions();
beforeAll(installExcelEnums);
// UP.SETTLEMENT's code loads on its first call; these tests ask for its answers at once.
beforeAll(() => UP.loadOnFirstCallCode());
afterEach(() => setPlanFeed(embeddedFeed));

const csv = (rows: string[][]) => rows.map((r) => r.join(";")).join("\n") + "\n";
const HEADER = ["gemeente", "jongeren", "toekenningen", "declaraties"];
const counts = (except: string[] = []) =>
  MUNICIPALITIES.filter((m) => !except.includes(m)).map((m) => [m, "100", "10", "10"]);

async function settleCli(files: Record<string, string | Uint8Array>, ...args: string[]) {
  const r = await cliIn(scratch(files), "settle", ...args);
  expect(r.stdout).toBe("");
  expect(r.code).toBe(2);
  return r.stderr;
}

/** `up settle --year 2025 --actual 1000 --keys <name>` with the file's content; its stderr. */
const withKeys = (name: string, content: string, ...args: string[]) =>
  settleCli({ [name]: content }, "--year", "2025", "--actual", "1000", "--keys", name, ...args);

test("S01 a year without Tabel 6 amounts", async () => {
  expect(await settleCli({}, "--year", "2031", "--actual", "1000")).toBe(
    "up settle: Jaar 2031 staat niet in Tabel 6 (wel: 2023–2027)\n"
  );
});

test("S02 negative actual costs", async () => {
  for (const args of [["--actual", "-5"], ["--actual=-5"]]) {
    expect(await settleCli({}, "--year", "2025", ...args)).toBe(
      "up settle: De werkelijke kosten zijn -€ 5: geef een bedrag van € 0 of meer\n"
    );
  }
});

test("S03 non-numeric actual costs", async () => {
  expect(await settleCli({}, "--year", "2025", "--actual", "veel")).toBe(
    "up settle: --actual: 'veel' is geen getal\n"
  );
  expect(await settleCli({}, "--year", "2025", "--actual", "veel", "--lang", "en")).toBe(
    "up settle: --actual: 'veel' is not a number\n"
  );
});

test("S04 actual costs with tenths of a cent, or cents with --unit 1", async () => {
  expect(await settleCli({}, "--year", "2025", "--actual", "1.000,005")).toBe(
    "up settle: De werkelijke kosten (1000,005) hebben meer dan 2 decimalen: geef hele euro's of centen\n"
  );
  expect(await settleCli({}, "--year", "2025", "--actual", "2250000,50", "--unit", "1")).toContain(
    "zijn geen hele euro's: rond af, of reken af in centen (eenheid 0,01)"
  );
});

test("S05 --year or --actual left out, --weights without --keys", async () => {
  expect(await settleCli({}, "--actual", "5")).toMatch(
    /^up settle: Geef met --year het jaar dat wordt afgerekend\nGebruik: up settle /
  );
  expect(await settleCli({}, "--year", "2025")).toMatch(
    /^up settle: Geef met --actual de werkelijke kosten van dat jaar \(uit de jaarrekening\)\nGebruik: /
  );
  expect(
    await settleCli({}, "--year", "2025", "--actual", "5", "--weights", "gelijk=100")
  ).toContain("--weights hoort bij --keys");
});

test("S06 final components without a municipality", async () => {
  const files = { "definitief.csv": csv([HEADER, ...counts(["Vaals"])]) };
  expect(
    await settleCli(files, "--year", "2025", "--actual", "2250000", "--keys", "definitief.csv")
  ).toBe(
    "up settle: De definitieve sleutel mist Vaals: elke gemeente met een voorschot heeft een sleutel nodig (15 van de 16 gemeenten gegeven)\n"
  );
});

test("S07 final components naming an old or unknown municipality", async () => {
  const rows = counts().map((r) => (r[0] === "Beekdaelen" ? ["Nuth", ...r.slice(1)] : r));
  const old = await withKeys("definitief.csv", csv([HEADER, ...rows]));
  expect(old).toContain("'Nuth' is sinds 2019 opgegaan in Beekdaelen");
  expect(old).toContain("(definitief.csv!A3)");
  const typo = counts().map((r) => (r[0] === "Heerlen" ? ["Heerle", ...r.slice(1)] : r));
  expect(await withKeys("definitief.csv", csv([HEADER, ...typo]))).toContain(
    "Onbekende gemeente 'Heerle' — bedoelt u Heerlen?"
  );
});

test("S08 a negative or non-numeric component count", async () => {
  const negative = counts().map((r) => (r[0] === "Beek" ? ["Beek", "100", "-10", "10"] : r));
  expect(await withKeys("d.csv", csv([HEADER, ...negative]))).toBe(
    "up settle: toekenningen van Beek is negatief (-10): aantallen zijn ≥ 0 (d.csv!C2)\n"
  );
  const word = counts().map((r) => (r[0] === "Stein" ? ["Stein", "veel", "10", "10"] : r));
  expect(await withKeys("d.csv", csv([HEADER, ...word]))).toContain(
    "jongeren van Stein is 'veel': verwacht een getal (d.csv!B14)"
  );
});

test("S09 a key table whose keys do not add up to 100%", async () => {
  // 15 × 6,25% + 5,25% = 99%: more than the 16 × 0,005 points rounding allows.
  const keys = MUNICIPALITIES.map((m) => [m, m === "Vaals" ? "5,25%" : "6,25%"]);
  expect(await withKeys("k.csv", csv([["gemeente", "sleutel"], ...keys]))).toBe(
    "up settle: De definitieve sleutels tellen op tot 99,0000%, niet tot 100% (door afronding toegestaan: 0,0800%)\n"
  );
  // Within rounding (99,99%): used in proportion, and said so.
  const close = MUNICIPALITIES.map((m) => [m, m === "Vaals" ? "6,24%" : "6,25%"]);
  const ok = await cliIn(
    scratch({ "k.csv": csv([["gemeente", "sleutel"], ...close]) }),
    "settle",
    "--year",
    "2025",
    "--actual",
    "1000",
    "--keys",
    "k.csv",
    "--json"
  );
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout).notes).toEqual([
    "De definitieve sleutels tellen door afronding op tot 99,9900%: de kosten zijn naar verhouding verdeeld",
  ]);
});

test("S10 weights that do not add up to 100", async () => {
  expect(
    await withKeys(
      "d.csv",
      csv([HEADER, ...counts()]),
      "--weights",
      "gelijk=30,jongeren=25,toekenningen=25,declaraties=25"
    )
  ).toBe("up settle: De wegingen tellen op tot 105%, niet tot 100%\n");
});

test("S11 a plan whose Tabel 6 could not be read", async () => {
  const wb = await example("published");
  wb.getWorksheet("Uitvoeringsplan")!.getCell("F72").value = { error: "#REF!" };
  expect(
    await settleCli(
      { "plan.xlsx": await bytesOf(wb) },
      "plan.xlsx",
      "--year",
      "2025",
      "--actual",
      "1000"
    )
  ).toBe("up settle: plan.xlsx heeft geen Tabel 6 (uitvoeringskosten per gemeente)\n");
});

function error(result: unknown): [string, string] {
  expect(result).toBeInstanceOf(ExcelError);
  return [(result as ExcelError).code, (result as ExcelError).message];
}

test("S12 =UP.AFREKENING with the actual costs as a word or negative", () => {
  expect(error(streamed(UP.settlement, "Heerlen", 2025, "veel", null, null, null))).toEqual([
    "#VALUE!",
    "Argument werkelijk: 'veel' is geen getal",
  ]);
  expect(error(streamed(UP.settlement, "Heerlen", 2025, -5, null, null, null))).toEqual([
    "#VALUE!",
    "De werkelijke kosten zijn -€ 5: geef een bedrag van € 0 of meer",
  ]);
});

test("S13 =UP.AFREKENING with components lacking a municipality", () => {
  const range = [HEADER, ...counts(["Vaals", "Stein"]).map(([m, ...v]) => [m, ...v.map(Number)])];
  expect(error(streamed(UP.settlement, "Heerlen", 2025, 1000, range, null, null))).toEqual([
    "#VALUE!",
    "De definitieve sleutel mist Stein, Vaals: elke gemeente met een voorschot heeft een sleutel nodig (14 van de 16 gemeenten gegeven)",
  ]);
});

test("S14 =UP.AFREKENING for a year without Tabel 6 amounts", () => {
  expect(error(streamed(UP.settlement, "Heerlen", 2031, 1000, null, null, null))).toEqual([
    "#N/A",
    "Jaar 2031 staat niet in Tabel 6 (wel: 2023–2027)",
  ]);
});

test("S15 =UP.AFREKENING with a part that does not exist", () => {
  expect(error(streamed(UP.settlement, "Heerlen", 2025, 1000, null, "rente", null))).toEqual([
    "#VALUE!",
    "Argument deel: 'rente' kan niet: kies afrekening, voorschot, definitief, kosten of sleutel",
  ]);
});

test("S20 inserting the settlement sheet where 'Afrekening 2025' exists: nothing is overwritten", async () => {
  const book = new FakeBook();
  book.sheet("Afrekening 2025").set({ A1: "=SUM(B2:B3)", B2: 1, B3: "tekst" });
  const before = JSON.stringify([...book.find("Afrekening 2025")!.cells]);
  const report = settlementReport(
    settle(plan2024(), 2025, new D(2250000)),
    { actual: { nl: "ingetypt", en: "typed" }, finalKey: { nl: "geen", en: "none" } },
    "nl",
    new Date()
  );
  const name = await insertSettlementSheet(fakeContext(book), report, "Afrekening 2025 ingevoegd");
  expect(name).toBe("Afrekening 2025 (2)");
  expect(JSON.stringify([...book.find("Afrekening 2025")!.cells])).toBe(before);
  expect((await lastBackup(fakeContext(book)))?.addedSheets).toEqual([name]);
  await restoreLastBackup(fakeContext(book));
  expect(book.find(name)).toBeUndefined();
  expect(JSON.stringify([...book.find("Afrekening 2025")!.cells])).toBe(before);
});
