import { readFileSync } from "node:fs";
import { LIMITS } from "../../src/workbook/limits";
import { Measured, measureCli } from "../support/measure";
import { deflated, entriesOf, RawEntry, rawZip, zeros } from "../support/rawZip";
import { PUBLISHED, scratch } from "./support";

/*
 * Hostile workbooks: huge on the inside, small on the outside. Each is read (or refused with
 * the limit it hits) in a child process whose peak memory and CPU time are measured:
 * under 500 MB and 10 s each. docs/BAD-INPUT.md rows R31–R38.
 */

const BUDGET = { memoryMB: 500, seconds: 10 };
const published = readFileSync(PUBLISHED);
const measured: string[] = [];

afterAll(() => console.log(`hostile files (peak RSS, CPU, wall):\n${measured.join("\n")}`));

function run(id: string, file: Uint8Array, ...args: string[]): Measured {
  const dir = scratch({ "plan.xlsx": file });
  const m = measureCli(dir, "check", "plan.xlsx", ...args);
  measured.push(
    `  ${id}: ${(file.length / 1024).toFixed(0)} KB file → ${m.maxRssMB.toFixed(0)} MB, ${m.cpuSeconds.toFixed(2)} s CPU, ${m.wallSeconds.toFixed(2)} s wall, exit ${m.code}`
  );
  expect(m.maxRssMB).toBeLessThan(BUDGET.memoryMB);
  expect(m.cpuSeconds).toBeLessThan(BUDGET.seconds);
  return m;
}

const SHEET = "xl/worksheets/sheet1.xml";

/** The published example with its sheet XML changed. */
async function publishedWith(edit: (xml: string) => string, extra: RawEntry[] = []) {
  const entries = await entriesOf(published);
  const i = entries.findIndex((e) => e.name === SHEET);
  entries[i] = deflated(SHEET, edit(Buffer.from(await inflate(published, SHEET)).toString("utf8")));
  return rawZip([...entries, ...extra]);
}

async function inflate(xlsx: Uint8Array, name: string): Promise<Uint8Array> {
  const JSZip = (await import("jszip")).default;
  return (await JSZip.loadAsync(xlsx)).file(name)!.async("uint8array");
}

/** A sheet of `n` numeric cells, 20 to a row. */
function sheetOfCells(n: number): string {
  const rows: string[] = [];
  for (let r = 1; (r - 1) * 20 < n; r++) {
    let cells = "";
    for (let c = 0; c < 20 && (r - 1) * 20 + c < n; c++)
      cells += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r + c}</v></c>`;
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

let reference: string;
beforeAll(() => {
  reference = measureCli(
    scratch({ "plan.xlsx": published }),
    "check",
    "plan.xlsx",
    "--json"
  ).stdout;
});

const findings = (json: string) => JSON.stringify(JSON.parse(json).findings);

test("R31 one stray cell at A1048576: read in linear time, the same findings", async () => {
  const file = await publishedWith((xml) =>
    xml.replace("</sheetData>", '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>')
  );
  const m = run("R31 stray cell A1048576", file, "--json");
  expect(m.code).toBe(1);
  expect(findings(m.stdout)).toBe(findings(reference));
});

test("R32 one stray cell at XFD20: the same findings", async () => {
  const file = await publishedWith((xml) =>
    xml.replace(/(<row r="20"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="XFD20"><v>1</v></c>$2')
  );
  expect(Buffer.from(await inflate(file, SHEET)).toString()).toContain('r="XFD20"');
  const m = run("R32 stray cell XFD20", file, "--json");
  expect(m.code).toBe(1);
  expect(findings(m.stdout)).toBe(findings(reference));
});

test("R33 unreferenced media of 1,5 GB in a small file: refused from the zip directory", async () => {
  const blob = await zeros("xl/media/image1.png", 512);
  const media = [1, 2, 3].map((i) => ({ ...blob, name: `xl/media/image${i}.png` }));
  const file = await publishedWith((xml) => xml, media);
  expect(file.length).toBeLessThan(5 << 20);
  // The first part over a limit is named: each image is over the per-part limit already.
  const m = run("R33 3 × 512 MB media", file);
  expect(m.code).toBe(2);
  expect(m.stderr).toMatch(
    /plan\.xlsx is te groot om te lezen: onderdeel xl\/media\/image1\.png is uitgepakt 512(,0)? MB/
  );
  expect(m.stderr).toContain("(limiet: grootte per onderdeel)");
});

test("R33 many media parts each within the part limit, together over the total", async () => {
  const blob = await zeros("m", 40);
  const media = [1, 2, 3].map((i) => ({ ...blob, name: `xl/media/image${i}.png` }));
  const m = run("R33 3 × 40 MB media", await publishedWith((xml) => xml, media));
  expect(m.code).toBe(2);
  expect(m.stderr).toMatch(
    /uitgepakt is het 12\d(,\d)? MB\. UP leest werkmappen tot 100 MB uitgepakt \(limiet: totale uitgepakte grootte\)/
  );
});

test("R34 a 300 MB sheet in a small file: refused by the per-part limit, never inflated", async () => {
  const big = { ...(await zeros(SHEET, 300)), name: SHEET };
  const entries = (await entriesOf(published)).map((e) => (e.name === SHEET ? big : e));
  const m = run("R34 300 MB sheet", rawZip(entries));
  expect(m.code).toBe(2);
  expect(m.stderr).toContain(`onderdeel ${SHEET} is uitgepakt 300 MB`);
});

test("R35 a part that inflates to more than the zip directory says: damaged, stopped at once", async () => {
  const forged = { ...(await zeros("xl/media/image1.png", 512)), claimedSize: 1000 };
  const m = run(
    "R35 forged size (1 KB claimed, 512 MB inside)",
    await publishedWith((x) => x, [forged])
  );
  expect(m.code).toBe(2);
  expect(m.stderr).toContain(
    "is beschadigd en kan niet worden geopend (onderdeel xl/media/image1.png is groter dan het zip-archief opgeeft (1.000 bytes))"
  );
});

test("R36 a sheet with more cells than the limit", async () => {
  const n = LIMITS.cellsPerSheet + 1;
  const entries = (await entriesOf(published)).map((e) =>
    e.name === SHEET ? deflated(SHEET, sheetOfCells(n)) : e
  );
  const m = run("R36 250 001 cells", rawZip(entries));
  expect(m.code).toBe(2);
  expect(m.stderr).toContain(
    "werkblad 'Uitvoeringsplan' heeft 250.001 cellen. UP leest werkbladen tot 250.000 cellen (limiet: cellen per werkblad)"
  );
});

test("R36 a sheet just within the limit is read", async () => {
  const entries = (await entriesOf(published)).map((e) =>
    e.name === SHEET ? deflated(SHEET, sheetOfCells(LIMITS.cellsPerSheet)) : e
  );
  const m = run("R36 250 000 cells (read)", rawZip(entries));
  expect(m.stderr).toContain("Geen uitvoeringsplan gevonden");
});

test("R37 two sheets, each within the limit, together over the workbook's", async () => {
  const entries = await entriesOf(published);
  const i = entries.findIndex((e) => e.name === SHEET);
  entries[i] = deflated(SHEET, sheetOfCells(220_000));
  entries.push(deflated("xl/worksheets/sheet9.xml", sheetOfCells(220_000)));
  const m = run("R37 2 × 220 000 cells", rawZip(entries));
  expect(m.code).toBe(2);
  expect(m.stderr).toContain("(limiet: cellen per werkmap)");
});

test("R38 a zip of 20 000 parts", async () => {
  const tiny = deflated("x", "x");
  const many = Array.from({ length: 20_000 }, (_, i) => ({
    ...tiny,
    name: `customXml/item${i}.xml`,
  }));
  const m = run("R38 20 000 parts", await publishedWith((x) => x, many));
  expect(m.code).toBe(2);
  expect(m.stderr).toContain("het zip-archief heeft 20.0");
  expect(m.stderr).toContain("(limiet: aantal onderdelen)");
});

test("the published example itself stays well within every limit", () => {
  const m = run("published example", published);
  expect(m.code).toBe(1);
});
