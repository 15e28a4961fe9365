import ExcelJS from "exceljs";
import { plan2024 } from "../../src/core/plan2024";
import { cellAt } from "../../src/reader/grid";
import { gridFromExcelJS } from "../../src/workbook/grid";
import { readPlanFromBuffer } from "../../src/workbook/read";
import { writePublishedWorkbook } from "../../src/workbook/published";

async function reopen(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

test("cells as the reader sees them: cached formula results, formulas, formats, errors, merges, tables", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Blad 1");
  ws.addTable({
    name: "UP_Totalen",
    ref: "A1",
    columns: [{ name: "Regel" }, { name: "2024" }],
    rows: [["totaal", 5]],
  });
  ws.getCell("D1").value = { formula: "B2*2", result: 10 } as ExcelJS.CellFormulaValue;
  ws.getCell("D2").value = { formula: "B2*3" } as ExcelJS.CellFormulaValue;
  ws.getCell("D3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("D4").value = { richText: [{ text: "3." }, { text: "064.067" }] };
  ws.getCell("D5").value = 0.0353;
  ws.getCell("D5").numFmt = "0.00%";
  ws.getCell("F1").value = "Tabel 6";
  ws.mergeCells("F1:H1");
  ws.getRow(7).getCell(1).value = "verborgen";
  ws.getRow(7).hidden = true;
  wb.addWorksheet("Weg", { state: "hidden" }).getCell("A1").value = "x";
  const grid = gridFromExcelJS(await reopen(wb), "proef.xlsx");
  const [sheet, hidden] = grid.sheets;
  expect(grid.name).toBe("proef.xlsx");
  expect(sheet.name).toBe("Blad 1");
  expect(sheet.tables).toEqual([{ name: "UP_Totalen", ref: "A1:B2" }]);
  expect(cellAt(sheet, 1, 4)).toEqual({ value: 10, formula: "B2*2" });
  expect(cellAt(sheet, 2, 4)).toEqual({ value: null, formula: "B2*3" });
  expect(cellAt(sheet, 3, 4)).toEqual({ value: { error: "#REF!" } });
  expect(cellAt(sheet, 4, 4)?.value).toBe("3.064.067");
  expect(cellAt(sheet, 5, 4)).toEqual({ value: 0.0353, numFmt: "0.00%" });
  expect(sheet.merges).toEqual(["F1:H1"]);
  expect(cellAt(sheet, 1, 6)?.value).toBe("Tabel 6");
  expect(cellAt(sheet, 1, 7)).toBeUndefined();
  expect(sheet.hiddenRows.has(7)).toBe(true);
  expect(sheet.hidden).toBe(false);
  expect(hidden.hidden).toBe(true);
  expect(sheet.rowCount).toBe(7);
  // The last column with content: the merged F1:H1 holds its value in F.
  expect(sheet.columnCount).toBe(6);
});

test("a plan on a hidden sheet with a hidden row is read, and both are said", async () => {
  const wb = writePublishedWorkbook(plan2024());
  const ws = wb.worksheets[0];
  ws.state = "hidden";
  wb.addWorksheet("Voorblad").getCell("A1").value = "Begroting";
  let beek = 0;
  ws.eachRow((row, r) => void (row.getCell(1).value === "Beek" && (beek = r)));
  ws.getRow(beek).hidden = true;
  const data = await wb.xlsx.writeBuffer();
  const r = await readPlanFromBuffer(new Uint8Array(data as ArrayBuffer), "verborgen.xlsx");
  expect(r.plan?.contributions?.rows[0].municipality).toBe("Beek");
  expect(r.notes.some((n) => n.severity === "info" && /is verborgen/.test(n.message.nl))).toBe(
    true
  );
  const row = r.notes.find((n) => n.cell?.address === `A${beek}` && n.severity === "warning");
  expect(row?.message.nl).toContain(`rij ${beek} ('Beek') is verborgen`);
});
