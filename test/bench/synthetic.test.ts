import { checkPlan } from "../../src/core/check";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { figureCount, SCALES, syntheticPlan } from "../../scripts/bench/synthetic";

/* The plans the check-scaling benchmark times: are they what the benchmark says they are? */

test("1× has the 2024 plan's shape: 18 roles, 6 cost lines, 16 municipalities, 5 years", () => {
  const p = syntheticPlan(SCALES[0]);
  expect(p.staffing!.roles).toHaveLength(18);
  expect(p.materialCosts!.lines).toHaveLength(6);
  expect(p.contributions!.rows).toHaveLength(16);
  expect(p.totals!.years).toEqual([2023, 2024, 2025, 2026, 2027]);
  // Synthetic names, none of the 16, and the plan's participants.
  expect(p.municipalities.filter((m) => MUNICIPALITIES.includes(m))).toEqual([]);
  expect(p.contributions!.rows.map((r) => r.municipality)).toEqual(p.municipalities);
});

test.each([SCALES[0], SCALES[1]])("the synthetic %o plan passes every rule", (scale) => {
  const result = checkPlan(syntheticPlan(scale));
  expect(result.findings).toEqual([]);
  // Every rule of PLAN-MODEL.md ran; rules about workbook formulas have none to look at here.
  expect(result.rules.filter((r) => r.status === "ok").map((r) => r.rule)).toEqual(
    expect.arrayContaining([
      "FTE-TOTAL",
      "FTE-VALUE",
      "SPLIT-SUM",
      "SPLIT-LABEL",
      "LINES-SUM",
      "TOTALS-LINK",
      "KEY-SUM",
      "ALLOC-AMOUNT",
      "ALLOC-SUM",
      "ALLOC-LINK",
      "MUNICIPALITIES",
      "KEY-RECOMPUTE",
    ])
  );
});

test("a broken figure is found: the plans are checked, not waved through", () => {
  const p = syntheticPlan(SCALES[0]);
  const row = p.contributions!.rows[3];
  const f = row.values.get(2025)!;
  row.values.set(2025, { ...f, value: f.value.plus(100) });
  const rules = new Set(checkPlan(p).findings.map((x) => x.rule));
  expect(rules).toEqual(new Set(["ALLOC-AMOUNT", "ALLOC-SUM"]));
});

test("each scale holds up to rows × years as many figures; fixed rows make it somewhat less", () => {
  const base = figureCount(syntheticPlan(SCALES[0]));
  // Close to the 2024 plan's own count (which has no key components and empty cells).
  expect(base).toBeGreaterThan(figureCount(plan2024()));
  for (const scale of SCALES.slice(1, 3)) {
    const ratio = figureCount(syntheticPlan(scale)) / base;
    expect(ratio).toBeGreaterThan(0.5 * scale.rows * scale.years);
    expect(ratio).toBeLessThanOrEqual(scale.rows * scale.years);
  }
});
