import { D } from "../../../src/core/money";
import { plan2024 } from "../../../src/core/plan2024";
import { KEY_SUM } from "../../../src/core/rules/KEY-SUM";
import { consistentPlan, fig, PlanBuilder } from "../../support/planBuilder";

/** A Tabel 6 with the given keys and no amounts. */
function withKeys(keys: string[], totalKey = "") {
  const names = ["Beek", "Heerlen", "Maastricht", "Vaals"].slice(0, keys.length);
  return new PlanBuilder(names)
    .contributions(
      [2024],
      keys.map((k, i) => [names[i], k, ""]),
      ["totaal", totalKey, ""]
    )
    .build();
}

describe("KEY-SUM", () => {
  test("silent when the keys add up to 100%", () => {
    expect(KEY_SUM.run(consistentPlan())).toEqual([]);
    expect(KEY_SUM.run(plan2024())).toEqual([]);
  });

  // Four keys with 2 decimals may miss 100% by 4 × 0,005 = 0,02 percentage point.
  test.each([
    [["12,37%", "40,10%", "33,33%", "14,22%"], 0],
    [["12,33%", "40,10%", "33,33%", "14,22%"], 0],
    [["12,38%", "40,10%", "33,33%", "14,22%"], 1],
    [["12,32%", "40,10%", "33,33%", "14,22%"], 1],
  ])("keys %j give %i findings", (keys, count) => {
    expect(KEY_SUM.run(withKeys(keys))).toHaveLength(count);
  });

  test("keys with 1 decimal may each be 0,05 point off", () => {
    // 4 × 0,05 = 0,2 point: 100,2% passes, 100,3% does not.
    expect(KEY_SUM.run(withKeys(["12,5%", "40,1%", "33,4%", "14,2%"]))).toEqual([]);
    expect(KEY_SUM.run(withKeys(["12,6%", "40,1%", "33,4%", "14,2%"]))).toHaveLength(1);
  });

  test("the finding names the sum, the difference and what rounding allows", () => {
    const plan = consistentPlan();
    const beek = plan.contributions!.rows[0];
    beek.key = fig("13,35%", { sheet: "Tabel 6", address: "B2" });
    const [f, ...rest] = KEY_SUM.run(plan);
    // 13,35 + 40,10 + 33,33 + 14,22 = 101,00%; and the total row's 100,00% no longer matches.
    expect(f).toMatchObject({
      rule: "KEY-SUM",
      severity: "error",
      table: "Tabel 6",
      expected: new D(1),
      actual: new D("1.01"),
      unit: "fraction",
      cell: { sheet: "Tabel 6", address: "B6" },
    });
    expect(f.message.nl).toBe(
      "Tabel 6: de 4 verdeelsleutels tellen op tot 101%, niet tot 100% (verschil +1%; door afronding toegestaan: 0,02%)"
    );
    expect(rest.map((r) => [r.expected, r.actual, r.cell?.address])).toEqual([
      [new D("1.01"), new D(1), "B6"],
    ]);
  });

  test("a total row key that is not the sum of the keys is reported", () => {
    const found = KEY_SUM.run(withKeys(["25,00%", "25,00%", "25,00%", "25,00%"], "99,00%"));
    expect(found.map((f) => [f.expected, f.actual])).toEqual([[new D(1), new D("0.99")]]);
    expect(found[0].message.nl).toContain("de totaalregel noemt als sleutel 99,00%");
    expect(KEY_SUM.run(withKeys(["25,00%", "25,00%", "25,00%", "25,00%"], "100,02%"))).toEqual([]);
    expect(
      KEY_SUM.run(withKeys(["25,00%", "25,00%", "25,00%", "25,00%"], "100,03%")).map(
        (f) => f.actual
      )
    ).toEqual([new D("1.0003")]);
  });

  test("a municipality without a key is reported by name", () => {
    const found = KEY_SUM.run(withKeys(["50,00%", ""]));
    expect(found.map((f) => [f.municipality, f.message.nl])).toEqual([
      ["Heerlen", "Tabel 6, Heerlen: de verdeelsleutel ontbreekt"],
      [null, expect.stringContaining("tellen op tot 50%")],
    ]);
  });
});
