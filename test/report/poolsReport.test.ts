import ExcelJS from "exceljs";
import { D } from "../../src/core/money";
import { Plan } from "../../src/core/model";
import { mergedExample } from "../../src/workbook/poolsExample";
import { readSheets } from "../reader/sheetCells";
import { mergedPlanCells } from "../support/mergedPlan";
import { columnOf, fillOf, reportOf, titleRow, workbookOf } from "./reportFile";

const RED = "FFFFC7CE";

/** The merged example with Heerlen's 2025 amount in the policy pool one cent too high. */
function centTooHigh(): Plan {
  const plan = mergedExample();
  const heerlen = plan.pools![1].plan.contributions!.rows.find(
    (r) => r.municipality === "Heerlen"
  )!;
  const f = heerlen.values.get(2025)!;
  heerlen.values.set(2025, { ...f, value: f.value.plus(new D("0.01")) });
  return plan;
}

/** The row of `label` under the group heading that starts with `group`. */
function rowUnder(ws: ExcelJS.Worksheet, group: string, label: string): ExcelJS.Row {
  let inGroup = false;
  for (let r = titleRow(ws) + 1; r <= ws.rowCount; r++) {
    const first = ws.getRow(r).getCell(1).value;
    if (typeof first === "string" && first.startsWith("Kostenpool "))
      inGroup = first.startsWith(group);
    if (typeof first === "string" && first.startsWith("Totaal over de kostenpools"))
      inGroup = first.startsWith(group);
    if (inGroup && first === label) return ws.getRow(r);
  }
  throw new Error(`no row ${label} under ${group}`);
}

describe("the Controleverslag of a merged plan", () => {
  test("each pool under its heading, then per municipality the total over the pools per year", async () => {
    const plan = mergedExample();
    const ws = (await workbookOf(reportOf(plan))).getWorksheet("Controleverslag")!;
    const col = columnOf(ws, "2025");
    for (const m of plan.municipalities) {
      const a = rowUnder(ws, "Kostenpool verwerving", m).getCell(col).value as number;
      const b = rowUnder(ws, "Kostenpool beleid", m).getCell(col).value as number;
      const total = rowUnder(ws, "Totaal over de kostenpools", m).getCell(col).value as number;
      expect(Math.round(total * 100)).toBe(Math.round(a * 100) + Math.round(b * 100));
    }
    const heerlen = rowUnder(ws, "Totaal over de kostenpools", "Heerlen");
    expect(heerlen.getCell(columnOf(ws, "2027")).value).toBe(
      plan.pools!.reduce(
        (s, p) =>
          s +
          p.plan
            .contributions!.rows.find((r) => r.municipality === "Heerlen")!
            .values.get(2027)!
            .value.toNumber(),
        0
      )
    );
    expect(rowUnder(ws, "Totaal over de kostenpools", "Totaal").getCell(col).value).toBe(
      2183425 + 412600
    );
  });

  test("a cent drift in the policy pool marks that pool's amount, not the same municipality's in the other", async () => {
    const ws = (await workbookOf(reportOf(centTooHigh()))).getWorksheet("Controleverslag")!;
    const col = columnOf(ws, "2025");
    const policy = rowUnder(ws, "Kostenpool beleid", "Heerlen");
    expect(policy.getCell(col).value).toBe(61337.44);
    expect(fillOf(policy.getCell(col))).toBe(RED);
    expect(fillOf(rowUnder(ws, "Kostenpool verwerving", "Heerlen").getCell(col))).not.toBe(RED);
    const notes = policy.getCell(columnOf(ws, "Bevindingen")).value as string;
    expect(notes).toMatch(/^2025: afronding; met €\s61\.337,43 telt het jaar op tot het totaal$/);
  });

  test("a policy pool's lines name its own table and total, never Tabel 6 or the Tabel 4 total; the log names each finding's pool", async () => {
    const cells = mergedPlanCells({ shiftedAmount: true, euroDrift: true });
    const plan = (await readSheets([{ name: "Plan 2025", cells }], "merged.xlsx")).plan!;
    const wb = await workbookOf(reportOf(plan));
    const ws = wb.getWorksheet("Controleverslag")!;
    const findings = columnOf(ws, "Bevindingen");
    expect(rowUnder(ws, "Kostenpool beleid", "Kerkrade").getCell(findings).value).toBe(
      "2026: €\u00a05 hoger dan sleutel × te verdelen bedrag van de begroting"
    );
    const log = wb.getWorksheet("Controlelog")!;
    const table = columnOf(log, "Tabel");
    const place = columnOf(log, "Cel");
    const tables = (cell: string) => {
      for (let r = titleRow(log) + 1; r <= log.rowCount; r++) {
        if (log.getRow(r).getCell(place).value === cell) return log.getRow(r).getCell(table).value;
      }
      throw new Error(`no log row for ${cell}`);
    };
    expect(tables("'Plan 2025'!E20")).toBe("beleid · Dekking kosten regio-samenwerking");
    expect(tables("'Plan 2025'!D82")).toBe("verwerving · Tabel 6");
  });

  test("the tables read with their ranges, pool by pool, the policy pool's by their own titles", async () => {
    const plan = (await readSheets([{ name: "Plan 2025", cells: mergedPlanCells() }], "m.xlsx"))
      .plan!;
    const ws = (await workbookOf(reportOf(plan))).getWorksheet("Controleverslag")!;
    const facts: [unknown, unknown][] = [];
    for (let r = 2; r < titleRow(ws); r++) {
      const [label, ...rest] = (ws.getRow(r).values as unknown[]).slice(1);
      const value = rest.find((v): v is string => typeof v === "string");
      if (value && /!A\d+:/.test(value)) facts.push([label, value]);
    }
    expect(facts).toEqual([
      ["beleid · Begroting regio-samenwerking jeugd 2025-2026", "'Plan 2025'!A3:C10"],
      ["beleid · Dekking kosten regio-samenwerking", "'Plan 2025'!A12:F30"],
      ["verwerving · Tabel 1 Formatieplan", "'Plan 2025'!A33:D38"],
      ["verwerving · Tabel 2 Formatiekosten", "'Plan 2025'!A40:C45"],
      ["verwerving · Tabel 3 Materiële kosten", "'Plan 2025'!A47:C56"],
      ["verwerving · Tabel 4 Overzicht totalen", "'Plan 2025'!A58:C62"],
      ["verwerving · Tabel 6 Uitvoeringskosten per gemeente", "'Plan 2025'!A64:D82"],
    ]);
  });
});
