import ExcelJS from "exceljs";
import { readDutchNumber } from "../../src/core/dutchNumber";
import { checkPlan } from "../../src/core/check";
import { Figure, Finding, KeyComponents, Plan } from "../../src/core/model";
import { D } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { planKey } from "../../src/core/planKey";
import { ReadResult } from "../../src/reader";
import { readPlanFromBuffer } from "../../src/workbook/read";
import { writePublishedWorkbook } from "../../src/workbook/published";
import { writeTemplateWorkbook } from "../../src/workbook/template";
import { figureDifferences, planFigures } from "./planFigures";

async function read(wb: ExcelJS.Workbook, name = "sjabloon.xlsx"): Promise<ReadResult> {
  const data = await wb.xlsx.writeBuffer();
  return readPlanFromBuffer(new Uint8Array(data as ArrayBuffer), name);
}

const errors = (r: ReadResult) => r.notes.filter((n) => n.severity === "error");

function labels(p: Plan): unknown {
  return {
    roles: p.staffing?.roles.map((r) => [r.label, r.hired]),
    t2: [p.staffCosts?.total.label, p.staffCosts?.youth.label, p.staffCosts?.wmo.label],
    lines: p.materialCosts?.lines.map((l) => l.label),
    t3: [p.materialCosts?.youth.label, p.materialCosts?.wmo.label],
    municipalities: p.contributions?.rows.map((r) => [r.label, r.municipality]),
  };
}

test("template → read → template → read gives the same plan", async () => {
  const first = await read(writeTemplateWorkbook(plan2024()));
  expect(errors(first)).toEqual([]);
  const second = await read(writeTemplateWorkbook(first.plan!));
  expect(errors(second)).toEqual([]);
  expect(figureDifferences(second.plan!, first.plan!)).toEqual([]);
  expect(labels(second.plan!)).toEqual(labels(first.plan!));
  expect(labels(first.plan!)).toEqual(labels(plan2024()));
  for (const [path, f] of planFigures(second.plan!)) {
    expect([path, f.cell]).toEqual([path, planFigures(first.plan!).get(path)!.cell]);
  }
});

test("published → read → template → read keeps every figure", async () => {
  const published = await read(writePublishedWorkbook(plan2024()), "plak.xlsx");
  const template = await read(writeTemplateWorkbook(published.plan!));
  expect(errors(template)).toEqual([]);
  const fte = (path: string, f: Figure) =>
    path.startsWith("Tabel 1/") && !path.endsWith("/schaal")
      ? Math.max(1, f.decimals ?? 0)
      : f.decimals;
  expect(figureDifferences(template.plan!, plan2024(), fte)).toEqual([]);
});

test("the empty template has the 16 municipalities and 2024–2028, and reads as no plan yet", async () => {
  const wb = writeTemplateWorkbook(null);
  const ws = wb.getWorksheet("Bijdragen")!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  expect(headers).toEqual(["Gemeente", "Verdeelsleutel", "2024", "2025", "2026", "2027", "2028"]);
  const names = Array.from({ length: 17 }, (_, i) => ws.getCell(2 + i, 1).value);
  expect(names).toEqual([...MUNICIPALITIES, "totaal"]);
  let figures = 0;
  for (const sheet of wb.worksheets) {
    if (sheet.name === "Verdeelsleutel" || sheet.name === "Toelichting") continue;
    sheet.eachRow((row) => row.eachCell((c) => void (typeof c.value === "number" && figures++)));
  }
  expect(figures).toBe(0);
  const r = await read(wb);
  expect(r.plan).toBeUndefined();
  expect(r.layout).toBe("template");
  expect(errors(r).some((n) => n.table === "Tabel 6" && /geen bedragen/.test(n.message.nl))).toBe(
    true
  );
  expect(errors(r).some((n) => /Geen enkele tabel/.test(n.message.nl))).toBe(true);
});

function withKeyComponents(weights: [string, number][]): Plan {
  const plan = plan2024();
  // Invented counts, one per municipality, so the shares differ per component.
  const kc: KeyComponents = {
    components: ["jongeren", "toekenningen", "declaraties"],
    rows: MUNICIPALITIES.map((m, i) => ({
      municipality: m,
      label: m,
      values: new Map([
        ["jongeren", { value: new D(1000 + 250 * i) }],
        ["toekenningen", { value: new D(100 + 7 * i) }],
        ["declaraties", { value: new D(2000 + 90 * i) }],
      ]),
    })),
    weights: new Map(weights.map(([c, w]) => [c, new D(w)])),
  };
  plan.keyComponents = kc;
  return plan;
}

test.each([
  [
    "the SLA weights",
    [
      ["gelijk", 25],
      ["jongeren", 25],
      ["toekenningen", 25],
      ["declaraties", 25],
    ],
  ],
  [
    "changed weights",
    [
      ["gelijk", 40],
      ["jongeren", 20],
      ["toekenningen", 20],
      ["declaraties", 20],
    ],
  ],
] as [string, [string, number][]][])(
  "key components and %s round-trip through UP_Sleutelcomponenten and UP_Wegingen",
  async (_, weights) => {
    const plan = withKeyComponents(weights);
    const r = await read(writeTemplateWorkbook(plan));
    expect(errors(r)).toEqual([]);
    const kc = r.plan!.keyComponents!;
    expect(kc.components).toEqual(["jongeren", "toekenningen", "declaraties"]);
    expect([...kc.weights].map(([c, w]) => [c, w.toNumber()])).toEqual(weights);
    kc.rows.forEach((row, i) => {
      expect(row.municipality).toBe(MUNICIPALITIES[i]);
      expect(row.values.get("toekenningen")!.value.toNumber()).toBe(100 + 7 * i);
      expect(row.values.get("toekenningen")!.cell).toEqual({
        sheet: "Verdeelsleutel",
        address: `C${2 + i}`,
      });
    });
    const keys = planKey(r.plan!).keys;
    const expected = planKey(plan).keys;
    for (const m of MUNICIPALITIES) expect(keys.get(m)!.eq(expected.get(m)!)).toBe(true);
    expect(r.plan!.source.tables.Sleutel).toBe("Verdeelsleutel!A1:D17");
  }
);

test("more years, roles and cost lines than 2024 has", async () => {
  const plan = plan2024();
  const fig = (text: string): Figure => {
    const n = readDutchNumber(text)!;
    return { value: n.value, decimals: n.decimals };
  };
  // New arrays: plan2024() shares its year lists between tables.
  plan.staffing!.years = [...plan.staffing!.years, 2028];
  plan.staffing!.roles.push({
    label: "Jurist",
    hired: false,
    scale: fig("11"),
    values: new Map([[2028, fig("0,8")]]),
  });
  plan.staffing!.total.values.set(2028, fig("17,6"));
  plan.materialCosts!.lines.push({
    label: "opleidingen",
    values: new Map([[2025, fig("12.500")]]),
  });
  plan.contributions!.years = [...plan.contributions!.years, 2028];
  plan.contributions!.rows.forEach((r, i) => r.values.set(2028, fig(String(1000 + i))));
  plan.contributions!.total.values.set(2028, fig("16.120"));
  const r = await read(writeTemplateWorkbook(plan));
  expect(errors(r)).toEqual([]);
  expect(r.plan!.staffing!.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
  expect(r.plan!.contributions!.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
  const fte = (path: string, f: Figure) =>
    path.startsWith("Tabel 1/") && !path.endsWith("/schaal")
      ? Math.max(1, f.decimals ?? 0)
      : f.decimals;
  expect(figureDifferences(r.plan!, plan, fte)).toEqual([]);
});

describe("a template as users change it", () => {
  test("a key typed as 3.53 in a column without %, a number stored as text", async () => {
    const wb = writeTemplateWorkbook(plan2024());
    const ws = wb.getWorksheet("Bijdragen")!;
    for (let r = 2; r <= 18; r++) {
      const cell = ws.getCell(r, 2);
      cell.value = Number(new D(String(cell.value)).times(100).toString());
      cell.numFmt = "0.00";
    }
    ws.getCell("D3").value = "158.033";
    const formatie = wb.getWorksheet("Totalen")!;
    formatie.getCell("A2").value = "formatiekosten jeugd";
    const r = await read(wb);
    expect(errors(r)).toEqual([]);
    expect(
      figureDifferences(r.plan!, plan2024(), (p, f) =>
        p.startsWith("Tabel 1/") && !p.endsWith("/schaal")
          ? Math.max(1, f.decimals ?? 0)
          : f.decimals
      )
    ).toEqual([]);
    const points = r.notes.find(
      (n) => n.table === "Tabel 6" && n.severity === "warning" && n.cell?.address === "B2"
    );
    expect(points?.message.nl).toContain("zonder %");
    const text = r.notes.find((n) => n.cell?.address === "D3" && n.cell.sheet === "Bijdragen");
    expect(text?.message.nl).toBe("getal als tekst opgeslagen: '158.033'");
    expect(r.plan!.contributions!.rows[1].values.get(2024)!.fromText).toBe(true);
  });

  test("a missing table is said, the others are read", async () => {
    const wb = writeTemplateWorkbook(plan2024());
    wb.removeWorksheet(wb.getWorksheet("Totalen")!.id);
    const r = await read(wb);
    expect(r.plan!.totals).toBeUndefined();
    expect(r.plan!.contributions).toBeDefined();
    const info = r.notes.find((n) => n.table === "Tabel 4");
    expect(info?.severity).toBe("info");
    expect(info?.message.nl).toContain("UP_Totalen niet gevonden");
  });

  test("an empty amount in UP_Bijdragen and a word in UP_Formatie are refused with their cells", async () => {
    const wb = writeTemplateWorkbook(plan2024());
    wb.getWorksheet("Bijdragen")!.getCell("F7").value = null;
    wb.getWorksheet("Formatie")!.getCell("D2").value = "een";
    const r = await read(wb);
    const at = (sheet: string, a: string) =>
      errors(r).find((n) => n.cell?.sheet === sheet && n.cell.address === a);
    expect(at("Bijdragen", "F7")?.message.nl).toContain("lege cellen waar een getal hoort: F7");
    expect(at("Formatie", "D2")?.message.nl).toContain("'een' is geen getal");
    expect(r.plan!.contributions).toBeUndefined();
    expect(r.plan!.staffing).toBeUndefined();
    expect(r.plan!.staffCosts).toBeDefined();
  });
});

test("checkPlan on a template with key components gives the findings of the plan it was written from", async () => {
  const plan = withKeyComponents([
    ["gelijk", 25],
    ["jongeren", 25],
    ["toekenningen", 25],
    ["declaraties", 25],
  ]);
  const r = await read(writeTemplateWorkbook(plan));
  const key = (f: Finding) =>
    [f.rule, f.year, f.municipality, f.expected?.toString(), f.actual?.toString()].join("|");
  const expected = checkPlan(plan).findings;
  // The invented counts do not give the published keys: KEY-RECOMPUTE must speak.
  expect(expected.some((f) => f.rule === "KEY-RECOMPUTE")).toBe(true);
  expect(checkPlan(r.plan!).findings.map(key).sort()).toEqual(expected.map(key).sort());
  const recompute = checkPlan(r.plan!).findings.find((f) => f.rule === "KEY-RECOMPUTE")!;
  expect(recompute.cells.some((c) => c.sheet === "Bijdragen" || c.sheet === "Verdeelsleutel")).toBe(
    true
  );
});

test("a cost line that mentions jeugd stays a cost line", async () => {
  const plan = plan2024();
  const line = {
    label: "onderzoek jeugd",
    values: new Map([[2024, { value: new D(5000), decimals: 0 }]]),
  };
  plan.materialCosts!.lines.push(line);
  const r = await read(writeTemplateWorkbook(plan));
  expect(errors(r)).toEqual([]);
  expect(r.plan!.materialCosts!.lines.map((l) => l.label)).toContain("onderzoek jeugd");
  expect(r.plan!.materialCosts!.youth.label).toBe("materiele kosten jeugd 70%");
});
