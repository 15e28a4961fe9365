import Decimal from "decimal.js";
import { sum } from "../core/money";
import { componentLabel, KeyComparison } from "./keyComparison";
import { ReportSection, SectionColumn, SectionRow } from "./sections";

/*
 * A what-if of the key view, in the report only when the user asks for it: the keys and
 * amounts that other weights would give, beside the plan's, with the weights stated.
 */

export interface ReportScenario {
  /** The name the user gave the scenario. */
  name: string;
  /** Weights in percent per component, `gelijk` included; they add up to 100. */
  weights: ReadonlyMap<string, Decimal>;
  /** The keys and amounts these weights give (compareKeys). */
  comparison: KeyComparison;
}

const HUNDRED = new Decimal(100);

/** `Gelijk deel 25%, Jongeren < 20 25%, …` */
export function weightsText(weights: ReadonlyMap<string, Decimal>, lang: "nl" | "en"): string {
  const pct = (w: Decimal) => `${w.toString().replace(".", lang === "nl" ? "," : ".")}%`;
  return [...weights].map(([c, w]) => `${componentLabel(c)[lang]} ${pct(w)}`).join(", ");
}

export function scenarioSection(s: ReportScenario): ReportSection {
  const k = s.comparison;
  const columns: SectionColumn[] = [
    { header: { nl: "Gemeente", en: "Municipality" }, format: "text", width: 22 },
    { header: { nl: "Sleutel plan", en: "Key plan" }, format: "percent", width: 10 },
    { header: { nl: "Sleutel scenario", en: "Key scenario" }, format: "percent", width: 10 },
    {
      header: { nl: "Verschil (procentpunt)", en: "Difference (percentage points)" },
      format: "percentDiff",
      width: 12,
    },
    ...k.years.flatMap((y): SectionColumn[] => [
      { header: { nl: `${y} plan`, en: `${y} plan` }, format: "euro", width: 12 },
      { header: { nl: `${y} scenario`, en: `${y} scenario` }, format: "euro", width: 12 },
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
  const weightSum = sum(s.weights.values());
  return {
    sheet: { nl: "Scenario", en: "Scenario" },
    title: { nl: `Scenario "${s.name}"`, en: `Scenario "${s.name}"` },
    facts: [
      ...[...s.weights].map(([c, w]) => ({
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
        nl: `Een berekening naast het plan, geen wijziging ervan: de bijdragen op het blad Controleverslag zijn die van het plan. Wegingen: ${weightsText(s.weights, "nl")}.`,
        en: `A calculation beside the plan, not a change to it: the contributions on the Check report sheet are the plan's. Weights: ${weightsText(s.weights, "en")}.`,
      },
      {
        nl: "Per jaar is het totaal (Tabel 4, anders Tabel 6) met de scenariosleutel verdeeld in hele euro's, afgerond met de grootste-restmethode, zodat elk jaar precies optelt.",
        en: "Each year's total (Tabel 4, else Tabel 6) is distributed with the scenario key in whole euros, rounded by the largest remainder method, so that each year adds up exactly.",
      },
    ],
    columns,
    rows,
  };
}
