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
