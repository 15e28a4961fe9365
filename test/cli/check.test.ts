import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/runCli";

const ROOT = join(__dirname, "..", "..");
const TEMPLATE = join(ROOT, "examples", "up-2024-template.xlsx");
const PUBLISHED = join(ROOT, "examples", "up-2024-published.xlsx");

interface JsonFinding {
  rule: string;
  severity: string;
  table: string;
  year: number | null;
  municipality: string | null;
  line: string | null;
  cell: string | null;
  expected: number | null;
  actual: number | null;
  message: string;
  fix: { municipality: string; year: number; from: number; to: number }[] | null;
}

async function checkJson(args: string[]) {
  const r = await runCli(["check", ...args, "--json"]);
  return {
    ...r,
    json: JSON.parse(r.stdout) as {
      source: { kind: string };
      findings: JsonFinding[];
      summary: Record<string, number>;
    },
  };
}

/** What makes two findings the same finding, whatever file the plan came from. */
const identity = (f: JsonFinding) =>
  JSON.stringify([f.rule, f.severity, f.table, f.year, f.municipality, f.expected, f.actual]);

describe("up check", () => {
  it("checks the built-in 2024 plan, exits 1 on its errors and prints the JSON shape of issue 2", async () => {
    const { code, json } = await checkJson([]);
    expect(code).toBe(1);
    expect(json.source.kind).toBe("embedded");
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings) {
      for (const key of [
        "rule",
        "severity",
        "table",
        "year",
        "municipality",
        "cell",
        "expected",
        "actual",
        "message",
      ]) {
        expect(f).toHaveProperty(key);
      }
      expect(f.cell).toBeNull();
      expect(typeof f.message).toBe("string");
    }
    const counted = { error: 0, warning: 0, info: 0 } as Record<string, number>;
    for (const f of json.findings) counted[f.severity]++;
    expect(json.summary).toEqual(counted);
  });

  it("reports the same findings on the embedded plan, the template workbook and the published-layout workbook", async () => {
    const embedded = await checkJson([]);
    const template = await checkJson([TEMPLATE]);
    const published = await checkJson([PUBLISHED]);
    const set = (j: { findings: JsonFinding[] }) => j.findings.map(identity).sort();
    expect(set(template.json)).toEqual(set(embedded.json));
    expect(set(published.json)).toEqual(set(embedded.json));
    expect(template.code).toBe(1);
    expect(published.code).toBe(1);
    // In a workbook every finding points at a cell of that workbook.
    for (const f of [...template.json.findings, ...published.json.findings]) {
      expect(f.cell).toMatch(/^('[^']+'|[^!]+)![A-Z]+\d+$/);
    }
  });

  it("gives the amounts that fix each rounding drift: one euro per amount, and the column adds up", async () => {
    const { json } = await checkJson([]);
    const drift = json.findings.filter((f) => f.rule === "ALLOC-SUM");
    expect(drift.map((f) => f.year)).toEqual([2023, 2024, 2025, 2026, 2027]);
    for (const f of drift) {
      if (f.year === 2023) {
        // Its total row is not the Tabel 4 total: no amounts are proposed until that is right.
        expect(f.fix).toBeNull();
        expect(f.message).toMatch(/Geen herstel voorgesteld: de totaalregel zelf/);
        continue;
      }
      const fix = f.fix ?? [];
      expect(fix).toHaveLength(Math.abs((f.actual as number) - (f.expected as number)));
      expect(fix.every((x) => Math.abs(x.to - x.from) === 1)).toBe(true);
      const change = fix.reduce((s, x) => s + (x.to - x.from), 0);
      expect((f.actual as number) + change).toBe(f.expected);
    }
  });

  it("speaks English with --lang en", async () => {
    const nl = await checkJson([]);
    const en = await checkJson(["--lang", "en"]);
    expect(en.json.findings.map(identity)).toEqual(nl.json.findings.map(identity));
    expect(en.json.findings[0].message).not.toEqual(nl.json.findings[0].message);
    const text = await runCli(["check", "--lang", "en"]);
    expect(text.stdout).toMatch(/error\(s\)/);
  });

  it("prints a readable Dutch report without --json", async () => {
    const r = await runCli(["check"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FOUT\s+ALLOC-LINK/);
    expect(r.stdout).toMatch(/fout\(en\), \d+ waarschuwing\(en\)/);
  });

  it("folds the remarks on numbers stored as text into one line with their cells", async () => {
    const file = join(ROOT, "test", "fixtures", "variants", "05-text-numbers.xlsx");
    const json = JSON.parse((await runCli(["check", file, "--json"])).stdout) as {
      notes: { message: string; cell: string | null }[];
    };
    const asText = json.notes.filter((n) => n.message.startsWith("getal als tekst"));
    expect(asText.length).toBeGreaterThan(6);
    const lines = (await runCli(["check", file])).stdout
      .split("\n")
      .filter((l) => /als tekst opgeslagen/.test(l));
    // One line for the kind, over every table, the cells in reading order.
    const [sheet, first] = asText[0].cell!.split("!");
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `${asText.length} getallen als tekst opgeslagen: ${sheet}!${first}, [A-Z]+\\d+, .* \\(\\+${asText.length - 6} meer\\)$`
        )
      ),
    ]);
  });

  describe("bad input: a clear message and exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "up-check-bad-"));

    it("a missing file", async () => {
      const r = await runCli(["check", join(dir, "missing.xlsx")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Bestand niet gevonden/);
    });

    it("a file that is not an .xlsx", async () => {
      const p = join(dir, "notes.xlsx");
      writeFileSync(p, "dit is tekst, geen werkmap\n");
      const r = await runCli(["check", p]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/xlsx/i);
    });

    it("a workbook with no plan in it", async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Boodschappen");
      ws.addRow(["melk", 2]);
      ws.addRow(["brood", 1]);
      const p = join(dir, "no-plan.xlsx");
      await wb.xlsx.writeFile(p);
      const r = await runCli(["check", p]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Geen uitvoeringsplan gevonden/i);
    });

    it("a sheet with a table half filled, naming the cells", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(TEMPLATE);
      const ws = wb.worksheets.find((w) =>
        w.getTables().some((t) => (t as unknown as { name: string }).name === "UP_Bijdragen")
      )!;
      let header: ExcelJS.Cell | undefined;
      ws.eachRow((row) =>
        row.eachCell((c) => (header = String(c.value) === "2025" && !header ? c : header))
      );
      expect(header).toBeDefined();
      // Empty the 2025 amounts of the last eight municipalities.
      const cleared: string[] = [];
      for (let r = Number(header!.row) + 9; r <= Number(header!.row) + 16; r++) {
        const cell = ws.getCell(r, Number(header!.col));
        expect(typeof cell.value).toBe("number");
        cell.value = null;
        cleared.push(cell.address);
      }
      const p = join(dir, "half.xlsx");
      await wb.xlsx.writeFile(p);
      const r = await runCli(["check", p]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(cleared[0]);
    });

    it("an option it does not know", async () => {
      const r = await runCli(["check", "--jsn"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Ongeldige argumenten/);
    });

    it("an unknown command", async () => {
      const r = await runCli(["controleer"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Onbekend commando 'controleer'/);
    });
  });

  it("runs as a real process through bin/up.js", () => {
    const out = execFileSync(
      process.execPath,
      [join(ROOT, "bin", "up.js"), "contribution", "Heerlen", "2025"],
      {
        encoding: "utf8",
      }
    );
    expect(out).toBe("261356\n");
  });
});
