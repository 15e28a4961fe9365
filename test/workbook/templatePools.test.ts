import ExcelJS from "exceljs";
import { plan2024 } from "../../src/core/plan2024";
import { poolsOf } from "../../src/core/pools";
import { poolContribution } from "../../src/core/query";
import { ReadResult } from "../../src/reader";
import { readPlanFromBuffer } from "../../src/workbook/read";
import { writeTemplateWorkbook } from "../../src/workbook/template";
import { checkPlan } from "../../src/core/check";
import { mergedExample } from "../../src/workbook/poolsExample";
import { Figure } from "../../src/core/model";
import { D, sum } from "../../src/core/money";
import { figureDifferences } from "./planFigures";

/** FTE are written with format 0.0#, so a whole FTE reads back with one decimal shown. */
const fte = (path: string, f: Figure) =>
  path.startsWith("Tabel 1/") && !path.endsWith("/schaal")
    ? Math.max(1, f.decimals ?? 0)
    : f.decimals;

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function read(wb: ExcelJS.Workbook): Promise<ReadResult> {
  return readPlanFromBuffer(await bytes(wb), "samengevoegd.xlsx");
}

const errors = (r: ReadResult) => r.notes.filter((n) => n.severity === "error");

/** The merged template as a user edits it: loaded, changed, read back. */
async function edited(change: (wb: ExcelJS.Workbook) => void): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await bytes(writeTemplateWorkbook(mergedExample()))) as unknown as ArrayBuffer
  );
  change(wb);
  return read(wb);
}

describe("a merged template: UP_Kostenpools and a set of tables per pool", () => {
  test("writes the pool list and each pool's tables under the pool's name", async () => {
    const wb = writeTemplateWorkbook(mergedExample());
    const tables = wb.worksheets.flatMap((ws) =>
      (ws.getTables() as unknown as { table: { name: string } }[]).map(
        (t) => `${ws.name}: ${t.table.name}`
      )
    );
    expect(tables).toEqual([
      "Kostenpools: UP_Kostenpools",
      "Formatie Verwerving: UP_Formatie_Verwerving",
      "Formatiekosten Verwerving: UP_Formatiekosten_Verwerving",
      "Materiële kosten Verwerving: UP_MaterieleKosten_Verwerving",
      "Totalen Verwerving: UP_Totalen_Verwerving",
      "Bijdragen Verwerving: UP_Bijdragen_Verwerving",
      "Herberekening Verwerving: UP_Herberekening_Verwerving",
      "Toename Verwerving: UP_Toename_Verwerving",
      "Begroting Beleid: UP_Begroting_Beleid",
      "Bijdragen Beleid: UP_Bijdragen_Beleid",
    ]);
    const list = wb.getWorksheet("Kostenpools")!;
    expect([2, 3].map((r) => (list.getRow(r).values as unknown[]).slice(1))).toEqual([
      ["verwerving", "Uitvoeringskosten verwerving", "sla", "euro"],
      ["beleid", "Dekking kosten regio-samenwerking", "budgetaandeel", "cent"],
    ]);
    // A budget column beside the key; cents shown as cents.
    const policy = wb.getWorksheet("Bijdragen Beleid")!;
    expect((policy.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Gemeente",
      "Verdeelsleutel",
      "Budget",
      "2025",
      "2026",
      "2027",
    ]);
    const cents = [2, 3, 4, 5].flatMap((r) => [4, 5, 6].map((c) => policy.getCell(r, c)));
    expect(cents.some((c) => !Number.isInteger(c.value))).toBe(true);
    expect(cents.every((c) => c.numFmt === "#,##0.00")).toBe(true);
  });

  test("the purchasing pool's key calculation and change tables agree with its Tabel 6, 4 and the 2024 plan", async () => {
    const r = await read(writeTemplateWorkbook(mergedExample()));
    const plan = r.plan!.pools![0].plan;
    expect(plan.source.tables).toMatchObject({
      Herberekening: "'Herberekening Verwerving'!A1:K19",
      Toename: "'Toename Verwerving'!A1:E18",
    });
    const kt = plan.keyTable!;
    const t6 = plan.contributions!;
    expect(kt.year).toBe(2025);
    const quarter = new D("0.25");
    kt.rows.forEach((row, i) => {
      const stated = t6.rows[i];
      // 25% × (6,25% + the three shares) is the stated key; the row adds up to the 2025 amount.
      const key = sum([...row.shares.values()].map((s) => s.value)).times(quarter);
      expect([row.municipality, key.toString(), row.key!.value.toString()]).toEqual([
        stated.municipality,
        stated.key!.value.toString(),
        stated.key!.value.toString(),
      ]);
      expect(sum([...row.amounts.values()].map((a) => a.value)).toString()).toBe(
        row.amount!.value.toString()
      );
      expect(row.amount!.value.toString()).toBe(stated.values.get(2025)!.value.toString());
    });
    expect(kt.total.amount!.value.toNumber()).toBe(2_183_425);
    const ch = plan.contributionChange!;
    expect([ch.oldYear, ch.newYear]).toEqual([2024, 2025]);
    // The 2024 plan's total, 2.582.231, allocated; the 2025 amounts as Tabel 6 states them.
    expect(ch.total!.old!.value.toNumber()).toBe(2_582_231);
    expect(ch.rows.map((x) => x.new!.value.toString())).toEqual(
      t6.rows.map((x) => x.values.get(2025)!.value.toString())
    );
    // −398.806 / 2.582.231 = −15,44…%, shown −15,4%.
    expect([ch.total!.increase!.value.toNumber(), ch.total!.percentage!.value.toNumber()]).toEqual([
      -398_806, -0.154,
    ]);
    expect(checkPlan(r.plan!).findings).toEqual([]);
  });

  test("reads back as Plan.pools: names, titles, methods, units and every figure", async () => {
    const written = mergedExample();
    const r = await read(writeTemplateWorkbook(written));
    expect(errors(r)).toEqual([]);
    const plan = r.plan!;
    expect(plan.contributions).toBeUndefined();
    expect(plan.totals).toBeUndefined();
    expect(plan.pools!.map((p) => [p.name, p.title, p.method, p.plan.unit, p.plan.title])).toEqual([
      ["verwerving", "Uitvoeringskosten verwerving", "sla", "euro", "Uitvoeringskosten verwerving"],
      [
        "beleid",
        "Dekking kosten regio-samenwerking",
        "budget-share",
        "cent",
        "Dekking kosten regio-samenwerking",
      ],
    ]);
    poolsOf(written).forEach((pool, i) => {
      expect(figureDifferences(plan.pools![i].plan, pool.plan, fte)).toEqual([]);
    });
    expect(plan.pools![1].plan.source.tables).toEqual({
      Begroting: "'Begroting Beleid'!A1:E5",
      "Tabel 6": "'Bijdragen Beleid'!A1:F18",
    });
    // The merged plan's source lists every pool's tables, a table both pools have with both ranges.
    const tables = plan.source.tables;
    expect(tables["Tabel 6"]).toBe(
      `${plan.pools![0].plan.source.tables["Tabel 6"]}; 'Bijdragen Beleid'!A1:F18`
    );
    expect(tables.Begroting).toBe("'Begroting Beleid'!A1:E5");
    expect(Object.keys(tables).sort()).toEqual(
      [...new Set(plan.pools!.flatMap((p) => Object.keys(p.plan.source.tables)))].sort()
    );
    expect(plan.pools![1].plan.contributions!.rows[0].budget!.value.toString()).toBe("9812345");
    for (const m of written.municipalities) {
      for (const year of [2025, 2026, 2027]) {
        expect(poolContribution(plan, m, year).toString()).toBe(
          poolContribution(written, m, year).toString()
        );
      }
    }
  });

  test("the example merged template reads back clean: no finding in either pool", async () => {
    const r = await read(writeTemplateWorkbook(mergedExample()));
    expect(r.notes.filter((n) => n.severity !== "info")).toEqual([]);
    const result = checkPlan(r.plan!);
    expect(result.findings).toEqual([]);
    expect(result.rules.find((x) => x.rule === "BUDGET-SHARE")!.status).toBe("ok");
    expect(result.rules.find((x) => x.rule === "ALLOC-SUM")!.status).toBe("ok");
  });

  test("a budget-share pool's findings name its table by the pool's title; the SLA pool's say Tabel 6", async () => {
    const r = await edited((wb) => {
      for (const name of ["Bijdragen Beleid", "Bijdragen Verwerving"]) {
        const ws = wb.getWorksheet(name)!;
        const heerlen = ws.getColumn(1).values.indexOf("Heerlen");
        const year = (ws.getRow(1).values as unknown[]).findIndex((v) => String(v) === "2025");
        const cell = ws.getCell(heerlen, year);
        cell.value = (cell.value as number) + (name.endsWith("Beleid") ? 0.01 : 1);
      }
    });
    const sums = checkPlan(r.plan!).findings.filter((f) => f.rule === "ALLOC-SUM");
    expect(sums.map((f) => [f.pool, f.tableTitle, f.message.nl.split(":")[0]])).toEqual([
      ["verwerving", undefined, "Tabel 6, 2025"],
      ["beleid", "Dekking kosten regio-samenwerking", "Dekking kosten regio-samenwerking, 2025"],
    ]);
  });

  test("a template without UP_Kostenpools reads exactly as before: one plan, no pools", async () => {
    const r = await read(writeTemplateWorkbook(plan2024()));
    expect(r.plan!.pools).toBeUndefined();
    expect(r.plan!.unit).toBeUndefined();
    expect(r.plan!.source.tables["Tabel 6"]).toBe("Bijdragen!A1:G18");
    expect(figureDifferences(r.plan!, plan2024(), fte)).toEqual([]);
  });

  test("an unknown method or unit is an error at its cell; no plan is read", async () => {
    const r = await edited(
      (wb) => (wb.getWorksheet("Kostenpools")!.getCell("C3").value = "objectief")
    );
    expect(r.plan).toBeUndefined();
    expect(errors(r).map((n) => [n.cell?.address, n.message.nl])).toEqual([
      ["C3", "UP_Kostenpools: C3: 'objectief' kan niet: kies sla of budgetaandeel"],
    ]);
  });

  test("a pool name that cannot end a table name, and a pool listed twice, are errors", async () => {
    const spaced = await edited(
      (wb) => (wb.getWorksheet("Kostenpools")!.getCell("A3").value = "be leid")
    );
    expect(errors(spaced)[0].message.nl).toMatch(
      /^UP_Kostenpools: A3: 'be leid' kan geen poolnaam zijn: alleen letters, cijfers en _/
    );
    const twice = await edited(
      (wb) => (wb.getWorksheet("Kostenpools")!.getCell("A3").value = "Verwerving")
    );
    expect(errors(twice)[0].message.nl).toBe(
      "UP_Kostenpools: A3: pool 'Verwerving' staat er twee keer"
    );
  });

  test("a pool whose tables are missing leaves no plan: a total without it would be wrong", async () => {
    const r = await edited((wb) => {
      const list = wb.getWorksheet("Kostenpools")!;
      list.getCell("A3").value = "zorg";
    });
    expect(r.plan).toBeUndefined();
    const messages = r.notes.map((n) => n.message.nl);
    expect(messages).toContain(
      "Kostenpool zorg: Excel-tabel UP_Bijdragen_Zorg niet gevonden: Tabel 6 (uitvoeringskosten per gemeente) ontbreekt"
    );
    expect(messages).toContain(
      "Kostenpool zorg kon niet worden gelezen: zonder alle pools is er geen bijdrage over de pools samen"
    );
    expect(r.notes.find((n) => n.message.nl.startsWith("Kostenpool zorg:"))!.pool).toBe("zorg");
  });
});
