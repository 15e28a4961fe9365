import Decimal from "decimal.js";
import fc from "fast-check";
import { change, changePartOf, compareContributions } from "../../src/core/compare";
import { compare } from "../../src/core/comparePlans";
import { PlanInputError } from "../../src/core/errors";
import { explainAll } from "../../src/core/explainChange";
import { Figure, Plan, StaffingRole, YearFigures } from "../../src/core/model";
import { D } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { hamilton } from "../support/hamilton";

const fig = (v: Decimal.Value, sheet?: string, address?: string): Figure => ({
  value: new D(v),
  ...(sheet && address ? { cell: { sheet, address } } : {}),
});

function years(values: Record<number, Decimal.Value | undefined>): YearFigures {
  const m: YearFigures = new Map();
  for (const [y, v] of Object.entries(values)) if (v !== undefined) m.set(Number(y), fig(v));
  return m;
}

interface Spec {
  name?: string;
  /** Keys in percent per municipality. */
  keys: Record<string, Decimal.Value>;
  /** Tabel 4 totals per year. */
  totals: Record<number, Decimal.Value>;
  /** Tabel 6 amounts per municipality per year. */
  stated?: Record<string, Record<number, Decimal.Value | undefined>>;
}

/** A plan with only what contributions need: Tabel 4 totals and Tabel 6 keys (and amounts). */
function makePlan({ name = "test.xlsx", keys, totals, stated = {} }: Spec): Plan {
  const ys = Object.keys(totals).map(Number);
  const names = Object.keys(keys);
  return {
    title: name,
    source: { kind: "workbook", name, tables: {} },
    municipalities: names,
    totals: {
      years: ys,
      staffYouth: { label: "formatiekosten jeugd", values: years(totals) },
      materialYouth: { label: "materiele kosten jeugd", values: new Map() },
      total: { label: "totaal", values: years(totals) },
    },
    contributions: {
      years: ys,
      rows: names.map((m, i) => ({
        label: m,
        labelCell: { sheet: "Tabel 6", address: `A${i + 2}` },
        municipality: m,
        key: { value: new D(keys[m]).div(100), decimals: 2 },
        values: years(stated[m] ?? {}),
      })),
      total: { label: "", values: new Map() },
    },
  };
}

const euros = (xs: Decimal[]) => xs.map((x) => x.toNumber());

describe("compareContributions, computed", () => {
  test("two years of one plan: the whole difference is total effect", () => {
    // Keys 50/30/20. 2024: 1000 → 500, 300, 200.
    // 2025: 1101 → 550,5 / 330,3 / 220,2 → floors 550/330/220 = 1100; the 1 left goes to the
    // largest remainder (Beek ,5) → 551, 330, 220. Differences 51, 30, 20.
    const plan = makePlan({
      keys: { Beek: 50, Stein: 30, Vaals: 20 },
      totals: { 2024: 1000, 2025: 1101 },
    });
    const c = compareContributions({ plan, year: 2024 }, { plan, year: 2025 });
    expect(c.rows.map((r) => r.municipality)).toEqual(["Beek", "Stein", "Vaals"]);
    expect(euros(c.rows.map((r) => r.old))).toEqual([500, 300, 200]);
    expect(euros(c.rows.map((r) => r.new))).toEqual([551, 330, 220]);
    expect(euros(c.rows.map((r) => r.difference))).toEqual([51, 30, 20]);
    expect(euros(c.rows.map((r) => r.totalEffect))).toEqual([51, 30, 20]);
    expect(euros(c.rows.map((r) => r.keyEffect))).toEqual([0, 0, 0]);
    // 51/500 = 10,2%; 30/300 = 10%; 20/200 = 10%.
    expect(c.rows.map((r) => r.percentage?.toNumber())).toEqual([0.102, 0.1, 0.1]);
    expect(c.totals.difference.toNumber()).toBe(101);
    expect(c.totals.keyEffect.toNumber()).toBe(0);
  });

  test("two plan versions, same year: new keys and a new total", () => {
    // Old: keys 50/30/20, total 1000 → 500, 300, 200.
    // New: keys 40/35/25, total 1201 → 480,4 / 420,35 / 300,25 → 480/420/300 = 1200,
    //   the 1 left to Beek (,4) → 481, 420, 300.
    // M (new total, old keys): 600,5 / 360,3 / 240,2 → 600/360/240, 1 left to Beek → 601, 360, 240.
    // Total effect = M − old = 101, 60, 40 (adds up to 201, the change of the total).
    // Key effect = new − M = −120, 60, 60 (adds up to 0).
    // Difference = −19, 120, 100 = 101 − 120, 60 + 60, 40 + 60.
    const oldPlan = makePlan({
      name: "oud.xlsx",
      keys: { Beek: 50, Stein: 30, Vaals: 20 },
      totals: { 2025: 1000 },
    });
    const newPlan = makePlan({
      name: "nieuw.xlsx",
      keys: { Beek: 40, Stein: 35, Vaals: 25 },
      totals: { 2025: 1201 },
    });
    const c = compareContributions({ plan: oldPlan, year: 2025 }, { plan: newPlan, year: 2025 });
    expect(euros(c.rows.map((r) => r.new))).toEqual([481, 420, 300]);
    expect(euros(c.rows.map((r) => r.difference))).toEqual([-19, 120, 100]);
    expect(euros(c.rows.map((r) => r.totalEffect))).toEqual([101, 60, 40]);
    expect(euros(c.rows.map((r) => r.keyEffect))).toEqual([-120, 60, 60]);
    // −19/500 = −3,8%; 120/300 = 40%; 100/200 = 50%.
    expect(c.rows.map((r) => r.percentage?.toNumber())).toEqual([-0.038, 0.4, 0.5]);
    expect(c.rows.map((r) => r.oldKey?.toNumber())).toEqual([0.5, 0.3, 0.2]);
    expect(c.rows.map((r) => r.newKey?.toNumber())).toEqual([0.4, 0.35, 0.25]);
    expect(c.totals.totalEffect.toNumber()).toBe(201);
    expect(c.totals.keyEffect.toNumber()).toBe(0);
    expect(c.old.name).toBe("oud.xlsx");
    expect(c.new.name).toBe("nieuw.xlsx");
  });

  test("only the key changes: the whole difference is key effect", () => {
    // Total 2000 both sides. Old keys 50/50 → 1000, 1000; new 45/55 → 900, 1100.
    // M = 2000 with old keys = 1000, 1000: total effect 0, key effect −100, +100.
    const a = makePlan({ name: "a", keys: { Beek: 50, Stein: 50 }, totals: { 2025: 2000 } });
    const b = makePlan({ name: "b", keys: { Beek: 45, Stein: 55 }, totals: { 2025: 2000 } });
    const c = compareContributions({ plan: a, year: 2025 }, { plan: b, year: 2025 });
    expect(euros(c.rows.map((r) => r.totalEffect))).toEqual([0, 0]);
    expect(euros(c.rows.map((r) => r.keyEffect))).toEqual([-100, 100]);
  });

  test("a municipality new in the second plan: its whole contribution is key effect", () => {
    // Old keys Beek 60, Stein 40, total 1000 → 600, 400. New keys 50/30/20, total 1000 →
    // 500, 300, 200. M = 1000 with 60/40/0 = 600, 400, 0: total effects 0; key effects
    // −100, −100, +200. Vaals had nothing, so it has no percentage.
    const a = makePlan({ name: "a", keys: { Beek: 60, Stein: 40 }, totals: { 2025: 1000 } });
    const b = makePlan({
      name: "b",
      keys: { Beek: 50, Stein: 30, Vaals: 20 },
      totals: { 2025: 1000 },
    });
    const c = compareContributions({ plan: a, year: 2025 }, { plan: b, year: 2025 });
    expect(c.rows.map((r) => r.municipality)).toEqual(["Beek", "Stein", "Vaals"]);
    expect(euros(c.rows.map((r) => r.old))).toEqual([600, 400, 0]);
    expect(euros(c.rows.map((r) => r.totalEffect))).toEqual([0, 0, 0]);
    expect(euros(c.rows.map((r) => r.keyEffect))).toEqual([-100, -100, 200]);
    expect(c.rows[2].percentage).toBeNull();
    expect(c.rows[2].oldKey).toBeNull();
  });

  test("a year the plan lacks is a clear error", () => {
    const plan = makePlan({ keys: { Beek: 100 }, totals: { 2024: 10 } });
    expect(() => compareContributions({ plan, year: 2024 }, { plan, year: 2030 })).toThrow(
      /2030.*Tabel 4/
    );
  });

  test("a negative key is refused with its cell", () => {
    const plan = makePlan({ keys: { Beek: 120, Stein: -20 }, totals: { 2024: 10, 2025: 20 } });
    plan.contributions!.rows[1].key!.cell = { sheet: "Tabel 6", address: "B3" };
    let error: unknown;
    try {
      compareContributions({ plan, year: 2024 }, { plan, year: 2025 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanInputError);
    expect((error as PlanInputError).cell).toEqual({ sheet: "Tabel 6", address: "B3" });
    expect((error as PlanInputError).nl).toMatch(/Stein/);
  });
});

describe("compareContributions, stated", () => {
  test("the published amounts: old shares carry the total effect, rounding lands in the key effect", () => {
    // Old amounts 334, 333, 333 (Σ 1000); new 367, 367, 366 (Σ 1100).
    // M = 1100 in proportion to 334/333/333 = 367,4 / 366,3 / 366,3 → 367/366/366 = 1099,
    //   1 left to Beek (,4) → 368, 366, 366.
    // Total effect = 34, 33, 33 (Σ 100). Key effect = 367 − 368, 367 − 366, 366 − 366 = −1, 1, 0.
    // Difference = 33, 34, 33.
    const plan = makePlan({
      keys: { Beek: 33.4, Stein: 33.3, Vaals: 33.3 },
      totals: { 2024: 1000, 2025: 1100 },
      stated: {
        Beek: { 2024: 334, 2025: 367 },
        Stein: { 2024: 333, 2025: 367 },
        Vaals: { 2024: 333, 2025: 366 },
      },
    });
    const c = compareContributions({ plan, year: 2024 }, { plan, year: 2025 }, "stated");
    expect(euros(c.rows.map((r) => r.difference))).toEqual([33, 34, 33]);
    expect(euros(c.rows.map((r) => r.totalEffect))).toEqual([34, 33, 33]);
    expect(euros(c.rows.map((r) => r.keyEffect))).toEqual([-1, 1, 0]);
    expect(c.totals.old.toNumber()).toBe(1000);
    expect(c.totals.new.toNumber()).toBe(1100);
    const texts = explainAll(c);
    expect(texts[0].text.nl).toMatch(/afronding in de gepubliceerde bedragen/);
    expect(texts[0].text.en).toMatch(/rounding in the published amounts/);
  });

  test("amounts with cents are split in cents", () => {
    // Old 10,50 and 9,50 (Σ 20); new 11,00 and 10,00 (Σ 21).
    // M = 21 in proportion to 10,5/9,5 = 11,025 / 9,975 → in cents 1102,5 / 997,5 → 1102 / 997,
    //   1 cent left; equal remainders go to the larger weight (Beek) → 11,03 / 9,97.
    // Total effect 0,53 / 0,47; key effect −0,03 / +0,03; difference 0,50 / 0,50.
    const plan = makePlan({
      keys: { Beek: 52.5, Stein: 47.5 },
      totals: { 2024: 20, 2025: 21 },
      stated: { Beek: { 2024: "10.5", 2025: 11 }, Stein: { 2024: "9.5", 2025: 10 } },
    });
    const c = compareContributions({ plan, year: 2024 }, { plan, year: 2025 }, "stated");
    expect(euros(c.rows.map((r) => r.totalEffect))).toEqual([0.53, 0.47]);
    expect(euros(c.rows.map((r) => r.keyEffect))).toEqual([-0.03, 0.03]);
  });

  test("an empty amount is an error naming the row's cell, not a silent 0", () => {
    const plan = makePlan({
      keys: { Beek: 50, Stein: 50 },
      totals: { 2024: 2, 2025: 2 },
      stated: { Beek: { 2024: 1, 2025: 1 }, Stein: { 2024: 1 } },
    });
    let error: unknown;
    try {
      compareContributions({ plan, year: 2024 }, { plan, year: 2025 }, "stated");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanInputError);
    expect((error as PlanInputError).nl).toBe("Tabel 6 geeft geen bedrag voor Stein in 2025");
    expect((error as PlanInputError).cell).toEqual({ sheet: "Tabel 6", address: "A3" });
  });

  test("a Tabel 6 row that names no participating municipality is an error, not lost money", () => {
    const plan = makePlan({
      keys: { Beek: 50, Stein: 50 },
      totals: { 2024: 2, 2025: 2 },
      stated: { Beek: { 2024: 1, 2025: 1 }, Stein: { 2024: 1, 2025: 1 } },
    });
    plan.contributions!.rows.push({
      label: "Nuth",
      labelCell: { sheet: "Tabel 6", address: "A9" },
      values: years({ 2024: 5, 2025: 5 }),
    });
    expect(() =>
      compareContributions({ plan, year: 2024 }, { plan, year: 2025 }, "stated")
    ).toThrow(PlanInputError);
  });
});

describe("keys from their components", () => {
  test("a changed component count shows as the reason for the changed key", () => {
    // Weights gelijk 50, jongeren 50. Old jongeren 100/100 → keys 0,25 + 0,25 = 0,5 each.
    // New jongeren Beek 300, Stein 100 → Beek 0,25 + 0,5 × 300/400 = 0,625, Stein 0,375.
    // Total 1000 both times: old 500/500, new 625/375; all key effect: +125, −125.
    const withComponents = (name: string, beek: number): Plan => {
      const p = makePlan({ name, keys: { Beek: 50, Stein: 50 }, totals: { 2025: 1000 } });
      p.keyComponents = {
        components: ["jongeren"],
        weights: new Map([
          ["gelijk", new D(50)],
          ["jongeren", new D(50)],
        ]),
        rows: [
          { municipality: "Beek", label: "Beek", values: new Map([["jongeren", fig(beek)]]) },
          { municipality: "Stein", label: "Stein", values: new Map([["jongeren", fig(100)]]) },
        ],
      };
      return p;
    };
    const c = compare(
      { plan: withComponents("a", 100), year: 2025 },
      { plan: withComponents("b", 300), year: 2025 }
    );
    expect(euros(c.rows.map((r) => r.keyEffect))).toEqual([125, -125]);
    expect(euros(c.rows.map((r) => r.totalEffect))).toEqual([0, 0]);
    const keys = c.tables.find((t) => t.table === "Sleutel")!.changes;
    expect(keys.map((k) => [k.line, k.old?.toNumber(), k.new?.toNumber()])).toEqual([
      ["Beek", 0.5, 0.625],
      ["Stein", 0.5, 0.375],
      ["Beek — jongeren", 100, 300],
    ]);
  });
});

describe("change (for UP.CHANGE)", () => {
  const plan = makePlan({
    keys: { Beek: 50, Stein: 30, Vaals: 20 },
    totals: { 2024: 1000, 2025: 1101 },
  });

  test("returns the difference or one of its parts, names resolved forgivingly", () => {
    // As in the first test: Beek 500 → 551.
    expect(change(plan, "beek", 2024, 2025).toNumber()).toBe(51);
    expect(change(plan, "Beek", 2024, 2025, "total").toNumber()).toBe(51);
    expect(change(plan, "Beek", 2024, 2025, "key").toNumber()).toBe(0);
    expect(change(plan, "Beek", 2025, 2024).toNumber()).toBe(-51);
  });

  test("an unknown municipality says which was meant", () => {
    expect(() => change(plan, "Staen", 2024, 2025)).toThrow(/Stein/);
  });

  test("part names in Dutch and English", () => {
    expect(changePartOf(undefined)).toBe("difference");
    expect(changePartOf("Verschil")).toBe("difference");
    expect(changePartOf("totaal")).toBe("total");
    expect(changePartOf("sleutel")).toBe("key");
    expect(changePartOf("key")).toBe("key");
    expect(() => changePartOf("sleutels")).toThrow(PlanInputError);
  });
});

describe("the embedded 2024 plan", () => {
  const plan = plan2024();
  // Tabel 6 keys in basis points, from the published plan; Tabel 4 totals 2024 and 2025.
  const bp = [353, 612, 404, 455, 290, 1197, 925, 551, 1643, 377, 287, 1582, 474, 256, 335, 259];
  const weights = bp.map(BigInt);

  test("2024 → 2025 computed: each difference is the change of its own allocation", () => {
    const c2024 = hamilton(2582231n, weights, [...MUNICIPALITIES]);
    const c2025 = hamilton(2183425n, weights, [...MUNICIPALITIES]);
    const c = compare({ plan, year: 2024 }, { plan, year: 2025 });
    expect(c.rows.map((r) => r.municipality)).toEqual([...MUNICIPALITIES]);
    c.rows.forEach((r, i) => {
      expect(r.old.toFixed()).toBe(c2024[i].toString());
      expect(r.new.toFixed()).toBe(c2025[i].toString());
      expect(r.difference.toFixed()).toBe((c2025[i] - c2024[i]).toString());
      // The keys are the same in both years, so all of it is total effect.
      expect(r.totalEffect.toFixed()).toBe((c2025[i] - c2024[i]).toString());
      expect(r.keyEffect.isZero()).toBe(true);
    });
    expect(c.totals.difference.toNumber()).toBe(2183425 - 2582231);
  });

  test("2024 → 2025 stated: differences of the published Tabel 6 amounts", () => {
    // Beek 91.153 → 77.075, Heerlen 309.093 → 261.356, Kerkrade 238.856 → 201.967.
    const c = compare({ plan, year: 2024 }, { plan, year: 2025 }, "stated");
    const row = (m: string) => c.rows.find((r) => r.municipality === m)!;
    expect(row("Beek").difference.toNumber()).toBe(77075 - 91153);
    expect(row("Heerlen").difference.toNumber()).toBe(261356 - 309093);
    expect(row("Kerkrade").difference.toNumber()).toBe(201967 - 238856);
    for (const r of c.rows) expect(r.totalEffect.plus(r.keyEffect).eq(r.difference)).toBe(true);
    // The published amounts add up to 2.582.233 and 2.183.426, not to the Tabel 4 totals.
    expect(c.totals.old.toNumber()).toBe(2582233);
    expect(c.totals.new.toNumber()).toBe(2183426);
  });

  test("per table: the roles, FTE and staff costs that changed from 2024 to 2025", () => {
    const c = compare({ plan, year: 2024 }, { plan, year: 2025 });
    const t1 = c.tables.find((t) => t.table === "Tabel 1")!;
    expect(t1.status).toBe("compared");
    const inkopers = t1.changes.find((x) => x.line === "Inkopers")!;
    expect([inkopers.kind, inkopers.old?.toNumber(), inkopers.new?.toNumber()]).toEqual([
      "changed",
      2,
      1.5,
    ]);
    const crisis = t1.changes.find((x) => x.line.startsWith("projectleiding inkoop Crisis"))!;
    expect(crisis.kind).toBe("removed");
    const total = t1.changes.find((x) => x.isTotal)!;
    // 19,3 → 16,8 fte: −2,5.
    expect(total.difference.toFixed()).toBe("-2.5");
    const t2 = c.tables.find((t) => t.table === "Tabel 2")!;
    // Staff costs jeugd 2.277.731 → 1.878.925: −398.806.
    expect(
      t2.changes.find((x) => x.line.startsWith("formatiekosten jeugd"))!.difference.toNumber()
    ).toBe(-398806);
    expect(c.tables.find((t) => t.table === "Tabel 3")!.changes).toEqual([]);
    expect(c.tables.find((t) => t.table === "Sleutel")!.changes).toEqual([]);
  });

  test("2023 → 2024: Tabel 2 has no 2023 column, which is said rather than guessed", () => {
    const c = compare({ plan, year: 2023 }, { plan, year: 2024 });
    const t2 = c.tables.find((t) => t.table === "Tabel 2")!;
    expect(t2.status).toBe("missing");
    expect(t2.note?.nl).toMatch(/oud: geen 2023/);
    const t3 = c.tables.find((t) => t.table === "Tabel 3")!;
    const flex = t3.changes.find((x) => x.line === "inhuur flex")!;
    expect([flex.kind, flex.old?.toNumber(), flex.new]).toEqual(["removed", 276500, null]);
    const wijzer = t3.changes.find((x) => x.line === "beschikbaarheidswijzer")!;
    expect([wijzer.kind, wijzer.new?.toNumber()]).toEqual(["added", 45000]);
  });

  test("a draft with changed keys and a new role: key changes and paragraphs", () => {
    const draft = plan2024();
    draft.source = { kind: "workbook", name: "concept-2025.xlsx", tables: {} };
    const rows = draft.contributions!.rows;
    rows.find((r) => r.municipality === "Beek")!.key = fig("0.0363");
    rows.find((r) => r.municipality === "Stein")!.key = fig("0.0464");
    const role: StaffingRole = {
      label: "Jurist",
      scale: fig(11),
      hired: false,
      values: years({ 2025: 1 }),
    };
    draft.staffing!.roles.push(role);
    const c = compare({ plan, year: 2025 }, { plan: draft, year: 2025 });
    const keys = c.tables.find((t) => t.table === "Sleutel")!.changes;
    expect(keys.map((k) => [k.line, k.old?.toNumber(), k.new?.toNumber()])).toEqual([
      ["Beek", 0.0353, 0.0363],
      ["Stein", 0.0474, 0.0464],
    ]);
    const jurist = c.tables.find((t) => t.table === "Tabel 1")!.changes[0];
    expect([jurist.line, jurist.kind, jurist.new?.toNumber()]).toEqual(["Jurist", "added", 1]);
    // Same total 2.183.425: no total effect. Beek's key +0,10 point, Stein's −0,10 point: the
    // key effect is the change of their own allocation, about € 2.183 either way.
    const before = hamilton(2183425n, weights, [...MUNICIPALITIES]);
    const after = hamilton(
      2183425n,
      bp.map((w, i) => BigInt(w + (i === 0 ? 10 : i === 12 ? -10 : 0))),
      [...MUNICIPALITIES]
    );
    const beek = c.rows.find((r) => r.municipality === "Beek")!;
    const stein = c.rows.find((r) => r.municipality === "Stein")!;
    expect(beek.totalEffect.isZero()).toBe(true);
    expect(beek.keyEffect.toFixed()).toBe((after[0] - before[0]).toString());
    expect(stein.keyEffect.toFixed()).toBe((after[12] - before[12]).toString());
    expect(Math.abs(beek.keyEffect.toNumber() - 2183)).toBeLessThanOrEqual(1);
    const text = explainAll(c).find((e) => e.municipality === "Beek")!.text;
    expect(text.nl).toContain("volgens concept-2025.xlsx");
    expect(text.nl).toContain("De verdeelsleutel van Beek stijgt van 3,53% naar 3,63%");
    const euro = beek.keyEffect.toFixed().replace(/^(\d)(\d{3})$/, "$1.$2");
    expect(text.nl).toContain(`dat is € ${euro} meer (sleuteleffect)`);
    expect(text.nl).toContain("gelijk gebleven");
    expect(text.en).toContain("The distribution key of Beek rises from 3.53% to 3.63%");
  });

  test("the paragraph for 2024 → 2025 names the figures", () => {
    const c = compare({ plan, year: 2024 }, { plan, year: 2025 });
    const beek = c.rows.find((r) => r.municipality === "Beek")!;
    const text = explainAll(c).find((e) => e.municipality === "Beek")!.text;
    // Beek: allocation of 2.582.231 and 2.183.425 with 3,53%: 91.153 and 77.075 (see above).
    expect(beek.old.toNumber()).toBe(91153);
    expect(beek.new.toNumber()).toBe(77075);
    expect(text.nl).toBe(
      "Beek betaalt in 2025 € 77.075; dat is € 14.078 minder dan in 2024 (€ 91.153), een daling van 15,44%. " +
        "De totale uitvoeringskosten jeugd dalen van € 2.582.231 naar € 2.183.425 " +
        "(-€ 398.806: formatiekosten jeugd -€ 398.806). " +
        "Met de oude verdeelsleutel van 3,53% betekent dat voor Beek € 14.078 minder (totaaleffect). " +
        "De verdeelsleutel is gelijk gebleven (3,53%), dus er is geen sleuteleffect."
    );
  });
});

describe("property: the parts add up exactly to the difference", () => {
  const names = MUNICIPALITIES.slice(0, 16);
  const side = fc.record({
    keys: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 16, maxLength: 16 }),
    total: fc.integer({ min: 0, max: 50_000_000 }),
  });
  // Any weights, made into keys that add up to 100% (keys that do not are refused, not renormalised).
  const toPlan = (s: { keys: number[]; total: number }, name: string, n: number) => {
    const weights = s.keys.slice(0, n).map((w, i) => new D(w + (i === 0 ? 1 : 0)));
    const whole = weights.reduce((a, b) => a.plus(b), new D(0));
    return makePlan({
      name,
      keys: Object.fromEntries(
        names.slice(0, n).map((m, i) => [m, weights[i].times(100).div(whole)])
      ),
      totals: { 2025: s.total },
    });
  };

  test("computed, any keys and totals, municipalities joining or leaving", () => {
    fc.assert(
      fc.property(
        side,
        side,
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 16 }),
        (a, b, na, nb) => {
          const c = compareContributions(
            { plan: toPlan(a, "a", na), year: 2025 },
            { plan: toPlan(b, "b", nb), year: 2025 }
          );
          for (const r of c.rows) {
            expect(r.totalEffect.plus(r.keyEffect).eq(r.difference)).toBe(true);
            expect(r.totalEffect.isInteger() && r.keyEffect.isInteger()).toBe(true);
          }
          expect(c.totals.totalEffect.toNumber()).toBe(b.total - a.total);
          expect(c.totals.keyEffect.isZero()).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  test("computed, same keys: never a key effect; same total: never a total effect", () => {
    fc.assert(
      fc.property(side, fc.integer({ min: 0, max: 50_000_000 }), (a, t) => {
        const p = toPlan(a, "a", 16);
        p.totals!.years.push(2026);
        p.totals!.total.values.set(2026, fig(t));
        const c = compareContributions({ plan: p, year: 2025 }, { plan: p, year: 2026 });
        for (const r of c.rows) expect(r.keyEffect.isZero()).toBe(true);
        const q = toPlan({ ...a, keys: [...a.keys].reverse() }, "q", 16);
        const d = compareContributions({ plan: p, year: 2025 }, { plan: q, year: 2025 });
        for (const r of d.rows) expect(r.totalEffect.isZero()).toBe(true);
      }),
      { numRuns: 200 }
    );
  });

  test("stated, any published amounts", () => {
    const amounts = fc.array(fc.integer({ min: 0, max: 1_000_000 }), {
      minLength: 16,
      maxLength: 16,
    });
    fc.assert(
      fc.property(amounts, amounts, (a, b) => {
        const stated = Object.fromEntries(
          names.map((m, i) => [m, { 2024: a[i] + (i === 0 ? 1 : 0), 2025: b[i] }])
        );
        const plan = makePlan({
          keys: Object.fromEntries(names.map((m) => [m, 6.25])),
          totals: { 2024: 0, 2025: 0 },
          stated,
        });
        const c = compareContributions({ plan, year: 2024 }, { plan, year: 2025 }, "stated");
        for (const r of c.rows) {
          expect(r.totalEffect.plus(r.keyEffect).eq(r.difference)).toBe(true);
          expect(r.totalEffect.isInteger()).toBe(true);
        }
        expect(c.totals.keyEffect.isZero()).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});
