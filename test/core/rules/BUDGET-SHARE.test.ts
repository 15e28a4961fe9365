import { ContributionRow, Figure, Plan } from "../../../src/core/model";
import { D } from "../../../src/core/money";
import { BUDGET_SHARE } from "../../../src/core/rules/BUDGET-SHARE";

/*
 * A budget-share pool of three municipalities, in cents. Budgets 5.000.000 / 3.000.000 /
 * 2.000.000 (Σ 10.000.000) give keys 50% / 30% / 20%. The pool's 2025 total € 12.345,67 by
 * the largest remainder: exact 6.172,835 / 3.703,701 / 2.469,134 → floors 6.172,83 / 3.703,70 /
 * 2.469,13 (Σ 12.345,66), the one cent left to the largest remainder (Beek, 0,5 cent):
 * 6.172,84 / 3.703,70 / 2.469,13. As a percentage of the budget: 6.172,84 ÷ 5.000.000 =
 * 0,1234568%, 3.703,70 ÷ 3.000.000 = 0,1234567%, 2.469,13 ÷ 2.000.000 = 0,1234565%; all shown
 * with 4 decimals as 0,1235%.
 */

const sheet = "Dekking";
const fig = (value: string, address: string, decimals?: number): Figure => ({
  value: new D(value),
  cell: { sheet, address },
  ...(decimals === undefined ? {} : { decimals }),
});

interface RowSpec {
  name: string;
  budget: string;
  key: string;
  amount: string;
  percent: string;
}

function pool(rows: RowSpec[], totalBudget = "10000000", keyDecimals = 2): Plan {
  const contributionRows: ContributionRow[] = rows.map((r, i) => ({
    label: r.name,
    municipality: r.name,
    labelCell: { sheet, address: `A${i + 2}` },
    budget: fig(r.budget, `B${i + 2}`, 0),
    key: fig(r.key, `C${i + 2}`, keyDecimals),
    values: new Map([[2025, fig(r.amount, `D${i + 2}`, 2)]]),
    budgetPercent: fig(r.percent, `E${i + 2}`, 4),
  }));
  return {
    title: "Beleid",
    source: { kind: "workbook", name: "pool.xlsx", tables: {} },
    municipalities: rows.map((r) => r.name),
    unit: "cent",
    contributions: {
      years: [2025],
      rows: contributionRows,
      total: { label: "Totaal", values: new Map([[2025, fig("12345.67", "D5", 2)]]) },
      totalBudget: fig(totalBudget, "B5", 0),
      budgetYear: 2025,
    },
  };
}

const ROWS: RowSpec[] = [
  { name: "Beek", budget: "5000000", key: "0.5", amount: "6172.84", percent: "0.001235" },
  { name: "Stein", budget: "3000000", key: "0.3", amount: "3703.70", percent: "0.001235" },
  { name: "Vaals", budget: "2000000", key: "0.2", amount: "2469.13", percent: "0.001235" },
];

const edit = (name: string, change: Partial<RowSpec>) =>
  ROWS.map((r) => (r.name === name ? { ...r, ...change } : r));

describe("BUDGET-SHARE", () => {
  test("keys and percentages that fit the budgets: no finding", () => {
    expect(BUDGET_SHARE.applies(pool(ROWS))).toBe(true);
    expect(BUDGET_SHARE.run(pool(ROWS))).toEqual([]);
  });

  test("not applicable to a table without budgets", () => {
    const plan = pool(ROWS);
    for (const r of plan.contributions!.rows) delete r.budget;
    expect(BUDGET_SHARE.applies(plan)).toBe(false);
  });

  test("a key shown as 31,00% where the budget gives 30%: the key cell, expected and stated", () => {
    const [f, ...rest] = BUDGET_SHARE.run(pool(edit("Stein", { key: "0.31" })));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: "BUDGET-SHARE",
      municipality: "Stein",
      cell: { sheet, address: "C3" },
      unit: "fraction",
    });
    expect(f.expected!.toString()).toBe("0.3");
    expect(f.actual!.toString()).toBe("0.31");
    expect(f.cells.map((c) => c.address)).toEqual(["C3", "B3", "B5"]);
    expect(f.message.nl).toBe(
      "Bijdragen per gemeente, Stein: de verdeelsleutel is 31,00%, maar het budget € 3.000.000 ÷ € 10.000.000 (totaal van de budgetten) = 30% (30,00%) (verschil +1%)"
    );
  });

  test("within the shown precision: 30,004% shown as 30,00% fits, shown as 30,0040% does not", () => {
    // Half a unit of the last shown digit: 0,005 pp for 2 decimals, 0,00005 pp for 4.
    const off = edit("Stein", { key: "0.30004" });
    expect(BUDGET_SHARE.run(pool(off, "10000000", 2))).toEqual([]);
    const found = BUDGET_SHARE.run(pool(off, "10000000", 4));
    expect(found.map((f) => f.municipality)).toEqual(["Stein"]);
  });

  test("a contribution stated as 0,1253% of the budget where 2.469,13 ÷ 2.000.000 = 0,1234565% (0,0018435 pp off)", () => {
    const [f, ...rest] = BUDGET_SHARE.run(pool(edit("Vaals", { percent: "0.001253" })));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ municipality: "Vaals", year: 2025, cell: { address: "E4" } });
    expect(f.expected!.toString()).toBe("0.001234565");
    expect(f.message.nl).toBe(
      "Bijdragen per gemeente, Vaals 2025: de bijdrage is 0,1253% van het budget volgens de tabel, maar € 2.469,13 ÷ € 2.000.000 = 0,123457% (0,1235%) (verschil +0,0018%)"
    );
  });

  test("budgets that do not add up to the total row's budget", () => {
    const [f, ...rest] = BUDGET_SHARE.run(pool(ROWS, "10000100"));
    expect(f).toMatchObject({ line: "Totaal", cell: { address: "B5" } });
    expect(f.actual!.toString()).toBe("10000000");
    expect(f.expected!.toString()).toBe("10000100");
    // The keys are checked against the budgets' own sum, so they still fit.
    expect(rest).toEqual([]);
  });
});
