import { checkPlan } from "../../src/core/check";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { planKey } from "../../src/core/planKey";
import { readPlanFromBuffer } from "../../src/workbook/read";
import { EARLIER_PLAN_RULES } from "../support/allKindsPlan";
import {
  keyTemplate,
  keyTemplateFile,
  KeyTemplate,
  KeyTemplateTable,
  oldContribution,
  rowTotal,
  shares,
  TOTAL,
} from "../support/templateKeyTables";

/*
 * UP_Herberekening and UP_Toename in the template (test/support/templateKeyTables.ts): read into
 * the same plan fields as the published tables, checked by the same rules, findings at the
 * template's cells. Expected figures come from the fixture's whole-number arithmetic.
 */

const m = (name: string) => MUNICIPALITIES.indexOf(name);
const row = (name: string) => m(name) + 3;

async function read(t: KeyTemplate, tables?: KeyTemplateTable[]) {
  return readPlanFromBuffer(await keyTemplateFile(t, tables), "sjabloon.xlsx");
}

async function findings(edit: (t: KeyTemplate) => void) {
  const t = keyTemplate();
  edit(t);
  const r = await read(t);
  expect(r.notes.filter((n) => n.severity === "error")).toEqual([]);
  return checkPlan(r.plan!).findings.map((f) => [
    f.rule,
    f.cell && `${f.cell.sheet}!${f.cell.address}`,
    f.expected?.toString(),
    f.actual?.toString(),
  ]);
}

describe("the key calculation and change tables in the template", () => {
  test("are read into plan.keyTable and plan.contributionChange, and check clean", async () => {
    const r = await read(keyTemplate(), ["key", "change", "contributions"]);
    expect(r.notes.filter((n) => n.severity !== "info")).toEqual([]);
    expect(r.layout).toBe("template");
    const plan = r.plan!;
    expect(plan.source.tables).toEqual({
      Herberekening: "Herberekening!A1:K19",
      Toename: "Toename!A1:E18",
      "Tabel 6": "Bijdragen!A1:C18",
    });
    const kt = plan.keyTable!;
    expect(kt.year).toBe(2025);
    expect(kt.components).toEqual(["gelijk", "jongeren", "toekenningen", "declaraties"]);
    expect([...kt.weights.values()].map((w) => w.value.toNumber())).toEqual([
      0.25, 0.25, 0.25, 0.25,
    ]);
    expect(kt.rows.map((x) => x.municipality)).toEqual(MUNICIPALITIES);
    const beek = kt.rows[0];
    // Beek: (625 + 270 + 254 + 212) / 40 000 = 0,0034025; 40 × 1.361 = 54.440.
    expect(beek.key?.value.toNumber()).toBe(0.034025);
    expect(beek.key?.cell).toEqual({ sheet: "Herberekening", address: "F3" });
    expect(beek.amounts.get("jongeren")?.value.toNumber()).toBe(10_800);
    expect(beek.amount?.value.toNumber()).toBe(54_440);
    expect(kt.total.amount?.value.toNumber()).toBe(TOTAL);
    const ch = plan.contributionChange!;
    expect([ch.oldYear, ch.newYear]).toEqual([2024, 2025]);
    expect(ch.rows[0].old?.value.toNumber()).toBe(54_440 - 2_000);
    expect(ch.rows[0].increase?.cell).toEqual({ sheet: "Toename", address: "D2" });
    const result = checkPlan(plan);
    expect(result.findings).toEqual([]);
    const ran = result.rules.filter((x) => x.status === "ok").map((x) => x.rule);
    for (const id of [...EARLIER_PLAN_RULES, "ALLOC-AMOUNT"]) expect(ran).toContain(id);
    // The plan's key is the table's: Σ weight × share.
    expect(planKey(plan).keys.get("Beek")?.toNumber()).toBe(0.034025);
  });

  test("columns in another order are read by their headers", async () => {
    const t = keyTemplate();
    // Amounts first, then the key, then the shares: `Aandeel`/`Bedrag` say which is which.
    const order = [0, 6, 7, 8, 9, 10, 5, 1, 2, 3, 4];
    t.key = t.key.map((r) => order.map((c) => r[c]));
    const r = await read(t);
    expect(r.notes.filter((n) => n.severity === "error")).toEqual([]);
    const beek = r.plan!.keyTable!.rows[0];
    expect(beek.shares.get("jongeren")?.value.toNumber()).toBe(0.027);
    expect(beek.amounts.get("jongeren")?.value.toNumber()).toBe(10_800);
    expect(checkPlan(r.plan!).findings).toEqual([]);
  });

  test("a share mistyped (Beek jongeren 2,80% for 2,70%): its column, its key and its amount", async () => {
    const found = await findings((t) => (t.key[row("Beek") - 1][2] = 0.028));
    // Jongeren: 10 000 + 10 = 10 010 hundredths; Beek's key (625 + 280 + 254 + 212) / 40 000;
    // its amount 25% × 1.600.000 × 2,80% = 11.200 where 10.800 stands.
    expect(found).toEqual([
      ["KEYTABLE-SHARES", "Herberekening!C19", "1", "1.001"],
      ["KEYTABLE-KEY", "Herberekening!F3", String(1371 / 40_000), String(1361 / 40_000)],
      ["KEYTABLE-AMOUNT", "Herberekening!H3", "11200", "10800"],
    ]);
  });

  test("a key that is not Σ weight × share (Heerlen + 0,10 point)", async () => {
    const k = shares(m("Heerlen")).reduce((a, b) => a + b, 0);
    const found = await findings((t) => (t.key[row("Heerlen") - 1][5] = (k + 40) / 40_000));
    expect(found).toEqual([
      ["KEYTABLE-KEY", "Herberekening!F8", String(k / 40_000), String((k + 40) / 40_000)],
    ]);
  });

  test("a row's amounts that miss its total (Kerkrade's total one euro high)", async () => {
    const total = rowTotal(m("Kerkrade"));
    const found = await findings((t) => (t.key[row("Kerkrade") - 1][10] = total + 1));
    expect(found).toEqual([
      ["KEYTABLE-ROW", "Herberekening!K9", String(total), String(total + 1)],
      ["KEYTABLE-COLUMN", "Herberekening!K19", String(TOTAL + 1), String(TOTAL)],
    ]);
  });

  test("an increase that is not new − old (Stein one euro low) and a percentage off (Vaals)", async () => {
    const stein = m("Stein");
    const vaals = m("Vaals");
    const increase = rowTotal(stein) - oldContribution(stein);
    const found = await findings((t) => {
      t.change[stein + 1][3] = increase - 1;
      t.change[vaals + 1][4] = (t.change[vaals + 1][4] as number) + 0.003;
    });
    const vaalsIncrease = rowTotal(vaals) - oldContribution(vaals);
    const oldSum = MUNICIPALITIES.reduce((a, _, i) => a + oldContribution(i), 0);
    const found4 = found.map((f) => f.slice(0, 2));
    expect(found4).toEqual([
      ["CHANGE-INCREASE", `Toename!D${stein + 2}`],
      ["CHANGE-PERCENT", `Toename!E${vaals + 2}`],
      ["CHANGE-TOTAL", "Toename!D18"],
    ]);
    expect(found[0].slice(2)).toEqual([String(increase), String(increase - 1)]);
    // Vaals: increase ÷ old, shown with one decimal, now 0,3 point higher.
    expect(Number(found[1][2])).toBeCloseTo(vaalsIncrease / oldContribution(vaals), 12);
    expect(found[2].slice(2)).toEqual([String(TOTAL - oldSum - 1), String(TOTAL - oldSum)]);
  });

  test("shares as Excel computes them (count ÷ total, every digit of a double): the key, no note", async () => {
    const t = keyTemplate();
    for (let k = 1; k <= 3; k++) {
      const counts = MUNICIPALITIES.map((_, i) => shares(i)[k] * 7 + 3);
      const total = counts.reduce((a, b) => a + b, 0);
      counts.forEach((c, i) => (t.key[i + 2][k + 1] = c / total));
    }
    const r = await read(t);
    const key = planKey(r.plan!);
    expect(key.source).toBe("table");
    // The decimals of the doubles add up to 1 ± 1e-16, not to 1.
    expect(key.sum.eq(1)).toBe(false);
    expect(key.sum.minus(1).abs().toNumber()).toBeLessThan(1e-15);
    expect(key.notes).toEqual([]);
  });

  test("a template without these tables reads as before: the stated keys, no remark", async () => {
    const r = await read(keyTemplate(), ["contributions"]);
    expect(r.notes.filter((n) => n.severity !== "info")).toEqual([]);
    expect(r.notes.map((n) => n.message.nl).join("\n")).not.toMatch(/herberekening|toename/i);
    const plan = r.plan!;
    expect([plan.keyTable, plan.contributionChange]).toEqual([undefined, undefined]);
    expect(plan.source.tables).toEqual({ "Tabel 6": "Bijdragen!A1:C18" });
    expect(planKey(plan).source).toBe("cell");
    expect(checkPlan(plan).findings).toEqual([]);
  });
});
