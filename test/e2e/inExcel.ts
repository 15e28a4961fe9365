import ExcelJS from "exceljs";
import { Page } from "playwright-core";
import { seriousViolations } from "../support/axe";
import { FakeCell, FakeWorkbookData } from "./fakeOffice";

/*
 * What the e2e tests of the pane inside "Excel" share: the published example as the in-page
 * workbook's plan sheet, and the accessibility scan.
 */

/** The published 2024 example's sheet as in-page cells, followed by the test's own sheets. */
export async function publishedBook(
  file: string,
  extra: FakeWorkbookData["sheets"] = []
): Promise<FakeWorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: Record<string, FakeCell> = {};
  wb.getWorksheet("Uitvoeringsplan")!.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (typeof v === "number") cells[cell.address] = { v, fmt: cell.numFmt };
      else if (cell.text !== "") cells[cell.address] = { v: cell.text, fmt: cell.numFmt };
    })
  );
  return {
    name: "Uitvoeringsplan 2024.xlsx",
    sheets: [{ name: "Uitvoeringsplan", cells }, ...extra],
  };
}

/** No serious or critical axe violation on the settled page (test/support/axe.ts). */
export async function noSeriousViolations(page: Page, state: string): Promise<void> {
  expect(await seriousViolations(page, state)).toEqual([]);
}
