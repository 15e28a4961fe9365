import ExcelJS from "exceljs";
import fc from "fast-check";
import { join } from "node:path";
import { readPlan } from "../../src/reader";
import { GridCell, SheetGrid, WorkbookGrid } from "../../src/reader/grid";
import { gridFromExcelJS } from "../../src/workbook/grid";
import { planFigures } from "../workbook/planFigures";

/*
 * Damaged plans never crash the reader: whatever is cut, overwritten or moved, it answers with
 * a plan whose every figure has a cell, or with errors that say what is wrong.
 */

let examples: WorkbookGrid[];
beforeAll(async () => {
  examples = [];
  for (const file of ["up-2024-published.xlsx", "up-2024-template.xlsx"]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, "..", "..", "examples", file));
    examples.push(gridFromExcelJS(wb, file));
  }
});

const value = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 3000000 }),
  fc.double({ min: -1, max: 200, noNaN: true }),
  fc.constantFrom(
    "",
    "totaal",
    "Beek",
    "3,53%",
    "1.234",
    "1,5",
    "n.v.t.",
    "#",
    "2024",
    "fte 2025",
    "Tabel 6. Uitvoeringskosten",
    "70%"
  ),
  fc.string({ maxLength: 12 })
);

const damage = fc.record({
  row: fc.integer({ min: 1, max: 80 }),
  column: fc.integer({ min: 1, max: 9 }),
  kind: fc.constantFrom("delete", "set", "error", "formula", "deleteRow"),
  value,
});

type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function damaged(grid: WorkbookGrid, edits: Damage[]): WorkbookGrid {
  return {
    ...grid,
    sheets: grid.sheets.map((s): SheetGrid => {
      const rows = new Map([...s.rows].map(([r, cells]) => [r, new Map(cells)]));
      for (const e of edits) {
        const row = rows.get(e.row) ?? new Map<number, GridCell>();
        rows.set(e.row, row);
        if (e.kind === "deleteRow") rows.delete(e.row);
        else if (e.kind === "delete") row.delete(e.column);
        else if (e.kind === "error") row.set(e.column, { value: { error: "#REF!" } });
        else if (e.kind === "formula") row.set(e.column, { value: null, formula: "A1+1" });
        else row.set(e.column, { value: e.value });
      }
      return { ...s, rows };
    }),
  };
}

test("damaged plans give a plan with cells, or errors, never an exception", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1 }),
      fc.array(damage, { minLength: 1, maxLength: 12 }),
      (which, edits) => {
        const r = readPlan(damaged(examples[which], edits as never));
        for (const n of r.notes) {
          expect(n.message.nl.length).toBeGreaterThan(0);
          expect(n.message.en.length).toBeGreaterThan(0);
        }
        if (!r.plan) {
          expect(r.notes.some((n) => n.severity === "error")).toBe(true);
          return;
        }
        for (const [path, f] of planFigures(r.plan, true)) {
          expect([path, f.cell !== undefined, f.value.isFinite()]).toEqual([path, true, true]);
        }
      }
    ),
    { numRuns: 100 }
  );
});
