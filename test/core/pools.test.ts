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
});
