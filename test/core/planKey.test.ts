import Decimal from "decimal.js";
import { D, sum } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { checkPlan } from "../../src/core/check";
import { allocationKey, planKey, simplestDecimal, withPlanKeys } from "../../src/core/planKey";
import { computedContributions, contribution, keyOf } from "../../src/core/query";
import { thrownInputError } from "../support/thrown";
import { consistentPlan, fig, PlanBuilder, setFigure } from "../support/planBuilder";
import { ROWS, roundedKeysPlan, TOTALS, YEARS } from "../support/roundedKeysPlan";

/*
 * The expected amounts are worked out here in integers, independently of the product:
 * a key of 5,0616% is 50616 millionths, so key × total is 50616 × T / 10^6 exactly.
 */
const MILLION = 1_000_000n;
const millionths = (percent: string) => BigInt(percent.replace(/[,%]/g, ""));
const euros = (text: string) => BigInt(text.replace(/\./g, ""));
const precise = new Map(ROWS.map(([m, key]) => [m, millionths(key)]));

/** Largest remainder in integers: floors, then the units left to the largest remainders. */
function hamilton(total: bigint, keys: Map<string, bigint>): Map<string, bigint> {
  const whole = [...keys.values()].reduce((a, b) => a + b, 0n);
  const parts = [...keys].map(([m, k]) => ({
    m,
    k,
    floor: (k * total) / whole,
    rem: (k * total) % whole,
  }));
  let left = total - parts.reduce((a, p) => a + p.floor, 0n);
  const order = [...parts].sort((a, b) =>
    a.rem !== b.rem
      ? b.rem > a.rem
        ? 1
        : -1
      : a.k !== b.k
        ? b.k > a.k
          ? 1
          : -1
        : a.m.localeCompare(b.m, "nl")
  );
  const result = new Map(parts.map((p) => [p.m, p.floor]));
  for (const p of order) {
    if (left-- <= 0n) break;
    result.set(p.m, result.get(p.m)! + 1n);
  }
  return result;
}

describe("the key the stated amounts imply", () => {
  test("the fixture is what it says: precise keys add up to 100%, amounts are key × total rounded half up", () => {
    expect([...precise.values()].reduce((a, b) => a + b, 0n)).toBe(MILLION);
    YEARS.forEach((y, i) => {
      const total = euros(TOTALS[y]);
      let stated = 0n;
      for (const [m, , ...amounts] of ROWS) {
        const k = precise.get(m)!;
        expect(euros(amounts[i])).toBe((2n * k * total + MILLION) / (2n * MILLION));
        stated += euros(amounts[i]);
      }
      expect(stated - total).toBe([1n, -2n, 3n, 0n][i]);
    });
  });

  test("is recovered exactly from rounded key cells: 5,06% shown, 5,0616% used", () => {
    const key = planKey(roundedKeysPlan());
    expect(key.source).toBe("implied");
    expect(key.impliedFrom).toEqual([2025, 2026, 2027, 2028]);
    for (const [m, k] of precise) expect(key.keys.get(m)!.times(1e6).toFixed()).toBe(k.toString());
    expect(key.sum).toEqual(new D(1));
    expect(key.notes).toEqual([
      {
        nl: "De verdeelsleutels staan afgerond in Tabel 6; gerekend is met de preciezere sleutels die de bedragen van 2025–2028 geven (bijv. Beek: 5,0616% in plaats van 5,06%)",
        en: "The distribution keys are shown rounded in Tabel 6; computed with the more precise keys the amounts of 2025–2028 imply (e.g. Beek: 5,0616% instead of 5,06%)",
      },
    ]);
  });

  test("a single year pins the key down as well", () => {
    for (const year of YEARS) {
      const key = planKey(roundedKeysPlan({ years: [year], tabel4: false }));
      expect([key.source, key.impliedFrom]).toEqual(["implied", [year]]);
      for (const [m, k] of precise)
        expect(key.keys.get(m)!.times(1e6).toFixed()).toBe(k.toString());
    }
  });

  test("computed contributions are the precise key × total, allocated: €60–€120 from the rounded key's", () => {
    const plan = roundedKeysPlan();
    for (const year of YEARS) {
      const total = euros(TOTALS[year]);
      const expected = hamilton(total, precise);
      const computed = computedContributions(plan, year);
      for (const [m, amount] of computed)
        expect(amount.toFixed()).toBe(expected.get(m)!.toString());
    }
    // Gulpen-Wittem 2027: 1,5669% × 2.802.128 = 43.906,54 → 43.907, as the plan states; the
    // rounded 1,57% would give 43.993,41, € 86 more.
    expect(contribution(plan, "Gulpen-Wittem", 2027)).toEqual(new D(43907));
    expect(new D("0.0157").times(2802128).minus(43907).toNumber()).toBeCloseTo(86.41, 2);
    expect(keyOf(plan, "Gulpen-Wittem")).toEqual(new D("0.015669"));
  });

  test("the key cells' full value is used as it is when they hold more than they show", () => {
    const key = planKey(roundedKeysPlan({ keyCells: "full" }));
    expect([key.source, key.notes]).toEqual(["cell", []]);
    for (const [m, k] of precise) expect(key.keys.get(m)!.times(1e6).toFixed()).toBe(k.toString());
  });

  test("only years consistent with the shown keys imply a key; the others are not used", () => {
    const plan = roundedKeysPlan();
    // 2026 recomputed with a key of 5,16% for Beek: 141.797 instead of 139.093.
    setFigure(plan.contributions!.rows[0], 2026, "141.797");
    const key = planKey(plan);
    expect(key.impliedFrom).toEqual([2025, 2027, 2028]);
    expect(key.keys.get("Beek")).toEqual(new D("0.050616"));
  });

  test("amounts computed with the shown keys imply the shown keys: the plan's keys stay", () => {
    const key = planKey(plan2024());
    expect([key.source, key.notes]).toEqual(["stated", []]);
    expect(key.keys.get("Heerlen")).toEqual(new D("0.1197"));
  });

  test("the simplest decimal of an interval: fewest digits, then nearest the middle", () => {
    expect(simplestDecimal(new D("0.0340249"), new D("0.0340251"), 4)).toEqual(new D("0.034025"));
    expect(simplestDecimal(new D("0.0339"), new D("0.0341"), 4)).toEqual(new D("0.034"));
    expect(simplestDecimal(new D("0.12"), new D("0.12"), 4)).toEqual(new D("0.12"));
    // 0,3 to 0,5 holds 0,3, 0,4 and 0,5 at one digit: the middle one.
    expect(simplestDecimal(new D("0.3"), new D("0.5"), 1)).toEqual(new D("0.4"));
  });
});

describe("keys that do not add up to 100% (issue 18)", () => {
  test("a key typed as 1000000% is an error with the sum, not Beek € 8", () => {
    const plan = plan2024();
    plan.contributions!.rows[0].key = { value: new D(10000), decimals: 0 };
    const e = thrownInputError(() => contribution(plan, "Beek", 2025));
    expect(e.code).toBe("value");
    // 1.000.000% + the other 15 keys (100% − 3,53%).
    expect(e.nl).toBe(
      "De 16 verdeelsleutels tellen op tot 1.000.096,47%, niet tot 100% (door afronding toegestaan: ±0,575%): daarmee kan geen bijdrage worden berekend — herstel eerst de sleutels"
    );
  });

  test("11,96% for 11,97% is within the rounding: renormalised, and said", () => {
    const plan = plan2024();
    plan.contributions!.rows.find((r) => r.municipality === "Heerlen")!.key = {
      value: new D("0.1196"),
      decimals: 2,
    };
    const key = allocationKey(plan);
    expect(key.sum).toEqual(new D("0.9999"));
    expect(key.notes).toEqual([
      {
        nl: "De verdeelsleutels tellen op tot 99,99%, niet precies 100% (door afronding toegestaan: ±0,08%): de bijdragen zijn naar verhouding van de sleutels berekend",
        en: "The distribution keys add up to 99,99%, not exactly 100% (allowed for rounding: ±0,08%): the contributions are computed in proportion to the keys",
      },
    ]);
    // 3,53% / 99,99% × 2.183.425 = 77.082,63: the allocation gives Beek 77.083.
    expect(contribution(plan, "Beek", 2025)).toEqual(new D(77083));
  });

  test("a sum that misses 100% by less than 6 decimals show is said with the decimals it needs", () => {
    const plan = plan2024();
    plan.contributions!.rows.find((r) => r.municipality === "Heerlen")!.key = {
      value: new D("0.119699999"),
      decimals: 2,
    };
    const [note] = allocationKey(plan).notes;
    expect(note.nl).toMatch(/^De verdeelsleutels tellen op tot 99,9999999%, niet precies 100%/);
    expect(note.en).toMatch(/^The distribution keys add up to 99,9999999%, not exactly 100%/);
  });

  test("a sum off by the last digit of a double (1 − 2e-16) is 100%: no note", () => {
    const plan = plan2024();
    const rows = plan.contributions!.rows;
    rows[0].key = { value: rows[0].key!.value.minus("2e-16"), decimals: 2 };
    const key = allocationKey(plan);
    expect(key.sum).toEqual(new D(1).minus("2e-16"));
    expect(key.notes).toEqual([]);
  });

  test("just outside the rounding is an error: 16 keys of 2 decimals may miss by 0,08 point", () => {
    const plan = plan2024();
    const heerlen = plan.contributions!.rows.find((r) => r.municipality === "Heerlen")!;
    heerlen.key = { value: new D("0.1205"), decimals: 2 };
    expect(allocationKey(plan).sum).toEqual(new D("1.0008"));
    heerlen.key = { value: new D("0.1188"), decimals: 2 };
    const e = thrownInputError(() => allocationKey(plan));
    expect(e.nl).toMatch(/^De 16 verdeelsleutels tellen op tot 99,91%, niet tot 100%/);
  });

  test("the error points at the total key's cell", () => {
    const plan = new PlanBuilder(["Beek", "Vaals"])
      .contributions(
        [2024],
        [
          ["Beek", "40%", "400"],
          ["Vaals", "40%", "600"],
        ],
        ["totaal", "100%", "1.000"]
      )
      .build();
    const e = thrownInputError(() => contribution(plan, "Beek", 2024));
    expect(e.cell).toEqual({ sheet: "Tabel 6", address: "B4" });
    expect(e.nl).toMatch(/tellen op tot 80%/);
  });
});

describe("key components", () => {
  test("are the most precise key, adding up to exactly 100%", () => {
    const plan = new PlanBuilder(["Beek", "Vaals"])
      .contributions(
        [2024],
        [
          ["Beek", "22,50%", "225"],
          ["Vaals", "77,50%", "775"],
        ],
        ["totaal", "100,00%", "1.000"]
      )
      .keyComponents(
        ["jongeren"],
        [
          ["Beek", "1"],
          ["Vaals", "2"],
        ],
        { gelijk: "50", jongeren: "50" }
      )
      .build();
    const key = allocationKey(plan);
    // 50% × 1/2 + 50% × 1/3 = 41,666…%
    expect(key.source).toBe("components");
    expect(key.keys.get("Beek")!.minus(new Decimal(5).div(12)).abs().lt("1e-20")).toBe(true);
    expect(sum(key.keys.values())).toEqual(new D(1));
  });
});

describe("the key calculation table (Herberekening verdeelsleutel)", () => {
  /*
   * consistentPlan()'s four municipalities, weights gelijk 50% / jongeren 50%, jongeren shares
   * 0 / 55,05% / 41,61% / 3,34%: keys 12,5% / 40,025% / 33,305% / 14,17% (add up to 100%).
   * Tabel 6 shows them rounded: 12,50% / 40,03% / 33,31% / 14,17% (100,01%). 2025 (Tabel 4:
   * 980.000): 122.500 / 392.245 / 326.389 / 138.866 exactly. With the shown keys in proportion
   * Heerlen would be 0,4003 / 1,0001 × 980.000 = 392.254,77 → 392.255.
   */
  function planWithKeyTable() {
    const plan = consistentPlan();
    const shown = ["12,50%", "40,03%", "33,31%", "14,17%"];
    plan.contributions!.rows.forEach((r, i) => (r.key = fig(shown[i])));
    const jongeren = ["0", "0.5505", "0.4161", "0.0334"];
    const f = (v: string) => ({ value: new D(v), decimals: 2 });
    plan.keyTable = {
      components: ["gelijk", "jongeren"],
      weights: new Map([
        ["gelijk", f("0.5")],
        ["jongeren", f("0.5")],
      ]),
      rows: plan.municipalities.map((m, i) => ({
        label: m,
        municipality: m,
        shares: new Map([
          ["gelijk", f("0.25")],
          ["jongeren", f(jongeren[i])],
        ]),
        key: fig(shown[i]),
        amounts: new Map(),
      })),
      total: { label: "totaal", shares: new Map(), amounts: new Map() },
    };
    return plan;
  }

  test("Σ weight × share is the key, not the rounded key cells: Heerlen 40,025% × 980.000 = 392.245", () => {
    const plan = planWithKeyTable();
    const key = planKey(plan);
    expect(key.source).toBe("table");
    expect([...key.keys.values()]).toEqual(
      ["0.125", "0.40025", "0.33305", "0.1417"].map((k) => new D(k))
    );
    expect(key.sum).toEqual(new D(1));
    expect([...computedContributions(plan, 2025).values()]).toEqual(
      [122500, 392245, 326389, 138866].map((a) => new D(a))
    );
    expect(contribution(plan, "Heerlen", 2025)).toEqual(new D(392245));
    delete plan.keyTable;
    expect(contribution(plan, "Heerlen", 2025)).toEqual(new D(392255));
  });

  test("a row without its shares keeps its key cell", () => {
    const plan = planWithKeyTable();
    plan.keyTable!.rows[1].shares.delete("jongeren");
    plan.keyTable!.rows[1].key = { value: new D("0.40025"), decimals: 3 };
    expect(planKey(plan).keys.get("Heerlen")).toEqual(new D("0.40025"));
  });
});

describe("the key within a check (withPlanKeys)", () => {
  test("one check computes each plan's key once; outside a check every call computes it", () => {
    const plan = roundedKeysPlan();
    withPlanKeys(() => expect(planKey(plan)).toBe(planKey(plan)));
    expect(planKey(plan)).not.toBe(planKey(plan));
    expect(planKey(plan)).toEqual(planKey(plan));
  });

  test("a plan changed in place after a check is checked with its new key, not the last check's", () => {
    const change = (plan: ReturnType<typeof roundedKeysPlan>) => {
      // A key cell holding more digits than it shows: the full value becomes the plan's key.
      const first = plan.contributions!.rows[0];
      first.key = { ...first.key!, value: first.key!.value.plus("0.00001") };
    };
    const plan = roundedKeysPlan();
    const before = checkPlan(plan);
    expect(planKey(plan).source).toBe("implied");
    change(plan);
    const fresh = roundedKeysPlan();
    change(fresh);
    expect(planKey(plan).source).toBe("cell");
    const after = checkPlan(plan);
    expect(after).toEqual(checkPlan(fresh));
    expect(after).not.toEqual(before);
  });
});
