import type { CellValue as ExcelJsValue } from "exceljs";
import { formatCell } from "../core/address";
import { CellValue, WorkbookGrid } from "../reader/grid";
import { isUpFormula, ValuesCopy } from "./valuesCopy";

/*
 * "Kopie met waarden" where Excel does not hand over the workbook's file (see
 * src/excel/write/workbookFile.ts): a new .xlsx built from the workbook as the Excel API reads
 * it. Every =UP.* formula becomes the value Excel calculated for it; other formulas stay formulas
 * with their values; number formats, merged cells, hidden rows and hidden sheets are kept.
 */

function fileValue(value: CellValue): ExcelJsValue {
  if (value !== null && typeof value === "object" && !(value instanceof Date))
    return { error: value.error } as ExcelJsValue;
  return value;
}

/** No result yet: Excel shows #BUSY! while a custom function is still calculating. */
function calculating(value: CellValue): boolean {
  return (
    value === null ||
    (typeof value === "object" && !(value instanceof Date) && value.error === "#BUSY!")
  );
}

export async function valuesCopyFromGrid(grid: WorkbookGrid): Promise<ValuesCopy> {
  const { default: ExcelJS } = await import("../workbook/exceljs");
  const wb = new ExcelJS.Workbook();
  let replaced = 0;
  const withoutResult: string[] = [];
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.hidden ? "hidden" : "visible" });
    for (const [r, cells] of sheet.rows) {
      for (const [c, cell] of cells) {
        const target = ws.getCell(r, c);
        const value = fileValue(cell.value);
        if (cell.formula && isUpFormula(cell.formula)) {
          replaced++;
          if (calculating(cell.value)) {
            withoutResult.push(formatCell({ sheet: sheet.name, address: target.address }));
          } else target.value = value;
        } else if (cell.formula) {
          target.value = { formula: cell.formula, result: value ?? undefined } as ExcelJsValue;
        } else target.value = value;
        if (cell.numFmt) target.numFmt = cell.numFmt;
      }
    }
    for (const r of sheet.hiddenRows) ws.getRow(r).hidden = true;
    for (const m of sheet.merges) ws.mergeCells(m);
  }
  return { data: new Uint8Array(await wb.xlsx.writeBuffer()), replaced, withoutResult };
}
