import Decimal from "decimal.js";
import { Message } from "../core/model";
import { sum } from "../core/money";
import { componentLabel, KeyComparison } from "./keyComparison";
import { ReportSection, SectionColumn, SectionRow } from "./sections";

/*
 * The key view's recomputation (a what-if with other weights, or the key table with the
 * agreed ones), in the report only when the user asks for it: the keys and amounts the
 * weights give beside the plan's, with the weights stated as numbers and in words.
 */

const HUNDRED = new Decimal(100);

export const KEY_SHEET: Message = { nl: "Sleutelberekening", en: "Key calculation" };

/** `gelijk deel 25%, jongeren < 20 25%, …`, to stand in a sentence. */
export function weightsText(weights: ReadonlyMap<string, Decimal>, lang: "nl" | "en"): string {
  const pct = (w: Decimal) => `${w.toString().replace(".", lang === "nl" ? "," : ".")}%`;
  const name = (c: string) => {
    const label = componentLabel(c)[lang];
    return label.charAt(0).toLowerCase() + label.slice(1);
  };
  return [...weights].map(([c, w]) => `${name(c)} ${pct(w)}`).join(", ");
}

export function keySection(k: KeyComparison): ReportSection {
  const columns: SectionColumn[] = [
    { header: { nl: "Gemeente", en: "Municipality" }, format: "text", width: 22 },
    { header: { nl: "Sleutel plan", en: "Key plan" }, format: "percent", width: 10 },
    // Wide enough for the bold header word and for "+2,0956 %-punt": too narrow prints ###.
    // A computed key always with 4 decimals, so a column never mixes 6,048% and 5,6441%.
    {
      header: { nl: "Sleutel herberekend", en: "Key recomputed" },
      format: "percent",
      decimals: 4,
      width: 13,
    },
    {
      header: { nl: "Verschil sleutel", en: "Key difference" },
      format: "percentDiff",
      decimals: 4,
      width: 15,
    },
    ...k.years.flatMap((y): SectionColumn[] => [
      { header: { nl: `${y} plan`, en: `${y} plan` }, format: "euro", width: 12 },
      { header: { nl: `${y} herberekend`, en: `${y} recomputed` }, format: "euro", width: 12 },
      {
        header: { nl: `${y} verschil`, en: `${y} difference` },
        format: "euro",
        signed: true,
        width: 11,
      },
    ]),
  ];
  const rows: SectionRow[] = k.rows.map((r) => ({
    cells: [
      r.municipality,
      r.currentKey ?? null,
      r.nextKey,
      r.keyDiff ?? null,
      ...k.years.flatMap((y) => {
        const a = r.amounts.get(y);
        return [a?.current ?? null, a?.next ?? null, a?.diff ?? null];
      }),
    ],
  }));
  const total = (pick: (r: KeyComparison["rows"][number]) => Decimal | undefined) => {
    const values = k.rows.map(pick);
    return values.every((v) => v !== undefined) ? sum(values as Decimal[]) : null;
  };
  rows.push({
    total: true,
    cells: [
      { nl: "Totaal", en: "Total" },
      total((r) => r.currentKey),
      total((r) => r.nextKey),
      null,
      ...k.years.flatMap((y) => [
        total((r) => r.amounts.get(y)?.current),
        total((r) => r.amounts.get(y)?.next),
        total((r) => r.amounts.get(y)?.diff),
      ]),
    ],
  });
  const weightSum = sum(k.weights.values());
  return {
    sheet: KEY_SHEET,
    title: {
      nl: `Verdeelsleutel herberekend: ${weightsText(k.weights, "nl")}`,
      en: `Distribution key recomputed: ${weightsText(k.weights, "en")}`,
    },
    facts: [
      ...[...k.weights].map(([c, w]) => ({
        label: { nl: `Weging ${componentLabel(c).nl}`, en: `Weight ${componentLabel(c).en}` },
        value: w.div(HUNDRED),
        format: "percent" as const,
        decimals: Math.min(4, w.decimalPlaces()),
      })),
      {
        label: { nl: "Wegingen samen", en: "Weights together" },
        value: weightSum.div(HUNDRED),
        format: "percent" as const,
        decimals: Math.min(4, weightSum.decimalPlaces()),
      },
    ],
    intro: [
      {
        nl: "Een berekening naast het plan, geen wijziging ervan: de bijdragen op het blad Controleverslag zijn die van het plan.",
        en: "A calculation beside the plan, not a change to it: the contributions on the Check report sheet are the plan's.",
      },
      {
        nl: "De sleutel is per gemeente de som van weging × aandeel per component. Per jaar is het totaal (Tabel 4, anders Tabel 6) met die sleutel verdeeld in hele euro's, afgerond met de grootste-restmethode, zodat elk jaar precies optelt.",
        en: "Each municipality's key is the sum of weight × share per component. Each year's total (Tabel 4, else Tabel 6) is distributed with that key in whole euros, rounded by the largest remainder method, so that each year adds up exactly.",
      },
    ],
    columns,
    rows,
  };
}
