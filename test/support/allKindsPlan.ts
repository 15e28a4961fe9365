import { MUNICIPALITIES } from "../../src/core/municipalities";
import { Cells, set } from "../reader/sheetCells";
import { hamilton } from "./hamilton";

/*
 * The financial section of an earlier plan with every kind of table on one sheet, in the order
 * such plans have them: a budget per cost line with its jeugd/wmo split (`Begroting …`), the key
 * calculation table (`Herberekening verdeelsleutel 2023 …`), the contributions per municipality
 * for five years without a key column, and the change from 2023 to 2024 (`Toename …`). Numbers
 * are stored as numbers with Dutch formats; shares and keys are shown with two decimals, keys
 * stored rounded (3,40%) while the shares give the precise key (Beek 3,4025%, PLAN-MODEL's example).
 * Every figure is invented here and worked out in whole numbers, apart from UP's code.
 */

export const YEARS = [2022, 2023, 2024, 2025, 2026];

/** The rules of the key calculation and change tables, which plans of other years have. */
export const EARLIER_PLAN_RULES = [
  "KEYTABLE-SHARES",
  "KEYTABLE-KEY",
  "KEYTABLE-AMOUNT",
  "KEYTABLE-ROW",
  "KEYTABLE-COLUMN",
  "KEYTABLE-TOTAL",
  "CHANGE-INCREASE",
  "CHANGE-PERCENT",
  "CHANGE-TOTAL",
] as const;
export const KEY_YEAR = 2023;
const AMOUNT = "#,##0";
const PERCENT = "0.00%";

export const LINES: [string, number[]][] = [
  ["Personeel", [1_251_800, 1_297_450, 1_340_200, 1_381_900, 1_425_300]],
  ["Overhead", [187_770, 194_618, 201_030, 207_285, 213_795]],
  ["Inhuur", [60_000, 45_000, 45_000, 30_000, 30_000]],
  ["Juridische ondersteuning", [27_500, 27_500, 28_000, 28_500, 29_000]],
  ["Accountant", [14_800, 15_300, 15_750, 16_200, 16_700]],
  ["ICT", [63_100, 64_840, 66_500, 68_200, 69_900]],
];

/** Shares in hundredths of a percent (2,70% → 270), each component adding up to 10 000. */
export const COMPONENTS: [string, number[]][] = [
  [
    "Jongeren < 20",
    [270, 545, 560, 610, 330, 1180, 1000, 790, 1620, 455, 190, 1290, 380, 180, 420, 180],
  ],
  [
    "Toekenningen",
    [254, 610, 655, 520, 300, 1240, 1105, 800, 1690, 400, 150, 1200, 330, 140, 380, 226],
  ],
  [
    "Declaraties",
    [212, 500, 600, 560, 280, 1300, 1050, 760, 1700, 430, 160, 1240, 360, 150, 400, 298],
  ],
];
/** The equal share: 1/16 = 6,25%. */
const EQUAL = 625;

/** What can be put wrong, one drift each. */
export interface Drifts {
  /** Overhead one euro short in 2022 (the budget's total stays right). */
  lineShort?: boolean;
  /** Kerkrade's key shown as 3,50% higher than its shares give (the shares stay right). */
  keyOff?: boolean;
  /** Heerlen's amount for declaraties one euro high (its row total and the column total stay). */
  amountHigh?: boolean;
  /** Maastricht's 2025 contribution one euro high (the total row stays right). */
  contributionHigh?: boolean;
  /** Stein's increase one euro low (old and new stay right, and so does the total row). */
  increaseLow?: boolean;
  /** Vaals's percentage shown 0,3 percentage point high. */
  percentHigh?: boolean;
}

/** Every drift at once: one in each table. */
export const ALL_DRIFTS: Required<Drifts> = {
  lineShort: true,
  keyOff: true,
  amountHigh: true,
  contributionHigh: true,
  increaseLow: true,
  percentHigh: true,
};

export interface AllKindsPlan {
  cells: Cells;
  totals: number[];
  /** The jeugd part of each year: what the municipalities pay together. */
  youth: number[];
  /** The precise key of each municipality in 1/40 000 (Σ weight × share; Beek 1361 = 3,4025%). */
  key40000: number[];
  /** The key as shown and stored, in hundredths of a percent (Beek 340). */
  shownKey: number[];
  /** Amounts per component (gelijk, then the three components) per municipality. */
  componentAmounts: number[][];
  rowTotals: number[];
  /** Contributions per year (index of YEARS) per municipality, before any drift. */
  contributions: number[][];
  rows: {
    budgetTitle: number;
    budgetTotal: number;
    keyTitle: number;
    keyHeader: number;
    weights: number;
    keyFirst: number;
    keyTotal: number;
    contributionsFirst: number;
    contributionsTotal: number;
    changeFirst: number;
    changeTotal: number;
  };
  /** Rounded percentage of the increase, in tenths of a percent (5,2% → 52). */
  percentTenths: number[];
}

const bigints = (xs: number[]) => xs.map(BigInt);
const allocated = (total: number, weights: number[]) =>
  hamilton(BigInt(total), bigints(weights), MUNICIPALITIES).map(Number);

/** Half up, in whole numbers: n / d rounded. */
const roundDiv = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

export function allKindsPlan(drifts: Drifts = {}): AllKindsPlan {
  const cells: Cells = new Map();
  const put = (r: number, c: number, value: string | number, numFmt?: string) =>
    set(cells, r, c, numFmt ? { value, numFmt } : { value });
  put(1, 1, "Uitvoeringsplan 2023 Inkoop en Contractmanagement Jeugd Zuid-Limburg");

  const totals = YEARS.map((_, y) => LINES.reduce((a, [, v]) => a + v[y], 0));
  const youth = totals.map((t) => roundDiv(7 * t, 10));
  // The budget.
  const budgetTitle = 3;
  put(budgetTitle, 1, "Begroting 2022-2026");
  put(budgetTitle + 1, 1, "Kostenpost");
  YEARS.forEach((y, i) => put(budgetTitle + 1, 2 + i, y));
  LINES.forEach(([label, values], l) => {
    put(budgetTitle + 2 + l, 1, label);
    values.forEach((v, y) => {
      const short = drifts.lineShort && l === 1 && y === 0 ? 1 : 0;
      put(budgetTitle + 2 + l, 2 + y, v - short, AMOUNT);
    });
  });
  const budgetTotal = budgetTitle + 2 + LINES.length;
  put(budgetTotal, 1, "Totaal");
  put(budgetTotal + 1, 1, "waarvan jeugd 70%");
  put(budgetTotal + 2, 1, "waarvan wmo 30%");
  YEARS.forEach((_, y) => {
    put(budgetTotal, 2 + y, totals[y], AMOUNT);
    put(budgetTotal + 1, 2 + y, youth[y], AMOUNT);
    put(budgetTotal + 2, 2 + y, totals[y] - youth[y], AMOUNT);
  });

  // The key calculation table of 2023: shares, key, amounts per component, total.
  const T = youth[YEARS.indexOf(KEY_YEAR)];
  if (T % 4 !== 0) throw new Error("the fixture's 2023 total must split into four whole quarters");
  const shares = [MUNICIPALITIES.map(() => EQUAL), ...COMPONENTS.map(([, s]) => s)];
  for (const s of shares) if (s.reduce((a, b) => a + b, 0) !== 10_000) throw new Error("shares");
  const key40000 = MUNICIPALITIES.map((_, m) => shares.reduce((a, s) => a + s[m], 0));
  const shownKey = key40000.map((k) => roundDiv(k, 4));
  const columns = shares.map((s) => allocated(T / 4, s));
  const componentAmounts = MUNICIPALITIES.map((_, m) => columns.map((col) => col[m]));
  const rowTotals = componentAmounts.map((a) => a.reduce((x, y) => x + y, 0));
  const keyTitle = budgetTotal + 5;
  put(keyTitle, 1, "Herberekening verdeelsleutel 2023 (op basis van de gegevens van 2021)");
  const keyHeader = keyTitle + 1;
  const names = ["Vast deel", ...COMPONENTS.map(([n]) => n)];
  put(keyHeader, 1, "Gemeente");
  names.forEach((n, i) => put(keyHeader, 2 + i, n));
  put(keyHeader, 6, "Verdeelsleutel");
  names.forEach((n, i) => put(keyHeader, 7 + i, n));
  put(keyHeader, 11, "Totaal");
  const weights = keyHeader + 1;
  put(weights, 1, "Weging");
  names.forEach((_, i) => put(weights, 2 + i, 0.25, "0%"));
  const keyFirst = weights + 1;
  MUNICIPALITIES.forEach((name, m) => {
    const r = keyFirst + m;
    put(r, 1, name);
    shares.forEach((s, i) => put(r, 2 + i, s[m] / 10_000, PERCENT));
    const off = drifts.keyOff && name === "Kerkrade" ? 10 : 0;
    put(r, 6, (shownKey[m] + off) / 10_000, PERCENT);
    componentAmounts[m].forEach((a, i) => {
      const high = drifts.amountHigh && name === "Heerlen" && i === 3 ? 1 : 0;
      put(r, 7 + i, a + high, AMOUNT);
    });
    put(r, 11, rowTotals[m], AMOUNT);
  });
  const keyTotal = keyFirst + MUNICIPALITIES.length;
  put(keyTotal, 1, "Totaal");
  names.forEach((_, i) => put(keyTotal, 2 + i, 1, PERCENT));
  put(keyTotal, 6, 1, PERCENT);
  names.forEach((_, i) => put(keyTotal, 7 + i, T / 4, AMOUNT));
  put(keyTotal, 11, T, AMOUNT);

  // Contributions per municipality, five years, no key column: the precise key × the jeugd part.
  const contributions = youth.map((t) => allocated(t, key40000));
  const contributionsTitle = keyTotal + 3;
  put(contributionsTitle, 1, "Bijdrage per gemeente 2022-2026");
  put(contributionsTitle + 1, 1, "Gemeente");
  YEARS.forEach((y, i) => put(contributionsTitle + 1, 2 + i, y));
  const contributionsFirst = contributionsTitle + 2;
  MUNICIPALITIES.forEach((name, m) => {
    put(contributionsFirst + m, 1, name);
    YEARS.forEach((year, y) => {
      const high = drifts.contributionHigh && name === "Maastricht" && year === 2025 ? 1 : 0;
      put(contributionsFirst + m, 2 + y, contributions[y][m] + high, AMOUNT);
    });
  });
  const contributionsTotal = contributionsFirst + MUNICIPALITIES.length;
  put(contributionsTotal, 1, "Totaal");
  YEARS.forEach((_, y) => put(contributionsTotal, 2 + y, youth[y], AMOUNT));

  // The change from 2023 to 2024.
  const o = YEARS.indexOf(2023);
  const n = YEARS.indexOf(2024);
  const changeTitle = contributionsTotal + 3;
  put(changeTitle, 1, "Toename bijdrage per gemeente 2023-2024");
  const changeHeader = changeTitle + 1;
  ["Gemeente", "Bijdrage 2023", "Bijdrage 2024", "Toename", "Toename %"].forEach((h, i) =>
    put(changeHeader, 1 + i, h)
  );
  const changeFirst = changeHeader + 1;
  const increases = MUNICIPALITIES.map((_, m) => contributions[n][m] - contributions[o][m]);
  const percentTenths = MUNICIPALITIES.map((_, m) =>
    roundDiv(1000 * increases[m], contributions[o][m])
  );
  MUNICIPALITIES.forEach((name, m) => {
    const r = changeFirst + m;
    put(r, 1, name);
    put(r, 2, contributions[o][m], AMOUNT);
    put(r, 3, contributions[n][m], AMOUNT);
    put(r, 4, increases[m] - (drifts.increaseLow && name === "Stein" ? 1 : 0), AMOUNT);
    const high = drifts.percentHigh && name === "Vaals" ? 3 : 0;
    put(r, 5, (percentTenths[m] + high) / 1000, "0.0%");
  });
  const changeTotal = changeFirst + MUNICIPALITIES.length;
  put(changeTotal, 1, "Totaal");
  put(changeTotal, 2, youth[o], AMOUNT);
  put(changeTotal, 3, youth[n], AMOUNT);
  put(changeTotal, 4, youth[n] - youth[o], AMOUNT);
  put(changeTotal, 5, roundDiv(1000 * (youth[n] - youth[o]), youth[o]) / 1000, "0.0%");

  return {
    cells,
    totals,
    youth,
    key40000,
    shownKey,
    componentAmounts,
    rowTotals,
    contributions,
    percentTenths,
    rows: {
      budgetTitle,
      budgetTotal,
      keyTitle,
      keyHeader,
      weights,
      keyFirst,
      keyTotal,
      contributionsFirst,
      contributionsTotal,
      changeFirst,
      changeTotal,
    },
  };
}
