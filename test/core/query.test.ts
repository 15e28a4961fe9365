import { D, sum } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { planKey } from "../../src/core/planKey";
import {
  computedContributions,
  contribution,
  distributedTotal,
  keyOf,
  lineValue,
  municipalityOf,
  statedContribution,
  yearTotal,
} from "../../src/core/query";
import { thrownInputError } from "../support/thrown";
import { budgetPlan } from "../support/budgetPlan";
import { PlanBuilder } from "../support/planBuilder";

describe("query on the 2024 plan", () => {
  const plan = plan2024();
  const t4 = plan.totals!;

  test("Heerlen pays 261.356 in 2025: 11,97% × 2.183.425 = 261.355,97, rounded up by the allocation", () => {
    const exact = new D("0.1197").times(lineValue(t4.total, 2025));
    expect(exact).toEqual(new D("261355.9725"));
    expect(contribution(plan, "Heerlen", 2025)).toEqual(new D(261356));
  });

  test("the 16 computed contributions of every year add up exactly to Tabel 4's total", () => {
    for (const year of t4.years) {
      const amounts = computedContributions(plan, year);
      expect(amounts.size).toBe(16);
      expect(sum(amounts.values())).toEqual(lineValue(t4.total, year));
    }
  });

  test("each computed contribution is within one euro of key × the Tabel 4 total", () => {
    for (const year of t4.years) {
      const total = lineValue(t4.total, year);
      for (const [m, amount] of computedContributions(plan, year)) {
        expect(amount.minus(keyOf(plan, m).times(total)).abs().lt(1)).toBe(true);
      }
    }
  });

  test("2023 is computed over the Tabel 4 total, not the Tabel 6 total the plan used", () => {
    // Maastricht: 16,43% × 1.874.278 = 307.943,88; the plan says 334.109 (16,43% × 2.033.528).
    expect(contribution(plan, "Maastricht", 2023)).toEqual(new D(307944));
    expect(contribution(plan, "Maastricht", 2023, "stated")).toEqual(new D(334109));
  });

  test("in 2025 the computed amounts differ from the stated ones only where the plan drifts", () => {
    const differences = [...computedContributions(plan, 2025)]
      .filter(([m, amount]) => !amount.eq(statedContribution(plan, m, 2025)))
      .map(([m, amount]) => [m, statedContribution(plan, m, 2025).toString(), amount.toString()]);
    // The stated amounts add up to one euro too many; Beekdaelen (6,12% × 2.183.425 =
    // 133.625,61) has the smallest remainder of those rounded up.
    expect(differences).toEqual([["Beekdaelen", "133626", "133625"]]);
  });

  test("names are matched the way people write them", () => {
    expect(contribution(plan, "valkenburg a/d geul", 2024)).toEqual(
      contribution(plan, "Valkenburg aan de Geul", 2024)
    );
    expect(municipalityOf(plan, "SITTARD GELEEN")).toBe("Sittard-Geleen");
  });

  test("an unknown name says which municipality was probably meant", () => {
    const e = thrownInputError(() => contribution(plan, "Heerle", 2025));
    expect(e.nl).toBe("Onbekende gemeente 'Heerle' — bedoelt u Heerlen?");
    expect(e.code).toBe("value");
    expect(thrownInputError(() => keyOf(plan, "Nuth")).nl).toBe(
      "'Nuth' is sinds 2019 opgegaan in Beekdaelen — gebruik Beekdaelen"
    );
  });

  test("a year the plan does not have is 'not available' with the years it does have", () => {
    const e = thrownInputError(() => contribution(plan, "Heerlen", 2030));
    expect(e.code).toBe("notAvailable");
    expect(e.nl).toBe("Jaar 2030 staat niet in Tabel 4 (wel: 2023–2027)");
    expect(thrownInputError(() => yearTotal(plan, 2022)).en).toBe(
      "Year 2022 is not in Tabel 4 (it has: 2023–2027)"
    );
  });

  test("the keys of Tabel 6 are the plan's keys when it has no key components", () => {
    const keys = planKey(plan).keys;
    expect(keys.size).toBe(16);
    expect(keys.get("Heerlen")).toEqual(new D("0.1197"));
    expect(sum(keys.values())).toEqual(new D(1));
  });
});

describe("query on plans with other tables", () => {
  test("key components, when present, give the unrounded key instead of Tabel 6's", () => {
    // Tabel 6 states 16,3% for Beek; the components say otherwise.
    const plan = new PlanBuilder(["Beek", "Vaals"])
      .totals([2024], { staffYouth: ["", ""], materialYouth: ["", ""], total: ["", "1.000"] })
      .contributions(
        [2024],
        [
          ["Beek", "16,3%", ""],
          ["Vaals", "83,7%", ""],
        ],
        ["", "", ""]
      )
      .keyComponents(
        ["jongeren", "toekenningen", "declaraties"],
        [
          ["Beek", "1000", "50", "200"],
          ["Vaals", "9000", "450", "800"],
        ],
        { gelijk: "25", jongeren: "25", toekenningen: "25", declaraties: "25" }
      )
      .build();
    // Beek: 25% × (1/2 + 1.000/10.000 + 50/500 + 200/1.000) = 22,5%; of 1.000 that is 225.
    expect(keyOf(plan, "Beek")).toEqual(new D("0.225"));
    expect(contribution(plan, "Beek", 2024)).toEqual(new D(225));
    expect(contribution(plan, "Vaals", 2024)).toEqual(new D(775));
  });

  test("a plan without Tabel 4 distributes the total row of Tabel 6; without that row it says so", () => {
    // 37,5% and 62,5% of 1.001: 375,375 and 625,625 → 375 and 626.
    const plan = new PlanBuilder(["Beek", "Vaals"])
      .contributions(
        [2024, 2025],
        [
          ["Beek", "37,5%", "375", "400"],
          ["Vaals", "62,5%", "626", "600"],
        ],
        ["totaal", "", "1.001", ""]
      )
      .build();
    expect(distributedTotal(plan, 2024)).toEqual({
      value: new D(1001),
      table: "Tabel 6",
      cell: { sheet: "Tabel 6", address: "C4" },
    });
    expect(contribution(plan, "Beek", 2024)).toEqual(new D(375));
    expect(contribution(plan, "Vaals", 2024)).toEqual(new D(626));
    const e = thrownInputError(() => contribution(plan, "Beek", 2025));
    expect(e.code).toBe("notAvailable");
    expect(e.nl).toBe(
      "Het plan heeft geen Tabel 4 en de totaalregel van Tabel 6 is leeg in 2025: er is geen totaal om te verdelen"
    );
    expect(e.cell).toEqual({ sheet: "Tabel 6", address: "A4" });
    expect(contribution(plan, "Beek", 2025, "stated")).toEqual(new D(400));
  });

  test("a plan without Tabel 4 but with a budget distributes the budget's total", () => {
    const plan = budgetPlan("1.000.000");
    expect(distributedTotal(plan, 2025)).toEqual({
      value: new D(1000000),
      table: "Begroting",
      cell: { sheet: "Begroting", address: "D3" },
    });
    // 12,35% × 1.000.000, not × the Tabel 6 total 980.000 (121.030).
    expect(contribution(plan, "Beek", 2025)).toEqual(new D(123500));
    expect(contribution(plan, "Beek", 2025, "stated")).toEqual(new D(121030));
  });

  test("a participant without a key stops the computation instead of enlarging the others' shares", () => {
    const plan = plan2024();
    const heerlen = plan.contributions!.rows.find((r) => r.municipality === "Heerlen")!;
    heerlen.label = "Heerle";
    delete heerlen.municipality;
    const e = thrownInputError(() => contribution(plan, "Maastricht", 2025));
    expect(e.code).toBe("notAvailable");
    expect(e.nl).toBe(
      "Het plan geeft geen verdeelsleutel voor Heerlen: zonder die sleutel kan geen bijdrage worden berekend"
    );
  });

  test("a negative key is bad input with its cell, not a crash", () => {
    const plan = new PlanBuilder(["Beek", "Vaals"])
      .totals([2024], { staffYouth: ["", ""], materialYouth: ["", ""], total: ["", "1.000"] })
      .contributions(
        [2024],
        [
          ["Beek", "-10%", ""],
          ["Vaals", "110%", ""],
        ],
        ["", "", ""]
      )
      .build();
    const e = thrownInputError(() => contribution(plan, "Vaals", 2024));
    expect(e.nl).toBe("De verdeelsleutel van Beek is -10,00%: een sleutel is 0% of meer");
    expect(e.cell).toEqual({ sheet: "Tabel 6", address: "B2" });
  });

  test("keys that add up to 0% are bad input", () => {
    const plan = new PlanBuilder(["Beek"])
      .totals([2024], { staffYouth: ["", ""], materialYouth: ["", ""], total: ["", "1.000"] })
      .contributions([2024], [["Beek", "0%", ""]], ["", "", ""])
      .build();
    expect(thrownInputError(() => contribution(plan, "Beek", 2024)).nl).toBe(
      "De verdeelsleutels tellen op tot 0%: er is niets mee te verdelen"
    );
  });
});

describe("plan2024()", () => {
  it("gives a fresh copy each call: changing one plan's years changes no other table or plan", () => {
    const a = plan2024();
    a.contributions!.years.push(2028);
    expect(a.totals!.years).not.toContain(2028);
    expect(plan2024().contributions!.years).not.toContain(2028);
  });
});
