import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { address } from "../../src/core/address";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { workbookOf } from "../reader/sheetCells";
import { ALL_DRIFTS, allKindsPlan, YEARS } from "../support/allKindsPlan";
import { runCli } from "../support/runCli";

/*
 * `up check --json` on an earlier plan with every kind of table on one sheet: nothing on the
 * clean file, and on the file with one drift per table exactly those, each with its cell.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "up-earlier-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function check(fixture: ReturnType<typeof allKindsPlan>, name: string) {
  const file = join(dir, name);
  const bytes = await workbookOf([{ name: "Financieel", cells: fixture.cells }]).xlsx.writeBuffer();
  await writeFile(file, new Uint8Array(bytes));
  return runCli(["check", file, "--json"]);
}

test("up check --json: the clean earlier plan has no finding, exit 0", async () => {
  const r = await check(allKindsPlan(), "schoon.xlsx");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.findings).toEqual([]);
  expect(out.summary).toEqual({ error: 0, warning: 0, info: 0 });
});

test("up check --json: exactly the drifts put in, with their cells, exit 1", async () => {
  const f = allKindsPlan(ALL_DRIFTS);
  const r = await check(f, "afwijkingen.xlsx");
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout);
  const m = (name: string) => MUNICIPALITIES.indexOf(name);
  const { rows } = f;
  expect(out.findings.map((x: { rule: string; cell: string }) => [x.rule, x.cell])).toEqual([
    ["LINES-SUM", `Financieel!${address(rows.budgetTotal, 2)}`],
    ["ALLOC-SUM", `Financieel!${address(rows.contributionsTotal, 2 + YEARS.indexOf(2025))}`],
    ["KEYTABLE-KEY", `Financieel!${address(rows.keyFirst + m("Kerkrade"), 6)}`],
    ["KEYTABLE-ROW", `Financieel!${address(rows.keyFirst + m("Heerlen"), 11)}`],
    ["KEYTABLE-COLUMN", `Financieel!${address(rows.keyTotal, 10)}`],
    ["CHANGE-INCREASE", `Financieel!${address(rows.changeFirst + m("Stein"), 4)}`],
    ["CHANGE-PERCENT", `Financieel!${address(rows.changeFirst + m("Vaals"), 5)}`],
    ["CHANGE-TOTAL", `Financieel!${address(rows.changeTotal, 4)}`],
  ]);
});
