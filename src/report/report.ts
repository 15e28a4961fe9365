import Decimal from "decimal.js";
import { formatDecimal, formatEuro, formatPercent } from "../core/dutchNumber";
import { CheckResult, Finding, Message, Plan } from "../core/model";
import { missingTables } from "../core/completeness";
import { tableKind } from "../core/tableKinds";
import { tablesRead } from "../core/tablesRead";
import type { ReadNote } from "../reader/cells";
import { dateText, excelSerial, ReportCell, text } from "./cells";
import { Acceptances, findingKey } from "./findings";
import { countText, logSheet } from "./logSheet";
import { KeyComparison } from "./keyComparison";
import { preciseKeyNotes } from "./keyNote";
import { KEY_SHEET, keySection, weightsText } from "./keySheet";
import { ReportSection, sectionSheet, SheetContext } from "./sections";
import { ReportSheet } from "./sheet";
import { summarySheet } from "./summarySheet";

/*
 * The Controleverslag as plain data: what the report sheets in Excel and the .xlsx download
 * both hold, so the two cannot drift apart. The first sheet is the one to send; the check
 * log follows; then a sheet per extra section (a scenario when asked for, a settlement).
 */

export type Lang = "nl" | "en";

export interface Report {
  sheets: ReportSheet[];
}

export interface ReportInput {
  plan: Plan;
  result: CheckResult;
  accepted: Acceptances;
  /** Where formulas get their plan: the workbook's tables or the built-in 2024 plan. */
  formulaSource: "workbook" | "embedded";
  /** The file the plan was read from. */
  workbook: string;
  date: Date;
  /** What the reader remarked while reading the file, for the check log. */
  remarks?: readonly ReadNote[];
  /**
   * The key view's recomputation with its weights (a scenario, or the key table), only when
   * the user asks for it in the report: without it the report holds the plan's keys and says
   * that it holds no scenario.
   */
  keys?: KeyComparison;
  /** Notes on how figures were computed (renormalised keys), shown on the first sheet. */
  notes?: readonly Message[];
  /** More sheets: a settlement, … */
  sections?: readonly ReportSection[];
}

export type { ReportSection };

/** How a finding's expected/actual value reads in the pane. */
export function formatValue(value: Decimal | null, unit: Finding["unit"]): string {
  if (value === null) return "";
  switch (unit) {
    case "euro":
      return formatEuro(value);
    case "fraction":
      return formatPercent(value, 4).replace(/0{1,2}%$/, "%");
    default:
      return formatDecimal(value);
  }
}

export function difference(f: Finding): Decimal | null {
  return f.expected && f.actual ? f.actual.minus(f.expected) : null;
}

function outcome(live: Finding[], accepted: number, lang: Lang): string {
  const n = (s: Finding["severity"]) => live.filter((f) => f.severity === s).length;
  if (live.length === 0 && accepted === 0) {
    return lang === "nl"
      ? "geen bevindingen: de tabellen van het plan kloppen met elkaar"
      : "no findings: the plan's tables agree with each other";
  }
  const open =
    lang === "nl"
      ? `${countText(n("error"), "fout", "fouten")}, ${countText(n("warning"), "waarschuwing", "waarschuwingen")}, ${countText(n("info"), "opmerking", "opmerkingen")}`
      : `${countText(n("error"), "error", "errors")}, ${countText(n("warning"), "warning", "warnings")}, ${countText(n("info"), "note", "notes")}`;
  if (accepted === 0) return open;
  return lang === "nl"
    ? `${open}; ${countText(accepted, "bevinding", "bevindingen")} geaccepteerd`
    : `${open}; ${countText(accepted, "finding", "findings")} accepted`;
}

const LAYOUT: Record<string, Message> = {
  template: { nl: "UP-sjabloon", en: "UP template" },
  published: { nl: "opmaak van het gepubliceerde plan", en: "layout of the published plan" },
};

/** Builds the report: the sheet to send, the check log, and any extra sections. */
export function buildReport(input: ReportInput, lang: Lang): Report {
  const { plan, result, accepted } = input;
  const nl = lang === "nl";
  const t = (a: string, b: string) => (nl ? a : b);
  const ctx: SheetContext = {
    lang,
    reportTitle: `${t("Controleverslag", "Check report")} ${plan.title}`,
    footer: `${input.workbook} · ${dateText(input.date, lang)}`,
  };
  const live = result.findings.filter((f) => !accepted.has(findingKey(f)));
  const acceptedCount = result.findings.length - live.length;
  const checked = { label: t("Gecontroleerd op", "Checked on"), value: dateCell(input.date) };
  const file = {
    label: t("Bestand", "File"),
    value: text(
      plan.source.kind === "embedded"
        ? t("geen: het ingebouwde Uitvoeringsplan 2024", "none: the built-in 2024 plan")
        : plan.source.layout
          ? `${input.workbook} (${LAYOUT[plan.source.layout][lang]})`
          : input.workbook
    ),
  };
  const result_ = {
    label: t("Uitkomst", "Outcome"),
    value: text(outcome(live, acceptedCount, lang)),
  };

  // A merged plan: each pool's tables, under the pool's name.
  const tables = tablesRead(plan);
  const missing = missingTables(plan).map((id) => tableKind(id).name[lang]);
  const keys = input.keys && input.keys.rows.length > 0 ? input.keys : undefined;
  // The key the check computes with, in words where it is more precise than Tabel 6 shows.
  const precise = preciseKeyNotes(plan);
  const stated: Message =
    precise.length > 0
      ? { nl: precise.map((m) => m.nl).join(". "), en: precise.map((m) => m.en).join(". ") }
      : {
          nl: "de sleutels zoals het plan ze noemt (Tabel 6)",
          en: "the keys as the plan states them (Tabel 6)",
        };
  const facts: { label: string; value: ReportCell }[] = [
    file,
    ...tables.map((r) => ({
      label: `${r.pool ? `${r.pool} · ` : ""}${r.name[lang]}`,
      value: text(`${r.range}${r.bound ? t(" (met de hand gekoppeld)", " (bound by hand)") : ""}`),
    })),
    ...(missing.length > 0
      ? [
          {
            label: t("Niet gevonden", "Not found"),
            value: text(
              missing.length === 1
                ? t(
                    `${missing[0]}; de regels die die tabel nodig hebben zijn niet uitgevoerd`,
                    `${missing[0]}; the rules that need it did not run`
                  )
                : t(
                    `${missing.join(", ")}; de regels die ze nodig hebben zijn niet uitgevoerd`,
                    `${missing.join(", ")}; the rules that need them did not run`
                  )
            ),
          },
        ]
      : []),
    {
      label: t("Formules rekenen met", "Formulas use"),
      value: text(
        input.formulaSource === "workbook"
          ? t("het plan in deze werkmap", "the plan in this workbook")
          : t("het ingebouwde plan 2024", "the built-in 2024 plan")
      ),
    },
    checked,
    result_,
    {
      label: t("Verdeelsleutel", "Distribution key"),
      value: text(
        keys
          ? t(
              `${stated.nl}; herberekend met de wegingen ${weightsText(keys.weights, "nl")} staan ze apart op het blad ${KEY_SHEET.nl}`,
              `${stated.en}; recomputed with the weights ${weightsText(keys.weights, "en")} they are on the separate sheet ${KEY_SHEET.en}`
            )
          : t(
              `${stated.nl}; dit verslag bevat geen scenario`,
              `${stated.en}; this report holds no scenario`
            )
      ),
    },
  ];
  const intro = [
    t(
      "Rood: een bedrag of sleutel in het plan dat volgens de controle niet klopt; in de kolom ernaast (verwacht) staat wat er zou moeten staan. Grijs: een bevinding die is geaccepteerd, met de reden. De volledige toelichting per bevinding staat op het blad Controlelog.",
      "Red: an amount or key in the plan that the check finds wrong; the column beside it (expected) holds what should be there. Grey: a finding that was accepted, with its reason. The full explanation of each finding is on the Check log sheet."
    ),
    ...(input.notes ?? []).map((m) => m[lang]),
  ];

  const sheets: ReportSheet[] = [
    summarySheet({ plan, findings: result.findings, accepted, facts, intro }, ctx),
    logSheet(
      {
        result,
        accepted,
        remarks: input.remarks ?? [],
        facts: [{ label: "Plan", value: text(plan.title) }, file, checked, result_],
      },
      ctx
    ),
  ];
  const sections = [...(keys ? [keySection(keys)] : []), ...(input.sections ?? [])];
  for (const s of sections) sheets.push(sectionSheet(s, ctx));
  return { sheets: uniqueNames(sheets) };
}

function dateCell(d: Date): ReportCell {
  return { value: excelSerial(d), format: "date" };
}

/** Sheet names are unique within a workbook, whatever case: "Afrekening", "Afrekening (2)". */
function uniqueNames(sheets: ReportSheet[]): ReportSheet[] {
  const taken: string[] = [];
  return sheets.map((s) => {
    const name = freeSheetName(s.name, taken);
    taken.push(name);
    return name === s.name ? s : { ...s, name };
  });
}

/** A sheet name not yet in use: "Controleverslag", then "Controleverslag (2)", … */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
