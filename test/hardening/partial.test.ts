import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { bytesOf, cliIn, example, scratch } from "./support";

/*
 * A plan read without a table the check needs is not a plan that passed: `up check` exits 2
 * and names what is missing, unless --allow-partial. docs/BAD-INPUT.md row A17.
 */

function contributionsTable(wb: ExcelJS.Workbook) {
  const t = wb.getWorksheet("Bijdragen")!.getTable("UP_Bijdragen") as unknown as {
    table: { name: string; tableRef?: string; ref?: string };
  };
  return t.table;
}

async function checkIn(wb: ExcelJS.Workbook, ...args: string[]) {
  const dir = scratch();
  writeFileSync(join(dir, "plan.xlsx"), await bytesOf(wb));
  return cliIn(dir, "check", "plan.xlsx", ...args);
}

describe("A17 a template whose UP_Bijdragen table is renamed", () => {
  const renamed = async () => {
    const wb = await example("template");
    contributionsTable(wb).name = "Bijdragen2";
    return wb;
  };

  test("exit 2, naming the missing table and what was looked for", async () => {
    const r = await checkIn(await renamed());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "up check: het plan mist een tabel die de controle nodig heeft; de regels die die tabel nodig hebben zijn niet uitgevoerd:\n" +
        "  - Tabel 6 (uitvoeringskosten per gemeente): Excel-tabel UP_Bijdragen niet gevonden: Tabel 6 (uitvoeringskosten per gemeente) ontbreekt\n"
    );
    expect(r.stderr).toContain("met --allow-partial");
  });

  test("--json says which tables are missing", async () => {
    const r = await checkIn(await renamed(), "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).missing).toEqual(["Tabel 6"]);
  });

  test("--allow-partial: the rest is checked and the exit code is the findings'", async () => {
    const r = await checkIn(await renamed(), "--allow-partial", "--lang", "en");
    // The template's 2024 plan still has SPLIT-LABEL warnings and no error outside Tabel 6.
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("the plan lacks a table the check needs");
    expect(r.stderr).toContain("--allow-partial: the rest of the plan was checked");
  });
});

test("A17 a template whose UP_Bijdragen has a broken ref: exit 2", async () => {
  const wb = await example("template");
  const bytes = await bytesOf(wb);
  // The table part's ref as a damaged file may hold it: no row number.
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    if (xml.includes('name="UP_Bijdragen"'))
      zip.file(name, xml.replace(/ref="A1:G18"/g, 'ref="A1:G"'));
  }
  const dir = scratch({ "plan.xlsx": await zip.generateAsync({ type: "uint8array" }) });
  const r = await cliIn(dir, "check", "plan.xlsx");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("Tabel 6 (uitvoeringskosten per gemeente)");
});

test("A17 the published layout without Tabel 6: exit 2, and the built-in plan still exits 1", async () => {
  const wb = await example("published");
  const ws = wb.worksheets[0];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && /^Tabel 6/.test(cell.value)) cell.value = null;
    })
  );
  for (let r = 58; r <= 80; r++) ws.getRow(r).values = [];
  const r = await checkIn(wb);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("  - Tabel 6 (uitvoeringskosten per gemeente)");
  expect((await cliIn(scratch(), "check")).code).toBe(1);
});
