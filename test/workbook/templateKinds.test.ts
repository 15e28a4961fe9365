import ExcelJS from "exceljs";
import { checkPlan } from "../../src/core/check";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { readPlanFromBuffer } from "../../src/workbook/read";

/*
 * The kinds of earlier plans in the UP template: a budget (UP_Begroting: Kostenpost, Aandeel,
 * years) and contributions per municipality without a key column (UP_Bijdragen: Gemeente,
 * years). Invented figures: three cost lines, jeugd 70%, the jeugd part split over the 16
 * municipalities in equal amounts of 43.750 (700.000 / 16) in 2022.
 */

async function template(rows: { budgetTotal2022: number }) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Begroting");
  ws.addTable({
    name: "UP_Begroting",
    ref: "A1",
    headerRow: true,
    columns: ["Kostenpost", "Aandeel", "2022", "2023"].map((name) => ({ name })),
    rows: [
      ["Personeel", null, 800_000, 820_000],
      ["Overhead", null, 150_000, 160_000],
      ["ICT", null, 50_000, 70_000],
      ["Totaal", null, rows.budgetTotal2022, 1_050_000],
      ["waarvan jeugd", 0.7, 700_000, 735_000],
      ["waarvan wmo", 0.3, 300_000, 315_000],
    ],
  });
  for (const r of [6, 7]) ws.getCell(`B${r}`).numFmt = "0%";
  const t6 = wb.addWorksheet("Bijdragen");
  t6.addTable({
    name: "UP_Bijdragen",
    ref: "A1",
    headerRow: true,
    columns: ["Gemeente", "2022", "2023"].map((name) => ({ name })),
    rows: [
      ...MUNICIPALITIES.map((m, i) => [m, 43_750, i < 15 ? 45_938 : 45_930]),
      ["totaal", 700_000, 735_000],
    ],
  });
  const data = await wb.xlsx.writeBuffer();
  return readPlanFromBuffer(new Uint8Array(data as ArrayBuffer), "sjabloon.xlsx");
}

test("UP_Begroting and UP_Bijdragen without a key column are read from the template", async () => {
  const r = await template({ budgetTotal2022: 1_000_000 });
  expect(r.notes.filter((n) => n.severity === "error")).toEqual([]);
  expect(r.layout).toBe("template");
  const plan = r.plan!;
  expect(plan.source.tables.Begroting).toBe("Begroting!A1:D7");
  expect(plan.budget!.lines.map((l) => l.label)).toEqual(["Personeel", "Overhead", "ICT"]);
  expect(plan.budget!.youth!.share!.value.toNumber()).toBe(0.7);
  expect(plan.contributions!.keyColumn).toBe(false);
  // 15 × 45.938 + 45.930 = 735.000; 16 × 43.750 = 700.000: both years add up.
  expect(checkPlan(plan).findings).toEqual([]);
});

test("a budget whose total misses its lines is found in the template too", async () => {
  const r = await template({ budgetTotal2022: 1_000_100 });
  const found = checkPlan(r.plan!).findings.map((f) => [f.rule, f.table, f.year, f.cell?.address]);
  // The total is 100 above its lines and above jeugd + wmo.
  expect(found).toEqual([
    ["SPLIT-SUM", "Begroting", 2022, "C5"],
    ["LINES-SUM", "Begroting", 2022, "C5"],
  ]);
});
