import { formatCell } from "../../src/core/address";
import { checkPlan } from "../../src/core/check";
import { missingTables } from "../../src/core/completeness";
import { D } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { percentOf } from "../../src/core/planKey";
import { poolsOf } from "../../src/core/pools";
import {
  ALL_INJECTED,
  BUDGETS,
  dekkingRow,
  mergedPlanCells,
  policyCents,
  purchasingEuros,
  ROW,
  t6Row,
} from "../support/mergedPlan";
import { Cells, readSheets, set } from "./sheetCells";

/*
 * The merged plan of test/support/mergedPlan.ts, read without binding. Clean it has no finding in
 * either pool; with the injected inconsistencies each is found once, in its pool, at its cell.
 */

/** € 1.234,56 from cents. */
const cents = (c: bigint) =>
  `€ ${(c / 100n).toLocaleString("nl-NL")},${String(c % 100n).padStart(2, "0")}`;
/** A municipality's budget share as an exact decimal. */
const share = (name: string) =>
  new D(BUDGETS[MUNICIPALITIES.indexOf(name)]).div(BUDGETS.reduce((a, b) => a + b));

const read = (cells: Cells) => readSheets([{ name: "Plan 2025", cells }], "merged.xlsx");
const at = (address: string) => `'Plan 2025'!${address}`;

describe("a merged plan with a policy pool and a purchasing pool", () => {
  test("is read as two pools, with names, titles, methods, units and their own tables", async () => {
    const { plan, notes } = await read(mergedPlanCells());
    expect(notes.filter((n) => n.severity !== "info")).toEqual([]);
    expect(plan!.contributions).toBeUndefined();
    expect(plan!.totals).toBeUndefined();
    const pools = poolsOf(plan!);
    expect(pools.map((p) => [p.name, p.title, p.method, p.plan.unit])).toEqual([
      ["beleid", "Dekking kosten regio-samenwerking", "budget-share", "cent"],
      ["verwerving", "Uitvoeringskosten per gemeente", "sla", "euro"],
    ]);
    const [policy, purchasing] = pools.map((p) => p.plan);
    expect(policy.source.tables).toEqual({ "Tabel 6": at("A12:F30"), Begroting: at("A3:C10") });
    expect(purchasing.source.tables).toEqual({
      "Tabel 1": at("A33:D38"),
      "Tabel 2": at("A40:C45"),
      "Tabel 3": at("A47:C56"),
      "Tabel 4": at("A58:C62"),
      "Tabel 6": at("A64:D82"),
    });
    // The policy table's figures, cell by cell, as the fixture wrote them.
    const cents = policyCents();
    const heerlen = policy.contributions!.rows.find((r) => r.municipality === "Heerlen")!;
    const h = MUNICIPALITIES.indexOf("Heerlen");
    expect(heerlen.budget!.value.toNumber()).toBe(BUDGETS[h]);
    expect(heerlen.values.get(2025)!.value.times(100).toNumber()).toBe(Number(cents[h][0]));
    expect(heerlen.values.get(2026)!.cell).toEqual({
      sheet: "Plan 2025",
      address: `E${dekkingRow("Heerlen")}`,
    });
    expect(heerlen.key!.decimals).toBe(2);
    expect(heerlen.budgetPercent!.decimals).toBe(4);
    expect(policy.contributions!.budgetYear).toBe(2025);
    expect(policy.contributions!.totalBudget!.value.toNumber()).toBe(
      BUDGETS.reduce((a, b) => a + b)
    );
    expect(policy.budget!.total.values.get(2025)!.value.toNumber()).toBe(412_600);
    const euros = purchasingEuros();
    const t6 = purchasing.contributions!.rows.find((r) => r.municipality === "Heerlen")!;
    expect(t6.values.get(2026)!.value.toNumber()).toBe(Number(euros[h][1]));
    expect(t6.budget).toBeUndefined();
  });

  test("clean, every rule that applies to a pool passes in it", async () => {
    const result = checkPlan((await read(mergedPlanCells())).plan!);
    expect(result.findings).toEqual([]);
    const status = new Map(result.rules.map((r) => [r.rule, r.status]));
    for (const rule of [
      "LINES-SUM",
      "KEY-SUM",
      "ALLOC-AMOUNT",
      "ALLOC-SUM",
      "ALLOC-LINK",
      "BUDGET-LINK",
      "BUDGET-SHARE",
      "MUNICIPALITIES",
    ] as const) {
      expect(status.get(rule)).toBe("ok");
    }
  });

  test("finds exactly the inconsistencies put in, each in its pool with its cell", async () => {
    const cells = mergedPlanCells(ALL_INJECTED);
    const { findings } = checkPlan((await read(cells)).plan!);
    const got = findings.map((f) => [
      f.pool,
      f.rule,
      f.year,
      f.municipality,
      f.cell && formatCell(f.cell),
    ]);
    expect(got).toEqual([
      // Communicatie 2026 typed 25.050 for 25.500: the lines add up to 426.150, not 426.600.
      ["beleid", "LINES-SUM", 2026, null, at("C10")],
      // € 5,00 moved from Landgraaf to Kerkrade in 2026: in a budget-share pool exact to the cent.
      ["beleid", "ALLOC-AMOUNT", 2026, "Kerkrade", at(`E${dekkingRow("Kerkrade")}`)],
      ["beleid", "ALLOC-AMOUNT", 2026, "Landgraaf", at(`E${dekkingRow("Landgraaf")}`)],
      // Beek and Vaals 2025 a cent high each.
      ["beleid", "ALLOC-SUM", 2025, null, at("D30")],
      // Heerlen 2026 one euro high.
      ["verwerving", "ALLOC-SUM", 2026, null, at(`D${ROW.t6Title + 2 + MUNICIPALITIES.length}`)],
      // Meerssen's key 0,03 pp low; Simpelveld's percentage with two digits swapped.
      ["beleid", "BUDGET-SHARE", null, "Meerssen", at(`C${dekkingRow("Meerssen")}`)],
      ["beleid", "BUDGET-SHARE", 2025, "Simpelveld", at(`F${dekkingRow("Simpelveld")}`)],
    ]);
    const drift = findings[3];
    expect(drift.message.nl).toMatch(
      /^Dekking kosten regio-samenwerking, 2025: de bedragen van de gemeenten tellen op tot € 412\.600,02, maar de totaalregel is € 412\.600,00 \(verschil \+€ 0,02\)\. Herstel: 2 bedragen € 0,01 lager/
    );
    const kerkrade = policyCents()[MUNICIPALITIES.indexOf("Kerkrade")][1];
    expect(findings[1].message.nl).toBe(
      `Dekking kosten regio-samenwerking, Kerkrade 2026: ${cents(kerkrade + 500n)}, maar ${percentOf(share("Kerkrade"))} × € 426.600,00 (te verdelen bedrag van de begroting) = ${cents(kerkrade)} (verschil +€ 5,00, toegestaan € 0,02)`
    );
    // The repair: exactly the two amounts that were raised, each back by one cent.
    const all = policyCents();
    expect(
      drift.fix!.map((x) => [
        x.municipality,
        x.cell && formatCell(x.cell),
        x.to.toFixed(2),
        x.from.minus(x.to).toFixed(2),
      ])
    ).toEqual(
      ["Beek", "Vaals"].map((m) => [
        m,
        at(`D${dekkingRow(m)}`),
        (Number(all[MUNICIPALITIES.indexOf(m)][0]) / 100).toFixed(2),
        "0.01",
      ])
    );
    const euro = findings[4];
    expect(
      euro.fix!.map((x) => [
        x.municipality,
        x.cell && formatCell(x.cell),
        x.from.minus(x.to).toString(),
      ])
    ).toEqual([["Heerlen", at(`D${t6Row("Heerlen")}`), "1"]]);
  });

  test("the policy contributions table is known by its budget column and municipalities, without its title", async () => {
    const cells = mergedPlanCells();
    set(cells, ROW.dekkingTitle, 1, undefined);
    const { plan } = await read(cells);
    expect(poolsOf(plan!).map((p) => [p.name, p.title])).toEqual([
      ["beleid", "Dekking kosten regio-samenwerking"],
      ["verwerving", "Uitvoeringskosten per gemeente"],
    ]);
    expect(poolsOf(plan!)[0].plan.source.tables["Tabel 6"]).toBe(at("A13:F30"));
    expect(checkPlan(plan!).findings).toEqual([]);
  });

  test("the policy pool alone is a plan of one pool, in cents", async () => {
    const cells = mergedPlanCells();
    for (const r of [...cells.keys()]) if (r >= ROW.t1Title) cells.delete(r);
    const { plan } = await read(cells);
    expect(plan!.pools).toBeUndefined();
    expect(plan!.unit).toBe("cent");
    expect(plan!.contributions!.rows).toHaveLength(16);
    expect(checkPlan(plan!).findings).toEqual([]);
  });

  test("the purchasing pool reads as the same tables would alone", async () => {
    const alone = mergedPlanCells();
    for (const r of [...alone.keys()]) if (r > 1 && r < ROW.t1Title) alone.delete(r);
    const single = (await read(alone)).plan!;
    expect(single.pools).toBeUndefined();
    const merged = (await read(mergedPlanCells())).plan!;
    const purchasing = poolsOf(merged)[1].plan;
    for (const table of [
      "staffing",
      "staffCosts",
      "materialCosts",
      "totals",
      "contributions",
    ] as const) {
      expect(purchasing[table]).toEqual(single[table]);
    }
    expect(missingTables(merged)).toEqual([]);
    expect(missingTables(single)).toEqual([]);
  });

  test("the purchasing tables beside the policy pool, on the same rows: read and checked the same", async () => {
    // Columns A–F the policy pool, columns I– the purchasing tables moved up beside it.
    const cells = mergedPlanCells();
    const beside: Cells = new Map();
    for (const [r, row] of cells) {
      for (const [c, d] of row) {
        if (r >= ROW.t1Title) set(beside, r - ROW.t1Title + ROW.budgetTitle, c + 8, d);
        else set(beside, r, c, d);
      }
    }
    const { plan } = await read(beside);
    const pools = poolsOf(plan!);
    expect(pools.map((p) => p.name)).toEqual(["beleid", "verwerving"]);
    expect(pools[0].plan.source.tables).toEqual({
      "Tabel 6": at("A12:F30"),
      Begroting: at("A3:C10"),
    });
    expect(Object.keys(pools[1].plan.source.tables).sort()).toEqual([
      "Tabel 1",
      "Tabel 2",
      "Tabel 3",
      "Tabel 4",
      "Tabel 6",
    ]);
    const merged = (await read(mergedPlanCells())).plan!;
    expect(
      pools[1].plan.contributions!.rows.map((r) => r.values.get(2026)!.value.toString())
    ).toEqual(
      poolsOf(merged)[1].plan.contributions!.rows.map((r) => r.values.get(2026)!.value.toString())
    );
    expect(checkPlan(plan!).findings).toEqual([]);
  });
});
