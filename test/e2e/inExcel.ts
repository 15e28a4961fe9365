import ExcelJS from "exceljs";
import AxeBuilder from "@axe-core/playwright";
import { Page } from "playwright-core";
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

/**
 * No serious or critical axe violation. Fluent's focus manager puts aria-hidden focus bumpers
 * around focus groups; axe's aria-hidden-focus rule is waived for exactly those (as in
 * pane.e2e.test.ts).
 */
export async function noSeriousViolations(page: Page, state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .map((v) => ({
      ...v,
      nodes:
        v.id === "aria-hidden-focus"
          ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy"))
          : v.nodes,
    }))
    .filter((v) => v.nodes.length > 0 && (v.impact === "serious" || v.impact === "critical"))
    .map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad).toEqual([]);
}
