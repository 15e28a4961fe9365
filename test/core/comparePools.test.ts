import { compareContributions } from "../../src/core/compare";
import { compare } from "../../src/core/comparePlans";
import { plan2024 } from "../../src/core/plan2024";
import { poolContribution } from "../../src/core/query";
import { mergedExample } from "../../src/workbook/poolsExample";

const plan = mergedExample();

describe("compare a merged plan per cost pool and over the pools", () => {
  const c = compareContributions({ plan, year: 2025 }, { plan, year: 2026 });

  test("each pool on its own, in its own unit, the parts adding up to the difference exactly", () => {
    expect(c.pools!.map((p) => [p.name, p.presence])).toEqual([
      ["verwerving", "both"],
      ["beleid", "both"],
    ]);
    for (const p of c.pools!) {
      for (const r of p.comparison.rows) {
        expect(r.totalEffect.plus(r.keyEffect).toString()).toBe(r.difference.toString());
        expect(r.old.toString()).toBe(
          poolContribution(plan, r.municipality, 2025, "computed", p.name).toString()
        );
      }
    }
    const cents = c.pools![1].comparison.rows.map((r) => r.difference);
    expect(cents.some((d) => !d.isInteger())).toBe(true);
    expect(cents.every((d) => d.times(100).isInteger())).toBe(true);
    // The policy keys did not change: all of its difference is the change of its total.
    expect(c.pools![1].comparison.rows.every((r) => r.keyEffect.isZero())).toBe(true);
  });

  test("per municipality the total over the pools: old, new, difference and both effects summed", () => {
    expect(c.rows).toHaveLength(16);
    for (const r of c.rows) {
      const parts = c.pools!.map((p) =>
        p.comparison.rows.find((x) => x.municipality === r.municipality)!
      );
      expect(r.old.toString()).toBe(poolContribution(plan, r.municipality, 2025).toString());
      expect(r.new.toString()).toBe(poolContribution(plan, r.municipality, 2026).toString());
      expect(r.difference.toString()).toBe(
        parts[0].difference.plus(parts[1].difference).toString()
      );
      expect(r.totalEffect.plus(r.keyEffect).toString()).toBe(r.difference.toString());
      expect([r.oldKey, r.newKey]).toEqual([null, null]);
    }
    const budgets = plan.pools![1].plan.budget!.total.values;
    const t4 = plan.pools![0].plan.totals!.total.values;
    expect(c.totals.old.toString()).toBe(
      t4.get(2025)!.value.plus(budgets.get(2025)!.value).toString()
    );
    expect(c.totals.keyEffect.isZero()).toBe(true);
  });

  test("a plan of one pool against a merged plan: its Tabel 6 is the purchasing pool; policy is new", () => {
    const r = compare({ plan: plan2024(), year: 2025 }, { plan, year: 2026 });
    expect(r.pools!.map((p) => [p.name, p.presence])).toEqual([
      ["verwerving", "both"],
      ["beleid", "new"],
    ]);
    const heerlen = r.rows.find((x) => x.municipality === "Heerlen")!;
    const policy = r.pools![1].comparison.rows.find((x) => x.municipality === "Heerlen")!;
    expect(policy.old.isZero()).toBe(true);
    expect(policy.totalEffect.toString()).toBe(policy.new.toString());
    expect(heerlen.new.toString()).toBe(poolContribution(plan, "Heerlen", 2026).toString());
  });

  test("plans of one pool compare as before: no pools in the result", () => {
    const r = compareContributions(
      { plan: plan2024(), year: 2024 },
      { plan: plan2024(), year: 2025 }
    );
    expect(r.pools).toBeUndefined();
    expect(r.rows.find((x) => x.municipality === "Heerlen")!.oldKey).not.toBeNull();
  });
});
