import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureCli } from "../support/measure";
import { entriesOf, rawZip, zeros } from "../support/rawZip";
import { cliIn, PUBLISHED, scratch } from "./support";

/*
 * `up keys` reads a component file in time linear in its cells, and refuses a file with more
 * rows than a component table can have: docs/BAD-INPUT.md row A18.
 */

const HEADER = "gemeente;jongeren;toekenningen;declaraties\n";

test("A18 a CSV of 100 000 rows: refused before parsing, naming the limit, in well under a second of CPU", () => {
  const dir = scratch({ "groot.csv": HEADER + "Beek;1;2;3\n".repeat(100_000) });
  const m = measureCli(dir, "keys", "groot.csv");
  expect(m.code).toBe(2);
  expect(m.stderr).toBe(
    "up keys: groot.csv heeft 100.001 rijen; een componentenbestand heeft er ten hoogste 1.000 (limiet: rijen in een componentenbestand)\n"
  );
  expect(m.cpuSeconds).toBeLessThan(3);
});

async function xlsx(dir: string, far: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Componenten");
  ws.addRow(["gemeente", "jongeren", "toekenningen", "declaraties"]);
  ws.addRow(["Beek", 1, 2, 3]);
  ws.addRow(["Stein", 3, 2, 1]);
  ws.getCell(far).value = "x";
  writeFileSync(join(dir, "c.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
}

test("A18 a component .xlsx with a stray cell at A1048576: refused by the rows limit, at once", async () => {
  const dir = scratch();
  await xlsx(dir, "A1048576");
  const m = measureCli(dir, "keys", "c.xlsx");
  expect(m.code).toBe(2);
  expect(m.stderr).toContain("c.xlsx heeft 1.048.576 rijen");
  expect(m.cpuSeconds).toBeLessThan(3);
});

test("A18 a stray cell at XFD2 beside the table: the keys as without it", async () => {
  const dir = scratch();
  await xlsx(dir, "XFD2");
  const m = measureCli(dir, "keys", "c.xlsx", "--json");
  expect(m.stderr).toMatch(/ontbreken/);
  expect(m.cpuSeconds).toBeLessThan(3);
});

/*
 * What `up keys` says about cells and files it cannot use: the cell's content in words, the
 * file's kind, the encoding it read. docs/BAD-INPUT.md rows A19–A27.
 */

const ROWS = "Beek;1;2;3\nStein;3;2;1\n";

async function componentXlsx(dir: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Componenten");
  ws.addRow(["gemeente", "jongeren", "toekenningen", "declaraties"]);
  ws.addRow(["Beek", 1, 2, 3]);
  ws.addRow(["Stein", 3, 2, 1]);
  fill(ws);
  writeFileSync(join(dir, "c.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function keysOn(fill: (ws: ExcelJS.Worksheet) => void, ...args: string[]) {
  const dir = scratch();
  await componentXlsx(dir, fill);
  return cliIn(dir, "keys", "c.xlsx", ...args);
}

test("A19 a #REF! count, a #DIV/0! formula result and a date: said as what they are, with the cell", async () => {
  const ref = await keysOn((ws) => (ws.getCell("C3").value = { error: "#REF!" }));
  expect([ref.code, ref.stderr]).toEqual([
    2,
    "up keys: toekenningen van Stein is de foutwaarde #REF!: verwacht een getal (Componenten!C3)\n",
  ]);
  const div = await keysOn(
    (ws) => (ws.getCell("B2").value = { formula: "1/0", result: { error: "#DIV/0!" } })
  );
  expect(div.stderr).toBe(
    "up keys: jongeren van Beek is de foutwaarde #DIV/0!: verwacht een getal (Componenten!B2)\n"
  );
  const date = await keysOn((ws) => {
    ws.getCell("D3").value = new Date(Date.UTC(2024, 1, 1));
    ws.getCell("D3").numFmt = "dd-mm-yyyy";
  });
  expect(date.stderr).toBe(
    "up keys: declaraties van Stein is een datum (01-02-2024): verwacht een getal (Componenten!D3)\n"
  );
  const name = await keysOn((ws) => (ws.getCell("A3").value = { error: "#N/A" }));
  expect(name.stderr).toBe(
    "up keys: De gemeentenaam is de foutwaarde #N/A, geen naam (Componenten!A3)\n"
  );
  for (const r of [ref, div, date, name]) expect(r.stderr).not.toMatch(/object|GMT/);
});

test("A19 a municipality name that is a hyperlink is read as its text", async () => {
  const r = await keysOn(
    (ws) => (ws.getCell("A3").value = { text: "Stein", hyperlink: "https://www.stein.nl" }),
    "--json"
  );
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).rows.map((x: { municipality: string }) => x.municipality)).toEqual([
    "Beek",
    "Stein",
  ]);
});

test("A20 -0 is zero: as a count, a weight and a total", async () => {
  const dir = scratch({ "c.csv": HEADER + "Beek;1;2;3\nStein;-0;2;1\n" });
  const count = await cliIn(dir, "keys", "c.csv", "--json");
  expect(count.code).toBe(0);
  const weights = await cliIn(
    dir,
    "keys",
    "c.csv",
    "--weights",
    "gelijk=-0,jongeren=50,toekenningen=25,declaraties=25",
    "--total=-0",
    "--json"
  );
  expect(weights.code).toBe(0);
  const out = JSON.parse(weights.stdout);
  expect([out.weights.gelijk, out.total, out.rows[0].amount]).toEqual([0, 0, 0]);
});

test("A21 a directory, a FIFO or a device as the component file (or the plan): said so, at once", async () => {
  const dir = scratch({ "c.csv": HEADER + ROWS });
  mkdirSync(join(dir, "map.csv"));
  expect(spawnSync("mkfifo", [join(dir, "pijp.csv")]).status).toBe(0);
  expect(spawnSync("mkfifo", [join(dir, "pijp.xlsx")]).status).toBe(0);
  const said = async (...args: string[]) => (await cliIn(dir, ...args)).stderr;
  expect(await said("keys", "map.csv")).toBe(
    "up keys: map.csv is een map, geen bestand: geef een .csv- of .xlsx-bestand\n"
  );
  expect(await said("keys", "pijp.csv")).toBe(
    "up keys: pijp.csv is een FIFO (named pipe), geen bestand: geef een .csv- of .xlsx-bestand\n"
  );
  expect(await said("keys", "/dev/null")).toBe(
    "up keys: /dev/null is een apparaat, geen bestand: geef een .csv- of .xlsx-bestand\n"
  );
  expect(await said("check", "pijp.xlsx")).toBe(
    "up check: pijp.xlsx is een FIFO (named pipe), geen bestand: geef een .xlsx-bestand\n"
  );
  expect(await said("keys", "weg.csv")).toBe("up keys: Bestand niet gevonden: weg.csv\n");
});

const KEYS_BEEK_SITTARD = [
  { municipality: "Beek", key: "0.5" },
  { municipality: "Sittard-Geleen", key: "0.5" },
];

test("A22 a CSV in UTF-16 (with or without BOM) or Windows-1252: read, and the encoding named", async () => {
  // An en dash, as Excel's autocorrect types it: 0x96 in Windows-1252, a C1 control in ISO 8859-1.
  const text = HEADER + "Beek;1;2;3\nSittard\u2013Geleen;3;2;1\n";
  const files = {
    "bom16.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    "le16.csv": Buffer.from(text, "utf16le"),
    "be16.csv": Buffer.from(text, "utf16le").swap16(),
    "latin.csv": Buffer.from(text.replace("\u2013", "\u0096"), "latin1"),
    "bom8.csv": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  };
  const dir = scratch(files);
  const encodings: Record<string, string | undefined> = {};
  for (const name of Object.keys(files)) {
    const r = await cliIn(dir, "keys", name, "--json");
    expect([name, r.code]).toEqual([name, 0]);
    expect(
      JSON.parse(r.stdout).rows.map((x: { municipality: string; key: string }) => ({
        municipality: x.municipality,
        key: x.key,
      }))
    ).toEqual(KEYS_BEEK_SITTARD);
    encodings[name] = /gelezen als (.*) \//.exec(r.stderr)?.[1];
  }
  expect(encodings).toEqual({
    "bom16.csv": "UTF-16 LE",
    "le16.csv": "UTF-16 LE",
    "be16.csv": "UTF-16 BE",
    "latin.csv": "Windows-1252 (Latin-1)",
    "bom8.csv": undefined,
  });
});

test("A22 a binary file called .csv is refused, never read as text with NUL bytes", async () => {
  const binary = Buffer.concat([Buffer.from(HEADER), Buffer.from([0x00, 0x01, 0xff, 0x00])]);
  const dir = scratch({ "bin.csv": binary, "werkmap.csv": readFileSync(PUBLISHED) });
  expect((await cliIn(dir, "keys", "bin.csv")).stderr).toBe(
    "up keys: bin.csv is geen tekstbestand: regel 2 bevat een NUL-byte\n"
  );
  expect((await cliIn(dir, "keys", "werkmap.csv")).stderr).toBe(
    "up keys: werkmap.csv is een zip-archief (een .xlsx-werkmap?), geen CSV-tekst: geef het de naam .xlsx\n"
  );
});

test("A23 ESC and other control characters from a CSV never reach the terminal raw", async () => {
  const dir = scratch({
    "esc.csv": HEADER + "Beek;1;2;3\nStein;\u001b[2J\u001b[31mveel\u0007;2;1\n",
    "bidi.csv": "gemeente;jongeren\u202e;toekenningen;declaraties\n" + ROWS,
  });
  const esc = await cliIn(dir, "keys", "esc.csv");
  expect(esc.stderr).toBe(
    "up keys: jongeren van Stein is '\\u001b[2J\\u001b[31mveel\\u0007': verwacht een getal (esc.csv!B3)\n"
  );
  const bidi = await cliIn(dir, "keys", "bidi.csv", "--weights", "jongeren=100");
  expect(bidi.stderr).toContain("'jongeren'");
  const json = await cliIn(dir, "keys", "bidi.csv", "--json", "--weights", "gelijk=100");
  // Escaped the JSON way: the output still parses to the same text.
  expect(json.stdout.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\u202e]/u);
  expect(Object.keys(JSON.parse(json.stdout).weights)).toEqual(["gelijk"]);
  for (const r of [esc, bidi, json]) expect(r.stdout + r.stderr).not.toContain("\u001b");
});

test("A24 a weight given twice in --weights (also under two names) is refused", async () => {
  const dir = scratch({ "c.csv": HEADER + ROWS });
  const twice = await cliIn(dir, "keys", "c.csv", "--weights", "jongeren=50,jongeren=50");
  expect([twice.code, twice.stderr]).toEqual([
    2,
    "up keys: --weights geeft jongeren twee keer ('jongeren'): geef elke weging één keer\n",
  ]);
  const alias = await cliIn(dir, "keys", "c.csv", "--weights", "youth=40,jongeren=60");
  expect(alias.stderr).toBe(
    "up keys: --weights geeft jongeren twee keer ('youth' en 'jongeren'): geef elke weging één keer\n"
  );
});

test("A25 a negative --total is refused, not allocated", async () => {
  const dir = scratch({ "c.csv": HEADER + ROWS });
  const r = await cliIn(dir, "keys", "c.csv", "--total=-1000");
  expect([r.code, r.stdout, r.stderr]).toEqual([
    2,
    "",
    "up keys: --total -1000 is negatief: het te verdelen bedrag is 0 of meer\n",
  ]);
});

test("A26 a name with a Cyrillic letter or an invisible character is never suggested as the name it imitates", async () => {
  const dir = scratch({
    "cyr.csv": HEADER + "Beek;1;2;3\nM\u0430astricht;3;2;1\n",
    "zw.csv": HEADER + "Beek;1;2;3\nMaas\u200btricht;3;2;1\n",
    "wide.csv": HEADER + "Beek;1;2;3\n\uff2daastricht;3;2;1\n",
  });
  expect((await cliIn(dir, "keys", "cyr.csv")).stderr).toBe(
    "up keys: Onbekende gemeente 'M\u0430astricht': teken 2 is U+0430 (Cyrillische letter) — typ de naam opnieuw met gewone letters (cyr.csv!A3)\n"
  );
  // The invisible character itself is printed escaped.
  expect((await cliIn(dir, "keys", "zw.csv")).stderr).toBe(
    "up keys: Onbekende gemeente 'Maas\\u200btricht': teken 5 is U+200B (onzichtbaar teken) — typ de naam opnieuw met gewone letters (zw.csv!A3)\n"
  );
  expect((await cliIn(dir, "keys", "wide.csv")).stderr).toContain(
    "teken 1 is U+FF2D (opmaakvariant van een letter)"
  );
  const formula = await cliIn(dir, "contribution", "M\u0430astricht", "2025");
  expect(formula.stderr).toContain("teken 2 is U+0430 (Cyrillische letter)");
  expect(formula.stderr).not.toContain("bedoelt u");
});

test("A27 a component .xlsx goes through the reading limits: a 300 MB part is refused from the zip directory", async () => {
  const dir = scratch();
  await componentXlsx(dir, () => undefined);
  const entries = await entriesOf(readFileSync(join(dir, "c.xlsx")));
  const media = { ...(await zeros("m", 300)), name: "xl/media/image1.png" };
  writeFileSync(join(dir, "c.xlsx"), rawZip([...entries, media]));
  const m = measureCli(dir, "keys", "c.xlsx");
  expect(m.code).toBe(2);
  expect(m.stderr).toContain(
    "c.xlsx is te groot om te lezen: onderdeel xl/media/image1.png is uitgepakt 300 MB"
  );
  expect(m.maxRssMB).toBeLessThan(500);
  expect(m.cpuSeconds).toBeLessThan(3);
});
