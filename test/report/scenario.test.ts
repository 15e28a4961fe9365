import { plan2024 } from "../../src/core/plan2024";
import { D } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { compareKeys } from "../../src/report/keyComparison";
import { checkWeights, sameWeights, scenarioEffect } from "../../src/report/scenario";
import { consistentPlan } from "../support/planBuilder";

const texts = (o: Record<string, string>) => new Map(Object.entries(o));

describe("checkWeights", () => {
  it("reads Dutch numbers and percentages, and accepts weights that add up to 100", () => {
    const c = checkWeights(texts({ gelijk: "12,5", jongeren: "37,5%", toekenningen: "50" }));
    expect(c.problems.size).toBe(0);
    expect([...c.weights!].map(([k, v]) => [k, v.toNumber()])).toEqual([
      ["gelijk", 12.5],
      ["jongeren", 37.5],
      ["toekenningen", 50],
    ]);
  });

  it("refuses each wrong field with its own reason, and a total that is not 100", () => {
    const c = checkWeights(texts({ gelijk: "abc", jongeren: "-10", toekenningen: "", x: "120" }));
    expect(c.weights).toBeUndefined();
    expect([...c.problems].map(([k, m]) => [k, m.nl])).toEqual([
      ["gelijk", "'abc' is geen getal"],
      ["jongeren", "Een weging kan niet negatief zijn"],
      ["toekenningen", "Vul een weging in (0 als de component niet telt)"],
      ["x", "Een weging is hoogstens 100%"],
    ]);
    const total = checkWeights(texts({ gelijk: "40", jongeren: "65,5" }));
    expect(total.weights).toBeUndefined();
    expect(total.totalProblem?.nl).toBe("De wegingen tellen op tot 105,5%, niet tot 100%");
  });

  it("treats weights that differ only in a component left at 0 as the same", () => {
    expect(
      sameWeights(
        new Map([["a", new D(100)]]),
        new Map([
          ["a", new D(100)],
          ["b", new D(0)],
        ])
      )
    ).toBe(true);
    expect(sameWeights(new Map([["a", new D(100)]]), new Map([["a", new D(50)]]))).toBe(false);
  });
});

describe("scenarioEffect", () => {
  it("says when every key becomes the same, and how many cells that writes", () => {
    const plan = plan2024();
    plan.contributions!.rows.forEach((r, i) => {
      r.key!.cell = { sheet: "T6", address: `B${i}` };
      for (const f of r.values.values()) f.cell = { sheet: "T6", address: `C${i}` };
    });
    const rows = MUNICIPALITIES.map((m) => ({ municipality: m, values: new Map() }));
    const c = compareKeys(plan, rows, new Map([["gelijk", new D(100)]]));
    if (!c.ok) throw new Error("no comparison");
    const e = scenarioEffect(c.value, 2025);
    expect(e.flattened).toBe(true);
    expect(e.drastic).toBe(true);
    // 16 keys and 16 × 5 amounts, every one of them different from the plan's.
    expect(e.cells).toBe(96);
    expect(e.text.nl).toMatch(/^Alle 16 sleutels worden gelijk \(6,2500%\)/);
  });

  it("is not drastic when the keys move by less than a percentage point and a quarter", () => {
    const plan = consistentPlan();
    // Shares 12,36 / 40,10 / 33,32 / 14,22: each key moves by at most 0,01 point.
    const rows = [
      ["Beek", 1236],
      ["Heerlen", 4010],
      ["Maastricht", 3332],
      ["Vaals", 1422],
    ].map(([m, n]) => ({ municipality: m as string, values: new Map([["budget", new D(n)]]) }));
    const c = compareKeys(
      plan,
      rows,
      new Map([
        ["gelijk", new D(0)],
        ["budget", new D(100)],
      ])
    );
    if (!c.ok) throw new Error("no comparison");
    const e = scenarioEffect(c.value);
    expect(e.flattened).toBe(false);
    expect(e.drastic).toBe(false);
  });
});
