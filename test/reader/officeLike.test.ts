import ExcelJS from "exceljs";
import { join } from "node:path";
import { Figure } from "../../src/core/model";
import { plan2024 } from "../../src/core/plan2024";
import { readPlan } from "../../src/reader";
import { GridCell, WorkbookGrid } from "../../src/reader/grid";
import { gridFromExcelJS } from "../../src/workbook/grid";
import { figureDifferences } from "../workbook/planFigures";

/*
 * Office.js hands the reader a rectangle: every cell of the used range, empty ones as "",
 * formats as "General" where none is set. The reader must read that grid the same way.
 */
function asOfficeGrid(grid: WorkbookGrid): WorkbookGrid {
  return {
    ...grid,
    sheets: grid.sheets.map((s) => {
      const rows = new Map<number, Map<number, GridCell>>();
      for (let r = 1; r <= s.rowCount; r++) {
        const row = new Map<number, GridCell>();
        for (let c = 1; c <= s.columnCount; c++) {
          const cell = s.rows.get(r)?.get(c);
          row.set(c, { ...(cell ?? { value: "" }), numFmt: cell?.numFmt ?? "General" });
        }
        rows.set(r, row);
      }
      return { ...s, rows };
    }),
  };
}

const fte = (path: string, f: Figure) =>
  path.startsWith("Tabel 1/") && !path.endsWith("/schaal")
    ? Math.max(1, f.decimals ?? 0)
    : f.decimals;

test.each([
  ["up-2024-template.xlsx", fte],
  ["up-2024-published.xlsx", undefined],
] as const)("%s read from an Office.js-shaped grid gives the 2024 plan", async (file, decimals) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(__dirname, "..", "..", "examples", file));
  const grid = asOfficeGrid(gridFromExcelJS(wb, file));
  const r = readPlan(grid);
  expect(r.notes.filter((n) => n.severity === "error")).toEqual([]);
  expect(figureDifferences(r.plan!, plan2024(), decimals)).toEqual([]);
});
