import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureCli } from "../support/measure";
import { scratch } from "./support";

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
