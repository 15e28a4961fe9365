import ExcelJS from "exceljs";
import { join } from "node:path";
import { checkPlan } from "../../src/core/check";
import { Figure, Finding, Plan } from "../../src/core/model";
import { plan2024 } from "../../src/core/plan2024";
import { ReadResult } from "../../src/reader";
import { EXAMPLES } from "../../src/workbook/examples";
import { readPlanFile } from "../../src/workbook/file";
import { figureDifferences, planFigures, workbookValue } from "./planFigures";

const EXAMPLES_DIR = join(__dirname, "..", "..", "examples");
const TEMPLATE = join(EXAMPLES_DIR, "up-2024-template.xlsx");
const PUBLISHED = join(EXAMPLES_DIR, "up-2024-published.xlsx");

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** `0.0#` shows an FTE with at least one decimal: 1 is shown 1,0. */
function templateDecimals(path: string, f: Figure): number | undefined {
  const fte = path.startsWith("Tabel 1/") && !path.endsWith("/schaal");
  return fte ? Math.max(1, f.decimals ?? 0) : f.decimals;
}

function expectCellsHoldFigures(plan: Plan, wb: ExcelJS.Workbook): void {
  const wrong: string[] = [];
  for (const [path, f] of planFigures(plan)) {
    if (!f.cell) {
      wrong.push(`${path}: no cell`);
      continue;
    }
    const v = workbookValue(wb, f.cell.sheet, f.cell.address);
    // A key written as 3.53 without % would differ by 100; the examples store 3,53% or 0.0353.
    if (!v || !v.eq(f.value))
      wrong.push(`${path}: ${f.cell.address} holds ${v}, figure ${f.value}`);
  }
  expect(wrong).toEqual([]);
}

describe.each([
  ["template", TEMPLATE, templateDecimals],
  ["published", PUBLISHED, undefined],
] as const)("example workbook (%s layout)", (layout, path, decimals) => {
  let result: ReadResult;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    result = await readPlanFile(path);
    wb = await open(path);
  });

  test("reads without errors, in its layout", () => {
    expect(result.notes.filter((n) => n.severity === "error")).toEqual([]);
    expect(result.layout).toBe(layout);
    expect(result.plan?.source.layout).toBe(layout);
    expect(result.plan?.source.kind).toBe("workbook");
    expect(Object.keys(result.plan!.source.tables).sort()).toEqual([
      "Tabel 1",
      "Tabel 2",
      "Tabel 3",
      "Tabel 4",
      "Tabel 6",
    ]);
  });

  test("every figure equals the embedded 2024 plan, value and decimals", () => {
    expect(figureDifferences(result.plan!, plan2024(), decimals)).toEqual([]);
  });

  test("every figure carries the cell that holds it", () => {
    expectCellsHoldFigures(result.plan!, wb);
  });

  test("role labels, hired lines, cost lines and municipalities as published", () => {
    const p = result.plan!;
    const e = plan2024();
    expect(p.staffing!.roles.map((r) => [r.label, r.hired])).toEqual(
      e.staffing!.roles.map((r) => [r.label, r.hired])
    );
    expect(p.materialCosts!.lines.map((l) => l.label)).toEqual(
      e.materialCosts!.lines.map((l) => l.label)
    );
    expect(p.staffCosts!.youth.label).toBe("formatiekosten jeugd 70%");
    expect(p.materialCosts!.wmo.label).toBe("materiele kosten wmo 30%");
    expect(p.contributions!.rows.map((r) => r.municipality)).toEqual(e.municipalities);
    expect(p.municipalities).toEqual(e.municipalities);
    expect(p.title).toBe(e.title);
  });

  test("checkPlan gives the same findings as on the embedded plan, with the workbook's cells", () => {
    const key = (f: Finding) =>
      [f.rule, f.year, f.municipality, f.expected?.toString(), f.actual?.toString()].join("|");
    const fromWorkbook = checkPlan(result.plan!).findings;
    const embedded = checkPlan(plan2024()).findings;
    expect(embedded.length).toBeGreaterThan(0);
    expect(fromWorkbook.map(key).sort()).toEqual(embedded.map(key).sort());
    const sheets = new Set(wb.worksheets.map((w) => w.name));
    for (const f of fromWorkbook) {
      expect(f.cells.length).toBeGreaterThan(0);
      expect(f.cell && sheets.has(f.cell.sheet)).toBe(true);
      for (const c of f.cells) expect(sheets.has(c.sheet)).toBe(true);
    }
    // The first cell of an ALLOC-AMOUNT finding holds that municipality's amount of that year.
    const stated = plan2024().contributions!;
    const amounts = fromWorkbook.filter((f) => f.rule === "ALLOC-AMOUNT");
    expect(amounts.length).toBeGreaterThan(0);
    for (const f of amounts) {
      const expected = stated.rows.find((r) => r.municipality === f.municipality)!;
      const held = workbookValue(wb, f.cell!.sheet, f.cell!.address);
      expect([f.municipality, held?.toString()]).toEqual([
        f.municipality,
        expected.values.get(f.year!)!.value.toString(),
      ]);
    }
  });
});

/** Everything a reader could see of a workbook: sheets, cells with value and format, tables. */
function contents(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => cells.push([cell.address, cell.value, cell.numFmt ?? null]))
    );
    const tables = ws
      .getTables()
      .map((t) => (t as unknown as { table: { name: string; tableRef: string } }).table)
      .map((t) => [t.name, t.tableRef]);
    return { name: ws.name, state: ws.state, cells, tables };
  });
}

test.each(EXAMPLES.map((e) => [e.file, e]))(
  "regenerating %s gives the committed file's contents",
  async (file, example) => {
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load(await example.make().xlsx.writeBuffer());
    const committed = await open(join(EXAMPLES_DIR, file));
    expect(contents(fresh)).toEqual(contents(committed));
  }
);
