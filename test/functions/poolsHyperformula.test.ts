import { HyperFormula } from "hyperformula";
import { Plan } from "../../src/core/model";
import { embeddedFeed, setPlanFeed } from "../../src/functions/planFeed";
import { readPlanFromBuffer } from "../../src/workbook/read";
import { mergedExample } from "../../src/workbook/poolsExample";
import { writeTemplateWorkbook } from "../../src/workbook/template";
import { registerUpFunctions } from "./hyperformulaUp";
import { TestFeed } from "./support";

/*
 * UP.CONTRIBUTION's pool argument in a real formula engine, on the merged template (both pools,
 * 16 municipalities) written and read back as a user's file: for every municipality and year,
 * the policy pool plus the purchasing pool is the contribution without a pool, exactly — as
 * numbers and counted in cents — computed and as stated; an unknown pool is #VALUE!.
 */

let hf: HyperFormula;
let plan: Plan;
const YEARS = [2025, 2026, 2027];

/** Per year a block of columns: beleid, verwerving, no pool, A+B=total, cents A+B−total. */
function sheet(municipalities: string[], source: string): (string | number | null)[][] {
  return municipalities.map((m, r) => {
    const n = r + 1;
    const cells: (string | number | null)[] = [m];
    for (const year of YEARS) {
      const up = (pool: string) => `=UP.CONTRIBUTION($A${n},${year},${source}${pool})`;
      const c = cells.length;
      const [a, b, t] = [c, c + 1, c + 2].map((i) => `${String.fromCharCode(65 + i)}${n}`);
      cells.push(
        up(',"Beleid"'),
        up(',"verwerving"'),
        up(""),
        `=${a}+${b}=${t}`,
        `=ROUND(${a}*100,0)+ROUND(${b}*100,0)-ROUND(${t}*100,0)`
      );
    }
    return cells;
  });
}

beforeAll(async () => {
  await registerUpFunctions();
  const file = await writeTemplateWorkbook(mergedExample()).xlsx.writeBuffer();
  plan = (await readPlanFromBuffer(new Uint8Array(file as ArrayBuffer), "samengevoegd.xlsx")).plan!;
  expect(plan.pools!.map((p) => p.name)).toEqual(["verwerving", "beleid"]);
  setPlanFeed(new TestFeed(plan));
  hf = HyperFormula.buildFromSheets(
    {
      Berekend: sheet(plan.municipalities, '""'),
      Vermeld: sheet(plan.municipalities, '"vermeld"'),
    },
    { licenseKey: "gpl-v3" }
  );
});

afterAll(() => {
  hf?.destroy();
  setPlanFeed(embeddedFeed);
});

const value = (name: string, row: number, col: number) =>
  hf.getCellValue({ sheet: hf.getSheetId(name)!, row, col });

test.each(["Berekend", "Vermeld"])(
  "%s: pool beleid + pool verwerving = no pool, exactly, for every municipality and year",
  (name) => {
    expect(plan.municipalities).toHaveLength(16);
    let cents = 0;
    plan.municipalities.forEach((m, row) => {
      expect(value(name, row, 0)).toBe(m);
      YEARS.forEach((_y, i) => {
        const [policy, purchasing, total, same, diff] = [1, 2, 3, 4, 5].map((c) =>
          value(name, row, i * 5 + c)
        );
        for (const v of [policy, purchasing, total]) expect(typeof v).toBe("number");
        // The policy pool is in cents: somewhere a contribution is not whole euros.
        if (!Number.isInteger(policy)) cents++;
        expect(Number.isInteger(purchasing)).toBe(true);
        expect(same).toBe(true);
        expect(diff).toBe(0);
        expect(Math.round((total as number) * 100)).toBe(
          Math.round((policy as number) * 100) + Math.round((purchasing as number) * 100)
        );
      });
    });
    expect(cents).toBeGreaterThan(0);
  }
);

test("the pools' contributions add up to each pool's own total, to the cent", () => {
  YEARS.forEach((year, i) => {
    const cents = (col: number) =>
      plan.municipalities.reduce(
        (s, _m, row) => s + Math.round((value("Berekend", row, i * 5 + col) as number) * 100),
        0
      );
    const budget = plan.pools![1].plan.budget!.total.values.get(year)!.value;
    const t4 = plan.pools![0].plan.totals!.total.values.get(year)!.value;
    expect(cents(1)).toBe(budget.times(100).toNumber());
    expect(cents(2)).toBe(t4.times(100).toNumber());
  });
});

test("an unknown pool is #VALUE! with the Dutch message naming the pools", () => {
  const id = hf.getSheetId("Berekend")!;
  hf.setCellContents({ sheet: id, row: 20, col: 0 }, [
    ['=UP.CONTRIBUTION("Heerlen",2025,,"zorg")'],
  ]);
  const v = hf.getCellValue({ sheet: id, row: 20, col: 0 }) as { type: string; message: string };
  expect(v.type).toBe("VALUE");
  expect(v.message).toBe(
    'Argument pool: Kostenpool "zorg" bestaat niet in dit plan; er zijn: verwerving, beleid'
  );
});

/** Evaluates one formula in a spare cell of the computed sheet. */
function evaluate(formula: string): unknown {
  const id = hf.getSheetId("Berekend")!;
  hf.setCellContents({ sheet: id, row: 30, col: 0 }, [[formula]]);
  return hf.getCellValue({ sheet: id, row: 30, col: 0 });
}

test("UP.TOTAL per pool is the sum of that pool's contributions, without a pool the sum over the pools, to the cent", () => {
  const column = (c: number) => String.fromCharCode(65 + c);
  const rows = plan.municipalities.length;
  YEARS.forEach((year, i) => {
    for (const [pool, c] of [
      [',"Beleid"', 1],
      [',"verwerving"', 2],
      ["", 3],
    ] as const) {
      const sumOf = `SUM(${column(i * 5 + c)}1:${column(i * 5 + c)}${rows})`;
      expect(evaluate(`=ROUND(${sumOf}*100,0)-ROUND(UP.TOTAL(${year},${pool})*100,0)`)).toBe(0);
    }
  });
  expect(evaluate('=UP.TOTAL(2025,,"beleid")')).toBe(412600);
  expect(evaluate("=UP.TOTAL(2025)")).toBe(
    412600 + (evaluate('=UP.TOTAL(2025,,"verwerving")') as number)
  );
});

test("UP.TOTAL's Tabel 4 parts over the pools name the pool without Tabel 4; with the pool they answer", () => {
  const v = evaluate('=UP.TOTAL(2025,"formatie")') as { type: string; message: string };
  expect([v.type, v.message]).toEqual([
    "NA",
    "Kostenpool beleid: Het plan heeft geen Tabel 4 (overzicht totalen)",
  ]);
  const t4 = plan.pools![0].plan.totals!;
  expect(evaluate('=UP.TOTAL(2025,"formatie","verwerving")')).toBe(
    t4.staffYouth.values.get(2025)!.value.toNumber()
  );
});

test("UP.KEY is a pool's own key; without a pool in a merged plan it asks which", () => {
  const budgets = plan.pools![1].plan.contributions!.rows;
  const all = budgets.reduce((s, r) => s + r.budget!.value.toNumber(), 0);
  const heerlen = budgets.find((r) => r.municipality === "Heerlen")!.budget!.value.toNumber();
  expect(evaluate('=UP.KEY("Heerlen",,"beleid")') as number).toBeCloseTo(heerlen / all, 12);
  // key × the pool's total is the pool's contribution within its rounding (one cent).
  const off = evaluate(
    '=ABS(UP.KEY("Heerlen",2025,"beleid")*UP.TOTAL(2025,,"beleid")-UP.CONTRIBUTION("Heerlen",2025,,"beleid"))'
  ) as number;
  expect(off).toBeLessThanOrEqual(0.01);
  const sla = plan.pools![0].plan.contributions!.rows.find((r) => r.municipality === "Heerlen")!;
  expect(evaluate('=UP.KEY("Heerlen",,"VERWERVING")') as number).toBeCloseTo(
    sla.key!.value.toNumber(),
    6
  );
  const v = evaluate('=UP.KEY("Heerlen")') as { type: string; message: string };
  expect([v.type, v.message]).toEqual([
    "VALUE",
    "Kies een kostenpool: dit plan heeft 2 kostenpools (verwerving, beleid), elk met een eigen verdeelsleutel",
  ]);
  const u = evaluate('=UP.KEY("Heerlen",,"zorg")') as { type: string; message: string };
  expect([u.type, u.message]).toEqual([
    "VALUE",
    'Argument pool: Kostenpool "zorg" bestaat niet in dit plan; er zijn: verwerving, beleid',
  ]);
});
