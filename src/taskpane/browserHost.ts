import type { Acceptance } from "../report/findings";
import type { Workbook } from "exceljs";
import { BrowserPaneHost, LoadedPlan } from "./host";
import type { Lang } from "./i18n";

/*
 * Plain browser mode: the page reads a file the user picked, with ExcelJS in the page. The
 * file never leaves the machine. ExcelJS and the reader load on first use (import()).
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

export async function readFile(file: File): Promise<LoadedPlan> {
  const data = await file.arrayBuffer();
  const [{ loadWorkbook }, { gridFromExcelJS }, { readPlan }] = await Promise.all([
    import("../workbook/read"),
    import("../workbook/grid"),
    import("../reader"),
  ]);
  const wb = await loadWorkbook(data, file.name);
  const read = readPlan(gridFromExcelJS(wb, file.name));
  return {
    plan: read.plan,
    remarks: read.notes,
    looked: read.looked,
    formulaSource: read.plan ? "workbook" : "embedded",
    workbookName: file.name,
    accepted: readAcceptances(wb),
  };
}

export function download(name: string, data: Uint8Array): void {
  const blob = new Blob([data as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function browserHost(lang: Lang): BrowserPaneHost {
  return { mode: "browser", lang, openFile: readFile, download };
}
