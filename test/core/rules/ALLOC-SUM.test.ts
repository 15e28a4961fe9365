import { D } from "../../../src/core/money";
import { ALLOC_SUM } from "../../../src/core/rules/ALLOC-SUM";
import { consistentPlan, fig, setFigure } from "../../support/planBuilder";

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
      "Tabel 6, 2024: de bedragen van de gemeenten tellen op tot € 805.001, maar de totaalregel is € 805.000 (verschil +€ 1). Herstel met de grootste-restmethode: Beek € 99.418 → € 99.417"
    );
  });

  test("amounts that add up are not judged, even when another rounding would be fairer", () => {
    const plan = consistentPlan();
    setFigure(plan.contributions!.rows[0], 2024, "99.418");
    setFigure(plan.contributions!.rows[2], 2024, "268.306");
    expect(ALLOC_SUM.run(plan)).toEqual([]);
  });

  test("the repair may change several amounts, and fills empty ones", () => {
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
});
