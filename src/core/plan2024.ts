import { readDutchNumber } from "./dutchNumber";
import { Figure, Plan, PlanLine, ShareLine, StaffingRole, YearFigures } from "./model";
import { MUNICIPALITIES } from "./municipalities";

/*
 * Uitvoeringsplan 2024 Verwerving Jeugdhulp Zuid-Limburg (versie 20240130, definitief),
 * section 6, exactly as published — its mistakes included: the "70%" on a line that is 74%,
 * a Tabel 6 total for 2023 that is not the Tabel 4 total, amounts that miss their total by
 * a euro or two. Figures are kept in the published notation and read like any workbook text.
 */

const STAFFING_YEARS = [2023, 2024, 2025, 2026, 2027];
/** [role, scale, fte 2023 … fte 2027]; "" is an empty cell. */
const STAFFING: readonly (readonly string[])[] = [
  ["Coordinator", "13", "1", "1", "1", "1", "1"],
  ["Inkopers", "11", "2", "2", "1,5", "1,5", "1,5"],
  ["Inkopers INHUUR", "11", "1", "", "", "", ""],
  ["Financieel/administratief", "10", "1,5", "1,5", "1,5", "1,5", "1,5"],
  ["Financieel/administratief/senior", "11", "3", "3", "3", "3", "3"],
  ["Financieel/administratief INHUUR", "10", "0", "", "", "", ""],
  ["Contractmanager", "10", "1", "3", "3", "3", "3"],
  ["Contractmanager/senior", "11", "2", "2", "2", "2", "2"],
  ["Contractmanager CRT / SRT GI", "10", "", "0,5", "0,5", "0,5", "0,5"],
  ["Contractmanagers INHUUR", "", "0,35", "1", "", "", ""],
  ["Administratieve ondersteuner", "7", "1", "1", "1", "1", "1"],
  ["Data-analist WMO", "10", "0", "", "", "", ""],
  ["Data-analist jeugd", "10", "0,5", "0,5", "0,5", "0,5", "0,5"],
  ["BI (ETL, informatie analist, data-analist)", "10", "", "2", "2", "2", "2"],
  ["governance/coördinator OTO", "11", "", "0,4", "0,4", "0,4", "0,4"],
  ["governance/coördinator BVO", "12", "", "0,4", "0,4", "0,4", "0,4"],
  ["projectleiding inkoop Crisis / 6 mnd 1 fte", "11", "", "0,5", "", "", ""],
  ["implementatiemanager inkoop Crisis / 6 mnd 1 fte", "11", "", "0,5", "", "", ""],
];
const STAFFING_TOTAL = ["formatie team verwervingen", "13,35", "19,3", "16,8", "16,8", "16,8"];

const STAFF_COST_YEARS = [2024, 2025, 2026, 2027];
const STAFF_COSTS = {
  total: ["formatiekosten totaal", "3.064.067", "2.564.321", "2.564.321", "2.564.321"],
  youth: ["formatiekosten jeugd", "70%", "2.277.731", "1.878.925", "1.878.925", "1.878.925"],
  wmo: ["formatiekosten wmo", "30%", "786.336", "685.396", "685.396", "685.396"],
  grandTotal: ["totaal", "3.064.067", "2.564.321", "2.564.321", "2.564.321"],
};

const YEARS = [2023, 2024, 2025, 2026, 2027];
const MATERIAL_LINES: readonly (readonly string[])[] = [
  ["ICT licenties", "112.500", "200.000", "200.000", "200.000", "200.000"],
  ["Accountantkosten", "38.500", "70.000", "70.000", "70.000", "70.000"],
  ["juridische ondersteuning", "70.000", "80.000", "80.000", "80.000", "80.000"],
  ["inhuur flex", "276.500", "", "", "", ""],
  ["beschikbaarheidswijzer", "", "45.000", "45.000", "45.000", "45.000"],
  ["kostprijs onderzoeken", "", "40.000", "40.000", "40.000", "40.000"],
];
const MATERIAL = {
  subtotal: ["", "497.500", "435.000", "435.000", "435.000", "435.000"],
  youth: ["materiele kosten jeugd", "70%", "348.250", "304.500", "304.500", "304.500", "304.500"],
  wmo: ["materiele kosten wmo", "30%", "149.250", "130.500", "130.500", "130.500", "130.500"],
  grandTotal: ["totaal", "497.500", "435.000", "435.000", "435.000", "435.000"],
};

const TOTALS = {
  staffYouth: [
    "formatiekosten jeugd",
    "1.526.028",
    "2.277.731",
    "1.878.925",
    "1.878.925",
    "1.878.925",
  ],
  materialYouth: ["materiele kosten jeugd", "348.250", "304.500", "304.500", "304.500", "304.500"],
  total: ["totaal", "1.874.278", "2.582.231", "2.183.425", "2.183.425", "2.183.425"],
};

/** [municipality, verdeelsleutel, 2023 … 2027] */
const CONTRIBUTIONS: readonly (readonly string[])[] = [
  ["Beek", "3,53%", "71.784", "91.153", "77.075", "77.075", "77.075"],
  ["Beekdaelen", "6,12%", "124.452", "158.033", "133.626", "133.626", "133.626"],
  ["Brunssum", "4,04%", "82.155", "104.322", "88.210", "88.210", "88.210"],
  ["Eijsden-Margraten", "4,55%", "92.526", "117.492", "99.346", "99.346", "99.346"],
  ["Gulpen-Wittem", "2,90%", "58.972", "74.885", "63.319", "63.319", "63.319"],
  ["Heerlen", "11,97%", "243.413", "309.093", "261.356", "261.356", "261.356"],
  ["Kerkrade", "9,25%", "188.101", "238.856", "201.967", "201.967", "201.967"],
  ["Landgraaf", "5,51%", "112.047", "142.281", "120.307", "120.307", "120.307"],
  ["Maastricht", "16,43%", "334.109", "424.261", "358.737", "358.737", "358.737"],
  ["Meerssen", "3,77%", "76.664", "97.350", "82.315", "82.315", "82.315"],
  ["Simpelveld", "2,87%", "58.362", "74.110", "62.664", "62.664", "62.664"],
  ["Sittard-Geleen", "15,82%", "321.704", "408.509", "345.418", "345.418", "345.418"],
  ["Stein", "4,74%", "96.389", "122.398", "103.494", "103.494", "103.494"],
  ["Vaals", "2,56%", "52.058", "66.105", "55.896", "55.896", "55.896"],
  ["Valkenburg aan de Geul", "3,35%", "68.123", "86.505", "73.145", "73.145", "73.145"],
  ["Voerendaal", "2,59%", "52.668", "66.880", "56.551", "56.551", "56.551"],
];
const CONTRIBUTIONS_TOTAL = [
  "",
  "100,00%",
  "2.033.528",
  "2.582.231",
  "2.183.425",
  "2.183.425",
  "2.183.425",
];

function figure(text: string): Figure | undefined {
  if (text === "") return undefined;
  const n = readDutchNumber(text);
  if (!n) throw new Error(`embedded plan: cannot read '${text}'`);
  return { value: n.value, decimals: n.decimals };
}

function yearFigures(years: readonly number[], cells: readonly string[]): YearFigures {
  const values: YearFigures = new Map();
  years.forEach((y, i) => {
    const f = figure(cells[i] ?? "");
    if (f) values.set(y, f);
  });
  return values;
}

function line(years: readonly number[], [label, ...cells]: readonly string[]): PlanLine {
  return { label, values: yearFigures(years, cells) };
}

function shareLine(
  years: readonly number[],
  [label, share, ...cells]: readonly string[]
): ShareLine {
  return { label: `${label} ${share}`, share: figure(share), values: yearFigures(years, cells) };
}

/** Builds a fresh copy of the embedded 2024 plan; callers may change it freely. */
export function plan2024(): Plan {
  const roles: StaffingRole[] = STAFFING.map(([label, scale, ...fte]) => ({
    label,
    scale: figure(scale),
    hired: /INHUUR/.test(label),
    values: yearFigures(STAFFING_YEARS, fte),
  }));
  return {
    title: "Uitvoeringsplan 2024 Verwerving Jeugdhulp Zuid-Limburg",
    source: { kind: "embedded", name: "Uitvoeringsplan 2024 (ingebouwd)", tables: {} },
    municipalities: [...MUNICIPALITIES],
    staffing: { years: [...STAFFING_YEARS], roles, total: line(STAFFING_YEARS, STAFFING_TOTAL) },
    staffCosts: {
      years: [...STAFF_COST_YEARS],
      total: line(STAFF_COST_YEARS, STAFF_COSTS.total),
      youth: shareLine(STAFF_COST_YEARS, STAFF_COSTS.youth),
      wmo: shareLine(STAFF_COST_YEARS, STAFF_COSTS.wmo),
      grandTotal: line(STAFF_COST_YEARS, STAFF_COSTS.grandTotal),
    },
    materialCosts: {
      years: [...YEARS],
      lines: MATERIAL_LINES.map((l) => line(YEARS, l)),
      subtotal: line(YEARS, MATERIAL.subtotal),
      youth: shareLine(YEARS, MATERIAL.youth),
      wmo: shareLine(YEARS, MATERIAL.wmo),
      grandTotal: line(YEARS, MATERIAL.grandTotal),
    },
    totals: {
      years: [...YEARS],
      staffYouth: line(YEARS, TOTALS.staffYouth),
      materialYouth: line(YEARS, TOTALS.materialYouth),
      total: line(YEARS, TOTALS.total),
    },
    contributions: {
      years: [...YEARS],
      rows: CONTRIBUTIONS.map(([label, key, ...amounts]) => ({
        label,
        municipality: label,
        key: figure(key),
        values: yearFigures(YEARS, amounts),
      })),
      total: line(YEARS, [CONTRIBUTIONS_TOTAL[0], ...CONTRIBUTIONS_TOTAL.slice(2)]),
      totalKey: figure(CONTRIBUTIONS_TOTAL[1]),
    },
  };
}
