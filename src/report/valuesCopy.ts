import type { CellValue, Workbook } from "exceljs";
import { formatCell } from "../core/address";

/*
 * "Kopie met waarden": a municipality without the add-in sees #NAME? wherever the plan uses
 * =UP.* formulas. The copy keeps every other formula and replaces the UP ones by the value
 * Excel last calculated, which the file stores beside each formula.
 */

// Excel saves add-in functions in the file as _xldudf_UP_NAME (or as typed, UP.NAME).
const UP_FORMULA = /(?:^|[^A-Za-z0-9_.])UP\.[A-Za-z]|_xldudf_UP[._][A-Za-z]/i;

export function isUpFormula(formula: string): boolean {
  return UP_FORMULA.test(formula);
}

export interface ValuesCopy {
  data: Uint8Array;
  /** How many UP formulas were replaced. */
  replaced: number;
  /** Cells ("Sheet!A1") whose formula had no stored result and were left empty. */
  withoutResult: string[];
}

export async function valuesCopy(data: ArrayBuffer | Uint8Array): Promise<ValuesCopy> {
  const { default: ExcelJS } = await import("../workbook/exceljs");
  const wb: Workbook = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  let replaced = 0;
  const withoutResult: string[] = [];
  wb.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const formula = cell.formula;
        if (!formula || !isUpFormula(formula)) return;
        const result = (cell.value as { result?: unknown }).result;
        if (result === undefined)
          withoutResult.push(formatCell({ sheet: sheet.name, address: cell.address }));
        cell.value = (result ?? null) as CellValue;
        replaced++;
      });
    });
  });
  return { data: new Uint8Array(await wb.xlsx.writeBuffer()), replaced, withoutResult };
}
