import { D } from "../../../src/core/money";
import { plan2024 } from "../../../src/core/plan2024";
import { KEY_RECOMPUTE } from "../../../src/core/rules/KEY-RECOMPUTE";
import { PlanBuilder } from "../../support/planBuilder";

/*
 * Components chosen by hand (weights 25/25/25/25):
 *            jongeren        toekenningen   declaraties      key
 * Beek       1000 (10%)      50 (10%)       200 (20%)        (25 + 10 + 10 + 20) / 4 = 16,25%
 * Heerlen    3000 (30%)     150 (30%)       200 (20%)        (25 + 30 + 30 + 20) / 4 = 26,25%
 * Maastricht 4000 (40%)     250 (50%)       400 (40%)        (25 + 40 + 50 + 40) / 4 = 38,75%
 * Vaals      2000 (20%)      50 (10%)       200 (20%)        (25 + 20 + 10 + 20) / 4 = 18,75%
 */
const COMPONENTS = ["jongeren", "toekenningen", "declaraties"];
const VALUES = [
  ["Beek", "1000", "50", "200"],
  ["Heerlen", "3000", "150", "200"],
  ["Maastricht", "4000", "250", "400"],
  ["Vaals", "2000", "50", "200"],
];
const EQUAL = { gelijk: "25", jongeren: "25", toekenningen: "25", declaraties: "25" };

function plan(beekKey: string, weights: Record<string, string> = EQUAL, values = VALUES) {
  return new PlanBuilder(["Beek", "Heerlen", "Maastricht", "Vaals"])
    .contributions(
      [2024],
      [
        ["Beek", beekKey, ""],
        ["Heerlen", "26,25%", ""],
        ["Maastricht", "38,75%", ""],
        ["Vaals", "18,75%", ""],
      ],
      ["totaal", "100,00%", ""]
    )
    .keyComponents(COMPONENTS, values, weights)
    .build();
}

describe("KEY-RECOMPUTE", () => {
  test("silent when the stated keys are what the components give", () => {
    expect(KEY_RECOMPUTE.run(plan("16,25%"))).toEqual([]);
  });

  test("not applicable without key components", () => {
    expect(KEY_RECOMPUTE.applies(plan2024())).toBe(false);
    expect(KEY_RECOMPUTE.applies(plan("16,25%"))).toBe(true);
  });

  // A key shown with 1 decimal may be 0,05 point from 16,25%: 16,2% and 16,3% pass.
  test.each([
    ["16,2%", 0],
    ["16,3%", 0],
    ["16,1%", 1],
    ["16,4%", 1],
    ["16,26%", 1],
  ])("Beek's key stated as %s gives %i findings", (key, count) => {
    expect(KEY_RECOMPUTE.run(plan(key))).toHaveLength(count);
  });

  test("the finding gives the recomputed key at the stated key's cell", () => {
    const [f] = KEY_RECOMPUTE.run(plan("16,26%"));
    expect(f).toMatchObject({
      rule: "KEY-RECOMPUTE",
      severity: "error",
      table: "Tabel 6",
      municipality: "Beek",
      expected: new D("0.1625"),
      actual: new D("0.1626"),
      unit: "fraction",
      cell: { sheet: "Tabel 6", address: "B2" },
    });
    expect(f.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual([
      "Tabel 6!B2",
      "Sleutel!A2",
      "Sleutel!B2",
      "Sleutel!C2",
      "Sleutel!D2",
    ]);
    expect(f.message.nl).toBe(
      "Tabel 6, Beek: de sleutel is 16,26%, maar de sleutelgegevens geven 16,2500% (0,0100 procentpunt te hoog)"
    );
  });

  test("the weights are a policy choice: other weights give other keys", () => {
    // 40/20/20/20: Beek = 0,4 × 25 + 0,2 × (10 + 10 + 20) = 18%.
    const weights = { gelijk: "40", jongeren: "20", toekenningen: "20", declaraties: "20" };
    const found = KEY_RECOMPUTE.run(plan("16,25%", weights));
    expect(found.find((f) => f.municipality === "Beek")?.expected).toEqual(new D("0.18"));
  });

  test("weights that do not add up to 100% are a finding, not a crash", () => {
    const found = KEY_RECOMPUTE.run(plan("16,25%", { ...EQUAL, gelijk: "20" }));
    expect(found.map((f) => [f.table, f.message.nl])).toEqual([
      [
        "Sleutel",
        "De verdeelsleutel kan niet worden nagerekend: De wegingen tellen op tot 95%, niet tot 100%",
      ],
    ]);
  });

  test("a municipality missing from the components is reported on both sides", () => {
    const found = KEY_RECOMPUTE.run(plan("16,25%", EQUAL, VALUES.slice(1)));
    // Without Beek the other keys change too; Beek itself cannot be recomputed.
    expect(found.find((f) => f.municipality === "Beek")?.message.nl).toBe(
      "Beek heeft in Tabel 6 een sleutel van 16,25%, maar staat niet in de sleutelgegevens"
    );
  });

  test("a municipality in the components without a Tabel 6 key is reported", () => {
    const p = plan("", EQUAL);
    const found = KEY_RECOMPUTE.run(p);
    expect(found.map((f) => [f.table, f.municipality, f.expected])).toEqual([
      ["Sleutel", "Beek", new D("0.1625")],
    ]);
    expect(found[0].message.nl).toBe(
      "Beek staat in de sleutelgegevens (sleutel 16,2500%), maar heeft in Tabel 6 geen verdeelsleutel"
    );
  });
});
