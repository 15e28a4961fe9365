import { readDutchNumber } from "../../src/core/dutchNumber";
import { Plan } from "../../src/core/model";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { PlanBuilder } from "./planBuilder";

/*
 * An invented plan whose amounts were computed with precise keys (4 decimals, adding up to
 * exactly 100,0000%) while Tabel 6 shows those keys rounded to 2 decimals (adding up to
 * 100,01%). Each amount is the precise key × the year's total rounded half up, as a
 * spreadsheet's ROUND does; that leaves the years off their totals by +1 (2025), −2 (2026),
 * +3 (2027) and 0 (2028). None of these numbers comes from a real plan.
 */

export const YEARS = [2025, 2026, 2027, 2028] as const;

/** The year totals (Tabel 4 total = Tabel 6 total row). */
export const TOTALS: Record<(typeof YEARS)[number], string> = {
  2025: "2.615.006",
  2026: "2.748.005",
  2027: "2.802.128",
  2028: "2.877.003",
};

/** [municipality, the precise key the amounts were computed with, amounts 2025 … 2028] */
export const ROWS: readonly (readonly [string, string, string, string, string, string])[] = [
  ["Beek", "5,0616%", "132.361", "139.093", "141.833", "145.622"],
  ["Beekdaelen", "9,2097%", "240.834", "253.083", "258.068", "264.963"],
  ["Brunssum", "8,4726%", "221.559", "232.827", "237.413", "243.757"],
  ["Eijsden-Margraten", "7,2625%", "189.915", "199.574", "203.505", "208.942"],
  ["Gulpen-Wittem", "1,5669%", "40.975", "43.058", "43.907", "45.080"],
  ["Heerlen", "6,5012%", "170.007", "178.653", "182.172", "187.040"],
  ["Kerkrade", "7,3163%", "191.322", "201.052", "205.012", "210.490"],
  ["Landgraaf", "8,0857%", "211.442", "222.195", "226.572", "232.626"],
  ["Maastricht", "6,9524%", "181.806", "191.052", "194.815", "200.021"],
  ["Meerssen", "5,5506%", "145.149", "152.531", "155.535", "159.691"],
  ["Simpelveld", "4,1575%", "108.719", "114.248", "116.498", "119.611"],
  ["Sittard-Geleen", "7,9751%", "208.549", "219.156", "223.473", "229.444"],
  ["Stein", "5,1101%", "133.629", "140.426", "143.192", "147.018"],
  ["Vaals", "8,5630%", "223.923", "235.312", "239.946", "246.358"],
  ["Valkenburg aan de Geul", "2,1678%", "56.688", "59.571", "60.745", "62.368"],
  ["Voerendaal", "6,0470%", "158.129", "166.172", "169.445", "173.972"],
];

/** "5,0616%" → "5,06%": the key as the plan shows it, rounded half up to 2 decimals. */
export function shownKey(precise: string): string {
  const tenThousandths = Number(precise.replace(/[,%]/g, ""));
  const hundredths = Math.floor((tenThousandths + 50) / 100);
  return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, "0")}%`;
}

export interface RoundedKeysOptions {
  /** `shown`: the key cells hold the rounded key; `full`: they hold the precise key, shown with 2 decimals. */
  keyCells?: "shown" | "full";
  /** Without Tabel 4 the amounts are checked against the Tabel 6 total row. */
  tabel4?: boolean;
  /** Only these years (a single-year plan, say). */
  years?: readonly (typeof YEARS)[number][];
}

export function roundedKeysPlan(options: RoundedKeysOptions = {}): Plan {
  const years = [...(options.years ?? YEARS)];
  const pick = (cells: readonly string[]) => years.map((y) => cells[YEARS.indexOf(y)]);
  const totals = pick(YEARS.map((y) => TOTALS[y]));
  const builder = new PlanBuilder(MUNICIPALITIES);
  if (options.tabel4 ?? true) {
    // Staff costs are 80% of the youth total in these invented years, material costs the rest.
    const staff = totals.map((t) => {
      const euros = Number(t.replace(/\./g, ""));
      return String(Math.round(euros * 0.8));
    });
    const material = totals.map((t, i) => String(Number(t.replace(/\./g, "")) - Number(staff[i])));
    builder.totals(years, {
      staffYouth: ["formatiekosten jeugd", ...staff],
      materialYouth: ["materiele kosten jeugd", ...material],
      total: ["totaal", ...totals],
    });
  }
  builder.contributions(
    years,
    ROWS.map(([m, key, ...amounts]) => [m, shownKey(key), ...pick(amounts)]),
    ["totaal", "100,00%", ...totals]
  );
  const plan = builder.build();
  if (options.keyCells === "full") {
    for (const row of plan.contributions!.rows) {
      const precise = ROWS.find(([m]) => m === row.municipality)![1];
      row.key = { ...row.key!, value: readDutchNumber(precise)!.value, decimals: 2 };
    }
  }
  return plan;
}
