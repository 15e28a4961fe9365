import type { Acceptance } from "../report/findings";
import { LoadedPlan, PaneHost, ReadRemark } from "./host";
import type { Lang } from "./i18n";

/*
 * Plain browser mode: the page reads a file the user picked, with ExcelJS in the page. The
 * file never leaves the machine. ExcelJS and the reader load on first use (import()).
 */

const ACCEPT_SHEET = "UP_Geaccepteerd";

/** Accepted findings saved in the workbook by the add-in (its hidden sheet). */
async function readAcceptances(data: ArrayBuffer): Promise<Map<string, Acceptance>> {
  const ExcelJS = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const sheet = wb.getWorksheet(ACCEPT_SHEET);
  const out = new Map<string, Acceptance>();
  sheet?.eachRow((row, n) => {
    if (n === 1) return;
    const key = row.getCell(1).text;
    if (key) out.set(key, { reason: row.getCell(2).text, date: row.getCell(3).text });
  });
  return out;
}

export async function readFile(file: File): Promise<LoadedPlan> {
  const data = await file.arrayBuffer();
  const { readPlanFromBuffer } = await import("../workbook");
  const read = await readPlanFromBuffer(data, file.name);
  return {
    plan: read.plan,
    remarks: read.notes as ReadRemark[],
    looked: read.looked,
    formulaSource: read.plan ? "workbook" : "embedded",
    workbookName: file.name,
    accepted: await readAcceptances(data),
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

export function browserHost(lang: Lang): PaneHost {
  return { mode: "browser", lang, openFile: readFile, download };
}
