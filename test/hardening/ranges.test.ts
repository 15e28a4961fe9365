import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBinding, TableBinding } from "../../src/reader/binding";
import { saveBindings } from "../../src/workbook/bindings";
import { Measured, measureCli } from "../support/measure";
import { bytesOf, example, ROOT, scratch } from "./support";

/*
 * A table's range as a binding or an Excel table gives it: a whole sheet or beyond the sheet
 * is refused with the limit it passes, at once; a range down to the sheet's last row is read
 * as far as there are rows. docs/BAD-INPUT.md rows R50–R53, each in a child process.
 */

const MISSED = join(ROOT, "test", "fixtures", "variants", "16-tabel6-unrecognised.xlsx");
const measured: string[] = [];
afterAll(() => console.log(`table ranges (peak RSS, CPU, wall):\n${measured.join("\n")}`));

async function bound(range: string): Promise<Uint8Array> {
  const b: TableBinding = {
    table: "Tabel 6",
    sheet: "Uitvoeringsplan",
    range,
    labelColumn: "A",
    headerRow: 60,
  };
  return saveBindings(readFileSync(MISSED), "16.xlsx", [b]);
}

/** The template with UP_Bijdragen's ref (A1:G18) replaced in its table part. */
async function templateRef(ref: string): Promise<Uint8Array> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await bytesOf(await example("template")));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    if (xml.includes('name="UP_Bijdragen"'))
      zip.file(name, xml.replace(/ref="A1:G18"/g, `ref="${ref}"`));
  }
  return zip.generateAsync({ type: "uint8array" });
}

function check(what: string, file: Uint8Array, ...args: string[]): Measured {
  const m = measureCli(scratch({ "plan.xlsx": file }), "check", "plan.xlsx", ...args);
  measured.push(
    `  ${what}: ${m.maxRssMB.toFixed(0)} MB, ${m.cpuSeconds.toFixed(2)} s CPU, ${m.wallSeconds.toFixed(2)} s wall, exit ${m.code}`
  );
  expect(m.maxRssMB).toBeLessThan(500);
  expect(m.cpuSeconds).toBeLessThan(5);
  return m;
}

const findings = (json: string) =>
  JSON.stringify(JSON.parse(json).findings.filter((f: { table: string }) => f.table === "Tabel 6"));

test("R50 a binding of a whole sheet (A1:XFD1048576): refused with the rows limit, at once", async () => {
  const m = check("R50 binding A1:XFD1048576", await bound("A1:XFD1048576"));
  expect(m.code).toBe(2);
  expect(m.stderr).toContain(
    "Koppeling op rij 2 van UP_Koppelingen is niet te gebruiken: Tabel 6: het bereik A1:XFD1048576 heeft 1.048.576 rijen; een tabel van het plan heeft er ten hoogste 10.000 (limiet: rijen in een tabelbereik)"
  );
});

test("R51 a binding beyond the sheet (A60:H99999999999): the row that lies outside is named", async () => {
  const m = check("R51 binding A60:H99999999999", await bound("A60:H99999999999"));
  expect(m.code).toBe(2);
  expect(m.stderr).toContain(
    "Tabel 6: rij 99.999.999.999 van 'A60:H99999999999' ligt buiten het werkblad (Excel heeft 1.048.576 rijen)"
  );
  const wide = parseBinding(["Tabel 6", "Blad", "A1:XFE9", "A", "1", "", ""]);
  expect(wide).toEqual({
    nl: "Tabel 6: kolom XFE van 'A1:XFE9' ligt buiten het werkblad (Excel heeft 16.384 kolommen, tot XFD)",
    en: "Tabel 6: column XFE of 'A1:XFE9' lies outside the sheet (Excel has 16,384 columns, up to XFD)",
  });
  expect(parseBinding(["Tabel 6", "Blad", "A1:ALM9", "A", "1", "", ""])).toMatchObject({
    nl: "Tabel 6: het bereik A1:ALM9 heeft 1.001 kolommen; een tabel van het plan heeft er ten hoogste 1.000 (limiet: kolommen in een tabelbereik)",
  });
});

test("R52 a binding to 10 000 rows below a table of 18: read as far as there are rows, the same findings", async () => {
  const reference = check("R52 binding A60:H77", await bound("A60:H77"), "--json");
  const m = check("R52 binding A60:H10059", await bound("A60:H10059"), "--json");
  expect(m.code).toBe(1);
  expect(findings(m.stdout)).toBe(findings(reference.stdout));
  expect(JSON.parse(m.stdout).findings.length).toBeGreaterThan(0);
});

test("R53 a template table whose ref lies beyond the sheet or spans it: named with its limit, never 'not found'", async () => {
  const beyond = check("R53 UP_Bijdragen A1:G99999999999", await templateRef("A1:G99999999999"));
  expect(beyond.code).toBe(2);
  expect(beyond.stderr).toContain(
    "Tabel 6: Excel-tabel UP_Bijdragen op Bijdragen: rij 99.999.999.999 van 'A1:G99999999999' ligt buiten het werkblad (Excel heeft 1.048.576 rijen)"
  );
  expect(beyond.stderr).not.toContain("niet gevonden");
  const whole = check("R53 UP_Bijdragen A1:XFD1048576", await templateRef("A1:XFD1048576"));
  expect(whole.code).toBe(2);
  expect(whole.stderr).toContain(
    "Excel-tabel UP_Bijdragen op Bijdragen: het bereik A1:XFD1048576 heeft 1.048.576 rijen; een tabel van het plan heeft er ten hoogste 10.000 (limiet: rijen in een tabelbereik)"
  );
});
