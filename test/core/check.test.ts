import Decimal from "decimal.js";
import { checkPlan } from "../../src/core/check";
import { formatEuro, formatPercent } from "../../src/core/dutchNumber";
import { Finding, Plan, RuleId } from "../../src/core/model";
import { D, roundTo, sum } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { RULES } from "../../src/core/rules";
import { consistentPlan } from "../support/planBuilder";
import { EARLIER_PLAN_RULES } from "../support/allKindsPlan";

/*
 * The published 2024 plan, checked as a whole. Every expected finding is worked out here
 * from the plan's own figures: columns summed, keys multiplied by totals, shares divided.
 */

const value = (line: { values: Map<number, { value: Decimal }> }, year: number): Decimal =>
  line.values.get(year)?.value ?? new D(0);

/** The largest remainder method written out plainly, to compare the rule's repair with. */
function largestRemainder(total: Decimal, keys: Decimal[]): Decimal[] {
  const keySum = sum(keys);
  const exact = keys.map((k) => k.times(total).div(keySum));
  const parts = exact.map((e) => e.floor());
  let left = total.minus(sum(parts)).toNumber();
  const byRemainder = exact
    .map((e, i) => ({ i, rem: e.minus(parts[i]) }))
    .sort((a, b) => b.rem.comparedTo(a.rem));
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    parts[i] = parts[i].plus(1);
  }
  return parts;
}

function only(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

describe("checkPlan on the published 2024 plan", () => {
  const plan: Plan = plan2024();
  const t2 = plan.staffCosts!;
  const t3 = plan.materialCosts!;
  const t4 = plan.totals!;
  const t6 = plan.contributions!;
  const result = checkPlan(plan);

  test("the plan has the tables the test reasons about", () => {
    expect(t2.years).toEqual([2024, 2025, 2026, 2027]);
    expect(t4.years).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(t6.rows).toHaveLength(16);
  });

  test("SPLIT-LABEL: the Tabel 2 jeugd and wmo lines are not 70% and 30% of their total", () => {
    const expected: { line: string; year: number; expected: Decimal; actual: Decimal }[] = [];
    for (const line of [t2.youth, t2.wmo]) {
      for (const year of t2.years) {
        const total = value(t2.total, year);
        const actual = value(line, year);
        // 70% → 69,5%–70,5%: half a percentage point either way.
        if (actual.div(total).minus(line.share!.value).abs().gt("0.005")) {
          expected.push({
            line: line.label,
            year,
            expected: roundTo(line.share!.value.times(total)),
            actual,
          });
        }
      }
    }
    // Both lines in all four years; Tabel 3's 70/30 labels are right.
    expect(expected).toHaveLength(8);
    for (const line of [t3.youth, t3.wmo]) {
      for (const year of t3.years) {
        expect(value(line, year).div(value(t3.subtotal, year))).toEqual(line.share!.value);
      }
    }
    const found = only(result.findings, "SPLIT-LABEL");
    expect(
      found.map((f) => ({ line: f.line, year: f.year, expected: f.expected, actual: f.actual }))
    ).toEqual(expected);
    for (const f of found) {
      expect(f.severity).toBe("warning");
      expect(f.table).toBe("Tabel 2");
      const year = f.year!;
      const share = formatPercent(f.actual!.div(value(t2.total, year)));
      expect(f.message.nl).toContain(
        `is ${share} van het totaal, niet ${f.line!.endsWith("70%") ? "70%" : "30%"}`
      );
      expect(f.message.nl).toContain(formatEuro(f.expected!));
    }
  });

  test("TOTALS-LINK: Tabel 4 has a 2023 staff-cost figure that Tabel 2 cannot confirm", () => {
    const unconfirmed = t4.years.filter((y) => !t2.years.includes(y));
    const found = only(result.findings, "TOTALS-LINK");
    expect(found.map((f) => [f.severity, f.year, f.line, f.actual])).toEqual(
      unconfirmed.map((y) => ["warning", y, t4.staffYouth.label, value(t4.staffYouth, y)])
    );
    expect(found[0].message.nl).toContain(
      "kan niet worden nagerekend: Tabel 2 heeft geen kolom 2023"
    );
  });

  const mismatchedYears = t6.years.filter((y) => !value(t6.total, y).eq(value(t4.total, y)));

  test("ALLOC-LINK: the Tabel 6 total differs from Tabel 4 in 2023 only", () => {
    expect(mismatchedYears).toEqual([2023]);
    const found = only(result.findings, "ALLOC-LINK");
    expect(found.map((f) => [f.severity, f.year, f.expected, f.actual])).toEqual(
      mismatchedYears.map((y) => ["error", y, value(t4.total, y), value(t6.total, y)])
    );
  });

  test("ALLOC-AMOUNT: in 2023 every amount is key × the Tabel 6 total, not the Tabel 4 total", () => {
    const expected: { municipality: string; year: number; expected: Decimal }[] = [];
    for (const year of t6.years) {
      const total = value(t4.total, year);
      for (const row of t6.rows) {
        // Keys shown with 2 decimals: total × 0,005 percentage point, plus €1.
        const tolerance = total.times("0.00005").plus(1);
        if (value(row, year).minus(row.key!.value.times(total)).abs().gt(tolerance)) {
          expected.push({
            municipality: row.municipality!,
            year,
            expected: roundTo(row.key!.value.times(total)),
          });
        }
      }
    }
    expect(expected).toHaveLength(16);
    expect(new Set(expected.map((e) => e.year))).toEqual(new Set([2023]));
    const found = only(result.findings, "ALLOC-AMOUNT");
    expect(
      found.map((f) => ({ municipality: f.municipality, year: f.year, expected: f.expected }))
    ).toEqual(expected);
    const t6Total = value(t6.total, 2023);
    for (const f of found) {
      const row = t6.rows.find((r) => r.municipality === f.municipality)!;
      expect(f.actual).toEqual(value(row, 2023));
      // The amounts do follow the Tabel 6 total: that is the cause the message names.
      expect(f.actual!.minus(row.key!.value.times(t6Total)).abs().lte(1)).toBe(true);
      expect(f.message.nl).toContain(
        `de bedragen zijn berekend over het Tabel 6-totaal ${formatEuro(t6Total)}, niet over het Tabel 4-totaal ${formatEuro(value(t4.total, 2023))}`
      );
    }
  });

  test("ALLOC-SUM: every year misses its total by a euro or two; the repair changes one amount per euro", () => {
    const found = only(result.findings, "ALLOC-SUM");
    const drifting = t6.years.filter(
      (y) => !sum(t6.rows.map((r) => value(r, y))).eq(value(t6.total, y))
    );
    expect(drifting).toEqual(t6.years);
    expect(found.map((f) => f.year)).toEqual(drifting);
    for (const f of found) {
      const year = f.year!;
      const total = value(t6.total, year);
      const stated = t6.rows.map((r) => value(r, year));
      expect(f.expected).toEqual(total);
      expect(f.actual).toEqual(sum(stated));
      if (mismatchedYears.includes(year)) {
        // 2023: the total row itself is not Tabel 4's, so no amount is proposed.
        expect(f.fix).toBeUndefined();
        expect(f.message.nl).toContain(
          `Geen herstel voorgesteld: de totaalregel zelf (${formatEuro(total)}) is niet het Tabel 4-totaal (${formatEuro(value(t4.total, year))}, zie ALLOC-LINK)`
        );
        continue;
      }
      // The amounts are the keys × total rounded half up, so the largest remainder allocation
      // differs from them in exactly as many amounts as the drift, by one euro each.
      const repaired = largestRemainder(
        total,
        t6.rows.map((r) => r.key!.value)
      );
      const changes = t6.rows
        .map((r, i) => ({ municipality: r.municipality!, from: stated[i], to: repaired[i] }))
        .filter((c) => !c.from.eq(c.to));
      expect(f.fix!.map((x) => ({ municipality: x.municipality, from: x.from, to: x.to }))).toEqual(
        changes
      );
      expect(f.fix!.every((x) => x.year === year)).toBe(true);
      expect(changes).toHaveLength(Math.abs(sum(stated).minus(total).toNumber()));
      expect(changes.every((c) => c.from.minus(c.to).abs().eq(1))).toBe(true);
      for (const c of changes) {
        expect(f.message.nl).toContain(
          `${c.municipality} ${formatEuro(c.from)} → ${formatEuro(c.to)}`
        );
      }
    }
  });

  test("nothing else is reported, and the summary counts what was found", () => {
    const withFindings: RuleId[] = [
      "SPLIT-LABEL",
      "TOTALS-LINK",
      "ALLOC-AMOUNT",
      "ALLOC-SUM",
      "ALLOC-LINK",
    ];
    const other = result.findings.filter((f) => !withFindings.includes(f.rule));
    expect(other).toEqual([]);
    expect(result.findings).toHaveLength(8 + 1 + 16 + 5 + 1);
    expect(result.summary).toEqual({ error: 16 + 5 + 1, warning: 8 + 1, info: 0 });
    expect(result.rules.map((r) => [r.rule, r.status, r.findings])).toEqual([
      ["FTE-TOTAL", "ok", 0],
      ["FTE-VALUE", "ok", 0],
      ["SPLIT-SUM", "ok", 0],
      ["SPLIT-LABEL", "findings", 8],
      ["LINES-SUM", "ok", 0],
      ["TOTALS-LINK", "findings", 1],
      ["KEY-SUM", "ok", 0],
      ["ALLOC-AMOUNT", "findings", 16],
      ["ALLOC-SUM", "findings", 5],
      ["ALLOC-LINK", "findings", 1],
      ["BUDGET-LINK", "not-applicable", 0],
      ["BUDGET-SHARE", "not-applicable", 0],
      ["MUNICIPALITIES", "ok", 0],
      ["KEY-RECOMPUTE", "not-applicable", 0],
      ["KEYTABLE-SHARES", "not-applicable", 0],
      ["KEYTABLE-KEY", "not-applicable", 0],
      ["KEYTABLE-AMOUNT", "not-applicable", 0],
      ["KEYTABLE-ROW", "not-applicable", 0],
      ["KEYTABLE-COLUMN", "not-applicable", 0],
      ["KEYTABLE-TOTAL", "not-applicable", 0],
      ["CHANGE-INCREASE", "not-applicable", 0],
      ["CHANGE-PERCENT", "not-applicable", 0],
      ["CHANGE-TOTAL", "not-applicable", 0],
      ["FORMULA-RANGE", "not-applicable", 0],
    ]);
  });

  test("the embedded plan has no cells, so findings point nowhere", () => {
    expect(result.findings.every((f) => f.cell === null && f.cells.length === 0)).toBe(true);
  });

  test("the figures the silent rules vouch for really agree", () => {
    const staffing = plan.staffing!;
    for (const y of staffing.years) {
      expect(sum(staffing.roles.map((r) => value(r, y)))).toEqual(value(staffing.total, y));
    }
    expect(sum(t6.rows.map((r) => r.key!.value))).toEqual(new D(1));
    for (const y of t3.years) {
      expect(sum(t3.lines.map((l) => value(l, y)))).toEqual(value(t3.subtotal, y));
    }
  });
});

describe("checkPlan", () => {
  test("runs every rule once, in the order of PLAN-MODEL.md", () => {
    expect(RULES.map((r) => r.id)).toEqual([
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
      "BUDGET-LINK",
      "BUDGET-SHARE",
      "MUNICIPALITIES",
      "KEY-RECOMPUTE",
      ...EARLIER_PLAN_RULES,
      "FORMULA-RANGE",
    ]);
  });

  test("a plan in which every table agrees has no findings", () => {
    const r = checkPlan(consistentPlan());
    expect(r.findings).toEqual([]);
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(r.rules.filter((x) => x.status !== "ok").map((x) => x.rule)).toEqual([
      "BUDGET-LINK",
      "BUDGET-SHARE",
      "KEY-RECOMPUTE",
      ...EARLIER_PLAN_RULES,
      "FORMULA-RANGE",
    ]);
  });

  test("rules whose tables are absent are not applicable, not silently passed", () => {
    const plan = consistentPlan();
    delete plan.staffing;
    delete plan.totals;
    const r = checkPlan(plan);
    const status = new Map(r.rules.map((x) => [x.rule, x.status]));
    for (const id of ["FTE-TOTAL", "FTE-VALUE", "TOTALS-LINK", "ALLOC-LINK"] as const) {
      expect(status.get(id)).toBe("not-applicable");
    }
    // Without Tabel 4 the amounts are checked against the Tabel 6 total row.
    expect(status.get("ALLOC-AMOUNT")).toBe("ok");
    expect(status.get("ALLOC-SUM")).toBe("ok");
  });

  test("a wrong figure is found with its cell", () => {
    const plan = consistentPlan();
    const beek = plan.contributions!.rows[0];
    beek.values.set(2024, { ...beek.values.get(2024)!, value: new D(99500) });
    const r = checkPlan(plan);
    // 99.500 is 82,50 off 12,35% × 805.000 = 99.417,50, more than 805.000 × 0,00005 + 1 = 41,25;
    // and the year now adds up to 805.083.
    expect(r.findings.map((f) => [f.rule, f.cell?.sheet, f.cell?.address, f.actual])).toEqual([
      ["ALLOC-AMOUNT", "Tabel 6", "C2", new D(99500)],
      ["ALLOC-SUM", "Tabel 6", "C6", new D(805083)],
    ]);
  });
});
