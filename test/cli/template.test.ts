import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { EARLIER_PLAN_RULES } from "../support/allKindsPlan";
import { runCli } from "../support/runCli";

describe("up template", () => {
  const dir = mkdtempSync(join(tmpdir(), "up-template-"));

  it("writes the template with the 2024 plan; checking it gives the findings of the embedded plan", async () => {
    const out = join(dir, "plan.xlsx");
    const r = await runCli(["template", out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const fromFile = JSON.parse((await runCli(["check", out, "--json"])).stdout);
    const embedded = JSON.parse((await runCli(["check", "--json"])).stdout);
    const id = (f: Record<string, unknown>) =>
      JSON.stringify([f.rule, f.severity, f.table, f.year, f.municipality, f.expected, f.actual]);
    expect(fromFile.findings.map(id).sort()).toEqual(embedded.findings.map(id).sort());
    expect(fromFile.source.layout).toBe("template");
  });

  it("writes an empty template with the UP tables and the 16 municipalities", async () => {
    const out = join(dir, "empty.xlsx");
    expect((await runCli(["template", out, "--empty"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.flatMap((ws) =>
      ws.getTables().map((t) => (t as unknown as { name: string }).name ?? "")
    );
    expect(names.length).toBeGreaterThanOrEqual(5);
    const text = wb.worksheets
      .flatMap((ws) => ws.getSheetValues().flat())
      .filter((v) => typeof v === "string");
    for (const m of MUNICIPALITIES) expect(text).toContain(m);
  });

  it("--pools writes a merged template with both cost pools that up check reads back clean", async () => {
    const out = join(dir, "pools.xlsx");
    const r = await runCli(["template", out, "--pools"]);
    expect([r.code, r.stdout]).toEqual([
      0,
      `UP-sjabloon met twee kostenpools (verwerving en beleid, voorbeeld) geschreven naar ${out}\n`,
    ]);
    const check = await runCli(["check", out, "--json"]);
    expect(check.code).toBe(0);
    const result = JSON.parse(check.stdout);
    expect(result.source.layout).toBe("template");
    expect(result.findings).toEqual([]);
    expect(result.pools.map((p: { name: string; unit: string }) => [p.name, p.unit])).toEqual([
      ["verwerving", "euro"],
      ["beleid", "cent"],
    ]);
    expect(result.summary).toEqual({ error: 0, warning: 0, info: 0 });
    // The purchasing pool's UP_Herberekening_Verwerving and UP_Toename_Verwerving are checked.
    const ok = result.rules.filter((x: { status: string }) => x.status === "ok");
    expect(ok.map((x: { rule: string }) => x.rule)).toEqual(
      expect.arrayContaining([...EARLIER_PLAN_RULES])
    );
  });

  it("--empty and --pools together are refused", async () => {
    const r = await runCli(["template", join(dir, "both.xlsx"), "--empty", "--pools"]);
    expect([r.code, r.stderr]).toEqual([
      2,
      "up template: Kies --empty of --pools, niet allebei.\nGebruik: up template <uit.xlsx> [--empty | --pools] [--force]\n",
    ]);
  });

  it("never overwrites an existing file without --force", async () => {
    const out = join(dir, "mine.xlsx");
    writeFileSync(out, "mijn werk");
    const r = await runCli(["template", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bestaat al/);
    expect(readFileSync(out, "utf8")).toBe("mijn werk");
  });
});
