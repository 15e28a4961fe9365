import JSZip from "jszip";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bytesOf, CORPUS, cliIn, example, scratch } from "./support";

/*
 * Bad files and bad arguments for the command line: docs/BAD-INPUT.md, rows C01–C14 and
 * A01–A12. Every one ends in exit 2 with a message on stderr that says what is wrong.
 */

const corpus = (name: string) => readFileSync(join(CORPUS, name));

/**
 * A compound file as Office saves a password-protected workbook: the OLE signature and a
 * directory naming the EncryptionInfo and EncryptedPackage streams (UTF-16, as stored).
 */
function encryptedWorkbook(): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let at = 1024;
  for (const name of ["Root Entry", "EncryptionInfo", "EncryptedPackage"]) {
    for (const ch of name) {
      bytes[at] = ch.charCodeAt(0);
      at += 2;
    }
    at = Math.ceil((at + 1) / 128) * 128;
  }
  return bytes;
}

async function check(files: Record<string, string | Uint8Array>, file: string, ...rest: string[]) {
  return cliIn(scratch(files), "check", file, ...rest);
}

test("C01 a file that does not exist", async () => {
  const r = await check({}, "plan.xlsx");
  expect([r.code, r.stderr]).toEqual([2, "up check: Bestand niet gevonden: plan.xlsx\n"]);
});

test("C02 a 0-byte file", async () => {
  const r = await check({ "leeg.xlsx": "" }, "leeg.xlsx");
  expect([r.code, r.stderr]).toEqual([2, "up check: leeg.xlsx is leeg (0 bytes)\n"]);
});

test("C03 a text file called .xlsx", async () => {
  const r = await check({ "plan.xlsx": "gemeente;bedrag\nBeek;1\n" }, "plan.xlsx");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("plan.xlsx is geen .xlsx-bestand (het is geen zip-archief)");
  expect(r.stderr).toContain("Opslaan als");
});

test.each([
  ["C04", "AutoFilter.xls", "een Excel 97-2003-werkmap (.xls)"],
  ["C05", "AutoFilter.ods", "een OpenDocument-rekenblad (.ods)"],
  ["C06", "AutoFilter.xlsb", "een binaire Excel-werkmap (.xlsb)"],
  ["C07", "Attendance.numbers", "een Numbers-bestand (.numbers)"],
])("%s an unsupported format: %s", async (_id, name, kind) => {
  const r = await check({ [name]: corpus(name) }, name);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    `up check: ${name} is ${kind}. UP leest alleen Excel-werkmappen (.xlsx): open het in Excel en kies Opslaan als > Excel-werkmap (*.xlsx)\n`
  );
});

test("C08 a CSV file given to up check", async () => {
  const r = await check({ "plan.csv": "gemeente;2024\nBeek;91153\n" }, "plan.csv");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("plan.csv is een CSV-bestand (.csv)");
});

test("C09 a password-protected workbook", async () => {
  const r = await check({ "geheim.xlsx": encryptedWorkbook() }, "geheim.xlsx");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    "geheim.xlsx is met een wachtwoord beveiligd (versleuteld). Verwijder het wachtwoord in Excel"
  );
});

test("C10 a workbook cut off halfway", async () => {
  const whole = await bytesOf(await example("published"));
  const r = await check({ "half.xlsx": whole.subarray(0, whole.length >> 1) }, "half.xlsx");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    "half.xlsx is beschadigd en kan niet worden geopend (het zip-archief is onvolledig)"
  );
});

test("C11 a zip archive that is not a workbook", async () => {
  const zip = new JSZip();
  zip.file("leesmij.txt", "geen werkmap");
  const data = await zip.generateAsync({ type: "uint8array" });
  const r = await check({ "archief.xlsx": data }, "archief.xlsx");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    "archief.xlsx is een zip-archief maar geen Excel-werkmap (er zit geen xl/workbook.xml in)"
  );
});

test("C12 a folder instead of a file", async () => {
  const dir = scratch();
  mkdirSync(join(dir, "plan.xlsx"));
  const r = await cliIn(dir, "check", "plan.xlsx");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("is een map, geen bestand: geef een .xlsx-bestand");
});

test("C13 a workbook without a plan says what it looked for", async () => {
  const r = await check({ "write.xlsx": corpus("write.xlsx") }, "write.xlsx");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("Geen uitvoeringsplan gevonden in write.xlsx.");
  expect(r.stderr).toContain("Gezocht naar:");
  expect(r.stderr).toContain("UP_Bijdragen");
  expect(r.stderr).toContain("Tabel 6. Uitvoeringskosten");
});

test("C14 up template never overwrites an existing file without --force", async () => {
  const dir = scratch({ "plan.xlsx": "mijn eigen werk" });
  const r = await cliIn(dir, "template", "plan.xlsx");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("plan.xlsx bestaat al; UP overschrijft geen bestanden zonder --force");
  expect(readFileSync(join(dir, "plan.xlsx"), "utf8")).toBe("mijn eigen werk");
});

const usageLine = /Gebruik: up \w+/;

test("A01 an unknown command", async () => {
  const r = await cliIn(scratch(), "chek");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("Onbekend commando 'chek'");
  expect(r.stderr).toContain("up check [plan.xlsx]");
});

test("A02 an unknown option", async () => {
  const r = await cliIn(scratch(), "check", "--jsn");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("--jsn");
  expect(r.stderr).toMatch(usageLine);
});

test("A03 a missing argument", async () => {
  const r = await cliIn(scratch(), "contribution", "Heerlen");
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(usageLine);
  expect(r.stdout).toBe("");
});

test.each([
  ["A04", ["Heerle", "2025"], "Onbekende gemeente 'Heerle' — bedoelt u Heerlen?"],
  ["A05", ["Nuth", "2025"], "'Nuth' is sinds 2019 opgegaan in Beekdaelen"],
  ["A06", ["Heerlen", "2031"], "Jaar 2031 staat niet in Tabel 4 (wel: 2023–2027)"],
  ["A07", ["Heerlen", "volgend-jaar"], "'volgend-jaar'"],
])("%s up contribution %p", async (_id, args, message) => {
  const r = await cliIn(scratch(), "contribution", ...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stdout).toBe("");
});

const COMPONENTS =
  "gemeente;jongeren;toekenningen;declaraties\nBeek;100;10;50\nHeerlen;300;40;150\n";

test("A08 weights not adding up to 100", async () => {
  const dir = scratch({ "c.csv": COMPONENTS });
  const r = await cliIn(
    dir,
    "keys",
    "c.csv",
    "--weights",
    "gelijk=30,jongeren=25,toekenningen=25,declaraties=25"
  );
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("De wegingen tellen op tot 105%, niet tot 100%");
});

test("A09 a negative component count, with its cell", async () => {
  const dir = scratch({ "neg.csv": COMPONENTS.replace("Beek;100;10", "Beek;100;-10") });
  const r = await cliIn(dir, "keys", "neg.csv");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    "toekenningen van Beek is negatief (-10): aantallen zijn ≥ 0 (neg.csv!C2)"
  );
});

test("A10 a non-numeric component count, with its cell", async () => {
  const dir = scratch({
    "veel.csv": COMPONENTS.replace("Heerlen;300;40;150", "Heerlen;300;veel;150"),
  });
  const r = await cliIn(dir, "keys", "veel.csv");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    "toekenningen van Heerlen is 'veel': verwacht een getal (veel.csv!C3)"
  );
});

test("A11 --unit 5", async () => {
  const dir = scratch({ "c.csv": COMPONENTS });
  const r = await cliIn(dir, "keys", "c.csv", "--total", "1000", "--unit", "5");
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/0[.,]01/);
  expect(r.stdout).toBe("");
});

test("A12 --lang en gives the same messages in English", async () => {
  const r = await cliIn(scratch(), "check", "plan.xlsx", "--lang", "en");
  expect([r.code, r.stderr]).toEqual([2, "up check: File not found: plan.xlsx\n"]);
  const x = await check({ "oud.xls": corpus("AutoFilter.xls") }, "oud.xls", "--lang", "en");
  expect(x.stderr).toContain(
    "oud.xls is an Excel 97-2003 workbook (.xls). UP reads Excel workbooks"
  );
});
