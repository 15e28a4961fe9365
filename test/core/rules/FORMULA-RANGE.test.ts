import { checkPlan } from "../../../src/core/check";
import { Figure, Plan, PlanLine } from "../../../src/core/model";
import { FORMULA_RANGE, sumRanges } from "../../../src/core/rules/FORMULA-RANGE";
import { consistentPlan } from "../../support/planBuilder";

/*
 * consistentPlan() puts each table on a sheet named after it, labels in A, years from C:
 * Tabel 1 roles on rows 2–4 (Coordinator, Inkopers, Contractmanagers INHUUR, whose 2025 cell
 * D4 is empty), its total on row 5; Tabel 4 rows 2–4; Tabel 6 Beek, Heerlen, Maastricht,
 * Vaals on rows 2–5 with the key in B, the total on row 6.
 */

function withFormula(line: PlanLine, year: number, formula: string): Figure {
  const f = line.values.get(year)!;
  f.formula = formula;
  return f;
}

function run(plan: Plan) {
  return FORMULA_RANGE.run(plan).map((f) => ({
    table: f.table,
    year: f.year,
    line: f.line,
    cell: f.cell && `${f.cell.sheet}!${f.cell.address}`,
    cells: f.cells.map((c) => `${c.sheet}!${c.address}`),
  }));
}

describe("FORMULA-RANGE", () => {
  test("not applicable to a plan without formulas; applicable once a total has one", () => {
    const plan = consistentPlan();
    expect(FORMULA_RANGE.applies(plan)).toBe(false);
    withFormula(plan.staffing!.total, 2024, "SUM(C2:C4)");
    expect(FORMULA_RANGE.applies(plan)).toBe(true);
  });

  test("a SUM over exactly the role rows is silent", () => {
    const plan = consistentPlan();
    withFormula(plan.staffing!.total, 2024, "SUM(C2:C4)");
    withFormula(plan.staffing!.total, 2025, "SUM($D$2:$D$4)");
    expect(run(plan)).toEqual([]);
  });

  test("a SUM that starts one row late misses the first role", () => {
    const plan = consistentPlan();
    withFormula(plan.staffing!.total, 2024, "SUM(C3:C4)");
    expect(run(plan)).toEqual([
      {
        table: "Tabel 1",
        year: 2024,
        line: "formatie team verwervingen",
        cell: "Tabel 1!C5",
        cells: ["Tabel 1!C5", "Tabel 1!C2"],
      },
    ]);
    const [f] = FORMULA_RANGE.run(plan);
    expect(f.severity).toBe("error");
    expect(f.message.nl).toBe(
      "Tabel 1, 'formatie team verwervingen' 2024: de formule =SUM(C3:C4) in C5 telt C2 (Coordinator) niet mee"
    );
  });

  test("a row whose cell is empty this year still belongs in the range", () => {
    const plan = consistentPlan();
    // Contractmanagers INHUUR has no 2025 figure; its cell would be D4.
    withFormula(plan.staffing!.total, 2025, "SUM(D2:D3)");
    expect(run(plan).map((f) => f.cells)).toEqual([["Tabel 1!D5", "Tabel 1!D4"]]);
  });

  test("a range reaching into the header row counts a cell outside the table", () => {
    const plan = consistentPlan();
    withFormula(plan.staffing!.total, 2024, "SUM(C1:C4)");
    const [f] = FORMULA_RANGE.run(plan);
    expect(f.message.en).toBe(
      "Tabel 1, 'formatie team verwervingen' 2024: the formula =SUM(C1:C4) in C5 also adds C1, outside the rows of the table"
    );
  });

  test("a sum written with + is checked the same way", () => {
    const plan = consistentPlan();
    withFormula(plan.totals!.total, 2024, "C2+C3");
    expect(run(plan)).toEqual([]);
    withFormula(plan.totals!.total, 2024, "C2+C2");
    expect(run(plan)).toEqual([
      {
        table: "Tabel 4",
        year: 2024,
        line: "totaal",
        cell: "Tabel 4!C4",
        cells: ["Tabel 4!C4", "Tabel 4!C3"],
      },
    ]);
  });

  test("formulas that are not a plain sum are not this rule's business", () => {
    const plan = consistentPlan();
    withFormula(plan.totals!.total, 2024, "C2*1");
    withFormula(plan.totals!.total, 2025, "SUM(D2:D3)-D2");
    expect(run(plan)).toEqual([]);
  });

  test("a table split over two sheets: the SUM must name both parts", () => {
    const plan = consistentPlan();
    const t6 = plan.contributions!;
    // Maastricht and Vaals moved to rows 2–3 of sheet 'Deel 2'.
    t6.rows.slice(2).forEach((r, i) => {
      for (const f of r.values.values())
        f.cell = { sheet: "Deel 2", address: f.cell!.address.replace(/\d+$/, String(2 + i)) };
      r.labelCell = { sheet: "Deel 2", address: `A${2 + i}` };
    });
    withFormula(t6.total, 2024, "SUM(C2:C3,'Deel 2'!C2:C3)");
    expect(run(plan)).toEqual([]);
    withFormula(t6.total, 2024, "SUM(C2:C3)+'Deel 2'!C2");
    expect(run(plan)).toEqual([
      {
        table: "Tabel 6",
        year: 2024,
        line: "totaal",
        cell: "Tabel 6!C6",
        cells: ["Tabel 6!C6", "Deel 2!C3"],
      },
    ]);
  });

  test("an unquoted accented sheet name, as Excel writes it, is checked like a plain one", () => {
    const plan = consistentPlan();
    const t3 = plan.materialCosts!;
    // Tabel 3 on sheet 'Materiële': its cost lines in rows 2–4, the subtotal in row 5.
    for (const l of [...t3.lines, t3.subtotal, t3.youth, t3.wmo]) {
      for (const f of l.values.values()) f.cell = { ...f.cell!, sheet: "Materiële" };
      l.labelCell = { ...l.labelCell!, sheet: "Materiële" };
    }
    withFormula(t3.subtotal, 2024, "SUM(Materiële!C2:C4)");
    expect(run(plan)).toEqual([]);
    withFormula(t3.subtotal, 2024, "SUM(Materiële!C2:C3)");
    expect(run(plan)).toEqual([
      {
        table: "Tabel 3",
        year: 2024,
        line: "subtotaal",
        cell: "Materiële!C5",
        cells: ["Materiële!C5", "Materiële!C4"],
      },
    ]);
  });

  test("blank rows between the lines are inside the table", () => {
    const plan = consistentPlan();
    const t6 = plan.contributions!;
    // Vaals one row lower (row 6), the total on row 7: row 5 is blank.
    const move = (l: PlanLine, row: number) => {
      for (const f of l.values.values())
        f.cell!.address = f.cell!.address.replace(/\d+$/, `${row}`);
    };
    move(t6.rows[3], 6);
    move(t6.total, 7);
    withFormula(t6.total, 2024, "SUM(C2:C6)");
    expect(run(plan)).toEqual([]);
  });

  test("the key's total 100% is checked against the keys", () => {
    const plan = consistentPlan();
    // The keys stand in B2:B5, their total in B6.
    plan.contributions!.totalKey!.formula = "SUM(B2:B4)";
    expect(run(plan)).toEqual([
      {
        table: "Tabel 6",
        year: null,
        line: "totaal",
        cell: "Tabel 6!B6",
        cells: ["Tabel 6!B6", "Tabel 6!B5"],
      },
    ]);
  });

  test("checkPlan reports it after the other rules", () => {
    const plan = consistentPlan();
    withFormula(plan.staffing!.total, 2024, "SUM(C3:C4)");
    const r = checkPlan(plan);
    expect(r.rules[r.rules.length - 1]).toMatchObject({
      rule: "FORMULA-RANGE",
      status: "findings",
      findings: 1,
    });
  });
});

describe("sumRanges", () => {
  test.each([
    ["SUM(C2:C4)", [["S", 2, 3, 4, 3]]],
    ["=SUM($C$2:$C$4)", [["S", 2, 3, 4, 3]]],
    [
      "SUM(C2;C4)",
      [
        ["S", 2, 3, 2, 3],
        ["S", 4, 3, 4, 3],
      ],
    ],
    [
      "'Tabel 1'!C2+Blad2!D3:C1",
      [
        ["Tabel 1", 2, 3, 2, 3],
        ["Blad2", 1, 3, 3, 4],
      ],
    ],
    ["'It''s'!A1", [["It's", 1, 1, 1, 1]]],
  ])("%s", (formula, rects) => {
    expect(sumRanges(formula, "S")).toEqual(
      rects.map(([sheet, top, left, bottom, right]) => ({ sheet, top, left, bottom, right }))
    );
  });

  test.each(["C2*0.7", "AVERAGE(C2:C4)", "SUM(C2:C4)/2", "", "SUM(C:C)"])(
    "%s is no plain sum",
    (formula) => expect(sumRanges(formula, "S")).toBeUndefined()
  );
});
