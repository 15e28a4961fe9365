import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { checkPlan } from "../../src/core/check";
import { PlanInputError } from "../../src/core/errors";
import { readWorkbookGrid } from "../../src/excel/grid";
import { readPlan, ReadResult } from "../../src/reader";
import { WorkbookGrid } from "../../src/reader/grid";
import { gridFromExcelJS } from "../../src/workbook/grid";
import { loadWorkbook, readPlanFromBuffer } from "../../src/workbook/read";
import { excelWith, restoreExcel } from "./excelVersion";
import { mockFromXlsx } from "./xlsxMock";

/*
 * One workbook, two ways in: `up check` and the browser page read the file with ExcelJS
 * (src/workbook/grid.ts); the add-in reads the open workbook through Office.js
 * (src/excel/grid.ts), here office-addin-mock fed from the same file. Both must give the reader
 * the same workbook, so the pane and the command line give the same plan, findings and notes.
 */

const ROOT = join(__dirname, "..", "..");
const FILES = [
  ...readdirSync(join(ROOT, "examples")).map((f) => join("examples", f)),
  ...readdirSync(join(ROOT, "test/fixtures/variants")).map((f) =>
    join("test/fixtures/variants", f)
  ),
].filter((f) => f.endsWith(".xlsx"));

type Outcome =
  { plan: ReadResult["plan"]; notes: ReadResult["notes"]; findings: unknown } | { refused: string };

function outcome(read: () => ReadResult): Outcome {
  try {
    const result = read();
    return {
      plan: result.plan,
      notes: result.notes,
      findings: result.plan ? checkPlan(result.plan).findings : null,
    };
  } catch (e) {
    if (e instanceof PlanInputError) return { refused: e.nl };
    throw e;
  }
}

async function viaExcelJs(file: string): Promise<Outcome> {
  try {
    const result = await readPlanFromBuffer(readFileSync(join(ROOT, file)), basename(file));
    return outcome(() => result);
  } catch (e) {
    if (e instanceof PlanInputError) return { refused: e.nl };
    throw e;
  }
}

async function officeGrid(file: string): Promise<WorkbookGrid> {
  const wb = await mockFromXlsx(readFileSync(join(ROOT, file)), basename(file));
  return (await wb.run((c) => readWorkbookGrid(c))).grid;
}

async function viaOfficeJs(file: string): Promise<Outcome> {
  const grid = await officeGrid(file);
  return outcome(() => readPlan(grid));
}

/** What of a grid is not a cell: sheets, their visibility, tables, merged areas, hidden rows. */
function shape(grid: WorkbookGrid) {
  return grid.sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden,
    tables: s.tables,
    merges: [...s.merges].sort(),
    hiddenRows: [...s.hiddenRows].filter((r) => r <= s.rowCount).sort((a, b) => a - b),
  }));
}

beforeAll(() => excelWith("1.18"));
afterAll(restoreExcel);

test("the examples and every fixture variant are in the contract", () => {
  expect(FILES.length).toBeGreaterThanOrEqual(18);
  expect(FILES).toContain("test/fixtures/variants/10-hidden-rows.xlsx");
  expect(FILES).toContain("test/fixtures/variants/06-merged-titles.xlsx");
});

const planned: string[] = [];

test.each(FILES)(
  "%s: the same plan, findings and notes through ExcelJS and Office.js",
  async (file) => {
    const [exceljs, office] = await Promise.all([viaExcelJs(file), viaOfficeJs(file)]);
    expect(office).toEqual(exceljs);
    if ("plan" in office && office.plan) planned.push(file);
  }
);

test.each(FILES)("%s: the same sheets, tables, merged cells and hidden rows", async (file) => {
  const wb = await loadWorkbook(readFileSync(join(ROOT, file)), basename(file));
  expect(shape(await officeGrid(file))).toEqual(shape(gridFromExcelJS(wb, basename(file))));
});

test("the contract ran on real plans, not on refusals", () => {
  expect(planned.length).toBeGreaterThanOrEqual(FILES.length - 1);
});
