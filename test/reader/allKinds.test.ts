import { address } from "../../src/core/address";
import { checkPlan } from "../../src/core/check";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { planKey } from "../../src/core/planKey";
import {
  ALL_DRIFTS,
  allKindsPlan,
  COMPONENTS,
  EARLIER_PLAN_RULES,
  KEY_YEAR,
  YEARS,
} from "../support/allKindsPlan";
import { map, readSheets, set } from "./sheetCells";

/*
 * An earlier plan with every kind of table on one sheet (test/support/allKindsPlan.ts): read
 * without binding, checked clean, and with one drift put into each table found exactly, with
 * its cells. The expected figures come from the fixture's own whole-number arithmetic.
 */

const SHEET = "Financieel";
const m = (name: string) => MUNICIPALITIES.indexOf(name);
const read = (cells: ReturnType<typeof allKindsPlan>["cells"]) =>
  readSheets([{ name: SHEET, cells }], "plan-2023.xlsx");

describe("an earlier plan with all kinds of table on one sheet", () => {
  test("every table is read where it stands, without binding", async () => {
    const f = allKindsPlan();
    const r = await read(f.cells);
    expect(r.notes.filter((n) => n.severity !== "info")).toEqual([]);
    const plan = r.plan!;
    expect(plan.source.tables).toEqual({
      Begroting: `${SHEET}!A3:F13`,
      Herberekening: `${SHEET}!A${f.rows.keyTitle}:K${f.rows.keyTotal}`,
      "Tabel 6": `${SHEET}!A${f.rows.contributionsFirst - 2}:F${f.rows.contributionsTotal}`,
      Toename: `${SHEET}!A${f.rows.changeFirst - 2}:E${f.rows.changeTotal}`,
    });
    const kt = plan.keyTable!;
    expect(kt.year).toBe(KEY_YEAR);
    expect(kt.components).toEqual(["gelijk", "jongeren", "toekenningen", "declaraties"]);
    expect([...kt.weights.values()].map((w) => w.value.toNumber())).toEqual([
      0.25, 0.25, 0.25, 0.25,
    ]);
    expect(kt.rows.map((row) => row.municipality)).toEqual(MUNICIPALITIES);
    const beek = kt.rows[0];
    expect(beek.shares.get("jongeren")?.value.toNumber()).toBe(COMPONENTS[0][1][0] / 10_000);
    expect(beek.shares.get("jongeren")?.decimals).toBe(2);
    expect(beek.key?.value.toNumber()).toBe(0.034);
    expect(beek.amounts.get("declaraties")?.cell).toEqual({
      sheet: SHEET,
      address: address(f.rows.keyFirst, 10),
    });
    expect(beek.amount?.value.toNumber()).toBe(f.rowTotals[0]);
    expect(kt.total.amount?.value.toNumber()).toBe(f.youth[YEARS.indexOf(KEY_YEAR)]);
    // The key the table gives: Σ 25% × share, Beek (6,25 + 2,70 + 2,54 + 2,12) / 4 = 3,4025%.
    const key = planKey(plan);
    expect(key.source).toBe("table");
    expect(key.keys.get("Beek")?.toNumber()).toBe(0.034025);
    MUNICIPALITIES.forEach((name, i) =>
      expect(key.keys.get(name)?.toNumber()).toBe(f.key40000[i] / 40_000)
    );
    const change = plan.contributionChange!;
    expect([change.oldYear, change.newYear]).toEqual([2023, 2024]);
    expect(change.rows.map((row) => row.municipality)).toEqual(MUNICIPALITIES);
    expect(change.rows[m("Stein")].percentage?.value.toNumber()).toBe(
      f.percentTenths[m("Stein")] / 1000
    );
    expect(change.total?.new?.value.toNumber()).toBe(f.youth[YEARS.indexOf(2024)]);
    expect(plan.contributions?.keyColumn).toBe(false);
    expect(plan.contributions?.years).toEqual(YEARS);
  });

  test("the check finds nothing when every table is right", async () => {
    const result = checkPlan((await read(allKindsPlan().cells)).plan!);
    expect(result.findings).toEqual([]);
    const status = new Map(result.rules.map((x) => [x.rule, x.status]));
    for (const rule of [
      "LINES-SUM",
      "SPLIT-SUM",
      "SPLIT-LABEL",
      "BUDGET-LINK",
      "ALLOC-AMOUNT",
      "ALLOC-SUM",
      ...EARLIER_PLAN_RULES,
    ] as const)
      expect([rule, status.get(rule)]).toEqual([rule, "ok"]);
  });

  test("titles are one clue: without them the key and change tables are known by their headers", async () => {
    const f = allKindsPlan();
    set(f.cells, f.rows.keyTitle, 1, undefined);
    set(f.cells, f.rows.changeFirst - 2, 1, undefined);
    const r = await read(f.cells);
    expect(r.notes.filter((n) => n.severity !== "info")).toEqual([]);
    expect(r.plan!.keyTable?.rows).toHaveLength(16);
    // Without its title the table names no year.
    expect(r.plan!.keyTable?.year).toBeUndefined();
    expect(r.plan!.contributionChange?.rows).toHaveLength(16);
    expect(r.plan!.source.tables["Tabel 6"]).toBe(
      `${SHEET}!A${f.rows.contributionsFirst - 2}:F${f.rows.contributionsTotal}`
    );
    expect(checkPlan(r.plan!).findings).toEqual([]);
  });

  test("one drift in each table: exactly those findings, each with its cells", async () => {
    const f = allKindsPlan(ALL_DRIFTS);
    const result = checkPlan((await read(f.cells)).plan!);
    const { rows } = f;
    const y = (year: number) => YEARS.indexOf(year);
    const T = f.youth[y(KEY_YEAR)];
    const stein = m("Stein");
    const vaals = m("Vaals");
    const increase = (i: number) => f.contributions[y(2024)][i] - f.contributions[y(2023)][i];
    const at = (r: number, c: number) => address(r, c);
    expect(
      result.findings.map((x) => ({
        rule: x.rule,
        table: x.table,
        cell: x.cell?.address,
        expected: x.expected?.toNumber(),
        actual: x.actual?.toNumber(),
      }))
    ).toEqual([
      // Overhead 2022 one euro short: the lines add up to the total − 1.
      {
        rule: "LINES-SUM",
        table: "Begroting",
        cell: at(rows.budgetTotal, 2),
        expected: f.totals[0] - 1,
        actual: f.totals[0],
      },
      // Maastricht's 2025 contribution one euro high: the 16 add up to the total + 1.
      {
        rule: "ALLOC-SUM",
        table: "Tabel 6",
        cell: at(rows.contributionsTotal, 2 + y(2025)),
        expected: f.youth[y(2025)],
        actual: f.youth[y(2025)] + 1,
      },
      // Kerkrade's key 0,10 pp above Σ 25% × share.
      {
        rule: "KEYTABLE-KEY",
        table: "Herberekening",
        cell: at(rows.keyFirst + m("Kerkrade"), 6),
        expected: f.key40000[m("Kerkrade")] / 40_000,
        actual: (f.shownKey[m("Kerkrade")] + 10) / 10_000,
      },
      // Heerlen's declaraties one euro high: its row adds up to one more than its total …
      {
        rule: "KEYTABLE-ROW",
        table: "Herberekening",
        cell: at(rows.keyFirst + m("Heerlen"), 11),
        expected: f.rowTotals[m("Heerlen")] + 1,
        actual: f.rowTotals[m("Heerlen")],
      },
      // … and the declaraties column to one more than the total row's T / 4.
      {
        rule: "KEYTABLE-COLUMN",
        table: "Herberekening",
        cell: at(rows.keyTotal, 10),
        expected: T / 4 + 1,
        actual: T / 4,
      },
      // Stein's increase one euro low …
      {
        rule: "CHANGE-INCREASE",
        table: "Toename",
        cell: at(rows.changeFirst + stein, 4),
        expected: increase(stein),
        actual: increase(stein) - 1,
      },
      // Vaals's percentage 0,3 pp high.
      {
        rule: "CHANGE-PERCENT",
        table: "Toename",
        cell: at(rows.changeFirst + vaals, 5),
        expected: increase(vaals) / f.contributions[y(2023)][vaals],
        actual: (f.percentTenths[vaals] + 3) / 1000,
      },
      // … so the increases add up to one less than the total row.
      {
        rule: "CHANGE-TOTAL",
        table: "Toename",
        cell: at(rows.changeTotal, 4),
        expected: f.youth[y(2024)] - f.youth[y(2023)] - 1,
        actual: f.youth[y(2024)] - f.youth[y(2023)],
      },
    ]);
    const byRule = new Map(result.findings.map((x) => [x.rule, x]));
    expect(byRule.get("KEYTABLE-ROW")?.cells.map((c) => c.address)).toContain(
      at(rows.keyFirst + m("Heerlen"), 10)
    );
    expect(byRule.get("CHANGE-INCREASE")?.cells.map((c) => c.address)).toEqual([
      at(rows.changeFirst + stein, 4),
      at(rows.changeFirst + stein, 2),
      at(rows.changeFirst + stein, 3),
    ]);
    expect(result.findings.every((x) => x.cells.every((c) => c.sheet === SHEET))).toBe(true);
  });
});

test("a table of counts under the component words is not a key calculation table", async () => {
  const f = allKindsPlan();
  // The key table's shares replaced by counts (jongeren 1.270, …), as a table of the key's inputs.
  for (let r = f.rows.keyFirst; r <= f.rows.keyTotal; r++)
    for (let c = 2; c <= 5; c++) {
      const cell = f.cells.get(r)?.get(c);
      if (cell && typeof cell.value === "number")
        set(f.cells, r, c, { value: Math.round(cell.value * 20_000), numFmt: "#,##0" });
    }
  const r = await read(f.cells);
  expect(r.plan!.keyTable).toBeUndefined();
  expect(r.plan!.contributionChange?.rows).toHaveLength(16);
});

test("wherever they stand: the key table beside the budget, the change table beside the contributions", async () => {
  const f = allKindsPlan();
  const { keyTitle, keyTotal, changeTotal } = f.rows;
  const changeTitle = f.rows.changeFirst - 2;
  const contributionsTitle = f.rows.contributionsFirst - 2;
  // Key table to H3 (rows up by keyTitle − 3, columns right by 7); change table to I<contributions title>.
  const moved = map(f.cells, (r, c, d) => {
    if (r >= keyTitle && r <= keyTotal) return [r - keyTitle + 3, c + 7, d];
    if (r >= changeTitle && r <= changeTotal)
      return [r - changeTitle + contributionsTitle, c + 8, d];
    return [r, c, d];
  });
  const r = await read(moved);
  expect(r.notes.filter((n) => n.severity !== "info")).toEqual([]);
  const last = 3 + keyTotal - keyTitle;
  expect(r.plan!.source.tables).toEqual({
    Begroting: `${SHEET}!A3:F13`,
    Herberekening: `${SHEET}!H3:R${last}`,
    "Tabel 6": `${SHEET}!A${contributionsTitle}:F${f.rows.contributionsTotal}`,
    Toename: `${SHEET}!I${contributionsTitle}:M${contributionsTitle + changeTotal - changeTitle}`,
  });
  expect(checkPlan(r.plan!).findings).toEqual([]);
  expect(planKey(r.plan!).keys.get("Beek")?.toNumber()).toBe(0.034025);
});

test("a key calculation table without its total row is not read, and that is said with the header's cell", async () => {
  const f = allKindsPlan();
  f.cells.delete(f.rows.keyTotal);
  const r = await read(f.cells);
  expect(r.plan!.keyTable).toBeUndefined();
  const notes = r.notes.filter((n) => n.table === "Herberekening");
  expect(notes.map((n) => [n.severity, n.cell?.address, n.message.nl])).toEqual([
    [
      "warning",
      `B${f.rows.keyHeader}`,
      `Herberekening verdeelsleutel: onder de kopregel op rij ${f.rows.keyHeader} staat geen totaalregel ('Totaal'); de tabel is niet gelezen`,
    ],
  ]);
  // The rest of the plan is read and checked as before.
  expect(r.plan!.contributionChange?.rows).toHaveLength(16);
  expect(checkPlan(r.plan!).findings).toEqual([]);
});
