import { checkPlan } from "../../src/core/check";
import { Finding } from "../../src/core/model";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { ReadNote } from "../../src/reader";
import { readPlanFromBuffer } from "../../src/workbook/read";
import {
  Cells,
  largestRemainder,
  publishedCells,
  readSheets,
  rowOf,
  set,
  workbookOf,
} from "./sheetCells";

/*
 * A label emptied or merged away inside a table of the published layout. Tabel 6's total row
 * has no label in the published plan, so a municipality without its name looked like the total
 * and the table stopped there (issue 18, item 1). The table must be read on to its real total,
 * with the cell that lacks its name said, and no repair may write one row's figure onto another.
 */

const YEARS = [2026, 2027];
const PERCENT = "0.00%";

/** Invented weights in basis points, summing to 10 000. */
const WEIGHTS = [412, 655, 380, 498, 301, 1130, 915, 540, 1702, 366, 277, 1580, 472, 249, 318, 205];
const TOTALS = [2_471_350, 2_540_000];

const TOP = 6;
const LEFT = 3;
const column = (c: number) => String.fromCharCode(64 + c);
/** The sheet row of municipality i, and of the unlabelled total below them. */
const rowOfMunicipality = (i: number) => TOP + 2 + i;
const TOTAL_ROW = rowOfMunicipality(MUNICIPALITIES.length);

/** Contributions in columns C–F from row 6: name, key (a number shown as %), two years. */
function contributions(): Cells {
  const cells: Cells = new Map();
  const put = (r: number, c: number, value: string | number, numFmt?: string) =>
    set(cells, r, c, numFmt ? { value, numFmt } : { value });
  put(1, 1, "Uitvoeringsplan 2026 Inkoop Jeugd");
  put(TOP, LEFT, "Bijdragen per gemeente 2026-2027");
  put(TOP + 1, LEFT, "Gemeente");
  put(TOP + 1, LEFT + 1, "Verdeelsleutel");
  YEARS.forEach((y, i) => put(TOP + 1, LEFT + 2 + i, y));
  const amounts = TOTALS.map((t) => largestRemainder(t, WEIGHTS));
  MUNICIPALITIES.forEach((m, i) => {
    put(rowOfMunicipality(i), LEFT, m);
    put(rowOfMunicipality(i), LEFT + 1, WEIGHTS[i] / 10_000, PERCENT);
    YEARS.forEach((_, y) => put(rowOfMunicipality(i), LEFT + 2 + y, amounts[y][i], "#,##0"));
  });
  put(TOTAL_ROW, LEFT + 1, 1, PERCENT);
  YEARS.forEach((_, y) => put(TOTAL_ROW, LEFT + 2 + y, TOTALS[y], "#,##0"));
  // Prose under the table, as plans have it.
  put(TOTAL_ROW + 2, LEFT, "De bijdragen zijn berekend met de verdeelsleutel van de SLA.");
  return cells;
}

const errorsAt = (notes: ReadNote[], address: string) =>
  notes.filter((n) => n.severity === "error" && n.cell?.address === address);

describe("a municipality without its name inside Tabel 6", () => {
  test.each([0, 7, 14, 15])(
    "name of row %i emptied: read on to the total row, the empty cell named",
    async (i) => {
      const cells = contributions();
      set(cells, rowOfMunicipality(i), LEFT, undefined);
      const r = await readSheets([{ name: "Bijdragen", cells }]);
      const t6 = r.plan!.contributions!;
      expect(r.plan!.source.tables["Tabel 6"]).toBe(
        `Bijdragen!${column(LEFT)}${TOP}:${column(LEFT + 3)}${TOTAL_ROW}`
      );
      expect(t6.rows).toHaveLength(MUNICIPALITIES.length);
      expect(t6.rows[i].label).toBe("");
      expect(t6.rows[i].key?.value.toNumber()).toBe(WEIGHTS[i] / 10_000);
      expect(YEARS.map((y) => t6.total.values.get(y)?.value.toNumber())).toEqual(TOTALS);
      expect(t6.total.values.get(2026)?.cell?.address).toBe(`${column(LEFT + 2)}${TOTAL_ROW}`);
      const name = `${column(LEFT)}${rowOfMunicipality(i)}`;
      const said = errorsAt(r.notes, name);
      expect(said).toHaveLength(1);
      expect(said[0].message.nl).toContain(`${name} is leeg`);

      const findings = checkPlan(r.plan!).findings;
      // The amounts still add up: no euro moved between municipalities.
      expect(findings.filter((f) => f.rule === "ALLOC-SUM" || f.fix)).toEqual([]);
      expect(
        findings
          .filter((f) => f.rule === "MUNICIPALITIES")
          .map((f) => f.municipality ?? f.cell?.address)
          .sort()
      ).toEqual([MUNICIPALITIES[i], name].sort());
    }
  );

  test("two names emptied one below the other: both named, all 16 rows read", async () => {
    const cells = contributions();
    set(cells, rowOfMunicipality(3), LEFT, undefined);
    set(cells, rowOfMunicipality(4), LEFT, undefined);
    const r = await readSheets([{ name: "Bijdragen", cells }]);
    expect(r.plan!.contributions!.rows).toHaveLength(MUNICIPALITIES.length);
    for (const i of [3, 4]) {
      expect(errorsAt(r.notes, `${column(LEFT)}${rowOfMunicipality(i)}`)).toHaveLength(1);
    }
  });

  test("a name cell merged with the one above: the merge is named, the table read through", async () => {
    const wb = workbookOf([{ name: "Bijdragen", cells: contributions() }]);
    const i = 9;
    const top = `${column(LEFT)}${rowOfMunicipality(i - 1)}`;
    const below = `${column(LEFT)}${rowOfMunicipality(i)}`;
    wb.getWorksheet("Bijdragen")!.mergeCells(`${top}:${below}`);
    const data = await wb.xlsx.writeBuffer();
    const r = await readPlanFromBuffer(new Uint8Array(data as ArrayBuffer), "merged.xlsx");
    const t6 = r.plan!.contributions!;
    expect(t6.rows).toHaveLength(MUNICIPALITIES.length);
    expect(t6.rows[i - 1].municipality).toBe(MUNICIPALITIES[i - 1]);
    const said = errorsAt(r.notes, below);
    expect(said.map((n) => n.message.nl)).toEqual([
      expect.stringContaining(`${below} ligt in de samengevoegde cellen ${top}:${below}`),
    ]);
    expect(checkPlan(r.plan!).findings.filter((f) => f.fix)).toEqual([]);
  });

  test("the unlabelled total row itself still ends the table, prose below it is no row", async () => {
    const r = await readSheets([{ name: "Bijdragen", cells: contributions() }]);
    expect(r.notes.filter((n) => n.severity === "error")).toEqual([]);
    expect(r.plan!.source.tables["Tabel 6"]).toBe(
      `Bijdragen!${column(LEFT)}${TOP}:${column(LEFT + 3)}${TOTAL_ROW}`
    );
    expect(checkPlan(r.plan!).findings).toEqual([]);
  });
});

test("the published 2024 example with Beekdaelen's name emptied: the same repairs, the row named by its cell", async () => {
  const cells = publishedCells();
  const unchanged = checkPlan((await readSheets([{ name: "Uitvoeringsplan", cells }])).plan!);
  const row = rowOf(cells, "Beekdaelen");
  set(cells, row, 1, undefined);
  const r = await readSheets([{ name: "Uitvoeringsplan", cells }]);
  const t6 = r.plan!.contributions!;
  expect(t6.rows).toHaveLength(MUNICIPALITIES.length);
  expect(r.plan!.source.tables["Tabel 6"]).toMatch(
    new RegExp(`:H${rowOf(cells, "Voerendaal") + 1}$`)
  );
  expect(errorsAt(r.notes, `A${row}`)).toHaveLength(1);
  const findings = checkPlan(r.plan!).findings;
  // The plan's own euro drifts, found in the same years, with the same repairs: the row without
  // a name keeps its own key cell, and the repair names it by its row and cell, not by a blank.
  const drifts = findings.filter((f) => f.rule === "ALLOC-SUM");
  const before = unchanged.findings.filter((f) => f.rule === "ALLOC-SUM");
  expect(drifts.map((f) => f.year)).toEqual(before.map((f) => f.year));
  const repairs = (f: Finding) =>
    (f.fix ?? []).map((x) => [x.cell?.address, x.from.toString(), x.to.toString()]);
  expect(drifts.map(repairs)).toEqual(before.map(repairs));
  const moved = drifts.flatMap((f) => f.fix ?? []).filter((x) => x.municipality === "");
  expect(moved.length).toBeGreaterThan(0);
  for (const x of moved) {
    const f = drifts.find((d) => d.year === x.year)!;
    expect(f.message.nl).toContain(
      `rij ${row} (Uitvoeringsplan!${x.cell!.address}) € ${x.from.toNumber().toLocaleString("nl-NL")} → `
    );
    expect(f.message.nl).not.toMatch(/[:,] \(/);
  }
  expect(
    findings
      .filter((f) => f.rule === "MUNICIPALITIES")
      .map((f) => f.municipality ?? f.cell?.address)
      .sort()
  ).toEqual([`A${row}`, "Beekdaelen"]);
});

describe("other labels emptied or wrapped in the published layout", () => {
  test("Tabel 2's first row without its label is still the total, not dropped", async () => {
    const cells = publishedCells();
    const row = rowOf(cells, "formatiekosten totaal");
    const before = (await readSheets([{ name: "Uitvoeringsplan", cells }])).plan!.staffCosts!;
    set(cells, row, 1, undefined);
    const after = (await readSheets([{ name: "Uitvoeringsplan", cells }])).plan!.staffCosts!;
    expect(after.total.values.get(2024)?.cell?.address).toBe(`C${row}`);
    expect(after.grandTotal?.values.get(2024)?.cell).toEqual(
      before.grandTotal?.values.get(2024)?.cell
    );
  });

  test("a cost line's label wrapped onto a row of its own is said, with its cell", async () => {
    const cells = publishedCells();
    const row = rowOf(cells, "juridische ondersteuning");
    const shifted: Cells = new Map(
      [...cells].map(([r, m]) => [r > row ? r + 1 : r, m] as [number, typeof m])
    );
    set(shifted, row, 1, { value: "juridische" });
    set(shifted, row + 1, 1, { value: "ondersteuning" });
    const r = await readSheets([{ name: "Uitvoeringsplan", cells: shifted }]);
    const said = r.notes.filter((n) => n.cell?.address === `A${row + 1}`);
    expect(said.map((n) => [n.severity, n.message.nl])).toEqual([
      [
        "warning",
        expect.stringContaining("regel 'ondersteuning' heeft in geen enkel jaar een getal"),
      ],
    ]);
  });
});
