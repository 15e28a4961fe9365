import { D } from "../../../src/core/money";
import { plan2024 } from "../../../src/core/plan2024";
import { MUNICIPALITIES_RULE } from "../../../src/core/rules/MUNICIPALITIES";
import { consistentPlan, fig } from "../../support/planBuilder";

describe("MUNICIPALITIES", () => {
  test("silent when every participating municipality has exactly one row", () => {
    expect(MUNICIPALITIES_RULE.run(consistentPlan())).toEqual([]);
    expect(MUNICIPALITIES_RULE.run(plan2024())).toEqual([]);
  });

  test("a variant spelling the reader did not resolve still counts as the municipality", () => {
    const plan = plan2024();
    const row = plan.contributions!.rows.find((r) => r.municipality === "Valkenburg aan de Geul")!;
    row.label = "Valkenburg a/d Geul";
    delete row.municipality;
    expect(MUNICIPALITIES_RULE.run(plan)).toEqual([]);
  });

  test("an old name is pointed to the municipality it merged into, which is then missing", () => {
    const plan = plan2024();
    const row = plan.contributions!.rows.find((r) => r.municipality === "Beekdaelen")!;
    row.label = "Nuth";
    row.labelCell = { sheet: "Tabel 6", address: "A3" };
    delete row.municipality;
    const found = MUNICIPALITIES_RULE.run(plan);
    expect(found.map((f) => [f.line, f.municipality, f.expected, f.actual, f.message.nl])).toEqual([
      [
        "Nuth",
        null,
        null,
        null,
        "Tabel 6: 'Nuth' is sinds 2019 opgegaan in Beekdaelen — gebruik Beekdaelen",
      ],
      [
        null,
        "Beekdaelen",
        new D(1),
        new D(0),
        "Tabel 6: Beekdaelen ontbreekt; elke deelnemende gemeente heeft een eigen rij",
      ],
    ]);
    expect(found[0].cell).toEqual({ sheet: "Tabel 6", address: "A3" });
    expect(found.every((f) => f.severity === "error" && f.table === "Tabel 6")).toBe(true);
  });

  test("a misspelt name gets the closest known name", () => {
    const plan = consistentPlan();
    const row = plan.contributions!.rows[1];
    row.label = "Heerle";
    delete row.municipality;
    expect(MUNICIPALITIES_RULE.run(plan).map((f) => f.message.en)).toEqual([
      "Tabel 6: Unknown municipality 'Heerle' — did you mean Heerlen?",
      "Tabel 6: Heerlen is missing; every participating municipality has a row of its own",
    ]);
  });

  test("a name that resembles nothing, and a row without a name", () => {
    const plan = consistentPlan();
    const rows = plan.contributions!.rows;
    rows.push({ label: "Amsterdam", values: new Map() }, { label: " ", values: new Map() });
    expect(MUNICIPALITIES_RULE.run(plan).map((f) => f.message.nl)).toEqual([
      "Tabel 6: Onbekende gemeente 'Amsterdam' — geen deelnemende gemeente lijkt erop",
      "Tabel 6: een rij heeft geen gemeentenaam",
    ]);
  });

  test("a municipality of the region that is not in this plan", () => {
    const plan = consistentPlan();
    plan.contributions!.rows.push({ label: "Kerkrade", values: new Map() });
    expect(MUNICIPALITIES_RULE.run(plan).map((f) => f.message.nl)).toEqual([
      "Tabel 6: Kerkrade neemt niet deel aan dit plan",
    ]);
  });

  test("a municipality named twice is one finding with both rows", () => {
    const plan = consistentPlan();
    const rows = plan.contributions!.rows;
    rows.push({
      label: "BEEK",
      labelCell: { sheet: "Tabel 6", address: "A9" },
      key: fig("1%"),
      values: new Map(),
    });
    const found = MUNICIPALITIES_RULE.run(plan);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      municipality: "Beek",
      expected: new D(1),
      actual: new D(2),
      unit: "count",
      cell: { sheet: "Tabel 6", address: "A9" },
      cells: [
        { sheet: "Tabel 6", address: "A2" },
        { sheet: "Tabel 6", address: "A9" },
      ],
    });
    expect(found[0].message.nl).toBe(
      "Tabel 6: Beek staat er 2 keer in ('Beek', 'BEEK'); elke gemeente hoort er precies één keer in"
    );
  });
});
