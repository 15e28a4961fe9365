import { checkPlan } from "../../src/core/check";
import { groupByCause } from "../../src/report/causes";
import { readSheets } from "../reader/sheetCells";
import { ALL_DRIFTS, allKindsPlan } from "../support/allKindsPlan";

/*
 * The findings of the earlier plan with one drift per table (test/support/allKindsPlan.ts), as
 * the pane and the report group them: one amount off in the key calculation table is one cause
 * (its row and its column), one increase off is one cause (it and the increases' total).
 */

test("one wrong figure in the key calculation and change tables is one cause each", async () => {
  const f = allKindsPlan(ALL_DRIFTS);
  const read = await readSheets([{ name: "Financieel", cells: f.cells }]);
  const plan = read.plan!;
  const groups = groupByCause(checkPlan(plan), plan);
  expect(groups.map((g) => [g.title.nl, g.findings.map((x) => x.rule)])).toEqual([
    [
      "Herberekening verdeelsleutel, Heerlen: één bedrag wijkt af, zodat de regel en de kolom niet optellen",
      ["KEYTABLE-ROW", "KEYTABLE-COLUMN"],
    ],
    [
      "Toename bijdrage per gemeente, Stein: de toename klopt niet, en daardoor het totaal van de toenames",
      ["CHANGE-INCREASE", "CHANGE-TOTAL"],
    ],
    ["Begroting: in 1 jaar tellen de kostenregels niet op tot het subtotaal", ["LINES-SUM"]],
    ["Tabel 6: in 1 jaar tellen de afgeronde bedragen niet op tot de totaalregel", ["ALLOC-SUM"]],
    ["Herberekening: 1 sleutel is niet Σ weging × aandeel", ["KEYTABLE-KEY"]],
    ["Toename: 1 percentage klopt niet met de toename", ["CHANGE-PERCENT"]],
  ]);
  expect(groups[0].summary.nl).toBe("Herberekening, Heerlen 2023");
});

test("two amounts off in different rows and columns are not taken for one cause", async () => {
  const f = allKindsPlan({ amountHigh: true });
  // Also Beek's jongeren one euro low: row Beek and column jongeren, −1 each.
  const cell = f.cells.get(f.rows.keyFirst)!.get(8)!;
  cell.value = (cell.value as number) - 1;
  const plan = (await readSheets([{ name: "Financieel", cells: f.cells }])).plan!;
  const groups = groupByCause(checkPlan(plan), plan);
  expect(groups.map((g) => g.findings.map((x) => `${x.rule} ${x.cell?.address}`))).toEqual([
    [`KEYTABLE-ROW K${f.rows.keyFirst}`, `KEYTABLE-COLUMN H${f.rows.keyTotal}`],
    [`KEYTABLE-ROW K${f.rows.keyFirst + 5}`, `KEYTABLE-COLUMN J${f.rows.keyTotal}`],
  ]);
});
