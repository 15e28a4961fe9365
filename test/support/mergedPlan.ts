import { MUNICIPALITIES } from "../../src/core/municipalities";
import { Cells, set } from "../reader/sheetCells";

/*
 * An invented merged plan (from 2025: policy and purchasing in one plan) in the published
 * layout, on one sheet:
 *
 * - the policy pool ("beleid"): a budget "Begroting regio-samenwerking jeugd" (cost lines per
 *   year, whole euros) and "Dekking kosten regio-samenwerking": per municipality its youth-care
 *   budget, its key = budget ÷ Σ budgets (shown with 2 decimals), its contribution 2025 and 2026
 *   in euros and cents (the year's budget total allocated by the largest remainder of the budgets,
 *   to the cent) and its 2025 contribution as a percentage of its budget (4 decimals);
 * - the purchasing pool ("verwerving"), below it, as the 2024 plan lays it out: Tabel 1 (staffing),
 *   Tabel 2 and 3 (staff and material costs, split 70/30 between jeugd and wmo), Tabel 4 (the
 *   jeugd totals) and Tabel 6 (SLA key shown with 2 decimals, stored with 4, whole euros by the
 *   largest remainder of that key).
 *
 * Every figure is invented here and worked out with integers (BigInt), not with UP's code.
 * `Injected` puts in the inconsistencies the tests expect to be found, each described where
 * it is made.
 */

export const POLICY_YEARS = [2025, 2026] as const;
export const AMOUNT = "#,##0";
export const CENTS = "#,##0.00";

/** Policy cost lines in whole euros per year; 2025 adds up to € 412.600, 2026 to € 426.600. */
export const POLICY_LINES: [string, [number, number]][] = [
  ["Programmamanagement", [180_000, 186_300]],
  ["Beleidsadvies", [95_400, 98_700]],
  ["Onderzoek en monitoring", [62_200, 64_100]],
  ["Communicatie", [25_000, 25_500]],
  ["Regionale projecten", [50_000, 52_000]],
];

/** Invented youth-care budgets 2025 (objectief verdeelmodel), whole euros, in MUNICIPALITIES order. */
export const BUDGETS: number[] = [
  6_204_118, 12_480_905, 15_310_442, 9_027_316, 5_118_730, 45_912_604, 25_406_187, 18_233_950,
  61_482_310, 8_041_276, 3_512_084, 40_275_519, 9_160_833, 3_208_647, 6_077_402, 4_096_775,
];

/** The purchasing pool's staff (FTE 15,5 both years) and costs in whole euros. */
export const PURCHASING_YEARS = [2025, 2026] as const;
const ROLES: [string, number, number][] = [
  ["Coordinator", 12, 1],
  ["Inkopers", 11, 6.5],
  ["Contractmanagers", 10, 8],
];
/** Tabel 2: staff costs in total; jeugd 70% of it (Tabel 4's formatiekosten jeugd), wmo the rest. */
const STAFF_TOTAL = [2_489_026, 2_573_214];
export const STAFF_YOUTH = [1_742_318, 1_801_250];
/** Tabel 3: cost lines adding up to the subtotal; jeugd 70% of it, wmo the rest. */
const MATERIAL_LINES: [string, [number, number]][] = [
  ["ICT licenties", [300_000, 310_000]],
  ["Accountantkosten", [54_429, 56_214]],
  ["juridische ondersteuning", [100_000, 105_000]],
  ["inhuur flex", [200_000, 203_500]],
];
const MATERIAL_TOTAL = [654_429, 674_714];
export const MATERIAL_YOUTH = [458_100, 472_300];

const FIRST_KEYS = [
  40_616, 72_097, 84_726, 62_625, 35_669, 119_703, 86_412, 70_930, 127_693, 35_018, 18_873, 112_406,
  40_233, 15_547, 37_452,
];
/** SLA keys in millionths (4 decimals of a percentage), adding up to 1 000 000 (Voerendaal the rest). */
export const SLA_KEYS: number[] = [
  ...FIRST_KEYS,
  1_000_000 - FIRST_KEYS.reduce((a, b) => a + b, 0),
];

export interface Injected {
  /** Beek and Vaals 2025 one cent high each: the pool adds up to € 412.600,02 against € 412.600,00. */
  centDrift?: boolean;
  /** Meerssen's key shown 0,03 percentage point too low (a typo; within KEY-SUM's rounding). */
  keyTypo?: boolean;
  /** Simpelveld's percentage of its budget with two digits swapped. */
  percentTypo?: boolean;
  /** € 5,00 of Landgraaf's 2026 contribution put on Kerkrade's (the year still adds up). */
  shiftedAmount?: boolean;
  /** The policy budget's line "Communicatie" 2026 typed as 25.050 (its total stays right). */
  lineTypo?: boolean;
  /** Heerlen's Tabel 6 amount 2026 one euro high (the total row stays right). */
  euroDrift?: boolean;
}

/** Every inconsistency at once. */
export const ALL_INJECTED: Injected = {
  centDrift: true,
  keyTypo: true,
  percentTypo: true,
  lineTypo: true,
  shiftedAmount: true,
  euroDrift: true,
};

/** Largest remainder in whole units over integer weights; ties to the first. Exact (BigInt). */
export function largestRemainderExact(total: bigint, weights: readonly bigint[]): bigint[] {
  const all = weights.reduce((a, b) => a + b, 0n);
  const floors = weights.map((w) => (total * w) / all);
  const rests = weights.map((w, i) => ({ i, rest: (total * w) % all }));
  let left = total - floors.reduce((a, b) => a + b, 0n);
  rests.sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  for (const { i } of rests) if (left-- > 0n) floors[i] += 1n;
  return floors;
}

/** Policy totals per year in cents. */
export function policyTotalsCents(): bigint[] {
  return POLICY_YEARS.map((_, y) => BigInt(POLICY_LINES.reduce((a, [, v]) => a + v[y], 0)) * 100n);
}

/** The policy contributions in cents per municipality per year, as the clean plan states them. */
export function policyCents(): bigint[][] {
  const weights = BUDGETS.map(BigInt);
  const perYear = policyTotalsCents().map((t) => largestRemainderExact(t, weights));
  return MUNICIPALITIES.map((_, m) => perYear.map((year) => year[m]));
}

/** The purchasing contributions in euros per municipality per year. */
export function purchasingEuros(): bigint[][] {
  const weights = SLA_KEYS.map(BigInt);
  const perYear = STAFF_YOUTH.map((s, y) =>
    largestRemainderExact(BigInt(s + MATERIAL_YOUTH[y]), weights)
  );
  return MUNICIPALITIES.map((_, m) => perYear.map((year) => year[m]));
}

/** A fraction rounded to `places` decimal places, half up (positive integers only). */
function rounded(numerator: bigint, denominator: bigint, places: number): number {
  const scale = 10n ** BigInt(places);
  const q = (numerator * scale * 2n + denominator) / (denominator * 2n);
  return Number(q) / Number(scale);
}

export const ROW = {
  title: 1,
  budgetTitle: 3,
  budgetHeader: 4,
  dekkingTitle: 12,
  dekkingHeader: 13,
  t1Title: 33,
  t2Title: 40,
  t3Title: 47,
  t4Title: 58,
  t6Title: 64,
};

const index = (name: string) => MUNICIPALITIES.indexOf(name);

/** The sheet's cells. */
export function mergedPlanCells(injected: Injected = {}): Cells {
  const cells: Cells = new Map();
  const put = (r: number, c: number, value: string | number, numFmt?: string) =>
    set(cells, r, c, numFmt ? { value, numFmt } : { value });
  put(ROW.title, 1, "Uitvoeringsplan 2025 Jeugdhulp Zuid-Limburg (beleid en verwerving)");

  // Policy budget.
  put(ROW.budgetTitle, 1, "Begroting regio-samenwerking jeugd 2025-2026");
  put(ROW.budgetHeader, 1, "Kostenpost");
  POLICY_YEARS.forEach((y, i) => put(ROW.budgetHeader, 2 + i, y));
  POLICY_LINES.forEach(([label, values], l) => {
    const r = ROW.budgetHeader + 1 + l;
    put(r, 1, label);
    values.forEach((v, y) => {
      const typo = injected.lineTypo && label === "Communicatie" && y === 1;
      put(r, 2 + y, typo ? 25_050 : v, AMOUNT);
    });
  });
  const budgetTotalRow = ROW.budgetHeader + 1 + POLICY_LINES.length;
  put(budgetTotalRow, 1, "Totaal");
  policyTotalsCents().forEach((t, y) => put(budgetTotalRow, 2 + y, Number(t / 100n), AMOUNT));

  // Dekking kosten regio-samenwerking.
  put(ROW.dekkingTitle, 1, "Dekking kosten regio-samenwerking");
  const h = ROW.dekkingHeader;
  put(h, 1, "Gemeente");
  put(h, 2, "Budget jeugd 2025");
  put(h, 3, "Verdeelsleutel");
  POLICY_YEARS.forEach((y, i) => put(h, 4 + i, y));
  put(h, 6, "% van budget");
  const totalBudget = BigInt(BUDGETS.reduce((a, b) => a + b, 0));
  const cents = policyCents();
  if (injected.centDrift) {
    cents[index("Beek")][0] += 1n;
    cents[index("Vaals")][0] += 1n;
  }
  if (injected.shiftedAmount) {
    cents[index("Kerkrade")][1] += 500n;
    cents[index("Landgraaf")][1] -= 500n;
  }
  MUNICIPALITIES.forEach((name, m) => {
    const r = h + 1 + m;
    put(r, 1, name);
    put(r, 2, BUDGETS[m], AMOUNT);
    let key = rounded(BigInt(BUDGETS[m]), totalBudget, 4);
    if (injected.keyTypo && name === "Meerssen") key = Math.round((key - 0.0003) * 1e4) / 1e4;
    put(r, 3, key, "0.00%");
    cents[m].forEach((c, y) => put(r, 4 + y, Number(c) / 100, CENTS));
    let percent = rounded(cents[m][0], BigInt(BUDGETS[m]) * 100n, 6);
    if (injected.percentTypo && name === "Simpelveld") percent = swappedDigits(percent);
    put(r, 6, percent, "0.0000%");
  });
  const dekkingTotal = h + 1 + MUNICIPALITIES.length;
  put(dekkingTotal, 1, "Totaal");
  put(dekkingTotal, 2, Number(totalBudget), AMOUNT);
  put(dekkingTotal, 3, 1, "0.00%");
  policyTotalsCents().forEach((t, y) => put(dekkingTotal, 4 + y, Number(t) / 100, CENTS));
  put(dekkingTotal, 6, rounded(policyTotalsCents()[0], totalBudget * 100n, 6), "0.0000%");

  // Purchasing: Tabel 1, 2, 3, 4 and 6.
  put(ROW.t1Title, 1, "Tabel 1 Formatieplan");
  put(ROW.t1Title + 1, 1, "Functie");
  put(ROW.t1Title + 1, 2, "schaal");
  PURCHASING_YEARS.forEach((y, i) => put(ROW.t1Title + 1, 3 + i, `fte ${y}`));
  ROLES.forEach(([role, scale, fte], i) => {
    put(ROW.t1Title + 2 + i, 1, role);
    put(ROW.t1Title + 2 + i, 2, scale);
    PURCHASING_YEARS.forEach((_, y) => put(ROW.t1Title + 2 + i, 3 + y, fte, "0.0"));
  });
  put(ROW.t1Title + 5, 1, "formatie team verwervingen");
  PURCHASING_YEARS.forEach((_, y) => put(ROW.t1Title + 5, 3 + y, 15.5, "0.0"));
  const split = (title: number, header: string, rows: [string, number[]][]) => {
    put(title + 1, 1, header);
    PURCHASING_YEARS.forEach((y, i) => put(title + 1, 2 + i, y));
    rows.forEach(([label, values], l) => {
      put(title + 2 + l, 1, label);
      values.forEach((v, y) => put(title + 2 + l, 2 + y, v, AMOUNT));
    });
  };
  put(ROW.t2Title, 1, "Tabel 2 Formatiekosten");
  split(ROW.t2Title, "Formatiekosten", [
    ["formatiekosten totaal", STAFF_TOTAL],
    ["formatiekosten jeugd 70%", STAFF_YOUTH],
    ["formatiekosten wmo 30%", STAFF_TOTAL.map((t, y) => t - STAFF_YOUTH[y])],
    ["totaal", STAFF_TOTAL],
  ]);
  put(ROW.t3Title, 1, "Tabel 3 Materiële kosten");
  split(ROW.t3Title, "Materiële kosten", [
    ...MATERIAL_LINES,
    ["subtotaal", MATERIAL_TOTAL],
    ["materiele kosten jeugd 70%", MATERIAL_YOUTH],
    ["materiele kosten wmo 30%", MATERIAL_TOTAL.map((t, y) => t - MATERIAL_YOUTH[y])],
    ["totaal", MATERIAL_TOTAL],
  ]);
  put(ROW.t4Title, 1, "Tabel 4 Overzicht totalen");
  put(ROW.t4Title + 1, 1, "Formatiekosten en materiële kosten jeugd");
  PURCHASING_YEARS.forEach((y, i) => put(ROW.t4Title + 1, 2 + i, y));
  const t4: [string, number[]][] = [
    ["formatiekosten jeugd", STAFF_YOUTH],
    ["materiele kosten jeugd", MATERIAL_YOUTH],
    ["totaal", STAFF_YOUTH.map((s, y) => s + MATERIAL_YOUTH[y])],
  ];
  t4.forEach(([label, values], l) => {
    put(ROW.t4Title + 2 + l, 1, label);
    values.forEach((v, y) => put(ROW.t4Title + 2 + l, 2 + y, v, AMOUNT));
  });
  put(ROW.t6Title, 1, "Tabel 6 Uitvoeringskosten per gemeente");
  put(ROW.t6Title + 1, 1, "Gemeente");
  put(ROW.t6Title + 1, 2, "Verdeelsleutel");
  PURCHASING_YEARS.forEach((y, i) => put(ROW.t6Title + 1, 3 + i, y));
  const euros = purchasingEuros();
  if (injected.euroDrift) euros[index("Heerlen")][1] += 1n;
  MUNICIPALITIES.forEach((name, m) => {
    const r = ROW.t6Title + 2 + m;
    put(r, 1, name);
    put(r, 2, SLA_KEYS[m] / 1e6, "0.00%");
    euros[m].forEach((e, y) => put(r, 3 + y, Number(e), AMOUNT));
  });
  const t6Total = ROW.t6Title + 2 + MUNICIPALITIES.length;
  put(t6Total, 1, "Totaal");
  put(t6Total, 2, 1, "0.00%");
  STAFF_YOUTH.forEach((s, y) => put(t6Total, 3 + y, s + MATERIAL_YOUTH[y], AMOUNT));
  return cells;
}

/** 0,001456 (0,1456%) → 0,001546 (0,1546%): the second and third shown digits swapped. */
function swappedDigits(fraction: number): number {
  const digits = String(Math.round(fraction * 1e6))
    .padStart(4, "0")
    .split("");
  [digits[1], digits[2]] = [digits[2], digits[1]];
  return Number(digits.join("")) / 1e6;
}

/** The row of a municipality in the Dekking table and in Tabel 6. */
export function dekkingRow(name: string): number {
  return ROW.dekkingHeader + 1 + index(name);
}

export function t6Row(name: string): number {
  return ROW.t6Title + 2 + index(name);
}
