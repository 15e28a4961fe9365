import { D } from "../../../src/core/money";
import { ALLOC_SUM } from "../../../src/core/rules/ALLOC-SUM";
import { allocate } from "../../../src/core/allocate";
import { budgetPlan } from "../../support/budgetPlan";
import { consistentPlan, fig, setFigure } from "../../support/planBuilder";
import { ROWS, roundedKeysPlan, TOTALS, YEARS } from "../../support/roundedKeysPlan";
import { planKey } from "../../../src/core/planKey";
import { mergedExample } from "../../../src/workbook/poolsExample";

describe("ALLOC-SUM", () => {
  test("silent when the amounts add up to the total row", () => {
    expect(ALLOC_SUM.run(consistentPlan())).toEqual([]);
  });

  test("a euro too many is reported with the amounts that repair it", () => {
    const plan = consistentPlan();
    // Beek 99.417,50 rounded half up: 99.418, and the year adds up to 805.001.
    setFigure(plan.contributions!.rows[0], 2024, "99.418");
    const found = ALLOC_SUM.run(plan);
    expect(found).toHaveLength(1);
    const f = found[0];
    expect(f).toMatchObject({
      rule: "ALLOC-SUM",
      severity: "error",
      table: "Tabel 6",
      year: 2024,
      line: "totaal",
      expected: new D(805000),
      actual: new D(805001),
      cell: { sheet: "Tabel 6", address: "C6" },
    });
    expect(f.cells.map((c) => c.address)).toEqual(["C6", "C2", "C3", "C4", "C5"]);
    // Largest remainders: Beek and Maastricht both ,50; the tie goes to the larger key
    // (Maastricht 33,33%), so Beek goes back to 99.417.
    expect(f.fix).toEqual([
      {
        municipality: "Beek",
        year: 2024,
        cell: { sheet: "Tabel 6", address: "C2" },
        from: new D(99418),
        to: new D(99417),
      },
    ]);
    expect(f.message.nl).toBe(
      "Tabel 6, 2024: de bedragen van de gemeenten tellen op tot € 805.001, maar de totaalregel is € 805.000 (verschil +€ 1). Herstel: 1 bedrag € 1 lager, gekozen naar de grootste rest met de sleutels van Tabel 6: Beek ('Tabel 6'!C2) € 99.418 → € 99.417"
    );
  });

  test("amounts that add up are not judged, even when another rounding would be fairer", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.rows[0], 2024, "99.418");
    setFigure(plan.contributions!.rows[2], 2024, "268.306");
    expect(ALLOC_SUM.run(plan)).toEqual([]);
  });

  test("an amount that does not fit its key becomes key × total: an empty cell is filled", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.rows[3], 2025, "");
    const [f] = ALLOC_SUM.run(plan);
    expect([f.expected, f.actual]).toEqual([new D(980000), new D(980000 - 139356)]);
    expect(f.fix).toEqual([
      expect.objectContaining({ municipality: "Vaals", from: new D(0), to: new D(139356) }),
    ]);
  });

  test("without a usable key for every row the finding has no repair", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.rows[0], 2024, "99.418");
    delete plan.contributions!.rows[1].key;
    const [f] = ALLOC_SUM.run(plan);
    expect(f.fix).toBeUndefined();
    expect(f.message.nl).not.toContain("Herstel");
  });

  test("a total in cents gets no repair in whole euros", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.total, 2024, "805.000,50");
    const [f] = ALLOC_SUM.run(plan);
    expect(f.actual!.minus(f.expected!)).toEqual(new D("-0.5"));
    expect(f.fix).toBeUndefined();
  });

  test("duplicate names get no repair: it could not say which row to change", () => {
    const plan = consistentPlan();
    const rows = plan.contributions!.rows;
    rows[3] = { ...rows[3], label: "Beek", municipality: "Beek", key: fig("14,22%") };
    setFigure(rows[0], 2024, "99.418");
    expect(ALLOC_SUM.run(plan)[0].fix).toBeUndefined();
  });

  test("a total row that is not Tabel 4's gets no repair, and the message says why", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.rows[0], 2024, "99.418");
    setFigure(plan.totals!.total, 2024, "805.100");
    const [f] = ALLOC_SUM.run(plan);
    expect(f.fix).toBeUndefined();
    expect(f.message.nl).toContain(
      "Geen herstel voorgesteld: de totaalregel zelf (€ 805.000) is niet het Tabel 4-totaal (€ 805.100, zie ALLOC-LINK); herstel eerst het totaal, dan de bedragen"
    );
  });

  test("without Tabel 4, a total row that is not the budget's total gets no repair either", () => {
    const plan = budgetPlan("980.100");
    setFigure(plan.contributions!.rows[0], 2025, "121.031");
    const [f] = ALLOC_SUM.run(plan);
    expect([f.year, f.fix]).toEqual([2025, undefined]);
    expect(f.message.nl).toContain(
      "Geen herstel voorgesteld: de totaalregel zelf (€ 980.000) is niet het te verdelen bedrag van de begroting (€ 980.100, zie BUDGET-LINK); herstel eerst het totaal, dan de bedragen"
    );
  });

  test("without Tabel 4, a drift under the budget's own total is repaired by € 1", () => {
    const plan = budgetPlan("980.000");
    setFigure(plan.contributions!.rows[0], 2025, "121.031");
    const [f] = ALLOC_SUM.run(plan);
    expect(f.fix!.map(({ municipality, from, to }) => [municipality, from, to])).toEqual([
      ["Beek", new D(121031), new D(121030)],
    ]);
  });

  test("a difference larger than rounding can cause gets no repair of euros", () => {
    const plan = consistentPlan();
    // Each amount within the rounded keys' tolerance (€ 41,25), together € 80 too much.
    setFigure(plan.contributions!.rows[0], 2024, "99.437");
    setFigure(plan.contributions!.rows[1], 2024, "322.825");
    setFigure(plan.contributions!.rows[2], 2024, "268.326");
    setFigure(plan.contributions!.rows[3], 2024, "114.492");
    const [f] = ALLOC_SUM.run(plan);
    expect(f.actual!.minus(f.expected!)).toEqual(new D(80));
    expect(f.fix).toBeUndefined();
    expect(f.message.nl).toContain(
      "Geen herstel voorgesteld: een verschil van € 80 is meer dan de afronding van 4 bedragen kan geven"
    );
  });
});

/*
 * The invented plan of roundedKeysPlan: keys shown with 2 decimals, amounts computed with
 * keys of 4. The expected repair is worked out here in integers: key 5,0616% = 50616
 * millionths, so an amount's excess over key × total is amount × 10^6 − key × total.
 */
describe("ALLOC-SUM on rounded keys: a drift of d euros changes d amounts by € 1", () => {
  const plan = roundedKeysPlan();
  const found = ALLOC_SUM.run(plan);
  const drift = { 2025: 1, 2026: -2, 2027: 3, 2028: 0 } as const;

  function byHand(year: (typeof YEARS)[number]) {
    const i = YEARS.indexOf(year);
    const total = BigInt(TOTALS[year].replace(/\./g, ""));
    const d = drift[year];
    const rows = ROWS.map(([m, key, ...amounts]) => {
      const k = BigInt(key.replace(/[,%]/g, ""));
      const amount = BigInt(amounts[i].replace(/\./g, ""));
      // d > 0: the amounts rounded up furthest lose a euro; d < 0: those rounded down furthest gain one.
      const gap = d > 0 ? amount * 1_000_000n - k * total : k * total - amount * 1_000_000n;
      return { m, k, amount, gap };
    });
    rows.sort((a, b) =>
      a.gap !== b.gap ? (b.gap > a.gap ? 1 : -1) : d > 0 ? (a.k < b.k ? -1 : 1) : a.k > b.k ? -1 : 1
    );
    return rows.slice(0, Math.abs(d)).map((r) => ({
      municipality: r.m,
      from: new D(r.amount.toString()),
      to: new D((r.amount - BigInt(Math.sign(d))).toString()),
    }));
  }

  test.each([2025, 2026, 2027] as const)("%i", (year) => {
    const f = found.find((x) => x.year === year)!;
    expect(f.actual!.minus(f.expected!).toNumber()).toBe(drift[year]);
    const expected = byHand(year);
    expect(expected).toHaveLength(Math.abs(drift[year]));
    expect(f.fix!.map(({ municipality, from, to }) => ({ municipality, from, to }))).toEqual(
      expect.arrayContaining(expected)
    );
    expect(f.fix).toHaveLength(expected.length);
    expect(f.message.nl).toContain(
      "gekozen naar de grootste rest met de sleutels die de bedragen van 2025–2028 geven"
    );
    for (const x of f.fix!) expect(f.message.nl).toContain(`${x.municipality} ('Tabel 6'!`);
  });

  test("2028 adds up and is not reported", () => {
    expect(found.map((f) => f.year)).toEqual([2025, 2026, 2027]);
  });

  test("the repair a reallocation with the shown keys would have made changes far more", () => {
    // What the repair used to be: the 2027 total allocated with the rounded keys.
    const t6 = plan.contributions!;
    const reallocated = allocate(
      new D(2802128),
      t6.rows.map((r) => ({ id: r.municipality!, key: r.key!.value }))
    );
    const changed = t6.rows.filter((r, i) => !r.values.get(2027)!.value.eq(reallocated[i]));
    const largest = Math.max(
      ...t6.rows.map((r, i) => r.values.get(2027)!.value.minus(reallocated[i]).abs().toNumber())
    );
    expect(changed.length).toBeGreaterThanOrEqual(14);
    expect(largest).toBeGreaterThan(100);
    expect(found.find((x) => x.year === 2027)!.fix).toHaveLength(3);
  });
});

describe("ALLOC-SUM with a Tabel 6 row whose name cell was emptied", () => {
  /** roundedKeysPlan with the name of the row the 2027 repair changes first emptied. */
  function nameless() {
    const plan = roundedKeysPlan({ keyCells: "full" });
    const before = ALLOC_SUM.run(plan);
    const target = before.find((f) => f.year === 2027)!.fix![0].municipality;
    const row = plan.contributions!.rows.find((r) => r.municipality === target)!;
    delete row.municipality;
    row.label = "";
    return { plan, before, target, row };
  }

  test("the repair is the same, and names that row by its row and cell, not by a blank", () => {
    const { plan, before, target, row } = nameless();
    const after = ALLOC_SUM.run(plan);
    const repairs = (fs: typeof after) =>
      fs.map((f) =>
        (f.fix ?? []).map((x) => [x.cell!.address, x.from.toString(), x.to.toString()])
      );
    expect(repairs(after)).toEqual(repairs(before));
    const f = after.find((x) => x.year === 2027)!;
    const x = f.fix!.find((y) => y.municipality === "")!;
    const amountCell = row.values.get(2027)!.cell!;
    expect(x.cell).toEqual(amountCell);
    const n = amountCell.address.replace(/\D/g, "");
    expect(f.message.nl).toContain(`rij ${n} ('Tabel 6'!${amountCell.address}) € `);
    expect(f.message.en).toContain(`row ${n} ('Tabel 6'!${amountCell.address}) € `);
    expect(f.message.nl).not.toContain(target);
    expect(f.message.nl).not.toMatch(/[:,] \(/);
  });

  test("a row without its name and without its key gets no repair, and the cell is said", () => {
    const { plan, row } = nameless();
    delete row.key;
    const f = ALLOC_SUM.run(plan).find((x) => x.year === 2027)!;
    expect(f.fix).toBeUndefined();
    expect(f.message.nl).toContain(
      `Geen herstel voorgesteld: een rij van Tabel 6 heeft geen gemeentenaam en geen sleutel ('Tabel 6'!${row.labelCell!.address})`
    );
    // A table with a title of its own (a policy pool's) is named by it.
    plan.source.titles = { "Tabel 6": "Dekking kosten regio-samenwerking" };
    expect(ALLOC_SUM.run(plan).find((x) => x.year === 2027)!.message.nl).toContain(
      "een rij van Dekking kosten regio-samenwerking heeft geen gemeentenaam en geen sleutel"
    );
  });
});

/*
 * The merged example's purchasing pool: keys from its key calculation table (weight × share),
 * shown in Tabel 6 with 2 decimals, so an amount a few euros off still fits its key's rounding
 * (ALLOC-AMOUNT is silent). The year's drift is then the only trace of the typo.
 */
describe("ALLOC-SUM on a key table's keys: amounts typed a few euros off", () => {
  function purchasing() {
    const plan = mergedExample().pools!.find((p) => p.name === "verwerving")!.plan;
    expect(planKey(plan).source).toBe("table");
    const t6 = plan.contributions!;
    const year = t6.years[0];
    const row = (m: string) => t6.rows.find((r) => r.municipality === m)!;
    const amount = (m: string) => row(m).values.get(year)!.value;
    const type = (m: string, euros: number) =>
      setFigure(row(m), year, amount(m).plus(euros).toString());
    return { plan, year, amount, type };
  }

  test("one amount € 7 too high takes all seven steps back, not six others a euro each", () => {
    const { plan, year, amount, type } = purchasing();
    const beek = amount("Beek");
    type("Beek", 7);
    const [f] = ALLOC_SUM.run(plan);
    expect(f.year).toBe(year);
    expect(f.fix!.map(({ municipality, from, to }) => [municipality, from, to])).toEqual([
      ["Beek", beek.plus(7), beek],
    ]);
    expect(f.message.nl).toMatch(/Herstel: 1 bedrag € 7 lager, gekozen naar de grootste rest/);
  });

  test("two amounts too high each go back; the message says what they move together", () => {
    const { plan, amount, type } = purchasing();
    const [beek, heerlen] = [amount("Beek"), amount("Heerlen")];
    type("Beek", 3);
    type("Heerlen", 4);
    const [f] = ALLOC_SUM.run(plan);
    expect(f.fix!.map(({ municipality, from, to }) => [municipality, from, to])).toEqual([
      ["Beek", beek.plus(3), beek],
      ["Heerlen", heerlen.plus(4), heerlen],
    ]);
    expect(f.message.nl).toContain("2 bedragen samen € 7 lager");
    expect(f.message.en).toContain("2 amounts € 7 together lower");
  });

  test("a drift of rounding still moves that many amounts a euro each", () => {
    const { plan, type } = purchasing();
    ["Beek", "Heerlen", "Vaals"].forEach((m) => type(m, 1));
    const [f] = ALLOC_SUM.run(plan);
    expect(f.fix).toHaveLength(3);
    for (const x of f.fix!) expect(x.from.minus(x.to).toNumber()).toBe(1);
    expect(f.message.nl).toContain("3 bedragen € 1 lager");
  });
});
