import Decimal from "decimal.js";
import { formatCell } from "../core/address";
import { ExactKeyTable } from "../core/exactKeyTable";
import { CellRef, Message } from "../core/model";
import { dateText } from "./cells";
import { componentLabel } from "./keyComparison";
import { weightsText } from "./keySheet";
import type { Lang, Report } from "./report";
import { ReportSection, SectionColumn, SectionRow, sectionSheet } from "./sections";

/*
 * The exact key calculation table (src/core/exactKeyTable.ts) as a sheet of its own, the
 * "Herberekening verdeelsleutel" the plan prints: a weights row, per municipality the share of
 * each component, its key, the amount per component and its contribution, and a total row. The
 * pane inserts it into the workbook; the figures are numbers with Dutch formats.
 */

/** Where the total that the table distributes came from, for the sheet and the pane. */
export interface KeyTableSource {
  /** The plan's year the total belongs to, when it is the plan's. */
  year?: number;
  /** "Tabel 4, 2025 ('Tabel 4'!F9)" or "ingetypt". */
  total: Message;
}

const both = (f: (lang: Lang) => string): Message => ({ nl: f("nl"), en: f("en") });

export function keyTableSheetName(year: number | undefined): Message {
  const suffix = year === undefined ? "" : ` ${year}`;
  return { nl: `Sleuteltabel${suffix}`, en: `Key table${suffix}` };
}

/** What the table guarantees, in words: the same on the sheet and in the pane. */
export function keyTableGuarantee(table: ExactKeyTable): Message[] {
  const notes: Message[] = [
    {
      nl: "Elke rij telt op tot de bijdrage van de gemeente (het totaal verdeeld met de sleutels volgens de grootste-restmethode), elke kolom tot het deel van de component (weging × totaal), en elk bedrag ligt minder dan € 1 van weging × aandeel × totaal.",
      en: "Each row adds up to the municipality's contribution (the total distributed with the keys by the largest remainder method), each column to the component's part (weight × total), and each amount is less than € 1 from weight × share × total.",
    },
  ];
  if (table.beyondOneUnit.length > 0) {
    const cells = table.beyondOneUnit.map(
      (b) => `${b.municipality} ${componentLabel(b.component).nl.toLocaleLowerCase("nl")}`
    );
    const cellsEn = table.beyondOneUnit.map(
      (b) => `${b.municipality} ${componentLabel(b.component).en.toLocaleLowerCase("en")}`
    );
    notes.push({
      nl: `Met deze bijdragen kan niet elk bedrag binnen € 1 blijven; verder afgeweken: ${cells.join(", ")}.`,
      en: `With these contributions not every amount can stay within € 1; further off: ${cellsEn.join(", ")}.`,
    });
  }
  return notes;
}

/** The table as a report section: one sheet, one table, the facts above it. */
export function keyTableSection(
  table: ExactKeyTable,
  source: KeyTableSource,
  planTitle: string
): ReportSection {
  const decimals = table.unit.lt(1) ? 2 : 0;
  const components = table.components;
  const label = (c: string) => componentLabel(c);
  const columns: SectionColumn[] = [
    { header: { nl: "Gemeente", en: "Municipality" }, format: "text", width: 22 },
    ...components.map((c): SectionColumn => ({
      header: both((lang) => `${label(c)[lang]} (${lang === "nl" ? "aandeel" : "share"})`),
      format: "percent",
      decimals: 4,
      width: 13,
    })),
    {
      header: { nl: "Sleutel", en: "Key" },
      format: "percent",
      decimals: 4,
      width: 11,
    },
    ...components.map((c): SectionColumn => ({
      header: both((lang) => `${label(c)[lang]} (${lang === "nl" ? "bedrag" : "amount"})`),
      format: "euro",
      decimals,
      width: 13,
    })),
    { header: { nl: "Bijdrage", en: "Contribution" }, format: "euro", decimals, width: 13 },
  ];
  const weights: SectionRow = {
    cells: [
      { nl: "Weging", en: "Weight" },
      ...components.map((c) => table.weights.get(c) as Decimal),
      null,
    ],
  };
  const rows: SectionRow[] = table.rows.map((r) => ({
    cells: [
      r.municipality,
      ...components.map((c) => r.shares.get(c) as Decimal),
      r.key,
      ...components.map((c) => r.amounts.get(c) as Decimal),
      r.amount,
    ],
  }));
  const keySum = table.rows.reduce((s, r) => s.plus(r.key), new Decimal(0));
  const total: SectionRow = {
    total: true,
    cells: [
      { nl: "Totaal", en: "Total" },
      ...components.map(() => new Decimal(1)),
      keySum,
      ...components.map((c) => table.parts.get(c) as Decimal),
      table.total,
    ],
  };
  const year = source.year === undefined ? "" : ` ${source.year}`;
  return {
    sheet: keyTableSheetName(source.year),
    title: both(
      (lang) =>
        `${lang === "nl" ? "Herberekening verdeelsleutel" : "Key calculation"}${year} — ${planTitle}`
    ),
    facts: [
      {
        label: { nl: "Te verdelen", en: "To distribute" },
        value: table.total,
        format: "euro",
        decimals,
      },
      { label: { nl: "Bron van het totaal", en: "Source of the total" }, value: source.total },
      {
        label: { nl: "Wegingen", en: "Weights" },
        value: both((lang) =>
          weightsText(new Map([...table.weights].map(([c, w]) => [c, w.times(100)])), lang)
        ),
      },
    ],
    intro: [
      {
        nl: "Sleutel = Σ weging × aandeel; bedrag per component = weging × aandeel × totaal, in hele euro's afgerond zodat rijen en kolommen precies optellen.",
        en: "Key = Σ weight × share; amount per component = weight × share × total, rounded to whole euros so that rows and columns add up exactly.",
      },
    ],
    columns,
    rows: [weights, ...rows, total],
    notes: keyTableGuarantee(table),
  };
}

/** The table on a sheet of its own, "Sleuteltabel 2025", to insert into the workbook. */
export function keyTableReport(
  table: ExactKeyTable,
  source: KeyTableSource,
  plan: { title: string; name: string },
  lang: Lang,
  date: Date
): Report {
  const section = keyTableSection(table, source, plan.title);
  return {
    sheets: [
      sectionSheet(section, {
        lang,
        reportTitle: section.title[lang],
        footer: `${plan.name} · ${dateText(date, lang)}`,
      }),
    ],
  };
}

/** "Tabel 4, 2025 ('Tabel 4'!F9)": where a plan's total came from, for the source fact. */
export function planTotalSource(table: string, year: number, cell?: CellRef): Message {
  const where = `${table}, ${year}${cell ? ` (${formatCell(cell)})` : ""}`;
  return { nl: where, en: where };
}
