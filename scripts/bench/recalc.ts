import { HyperFormula, RawCellContent } from "hyperformula";
import { plan2024 } from "../../src/core/plan2024";
import { planKeys, yearTotal } from "../../src/core/query";
import { registerUpFunctions } from "../../test/functions/hyperformulaUp";
import { Sample, timePair } from "./stats";

/*
 * Formula recalculation: 10 000 formula cells answered by the UP.* functions (registered from
 * the generated metadata, as Excel registers them, answering from the built-in plan) against
 * the same sheet with native formulas over the plan's keys and totals. Every formula reads
 * one year cell, so changing it recalculates all of them.
 */

export const FORMULA_CELLS = 10_000;
const ROWS = FORMULA_CELLS / 4;
const YEAR = "Data!$J$1";

const NAMES = "Data!$A$2:$A$17";
const KEYS = "Data!$B$2:$B$17";
const YEARS = "Data!$D$1:$H$1";
const TOTALS = "Data!$D$2:$H$2";

/** The plan's keys and Tabel 4 totals as cells, and the year every formula reads. */
function dataSheet(): { sheet: RawCellContent[][]; names: string[] } {
  const plan = plan2024();
  const keys = [...planKeys(plan)];
  const years = plan.totals!.years;
  const sheet: RawCellContent[][] = [
    ["gemeente", "sleutel", null, ...years, null, 2025],
    ...keys.map(([name, key], i) => [
      name,
      key.toNumber(),
      null,
      ...(i === 0 ? years.map((y) => yearTotal(plan, y).toNumber()) : []),
    ]),
  ];
  return { sheet, names: keys.map(([name]) => name) };
}

type Formulas = (row: number) => string[];

const up: Formulas = (r) => [
  `=UP.CONTRIBUTION($A${r},${YEAR})`,
  `=UP.CONTRIBUTION($A${r},${YEAR}+1)`,
  `=UP.KEY($A${r},${YEAR})`,
  `=UP.TOTAL(${YEAR})`,
];

const total = (year: string) => `INDEX(${TOTALS},1,MATCH(${year},${YEARS},0))`;
const key = (r: number) => `INDEX(${KEYS},MATCH($A${r},${NAMES},0))`;
const native: Formulas = (r) => [
  `=ROUND(${key(r)}*${total(YEAR)},0)`,
  `=ROUND(${key(r)}*${total(`${YEAR}+1`)},0)`,
  `=IF(ISNUMBER(MATCH(${YEAR},${YEARS},0)),${key(r)},NA())`,
  `=${total(YEAR)}`,
];

function engine(formulas: Formulas): HyperFormula {
  const { sheet, names } = dataSheet();
  const rows: RawCellContent[][] = Array.from({ length: ROWS }, (_, i) => [
    names[i % names.length],
    ...formulas(i + 1),
  ]);
  return HyperFormula.buildFromSheets(
    { Data: sheet, Formules: rows },
    { licenseKey: "gpl-v3", maxRows: ROWS + 10 }
  );
}

export interface RecalcResult {
  up: Sample;
  native: Sample;
  /** UP time / native time, per interleaved pair. */
  ratio: Sample;
  /** Largest difference between a UP cell and its native twin (contributions may differ by €1). */
  largestDifference: number;
}

function values(hf: HyperFormula): unknown[][] {
  return hf.getSheetValues(hf.getSheetId("Formules")!);
}

/** UP and native must compute the same figures, or the comparison means nothing. */
function compare(a: HyperFormula, b: HyperFormula): number {
  const va = values(a);
  const vb = values(b);
  let largest = 0;
  va.forEach((row, r) =>
    row.slice(1).forEach((v, c) => {
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

export async function recalculation(runs: number): Promise<RecalcResult> {
  await registerUpFunctions();
  const hfUp = engine(up);
  const hfNative = engine(native);
  const largestDifference = compare(hfUp, hfNative);
  const data = (hf: HyperFormula) => ({ sheet: hf.getSheetId("Data")!, row: 0, col: 9 });
  // Each timed call moves its engine's year, so all 10 000 formulas are evaluated again.
  const toggle = (hf: HyperFormula) => {
    let year = 2025;
    return () => {
      year = year === 2025 ? 2024 : 2025;
      hf.setCellContents(data(hf), [[year]]);
    };
  };
  const result = await timePair(toggle(hfUp), toggle(hfNative), runs, 2);
  compare(hfUp, hfNative);
  hfUp.destroy();
  hfNative.destroy();
  return { up: result.a, native: result.b, ratio: result.ratio, largestDifference };
}
