import { address } from "../../src/core/address";
import { ContributionChange, KeyCalculation, KeyCalculationRow, Plan } from "../../src/core/model";
import { consistentPlan, fig } from "./planBuilder";

/*
 * consistentPlan() with a key calculation table of 2025 that agrees with it, on sheet
 * 'Herberekening': weights 25% (row 2), then Beek, Heerlen, Maastricht, Vaals (rows 3–6) and the
 * total (row 7); columns B–E the shares of gelijk, jongeren, toekenningen, declaraties, F the key,
 * G–J the amounts per component, K the row's total. Worked out by hand:
 *   keys (25 + j + t + d) / 4: Beek (25 + 8 + 8,40 + 8) / 4 = 12,35%; Heerlen (25 + 45 + 45,40 + 45) / 4
 *   = 40,10%; Maastricht (25 + 36 + 36,32 + 36) / 4 = 33,33%; Vaals (25 + 11 + 9,88 + 11) / 4 = 14,22%;
 *   amounts 25% × 980.000 × share: gelijk 61.250 each; jongeren and declaraties 19.600 / 110.250 /
 *   88.200 / 26.950; toekenningen 20.580 / 111.230 / 88.984 / 24.206; each component 245.000;
 *   row totals 121.030 / 392.980 / 326.634 / 139.356 = Tabel 6 in 2025, together 980.000.
 */
export const COMPONENTS = ["gelijk", "jongeren", "toekenningen", "declaraties"];

type Texts = [label: string, shares: string[], key: string, amounts: string[], total: string];

export const KEY_ROWS: Texts[] = [
  [
    "Beek",
    ["25,00%", "8,00%", "8,40%", "8,00%"],
    "12,35%",
    ["61.250", "19.600", "20.580", "19.600"],
    "121.030",
  ],
  [
    "Heerlen",
    ["25,00%", "45,00%", "45,40%", "45,00%"],
    "40,10%",
    ["61.250", "110.250", "111.230", "110.250"],
    "392.980",
  ],
  [
    "Maastricht",
    ["25,00%", "36,00%", "36,32%", "36,00%"],
    "33,33%",
    ["61.250", "88.200", "88.984", "88.200"],
    "326.634",
  ],
  [
    "Vaals",
    ["25,00%", "11,00%", "9,88%", "11,00%"],
    "14,22%",
    ["61.250", "26.950", "24.206", "26.950"],
    "139.356",
  ],
  [
    "Totaal",
    ["100,00%", "100,00%", "100,00%", "100,00%"],
    "100,00%",
    ["245.000", "245.000", "245.000", "245.000"],
    "980.000",
  ],
];

const at = (r: number, c: number) => ({ sheet: "Herberekening", address: address(r, c) });

function keyRow([label, shares, key, amounts, total]: Texts, r: number): KeyCalculationRow {
  const row: KeyCalculationRow = {
    label,
    labelCell: at(r, 1),
    shares: new Map(),
    amounts: new Map(),
  };
  if (label !== "Totaal") row.municipality = label;
  COMPONENTS.forEach((c, i) => {
    const s = fig(shares[i], at(r, 2 + i));
    if (s) row.shares.set(c, s);
    const a = fig(amounts[i], at(r, 7 + i));
    if (a) row.amounts.set(c, a);
  });
  row.key = fig(key, at(r, 6));
  row.amount = fig(total, at(r, 11));
  return row;
}

/** The plan with its key calculation table; `edit` changes texts before the figures are made. */
export function keyTablePlan(edit?: (rows: Texts[], weights: string[]) => void): Plan {
  const rows = KEY_ROWS.map((r) => [r[0], [...r[1]], r[2], [...r[3]], r[4]] as Texts);
  const weights = ["25%", "25%", "25%", "25%"];
  edit?.(rows, weights);
  const plan = consistentPlan();
  const table: KeyCalculation = {
    year: 2025,
    components: COMPONENTS,
    weights: new Map(COMPONENTS.map((c, i) => [c, fig(weights[i], at(2, 2 + i))!])),
    rows: rows.slice(0, -1).map((r, i) => keyRow(r, 3 + i)),
    total: keyRow(rows[rows.length - 1], 7),
  };
  plan.keyTable = table;
  return plan;
}

/*
 * consistentPlan() with a change table from its 2024 to its 2025 Tabel 6 amounts, on sheet
 * 'Toename' (rows 2–5, total row 6; columns B old, C new, D increase, E percentage):
 *   Beek 99.417 → 121.030: +21.613 = 21,7% (21.613 / 99.417 = 21,739…%);
 *   Heerlen 322.805 → 392.980: +70.175 = 21,7% (21,739…%); Maastricht 268.307 → 326.634: +58.327
 *   = 21,7% (21,738…%); Vaals 114.471 → 139.356: +24.885 = 21,7% (21,739…%);
 *   total 805.000 → 980.000: +175.000 = 21,7% (21,739…%).
 */
type ChangeTexts = [label: string, old: string, now: string, increase: string, percentage: string];

export const CHANGE_ROWS: ChangeTexts[] = [
  ["Beek", "99.417", "121.030", "21.613", "21,7%"],
  ["Heerlen", "322.805", "392.980", "70.175", "21,7%"],
  ["Maastricht", "268.307", "326.634", "58.327", "21,7%"],
  ["Vaals", "114.471", "139.356", "24.885", "21,7%"],
  ["Totaal", "805.000", "980.000", "175.000", "21,7%"],
];

const cat = (r: number, c: number) => ({ sheet: "Toename", address: address(r, c) });

export function changePlan(edit?: (rows: ChangeTexts[]) => void): Plan {
  const rows = CHANGE_ROWS.map((r) => [...r] as ChangeTexts);
  edit?.(rows);
  const plan = consistentPlan();
  const row = ([label, o, n, inc, pct]: ChangeTexts, r: number) => ({
    label,
    labelCell: cat(r, 1),
    ...(label === "Totaal" ? {} : { municipality: label }),
    old: fig(o, cat(r, 2)),
    new: fig(n, cat(r, 3)),
    increase: fig(inc, cat(r, 4)),
    percentage: fig(pct, cat(r, 5)),
  });
  const change: ContributionChange = {
    oldYear: 2024,
    newYear: 2025,
    rows: rows.slice(0, -1).map((r, i) => row(r, 2 + i)),
    total: row(rows[rows.length - 1], 6),
  };
  plan.contributionChange = change;
  return plan;
}
