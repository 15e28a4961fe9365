import { formatEuro } from "../core/dutchNumber";
import { explainSettlement, SETTLEMENT_WORDS } from "../core/explainSettlement";
import { Message } from "../core/model";
import { Settlement } from "../core/settle";
import { dateText } from "./cells";
import type { Lang, Report } from "./report";
import { ReportSection, SectionColumn, sectionSheet } from "./sections";

/*
 * The settlement as a section of the report (a sheet "Afrekening <jaar>" of its own) and, on
 * its own, the sheet the pane inserts into the workbook: what was settled (actual costs and
 * where they came from, advances, final key), one table row per municipality (advance, final,
 * settlement, cost and key effect, both keys, the explanation), the totals, the method.
 */

export interface SettlementSource {
  /** How the actual costs were given: typed, or the cell they were read from. */
  actual: Message;
  /** Where the final key came from: none (provisional), a file or a range of the workbook. */
  finalKey: Message;
}

const L = {
  ...SETTLEMENT_WORDS,
  notes: { nl: "Opmerking", en: "Note" },
  explanationColumn: { nl: "Toelichting", en: "Explanation" },
  actualSource: { nl: "Bron werkelijke kosten", en: "Source of the actual costs" },
} satisfies Record<string, Message>;

const both = (f: (lang: Lang) => string): Message => ({ nl: f("nl"), en: f("en") });

/** The settlement as a report section: one sheet, one table, with the facts above it. */
export function settlementSection(s: Settlement, source: SettlementSource): ReportSection {
  const decimals = s.unit.lt(1) ? 2 : 0;
  const euro = (header: Message, signed = false): SectionColumn => ({
    header,
    format: "euro",
    decimals,
    signed,
    width: 13,
  });
  const percent = (header: Message): SectionColumn => ({
    header,
    format: "percent",
    width: 10,
  });
  const explanations = new Map(explainSettlement(s).map((e) => [e.municipality, e.text]));
  const t = s.totals;
  return {
    sheet: both((lang) => `${L.title[lang]} ${s.year}`),
    title: both((lang) => `${L.title[lang]} ${s.year} — ${s.plan.title}`),
    facts: [
      {
        label: L.actual,
        value: s.actualTotal,
        format: "euro",
        decimals,
      },
      { label: L.actualSource, value: source.actual },
      { label: L.advances, value: s.advanceTotal, format: "euro", decimals },
      { label: L.difference, value: s.actualTotal.minus(s.advanceTotal), format: "euro", decimals },
      { label: L.finalKey, value: source.finalKey },
    ],
    intro: [L.sign],
    columns: [
      { header: L.municipality, format: "text", width: 20 },
      euro(L.advance),
      euro(L.final),
      euro(L.settlement, true),
      euro(L.costEffect, true),
      euro(L.keyEffect, true),
      percent(L.provisionalKey),
      percent(L.finalKeyColumn),
      { header: L.explanationColumn, format: "text", width: 40 },
    ],
    rows: [
      ...s.rows.map((r) => ({
        cells: [
          r.municipality,
          r.advance,
          r.final,
          r.settlement,
          r.costEffect,
          r.keyEffect,
          r.provisionalKey,
          r.finalKey,
          explanations.get(r.municipality) ?? null,
        ],
      })),
      {
        cells: [L.total, t.advance, t.final, t.settlement, t.costEffect, t.keyEffect],
        total: true,
      },
    ],
    notes: [
      both((lang) => `${L.method[lang]}: ${s.method[lang]}`),
      ...s.notes.map((n) => both((lang) => `${L.notes[lang]}: ${n[lang]}`)),
    ],
  };
}

/** The settlement on a sheet of its own, "Afrekening 2025", to insert into the workbook. */
export function settlementReport(
  s: Settlement,
  source: SettlementSource,
  lang: Lang,
  date: Date
): Report {
  const section = settlementSection(s, source);
  return {
    sheets: [
      sectionSheet(section, {
        lang,
        reportTitle: section.title[lang],
        footer: `${s.plan.name} · ${dateText(date, lang)}`,
      }),
    ],
  };
}

/** The summary line under the field: what the municipalities pay or get back together. */
export function settlementSummary(s: Settlement): Message {
  const d = s.actualTotal.minus(s.advanceTotal);
  const a = formatEuro(s.actualTotal);
  const v = formatEuro(s.advanceTotal);
  if (d.isZero()) {
    return {
      nl: `Werkelijke kosten ${a} = voorschotten ${v}: samen betalen de gemeenten niets bij.`,
      en: `Actual costs ${a} = advances ${v}: together the municipalities pay nothing extra.`,
    };
  }
  const more = d.isPositive();
  return {
    nl: `Werkelijke kosten ${a} − voorschotten ${v}: samen ${more ? "betalen de gemeenten" : "krijgen de gemeenten"} ${formatEuro(d.abs())} ${more ? "bij" : "terug"}.`,
    en: `Actual costs ${a} − advances ${v}: together the municipalities ${more ? "pay" : "get back"} ${formatEuro(d.abs())}${more ? " extra" : ""}.`,
  };
}
