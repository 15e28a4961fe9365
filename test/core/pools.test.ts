import { checkPlan } from "../../src/core/check";
import { PlanInputError } from "../../src/core/errors";
import { Plan } from "../../src/core/model";
import { plan2024 } from "../../src/core/plan2024";
import { findPool, hasPools, poolsOf, unitOf } from "../../src/core/pools";
import { computedContributions, contribution, poolContribution } from "../../src/core/query";
import { sum } from "../../src/core/money";

function merged(): Plan {
  const purchasing = plan2024();
  const policy: Plan = { ...plan2024(), unit: "cent" };
  return {
    title: "Samengevoegd plan",
    source: purchasing.source,
    municipalities: purchasing.municipalities,
    pools: [
      { name: "verwerving", title: "Uitvoeringskosten", method: "sla", plan: purchasing },
      {
        name: "beleid",
        title: "Dekking kosten regio-samenwerking",
        method: "budget-share",
        plan: policy,
      },
    ],
  };
}

function dutchError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof PlanInputError) return e.nl;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("cost pools", () => {
  it("a single-pool plan is its own one pool", () => {
    const plan = plan2024();
    expect(hasPools(plan)).toBe(false);
    expect(poolsOf(plan)).toHaveLength(1);
    expect(poolsOf(plan)[0].plan).toBe(plan);
  });

  it("finds a pool case-insensitively and names the pools there are when it does not", () => {
    const plan = merged();
    expect(hasPools(plan)).toBe(true);
    expect(findPool(plan, " BELEID ").name).toBe("beleid");
    expect(dutchError(() => findPool(plan, "overhead"))).toBe(
      'Kostenpool "overhead" bestaat niet in dit plan; er zijn: verwerving, beleid'
    );
    expect(dutchError(() => findPool(plan2024(), "beleid"))).toMatch(/één kostenpool/);
  });

  it("a cent pool allocates its total to the cent, a euro pool in whole euros", () => {
    const plan = merged();
    const [purchasing, policy] = poolsOf(plan);
    expect(unitOf(purchasing.plan).toString()).toBe("1");
    expect(unitOf(policy.plan).toString()).toBe("0.01");
    const euros = [...computedContributions(purchasing.plan, 2025).values()];
    const cents = [...computedContributions(policy.plan, 2025).values()];
    expect(euros.every((a) => a.isInteger())).toBe(true);
    expect(cents.some((a) => !a.isInteger())).toBe(true);
    expect(sum(cents).toString()).toBe(sum(euros).toString());
    expect(cents.every((a) => a.times(100).isInteger())).toBe(true);
  });

  it("a contribution is asked of one pool or, without a pool, of all of them together", () => {
    const plan = merged();
    const [purchasing, policy] = poolsOf(plan);
    for (const m of plan.municipalities) {
      const a = poolContribution(plan, m, 2026, "computed", "Verwerving");
      const b = poolContribution(plan, m, 2026, "computed", "beleid");
      expect(a.toString()).toBe(contribution(purchasing.plan, m, 2026).toString());
      expect(b.toString()).toBe(contribution(policy.plan, m, 2026).toString());
      expect(poolContribution(plan, m, 2026).toString()).toBe(a.plus(b).toString());
    }
    const single = plan2024();
    expect(poolContribution(single, "Heerlen", 2025).toString()).toBe(
      contribution(single, "Heerlen", 2025).toString()
    );
    expect(() => contribution(plan, "Heerlen", 2025)).toThrow(PlanInputError);
  });

  it("checks every pool as a plan of its own, each finding tagged with its pool", () => {
    const plan = merged();
    const single = checkPlan(plan2024());
    const result = checkPlan(plan);
    const euros = single.findings.map((f) => ({ ...f, pool: "verwerving" }));
    expect(result.findings.filter((f) => f.pool === "verwerving")).toEqual(euros);
    expect(result.findings.filter((f) => f.pool === "beleid").length).toBe(single.findings.length);
    expect(result.findings.every((f) => f.pool === "verwerving" || f.pool === "beleid")).toBe(true);
    expect(result.rules.map((r) => [r.rule, r.status, r.findings])).toEqual(
      single.rules.map((r) => [r.rule, r.status, r.findings * 2])
    );
    expect(single.findings.every((f) => f.pool === undefined)).toBe(true);
  });

  it("a cent pool is exact to the cent: a euro of drift is more than 16 amounts' rounding", () => {
    // plan2024's Tabel 6 misses its total by whole euros; in euros that is a repair of as many
    // amounts by € 1, in cents it would take 100 amounts per euro.
    const [purchasing, policy] = poolsOf(merged()).map((p) => checkPlan(p.plan));
    const drifts = (r: typeof purchasing) => r.findings.filter((f) => f.rule === "ALLOC-SUM");
    const euro = drifts(purchasing).find((f) => f.fix)!;
    expect(euro.fix!.every((x) => x.from.minus(x.to).abs().eq(1))).toBe(true);
    const cent = drifts(policy).find((f) => f.year === euro.year)!;
    expect(cent.fix).toBeUndefined();
    expect(cent.message.nl).toMatch(
      /maar de totaalregel is € [\d.]+,00 .*Geen herstel voorgesteld: een verschil van € \d+,00 is meer dan de afronding van 16 bedragen kan geven/
    );
  });
});
