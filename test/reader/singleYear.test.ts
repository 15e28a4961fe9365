import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { runCli } from "../support/runCli";
import { Cells, largestRemainder, readSheets, set, workbookOf } from "./sheetCells";

/*
 * Plans of a single year: the totals and the contributions per municipality for one year only,
 * each table a header with that one year. Keys and totals are invented; the contributions are
 * the total split by the keys with a largest remainder worked out here.
 */

/** Invented keys in hundredths of a percent (adding up to 100,00%), for 2022 and 2023. */
const KEYS: Record<number, number[]> = {
  2022: [340, 505, 591, 542, 290, 1197, 1002, 762, 1710, 405, 178, 1265, 351, 150, 384, 328],
  2023: [338, 511, 586, 549, 287, 1201, 995, 768, 1703, 409, 176, 1272, 349, 152, 380, 324],
};
const STAFF: Record<number, number> = { 2022: 1_412_380, 2023: 1_486_915 };
const MATERIAL: Record<number, number> = { 2022: 240_113, 2023: 251_077 };

function singleYearPlan(year: number): { cells: Cells; amounts: number[] } {
  const cells: Cells = new Map();
  const put = (r: number, c: number, value: string | number, numFmt?: string) =>
    set(cells, r, c, numFmt ? { value, numFmt } : { value });
  put(1, 1, `Uitvoeringsplan ${year}`);
  put(3, 1, "Tabel 4. Overzicht totalen");
  put(4, 1, "Overzicht totalen");
  put(4, 2, year);
  const total = STAFF[year] + MATERIAL[year];
  put(5, 1, "formatiekosten jeugd");
  put(5, 2, STAFF[year], "#,##0");
  put(6, 1, "materiele kosten jeugd");
  put(6, 2, MATERIAL[year], "#,##0");
  put(7, 1, "totaal");
  put(7, 2, total, "#,##0");
  put(9, 1, "Tabel 6. Uitvoeringskosten per gemeente");
  put(10, 1, "Gemeente");
  put(10, 2, "Verdeelsleutel");
  put(10, 3, year);
  const amounts = largestRemainder(total, KEYS[year]);
  MUNICIPALITIES.forEach((m, i) => {
    put(11 + i, 1, m);
    put(11 + i, 2, KEYS[year][i] / 10_000, "0.00%");
    put(11 + i, 3, amounts[i], "#,##0");
  });
  put(27, 1, "Totaal");
  put(27, 2, 1, "0.00%");
  put(27, 3, total, "#,##0");
  return { cells, amounts };
}

describe("a plan of a single year", () => {
  test("its tables are read: one year each", async () => {
    const { cells, amounts } = singleYearPlan(2022);
    const r = await readSheets([{ name: "Plan", cells }], "plan-2022.xlsx");
    expect(r.notes.filter((n) => n.severity === "error")).toEqual([]);
    expect(r.plan!.totals!.years).toEqual([2022]);
    expect(r.plan!.contributions!.years).toEqual([2022]);
    expect(r.plan!.contributions!.rows.map((x) => x.values.get(2022)?.value.toNumber())).toEqual(
      amounts
    );
    expect(r.plan!.contributions!.rows[0].key?.value.toNumber()).toBe(0.034);
  });

  test("up compare of two single-year plans: each municipality's exact difference", async () => {
    const dir = mkdtempSync(join(tmpdir(), "up-single-"));
    for (const year of [2022, 2023]) {
      const data = await workbookOf([
        { name: "Plan", cells: singleYearPlan(year).cells },
      ]).xlsx.writeBuffer();
      writeFileSync(join(dir, `plan-${year}.xlsx`), new Uint8Array(data as ArrayBuffer));
    }
    const before = singleYearPlan(2022).amounts;
    const after = singleYearPlan(2023).amounts;
    const r = await runCli(
      ["compare", "plan-2022.xlsx", "--year", "2022", "plan-2023.xlsx", "--year", "2023", "--json"],
      dir
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      rows: { municipality: string; old: number; new: number; difference: number }[];
    };
    const byName = new Map(out.rows.map((x) => [x.municipality, x]));
    MUNICIPALITIES.forEach((m, i) => {
      expect(byName.get(m)).toMatchObject({
        old: before[i],
        new: after[i],
        difference: after[i] - before[i],
      });
    });
  });
});
