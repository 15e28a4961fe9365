import { HyperFormula } from "hyperformula";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { embeddedFeed, setPlanFeed } from "../../src/functions/planFeed";
import { allKindsPlan, YEARS } from "../support/allKindsPlan";
import { hamilton } from "../support/hamilton";
import { readSheets } from "../reader/sheetCells";
import { registerUpFunctions } from "./hyperformulaUp";
import { TestFeed } from "./support";

/*
 * =UP.CONTRIBUTION on an earlier plan whose key comes from its key calculation table: the keys
 * there are shown and stored rounded (Beek 3,40%), the shares give the precise key (3,4025%).
 * Each cell must be the precise key's largest-remainder amount, worked out here in integers
 * (keys in 1/40 000), not the rounded key's.
 */

const fixture = allKindsPlan();
let hf: HyperFormula;

beforeAll(async () => {
  await registerUpFunctions();
  const read = await readSheets([{ name: "Financieel", cells: fixture.cells }], "plan-2023.xlsx");
  setPlanFeed(new TestFeed(read.plan));
  const rows = MUNICIPALITIES.map((m) => [m, ...YEARS.map((y) => `=UP.CONTRIBUTION("${m}",${y})`)]);
  hf = HyperFormula.buildFromSheets({ Controle: rows }, { licenseKey: "gpl-v3" });
});

afterAll(() => {
  hf?.destroy();
  setPlanFeed(embeddedFeed);
});

const cell = (r: number, c: number) => hf.getCellValue({ sheet: 0, row: r, col: c });

test.each(YEARS.map((y, i) => [y, i]))(
  "UP.CONTRIBUTION in %i is the precise key's largest remainder for all 16",
  (_, i) => {
    const total = BigInt(fixture.youth[i]);
    const precise = hamilton(total, fixture.key40000.map(BigInt), MUNICIPALITIES).map(Number);
    expect(MUNICIPALITIES.map((_, r) => cell(r, 1 + i))).toEqual(precise);
  }
);

test("the rounded keys would have given other amounts: Beek 2024 is 3,4025% × total, not 3,40%", () => {
  const i = YEARS.indexOf(2024);
  const total = BigInt(fixture.youth[i]);
  const rounded = hamilton(total, fixture.shownKey.map(BigInt), MUNICIPALITIES).map(Number);
  const precise = hamilton(total, fixture.key40000.map(BigInt), MUNICIPALITIES).map(Number);
  expect(cell(0, 1 + i)).toBe(precise[0]);
  expect(precise[0]).not.toBe(rounded[0]);
  // 3,4025% × 1.187.536 = 40.405,91 → 40.406; 3,40% (of keys adding up to 99,99%) gives less.
  expect(precise[0]).toBe(Math.round((fixture.youth[i] * 1361) / 40_000));
});
