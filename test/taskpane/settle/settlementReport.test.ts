import ExcelJS from "exceljs";
import { checkPlan } from "../../../src/core/check";
import { D } from "../../../src/core/money";
import { plan2024 } from "../../../src/core/plan2024";
import { settle } from "../../../src/core/settle";
import { cellText } from "../../../src/report/cells";
import { buildReport, Report, ReportInput } from "../../../src/report/report";
import { settlementReport, settlementSection } from "../../../src/report/settlementReport";
import { reportXlsx } from "../../../src/report/xlsxReport";

const SOURCE = {
  actual: { nl: "uit cel Jaarrekening!C9", en: "from cell Jaarrekening!C9" },
  finalKey: { nl: "geen: de voorlopige sleutel", en: "none: the provisional key" },
};

/** A sheet's rows as the cells' texts, empty cells left out. */
const texts = (r: Report, sheet: string) =>
  r.sheets
    .find((s) => s.name === sheet)!
    .rows.map((row) => row.cells.map(cellText).filter((c) => c !== ""));

test("the report carries the settlement the pane shows as a sheet of its own, with its sources and explanations", () => {
  const plan = plan2024();
  const settlement = settle(plan, 2025, new D(2250000));
  const input: ReportInput = {
    plan,
    result: checkPlan(plan),
    accepted: new Map(),
    formulaSource: "embedded",
    workbook: "plan.xlsx",
    date: new Date("2026-03-01T12:00:00Z"),
  };
  const report = buildReport({ ...input, sections: [settlementSection(settlement, SOURCE)] }, "nl");
  expect(report.sheets.map((s) => s.name)).toEqual([
    "Controleverslag",
    "Controlelog",
    "Afrekening 2025",
  ]);
  const rows = texts(report, "Afrekening 2025");
  expect(rows[0][0]).toMatch(/^Afrekening 2025 — Uitvoeringsplan 2024/);
  expect(rows).toContainEqual(["Werkelijke kosten", "€ 2.250.000"]);
  expect(rows).toContainEqual(["Bron werkelijke kosten", "uit cel Jaarrekening!C9"]);
  expect(rows).toContainEqual(["Voorschotten (Tabel 6)", "€ 2.183.426"]);
  expect(rows).toContainEqual([
    "Heerlen",
    "€ 261.356",
    "€ 269.325",
    "+€ 7.969",
    "+€ 7.969",
    "€ 0",
    "11,97%",
    "11,97%",
    "Heerlen betaalt € 7.969 bij, doordat de werkelijke kosten hoger waren.",
  ]);
  expect(rows).toContainEqual([
    "Totaal",
    "€ 2.183.426",
    "€ 2.250.000",
    "+€ 66.574",
    "+€ 66.574",
    "€ 0",
  ]);
  // Without a settlement the report has no such sheet.
  expect(buildReport(input, "nl").sheets.map((s) => s.name)).not.toContain("Afrekening 2025");
});

test("the settlement sheet in cents gets a cents format in the .xlsx", async () => {
  const s = settle(plan2024(), 2025, new D("2250000.07"));
  const report = settlementReport(s, SOURCE, "en", new Date("2026-03-01T12:00:00Z"));
  expect(report.sheets.map((x) => x.name)).toEqual(["Settlement 2025"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reportXlsx(report)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Settlement 2025")!;
  let found = false;
  ws.eachRow((row) => {
    if (row.getCell(1).value !== "Heerlen") return;
    found = true;
    expect(typeof row.getCell(3).value).toBe("number");
    expect(row.getCell(3).numFmt).toMatch(/0\.00/);
    expect(row.getCell(7).numFmt).toMatch(/%/);
  });
  expect(found).toBe(true);
});
