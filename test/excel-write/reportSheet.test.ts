import { address } from "../../src/core/address";
import { writeReportSheet } from "../../src/excel/write/reportSheet";
import { numberFormat } from "../../src/report/numberFormat";
import { Report } from "../../src/report/report";
import { consistentPlan, row, setFigure } from "../support/planBuilder";
import { reportOf } from "../report/reportFile";
import { FakeBook, fakeContext, installExcelEnums, installRequirementSets } from "./fakeExcel";

/*
 * The report written into the open workbook through Office.js: the same sheets, values,
 * number formats, marks and heights as the .xlsx download; the print setup where Excel has
 * ExcelApi 1.9, nothing of it (and no error) where it has only 1.7.
 */

beforeAll(installExcelEnums);
afterEach(() => delete (globalThis as { Office?: unknown }).Office);

function heerlenTooHigh() {
  const plan = consistentPlan();
  setFigure(row(plan.contributions!.rows, "Heerlen"), 2025, "393.980");
  return plan;
}

/** Cell address of the first cell in column A below the header holding `label`. */
function find(report: Report, sheet: number, label: string, header: string): string {
  const s = report.sheets[sheet];
  const r = s.rows.findIndex((x, i) => i >= s.titleRow && x.cells[0]?.value === label);
  const c = s.rows[s.titleRow - 1].cells.findIndex((x) => x.value === header);
  if (r < 0 || c < 0) throw new Error(`no ${label} / ${header}`);
  return address(r + 1, c + 1);
}

describe("writeReportSheet", () => {
  it("writes every sheet of the report with its values, number formats, marks and heights", async () => {
    installRequirementSets("1.9");
    const report = reportOf(heerlenTooHigh());
    const book = new FakeBook();
    book.sheet("Controleverslag");
    const name = await writeReportSheet(fakeContext(book), report);
    expect(name).toBe("Controleverslag (2)");
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Controleverslag",
      "Controleverslag (2)",
      "Controlelog",
    ]);
    expect(book.active).toBe("Controleverslag (2)");
    const sheet = book.find(name)!;
    const stated = find(report, 0, "Heerlen", "2025");
    const expected = find(report, 0, "Heerlen", "2025 verwacht");
    expect(sheet.get(stated)?.value).toBe(393980);
    expect(sheet.get(expected)?.value).toBe(392980);
    expect(sheet.cellFormats.get(stated)).toBe(
      numberFormat({ value: null, format: "euro", decimals: 0 }, "nl")
    );
    expect(sheet.formatAt(stated)).toMatchObject({
      fill: { color: "#FFC7CE" },
      font: { bold: true, color: "#9C0006" },
    });
    expect(sheet.formatAt(expected)).toMatchObject({ fill: { color: "#C6EFCE" } });
    expect(sheet.formatAt(find(report, 0, "Beek", "2025")).fill).toBeUndefined();
    // Every row gets the height the layout worked out for it.
    report.sheets[0].rows.forEach((r, i) => {
      expect(sheet.formatAt(`A${i + 1}`).rowHeight).toBe(r.height);
    });
    const findings = find(report, 0, "Heerlen", "Bevindingen");
    expect(sheet.formatAt(findings).wrapText).toBe(true);
    // Clear of the amount before it: Excel indents only a cell aligned left.
    expect(sheet.formatAt(findings)).toMatchObject({ horizontalAlignment: "Left", indentLevel: 1 });
    expect(sheet.get(findings)?.value).toBe(
      "2025: €\u00a01.000 hoger dan sleutel × Tabel 4-totaal"
    );
    // A fact's value spans the rest of the row, so a date is never cut off as ####.
    const facts = report.sheets[0].rows.filter((r) => r.merge).length;
    expect(sheet.merges).toHaveLength(facts);
    const log = book.find("Controlelog")!;
    expect(log.get(find(report, 1, "ALLOC-AMOUNT", "Regel"))?.value).toBe("ALLOC-AMOUNT");
  });

  it("sets print titles, page numbers, orientation and fit to width with ExcelApi 1.9", async () => {
    installRequirementSets("1.9");
    const report = reportOf(heerlenTooHigh());
    const book = new FakeBook();
    await writeReportSheet(fakeContext(book), report);
    report.sheets.forEach((s) => {
      expect(book.find(s.name)!.pageLayout).toMatchObject({
        paperSize: "A4",
        orientation: s.orientation === "landscape" ? "Landscape" : "Portrait",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: `$${s.titleRow}:$${s.titleRow}`,
        headersFooters: {
          defaultForAllPages: {
            leftHeader: "Controleverslag Testplan",
            rightHeader: s.name,
            leftFooter: "plan && co.xlsx · 23 november 2026",
            rightFooter: "Pagina &P van &N",
          },
        },
      });
    });
  });

  it("writes the report without print setup where Excel has only ExcelApi 1.7", async () => {
    installRequirementSets("1.7");
    const report = reportOf(heerlenTooHigh());
    const book = new FakeBook();
    const name = await writeReportSheet(fakeContext(book), report);
    const sheet = book.find(name)!;
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.get(find(report, 0, "Heerlen", "2025"))?.value).toBe(393980);
  });
});
