import { HyperFormula, RawCellContent } from "hyperformula";
import { plan2024 } from "../../src/core/plan2024";
import { planKey } from "../../src/core/planKey";
import { yearTotal } from "../../src/core/query";
import { registerUpFunctions } from "../../test/functions/hyperformulaUp";
import { Sample, timePair } from "./stats";

/*
 * Formula recalculation: 10 000 formula cells answered by the UP.* functions (registered from
 * the generated metadata, as Excel registers them, answering from the built-in plan) against
 * the same sheet with native formulas over the plan's keys and totals, written two ways: as a
 * spreadsheet user would (each row's key looked up once in a helper column, each year's total
 * once in a cell), and with every lookup inline in every formula. Every formula reads one year
 * cell, so changing it recalculates all of them.
 */

export const FORMULA_CELLS = 10_000;
const ROWS = FORMULA_CELLS / 4;
const YEAR = "Data!$J$1";

const NAMES = "Data!$A$2:$A$17";
const KEYS = "Data!$B$2:$B$17";
const YEARS = "Data!$D$1:$H$1";
const TOTALS = "Data!$D$2:$H$2";

/** Cells of the Data sheet the helper-column sheet adds: the totals of the year and the next. */
const TOTAL_YEAR = "Data!$J$2";
const TOTAL_NEXT = "Data!$J$3";

const total = (year: string) => `INDEX(${TOTALS},1,MATCH(${year},${YEARS},0))`;
const key = (r: number) => `INDEX(${KEYS},MATCH($A${r},${NAMES},0))`;

/** One way of writing the sheet: its formulas per row, and what it adds to the Data sheet. */
interface Layout {
  /** Columns B–E: contribution of the year and the next, key, total; any helper columns after. */
  row(r: number): string[];
  data: RawCellContent[];
}

const up: Layout = {
  row: (r) => [
    `=UP.CONTRIBUTION($A${r},${YEAR})`,
    `=UP.CONTRIBUTION($A${r},${YEAR}+1)`,
    `=UP.KEY($A${r},${YEAR})`,
    `=UP.TOTAL(${YEAR})`,
  ],
  data: [],
};

/** As a spreadsheet user writes it: the key once per row (column F), the totals once. */
const helperColumn: Layout = {
  row: (r) => [
    `=ROUND($F${r}*${TOTAL_YEAR},0)`,
    `=ROUND($F${r}*${TOTAL_NEXT},0)`,
    `=IF(ISNUMBER(${TOTAL_YEAR}),$F${r},NA())`,
    `=${TOTAL_YEAR}`,
    `=${key(r)}`,
  ],
  data: [`=${total(YEAR)}`, `=${total(`${YEAR}+1`)}`],
};

/** Every lookup inline: the key three times per row, the year's MATCH four times. */
const inline: Layout = {
  row: (r) => [
    `=ROUND(${key(r)}*${total(YEAR)},0)`,
    `=ROUND(${key(r)}*${total(`${YEAR}+1`)},0)`,
    `=IF(ISNUMBER(MATCH(${YEAR},${YEARS},0)),${key(r)},NA())`,
    `=${total(YEAR)}`,
  ],
  data: [],
};

/** The plan's keys and Tabel 4 totals as cells, the year every formula reads, and `extra` in J2… */
function dataSheet(extra: RawCellContent[]): { sheet: RawCellContent[][]; names: string[] } {
  const plan = plan2024();
  const keys = [...planKey(plan).keys];
  const years = plan.totals!.years;
  const pad = (cells: RawCellContent[]) => [...cells, ...Array(9 - cells.length).fill(null)];
  const sheet: RawCellContent[][] = [
    ["gemeente", "sleutel", null, ...years, null, 2025],
    ...keys.map(([name, k], i) =>
      pad([
        name,
        k.toNumber(),
        null,
        ...(i === 0 ? years.map((y) => yearTotal(plan, y).toNumber()) : []),
      ]).concat(i < extra.length ? [extra[i]] : [])
    ),
  ];
  return { sheet, names: keys.map(([name]) => name) };
}

function engine(layout: Layout): HyperFormula {
  const { sheet, names } = dataSheet(layout.data);
  const rows: RawCellContent[][] = Array.from({ length: ROWS }, (_, i) => [
    names[i % names.length],
    ...layout.row(i + 1),
  ]);
  return HyperFormula.buildFromSheets(
    { Data: sheet, Formules: rows },
    { licenseKey: "gpl-v3", maxRows: ROWS + 10 }
  );
}

export interface NativeTiming {
  native: Sample;
  /** UP time / native time, per interleaved pair. */
  ratio: Sample;
}

export interface RecalcResult {
  up: Sample;
  /** The sheet a spreadsheet user writes: helper column for the key, totals once. */
  helperColumn: NativeTiming;
  /** Every lookup repeated inline in every formula. */
  inline: NativeTiming;
  /** Largest difference between a UP cell and its native twin (contributions may differ by €1). */
  largestDifference: number;
}

function values(hf: HyperFormula): unknown[][] {
  return hf.getSheetValues(hf.getSheetId("Formules")!);
}

/** UP and native must compute the same figures (columns B–E), or the comparison means nothing. */
function compare(a: HyperFormula, b: HyperFormula): number {
  const va = values(a);
  const vb = values(b);
  let largest = 0;
  va.forEach((row, r) =>
    row.slice(1, 5).forEach((v, c) => {
      const w = vb[r][c + 1];
      if (typeof v !== "number" || typeof w !== "number") {
        throw new Error(
          `recalc: cell ${r + 1},${c + 2} is not a number: UP ${String(v)}, native ${String(w)}`
        );
      }
      largest = Math.max(largest, Math.abs(v - w));
    })
  );
  if (largest > 1) throw new Error(`recalc: UP and native differ by ${largest}`);
  return largest;
}

/** Each call moves the engine's year, so all its formulas are evaluated again. */
function toggle(hf: HyperFormula): () => void {
  const cell = { sheet: hf.getSheetId("Data")!, row: 0, col: 9 };
  let year = 2025;
  return () => {
    year = year === 2025 ? 2024 : 2025;
    hf.setCellContents(cell, [[year]]);
  };
}

export async function recalculation(runs: number): Promise<RecalcResult> {
  await registerUpFunctions();
  const hfUp = engine(up);
  const hfHelper = engine(helperColumn);
  const hfInline = engine(inline);
  const largestDifference = Math.max(compare(hfUp, hfHelper), compare(hfUp, hfInline));
  const helper = await timePair(toggle(hfUp), toggle(hfHelper), runs, 2);
  const repeated = await timePair(toggle(hfUp), toggle(hfInline), runs, 2);
  compare(hfUp, hfHelper);
  compare(hfUp, hfInline);
  for (const hf of [hfUp, hfHelper, hfInline]) hf.destroy();
  return {
    up: helper.a,
    helperColumn: { native: helper.b, ratio: helper.ratio },
    inline: { native: repeated.b, ratio: repeated.ratio },
    largestDifference,
  };
}
