import type { Workbook } from "exceljs";
import { checkPlan } from "../../core/check";
import { readPlan } from "../../reader";
import { readBindings, withoutBindingSheet } from "../../reader/binding";
import type { Acceptance } from "../../report/findings";
import { gridFromExcelJS } from "../../workbook/grid";
import { loadWorkbook } from "../../workbook/read";
import type { LoadedPlan, ReadStage } from "../host";
import { LOOKED } from "../../reader/looked";

/*
 * The browser page's reading of a picked file: the workbook, its plan and its check, the
 * acceptances the add-in saved in it and the tables bound by hand. It runs in a Web Worker (readWorker.ts),
 * so the page stays responsive however large the file.
 */

const ACCEPT_SHEET = "UP_Geaccepteerd";

/** Accepted findings saved in the workbook by the add-in (its hidden sheet). */
function readAcceptances(wb: Workbook): Map<string, Acceptance> {
  const out = new Map<string, Acceptance>();
  wb.getWorksheet(ACCEPT_SHEET)?.eachRow((row, n) => {
    const key = row.getCell(1).text;
    if (n > 1 && key) out.set(key, { reason: row.getCell(2).text, date: row.getCell(3).text });
  });
  return out;
}

export async function readWorkbookBytes(
  data: ArrayBuffer,
  name: string,
  progress: (stage: ReadStage) => void = () => undefined
): Promise<LoadedPlan> {
  progress("unpack");
  const wb = await loadWorkbook(data, name);
  progress("recognise");
  const grid = gridFromExcelJS(wb, name);
  const read = readPlan(grid);
  return {
    plan: read.plan,
    remarks: read.notes,
    looked: [...LOOKED],
    formulaSource: read.plan ? "workbook" : "embedded",
    workbookName: name,
    accepted: readAcceptances(wb),
    binding: {
      sheets: withoutBindingSheet(grid).sheets.map((s) => s.name),
      bindings: readBindings(grid, []),
    },
    // Checked here too, so a worker leaves the page only the findings to show.
    result: read.plan && checkPlan(read.plan),
  };
}
