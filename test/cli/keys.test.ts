import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/runCli";

const CSV = join(__dirname, "..", "fixtures", "cli", "components.csv");

/*
 * Hand-checked key table (test/fixtures/cli/components.csv):
 *              jongeren  toekenningen  declaraties   shares j / t / d
 *   Beek          100        10            50        0,10 / 0,10 / 0,10
 *   Heerlen       300        40           150        0,30 / 0,40 / 0,30
 *   Maastricht    400        30           250        0,40 / 0,30 / 0,50
 *   Vaals         200        20            50        0,20 / 0,20 / 0,10
 *   sums         1000       100           500
 * 25/25/25/25 with an equal share of 1/4:
 *   Beek       0,25 × (0,25 + 0,10 + 0,10 + 0,10) = 0,1375
 *   Heerlen    0,25 × (0,25 + 0,30 + 0,40 + 0,30) = 0,3125
 *   Maastricht 0,25 × (0,25 + 0,40 + 0,30 + 0,50) = 0,3625
 *   Vaals      0,25 × (0,25 + 0,20 + 0,20 + 0,10) = 0,1875
 * Total € 1.000.001: exact shares 137.500,1375 / 312.500,3125 / 362.500,3625 / 187.500,1875;
 * the floors add up to 1.000.000, the one euro left goes to the largest remainder (Maastricht).
 */
describe("up keys", () => {
  it("reproduces the hand-computed keys and amounts", async () => {
    const r = await runCli(["keys", CSV, "--total", "1.000.001", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.weights).toEqual({ gelijk: 25, jongeren: 25, toekenningen: 25, declaraties: 25 });
    expect(out.total).toBe(1000001);
    expect(out.rows).toEqual([
      { municipality: "Beek", key: "0.1375", amount: 137500 },
      { municipality: "Heerlen", key: "0.3125", amount: 312500 },
      { municipality: "Maastricht", key: "0.3625", amount: 362501 },
      { municipality: "Vaals", key: "0.1875", amount: 187500 },
    ]);
    expect(r.stderr).toMatch(/12 deelnemende gemeente\(n\) ontbreken/);
  });

  it("uses the weights the user sets (40/20/20/20)", async () => {
    // Beek 0,4 × 0,25 + 0,2 × (0,10 + 0,10 + 0,10) = 0,16; Heerlen 0,1 + 0,2 × 1,0 = 0,30;
    // Maastricht 0,1 + 0,2 × 1,2 = 0,34; Vaals 0,1 + 0,2 × 0,5 = 0,20.
    const r = await runCli([
      "keys",
      CSV,
      "--weights",
      "gelijk=40,jongeren=20,toekenningen=20,declaraties=20",
      "--json",
    ]);
    expect(r.code).toBe(0);
    // Keys are fractions: exact decimal strings in JSON (README, "--json").
    const keys = JSON.parse(r.stdout).rows.map((x: { key: string }) => x.key);
    expect(keys).toEqual(["0.16", "0.3", "0.34", "0.2"]);
  });

  it("allocates in cents with --unit 0.01", async () => {
    // € 100,01 in cents: 1375,1375 / 3125,3125 / 3625,3625 / 1875,1875 → the left cent to Maastricht.
    const r = await runCli(["keys", CSV, "--total", "100,01", "--unit", "0.01", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows.map((x: { amount: string }) => x.amount)).toEqual([
      "13.75",
      "31.25",
      "36.26",
      "18.75",
    ]);
  });

  it("prints a readable Dutch table", async () => {
    const r = await runCli(["keys", CSV, "--total", "1000001"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Maastricht\s+36,2500%\s+€ 362\.501/);
  });

  /*
   * --table: the hand-worked table of the comment above, per component. The equal share is
   * 62.500,0625 for each; jongeren/toekenningen/declaraties are 250.000,25 × their shares. The
   * euro Maastricht's contribution has left goes to its largest fractional amount, declaraties
   * 125.000,125; each part is 250.000,25 rounded: 250.000, and 250.001 for declaraties.
   */
  it("--table: the key calculation table in whole euros, rows adding up to the contributions, columns to the parts", async () => {
    const r = await runCli(["keys", CSV, "--total", "1000001", "--table"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Herberekening verdeelsleutel / key calculation table — € 1.000.001");
    expect(lines[2].split(/\s{2,}/)).toEqual([
      "gemeente",
      "gelijk %",
      "jongeren %",
      "toekenningen %",
      "declaraties %",
      "sleutel",
      "gelijk €",
      "jongeren €",
      "toekenningen €",
      "declaraties €",
      "bijdrage",
    ]);
    expect(lines[3].split(/\s{2,}/)).toEqual(["weging", "25%", "25%", "25%", "25%"]);
    expect(lines[6].split(/\s{2,}/)).toEqual([
      "Maastricht",
      "25,0000%",
      "40,0000%",
      "30,0000%",
      "50,0000%",
      "36,2500%",
      "€ 62.500",
      "€ 100.000",
      "€ 75.000",
      "€ 125.001",
      "€ 362.501",
    ]);
    expect(lines[8].split(/\s{2,}/).slice(6)).toEqual([
      "€ 250.000",
      "€ 250.000",
      "€ 250.000",
      "€ 250.001",
      "€ 1.000.001",
    ]);
  });

  it("--table --json: shares and keys as fractions, amounts and parts in euros, no amount beyond a unit", async () => {
    const r = await runCli(["keys", CSV, "--total", "1000001", "--table", "--json"]);
    expect(r.code).toBe(0);
    const { table } = JSON.parse(r.stdout);
    expect(table.components).toEqual(["gelijk", "jongeren", "toekenningen", "declaraties"]);
    expect(table.weights).toEqual({
      gelijk: "0.25",
      jongeren: "0.25",
      toekenningen: "0.25",
      declaraties: "0.25",
    });
    expect(table.rows[0]).toEqual({
      municipality: "Beek",
      shares: { gelijk: "0.25", jongeren: "0.1", toekenningen: "0.1", declaraties: "0.1" },
      key: "0.1375",
      amounts: { gelijk: 62500, jongeren: 25000, toekenningen: 25000, declaraties: 25000 },
      amount: 137500,
    });
    expect(table.totals).toEqual({
      amounts: { gelijk: 250000, jongeren: 250000, toekenningen: 250000, declaraties: 250001 },
      amount: 1000001,
    });
    expect(table.beyondOneUnit).toEqual([]);
  });

  it("--table without --total: exit 2, it needs a total to distribute", async () => {
    const r = await runCli(["keys", CSV, "--table"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^up keys: --table verdeelt een totaal: geef ook --total\./);
  });

  it("reads the same table from an .xlsx with English headers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "up-keys-"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Componenten");
    ws.addRow([]);
    ws.addRow(["municipality", "youth", "allocations", "claims"]);
    ws.addRow(["beek", 100, 10, 50]);
    ws.addRow(["HEERLEN", 300, 40, 150]);
    ws.addRow(["Maastricht", 400, 30, 250]);
    ws.addRow(["Vaals", 200, 20, 50]);
    const file = join(dir, "c.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await runCli(["keys", file, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows.map((x: { key: string }) => x.key)).toEqual([
      "0.1375",
      "0.3125",
      "0.3625",
      "0.1875",
    ]);
  });

  describe("bad input: a clear message and exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "up-keys-bad-"));
    const csv = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };

    it("weights not adding up to 100", async () => {
      const r = await runCli([
        "keys",
        CSV,
        "--weights",
        "gelijk=30,jongeren=25,toekenningen=25,declaraties=25",
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/wegingen tellen op tot 105%, niet tot 100%/);
    });

    it("a negative component value, naming its cell", async () => {
      const p = csv(
        "neg.csv",
        "gemeente;jongeren;toekenningen;declaraties\nBeek;100;-10;50\nVaals;1;2;3\n"
      );
      const r = await runCli(["keys", p]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/toekenningen van Beek is negatief/);
      expect(r.stderr).toMatch(/neg\.csv!C2/);
    });

    it("a non-numeric component value, naming its cell", async () => {
      const p = csv(
        "text.csv",
        "gemeente;jongeren;toekenningen;declaraties\nBeek;100;veel;50\nVaals;1;2;3\n"
      );
      const r = await runCli(["keys", p]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/toekenningen van Beek is 'veel': verwacht een getal/);
      expect(r.stderr).toMatch(/text\.csv!C2/);
    });

    it("an unknown municipality, with the name meant", async () => {
      const p = csv(
        "unknown.csv",
        "gemeente;jongeren;toekenningen;declaraties\nHeerle;100;10;50\nVaals;1;2;3\n"
      );
      const r = await runCli(["keys", p]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Onbekende gemeente 'Heerle' — bedoelt u Heerlen\?/);
    });

    it("a missing file", async () => {
      const r = await runCli(["keys", join(dir, "nope.csv")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Bestand niet gevonden/);
    });

    it("a weight for a component the file lacks", async () => {
      const r = await runCli(["keys", CSV, "--weights", "gelijk=50,budget=50"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/geen kolom 'budget'/);
    });
  });
});
