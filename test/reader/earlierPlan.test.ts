import { checkPlan } from "../../src/core/check";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { Cells, largestRemainder, readSheets, set } from "./sheetCells";

/*
 * The financial section of an earlier plan, in its own layout: a budget per cost line with its
 * jeugd/wmo split (`Begroting …`) and the contributions per municipality for three years without
 * a key column (`Bijdrage per gemeente …`). Numbers are stored as numbers with Dutch formats, the
 * titles as such plans write them. Every figure is invented here; the expected findings are worked
 * out below from the same invented figures, not from what UP reads.
 */

const YEARS = [2021, 2022, 2023];
const AMOUNT = "#,##0";

/** Invented cost lines per year. */
const LINES: [string, number[]][] = [
  ["Personeel", [1_204_300, 1_251_800, 1_297_450]],
  ["Overhead", [180_645, 187_770, 194_618]],
  ["Inhuur", [96_000, 60_000, 45_000]],
  ["Juridische ondersteuning", [25_000, 27_500, 27_500]],
  ["Accountant", [14_250, 14_800, 15_300]],
  ["ICT", [61_900, 63_100, 64_850]],
];

/** Invented weights of the 16 municipalities (shares of the jeugd part), summing to 10 000. */
const WEIGHTS = [
  340, 505, 591, 542, 290, 1197, 1002, 762, 1710, 405, 178, 1265, 351, 150, 384, 328,
];

interface Layout {
  /** Top-left cell of each table's title: [row, column]. */
  budget: [number, number];
  contributions: [number, number];
}

interface Drifts {
  /** A cost line one euro short in this year (the stated total stays right). */
  lineShort?: number;
  /** One municipality's amount one euro high in this year (its total row stays right). */
  amountHigh?: { year: number; municipality: number };
}

function earlierPlan(layout: Layout, drifts: Drifts = {}) {
  const cells: Cells = new Map();
  const put = (r: number, c: number, value: string | number, numFmt?: string) =>
    set(cells, r, c, numFmt ? { value, numFmt } : { value });
  put(1, 1, "Uitvoeringsplan 2021 Inkoop en Contractmanagement Jeugd Zuid-Limburg");

  const totals = YEARS.map((_, y) => LINES.reduce((a, [, v]) => a + v[y], 0));
  const youth = totals.map((t) => Math.round(t * 0.7));
  const [br, bc] = layout.budget;
  put(br, bc, "Begroting 2021-2023");
  put(br + 1, bc, "Kostenpost");
  YEARS.forEach((y, i) => put(br + 1, bc + 1 + i, y));
  LINES.forEach(([label, values], l) => {
    put(br + 2 + l, bc, label);
    values.forEach((v, y) => {
      const short = drifts.lineShort === YEARS[y] && l === 1 ? 1 : 0;
      put(br + 2 + l, bc + 1 + y, v - short, AMOUNT);
    });
  });
  const totalRow = br + 2 + LINES.length;
  put(totalRow, bc, "Totaal");
  put(totalRow + 1, bc, "waarvan jeugd 70%");
  put(totalRow + 2, bc, "waarvan wmo 30%");
  YEARS.forEach((_, y) => {
    put(totalRow, bc + 1 + y, totals[y], AMOUNT);
    put(totalRow + 1, bc + 1 + y, youth[y], AMOUNT);
    put(totalRow + 2, bc + 1 + y, totals[y] - youth[y], AMOUNT);
  });

  const [cr, cc] = layout.contributions;
  put(cr, cc, "Bijdrage per gemeente 2021-2023");
  put(cr + 1, cc, "Gemeente");
  YEARS.forEach((y, i) => put(cr + 1, cc + 1 + i, y));
  const amounts = youth.map((t) => largestRemainder(t, WEIGHTS));
  MUNICIPALITIES.forEach((m, i) => {
    put(cr + 2 + i, cc, m);
    YEARS.forEach((year, y) => {
      const high = drifts.amountHigh?.year === year && drifts.amountHigh.municipality === i;
      put(cr + 2 + i, cc + 1 + y, amounts[y][i] + (high ? 1 : 0), AMOUNT);
    });
  });
  const sumRow = cr + 2 + MUNICIPALITIES.length;
  put(sumRow, cc, "Totaal");
  YEARS.forEach((_, y) => put(sumRow, cc + 1 + y, youth[y], AMOUNT));
  return { cells, totals, youth, amounts, totalRow, sumRow };
}

const column = (c: number) => String.fromCharCode(64 + c);

describe("an earlier plan: a budget and the contributions without a key column", () => {
  const layouts: [string, Layout][] = [
    ["one below the other", { budget: [3, 1], contributions: [17, 1] }],
    ["side by side", { budget: [3, 1], contributions: [3, 7] }],
  ];

  test.each(layouts)(
    "%s: read without binding, every figure where it stands",
    async (_, layout) => {
      const fixture = earlierPlan(layout);
      const r = await readSheets([{ name: "Financieel", cells: fixture.cells }], "plan-2021.xlsx");
      expect(r.notes.filter((n) => n.severity === "error")).toEqual([]);
      const plan = r.plan!;
      expect(r.layout).toBe("published");
      const budget = plan.budget!;
      expect(budget.years).toEqual(YEARS);
      expect(budget.lines.map((l) => l.label)).toEqual(LINES.map(([l]) => l));
      expect(budget.lines[0].values.get(2021)?.value.toNumber()).toBe(1_204_300);
      expect(YEARS.map((y) => budget.total.values.get(y)?.value.toNumber())).toEqual(
        fixture.totals
      );
      expect(YEARS.map((y) => budget.youth?.values.get(y)?.value.toNumber())).toEqual(
        fixture.youth
      );
      expect(budget.youth?.share?.value.toNumber()).toBe(0.7);
      const t6 = plan.contributions!;
      expect(t6.keyColumn).toBe(false);
      expect(t6.rows.map((row) => row.municipality)).toEqual(MUNICIPALITIES);
      expect(t6.rows.every((row) => row.key === undefined)).toBe(true);
      expect(t6.rows[5].values.get(2022)?.value.toNumber()).toBe(fixture.amounts[1][5]);
      const [cr, cc] = layout.contributions;
      expect(t6.rows[5].values.get(2022)?.cell).toEqual({
        sheet: "Financieel",
        address: `${column(cc + 2)}${cr + 7}`,
      });
      expect(plan.source.tables.Begroting).toBe(
        `Financieel!${column(layout.budget[1])}${layout.budget[0]}:${column(layout.budget[1] + 3)}${fixture.totalRow + 2}`
      );
      expect(r.notes.map((n) => n.message.nl)).toContain(
        "Tabel 6 heeft geen kolom met de verdeelsleutel: alleen de bedragen per jaar zijn gelezen"
      );
    }
  );

  test.each(layouts)("%s: the check finds nothing on tables that are right", async (_, layout) => {
    const r = await readSheets([{ name: "Financieel", cells: earlierPlan(layout).cells }]);
    const result = checkPlan(r.plan!);
    expect(result.findings).toEqual([]);
    const status = new Map(result.rules.map((x) => [x.rule, x.status]));
    expect(status.get("LINES-SUM")).toBe("ok");
    expect(status.get("SPLIT-SUM")).toBe("ok");
    expect(status.get("SPLIT-LABEL")).toBe("ok");
    expect(status.get("BUDGET-LINK")).toBe("ok");
    expect(status.get("ALLOC-SUM")).toBe("ok");
    // No key column: no 16 "missing keys".
    expect(status.get("KEY-SUM")).toBe("not-applicable");
  });

  test.each(layouts)("%s: exactly the drifts put in, with their cells", async (_, layout) => {
    const fixture = earlierPlan(layout, {
      lineShort: 2022,
      amountHigh: { year: 2023, municipality: 8 },
    });
    const r = await readSheets([{ name: "Financieel", cells: fixture.cells }]);
    const result = checkPlan(r.plan!);
    const [br, bc] = layout.budget;
    const [, cc] = layout.contributions;
    // 2022: Overhead is one euro short, so the six lines add up to the total − 1.
    const linesSum = fixture.totals[1] - 1;
    // 2023: Maastricht pays one euro more than its share, so the 16 amounts add up to the total + 1.
    const amountsSum = fixture.youth[2] + 1;
    expect(
      result.findings.map((f) => ({
        rule: f.rule,
        table: f.table,
        year: f.year,
        cell: f.cell?.address,
        expected: f.expected?.toNumber(),
        actual: f.actual?.toNumber(),
      }))
    ).toEqual([
      {
        rule: "LINES-SUM",
        table: "Begroting",
        year: 2022,
        cell: `${column(bc + 2)}${fixture.totalRow}`,
        expected: linesSum,
        actual: fixture.totals[1],
      },
      {
        rule: "ALLOC-SUM",
        table: "Tabel 6",
        year: 2023,
        cell: `${column(cc + 3)}${fixture.sumRow}`,
        expected: fixture.youth[2],
        actual: amountsSum,
      },
    ]);
    const lines = result.findings[0];
    expect(lines.cells.map((c) => c.address)).toContain(`${column(bc + 2)}${br + 3}`);
  });

  test("without Tabel 4, the contributions' total is the budget's jeugd part", async () => {
    const fixture = earlierPlan({ budget: [3, 1], contributions: [17, 1] });
    // The 2021 total row of the contributions says 10 more than the budget's jeugd part.
    const sumCell = fixture.cells.get(fixture.sumRow)!.get(2)!;
    sumCell.value = (sumCell.value as number) + 10;
    const r = await readSheets([{ name: "Financieel", cells: fixture.cells }]);
    const link = checkPlan(r.plan!).findings.filter((f) => f.rule === "BUDGET-LINK");
    expect(
      link.map((f) => [f.year, f.cell?.address, f.expected?.toNumber(), f.actual?.toNumber()])
    ).toEqual([[2021, `B${fixture.sumRow}`, fixture.youth[0], fixture.youth[0] + 10]]);
    expect(link[0].message.nl).toContain("het jeugddeel van de begroting");
  });
});
