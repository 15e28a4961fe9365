import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/runCli";

describe("up report", () => {
  const dir = mkdtempSync(join(tmpdir(), "up-report-"));
  const read = async (path: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  };

  it("writes the report of a workbook's plan; exit 1 as up check for a plan with errors", async () => {
    const out = join(dir, "verslag.xlsx");
    const r = await runCli(["report", "examples/up-2024-published.xlsx", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `Controleverslag geschreven naar ${out} (Controleverslag, Controlelog)\n`
    );
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Controleverslag", "Controlelog"]);
    const first = wb.worksheets[0];
    const values = first.getSheetValues().flat();
    expect(values).toContain("up-2024-published.xlsx (opmaak van het gepubliceerde plan)");
    expect(values).toContain(71784);
  });

  it("writes the report in English for the built-in plan", async () => {
    const out = join(dir, "report-en.xlsx");
    const r = await runCli(["report", "--out", out, "--lang", "en"]);
    expect(r.code).toBe(1);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Check report", "Check log"]);
  });

  it("never overwrites a file without --force, and with --force replaces it whole", async () => {
    const out = join(dir, "mine.xlsx");
    writeFileSync(out, "mijn werk");
    const r = await runCli(["report", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `up report: ${out} bestaat al; UP overschrijft geen bestanden zonder --force\n`
    );
    expect(readFileSync(out, "utf8")).toBe("mijn werk");
    expect((await runCli(["report", "--out", out, "--force"])).code).toBe(1);
    expect((await read(out)).worksheets).toHaveLength(2);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes no report of a plan that lacks a table the check needs, unless --allow-partial", async () => {
    const wb = await read("examples/up-2024-template.xlsx");
    const table = wb.getWorksheet("Bijdragen")!.getTable("UP_Bijdragen") as unknown as {
      table: { name: string };
    };
    table.table.name = "Bijdragen2";
    const plan = join(dir, "zonder-tabel-6.xlsx");
    writeFileSync(plan, new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = join(dir, "onvolledig.xlsx");
    const r = await runCli(["report", plan, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "up report: het plan mist een tabel die de controle nodig heeft; de regels die die tabel nodig hebben zijn niet uitgevoerd:\n" +
        "  - Tabel 6 (uitvoeringskosten per gemeente): "
    );
    expect(r.stderr).toContain("Exitcode 2; met --allow-partial");
    expect(readdirSync(dir)).not.toContain("onvolledig.xlsx");

    const partial = await runCli(["report", plan, "--out", out, "--allow-partial"]);
    expect(partial.stderr).toContain("--allow-partial: de rest van het plan is gecontroleerd");
    expect(partial.code).toBe(0);
    const values = (await read(out)).worksheets[0].getSheetValues().flat();
    expect(values).toContain("Niet gevonden");
    expect(values).toContain(
      "Tabel 6 (uitvoeringskosten per gemeente); de regels die die tabel nodig hebben zijn niet uitgevoerd"
    );
  });

  it("says how to call it without --out, or with a file that is not .xlsx", async () => {
    for (const args of [["report"], ["report", "--out", join(dir, "x.pdf")]]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /met --out een uitvoerbestand dat eindigt op \.xlsx\.\nGebruik: up report/
      );
    }
  });
});
