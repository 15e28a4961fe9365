import Decimal from "decimal.js";
import { formatCell } from "../core/address";
import { formatDecimal, formatEuro, formatPercent } from "../core/dutchNumber";
import { CheckResult, Finding, Message, Plan, TableId } from "../core/model";
import { byTableOrder } from "../core/tableKinds";
import { Acceptances, findingKey, groupFindings, SEVERITY_TEXT } from "./findings";
import { KeyComparison } from "./keyComparison";

/*
 * The Controleverslag as plain data: what the report sheet in Excel and the .xlsx download
 * both show, so the two cannot drift apart.
 */

export type Lang = "nl" | "en";

export type CellFormat = "text" | "euro" | "percent" | "decimal" | "date";

export interface ReportCell {
  value: string | Decimal | null;
  format: CellFormat;
}

export type RowStyle = "title" | "meta" | "heading" | "header" | "body" | "ok" | "problem";

export interface ReportRow {
  style: RowStyle;
  cells: ReportCell[];
}

export interface Report {
  sheetName: string;
  /** Column widths in characters, for printing on A4 portrait. */
  widths: number[];
  rows: ReportRow[];
}

export interface ReportInput {
  plan: Plan;
  result: CheckResult;
  accepted: Acceptances;
  /** Where formulas get their plan: the workbook's tables or the built-in 2024 plan. */
  formulaSource: "workbook" | "embedded";
  workbook: string;
  date: Date;
  keys?: KeyComparison;
}

export const REPORT_SHEET = "Controleverslag";

const text = (value: string | null): ReportCell => ({ value, format: "text" });
const euro = (value: Decimal | undefined | null): ReportCell => ({
  value: value ?? null,
  format: "euro",
});
const percent = (value: Decimal | undefined | null): ReportCell => ({
  value: value ?? null,
  format: "percent",
});

function tr(m: Message, lang: Lang): string {
  return m[lang];
}

/** How a finding's expected/actual value reads in the report. */
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

function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const L = {
  title: { nl: "Controleverslag Uitvoeringsplan", en: "Check report execution plan" },
  date: { nl: "Datum", en: "Date" },
  workbook: { nl: "Werkmap", en: "Workbook" },
  plan: { nl: "Plan", en: "Plan" },
  read: { nl: "Gelezen als", en: "Read as" },
  formulas: { nl: "Formules rekenen met", en: "Formulas use" },
  workbookPlan: { nl: "het plan in deze werkmap", en: "the plan in this workbook" },
  embeddedPlan: { nl: "het ingebouwde plan 2024", en: "the built-in 2024 plan" },
  tables: { nl: "Gevonden tabellen", en: "Tables found" },
  bound: { nl: " (met de hand gekoppeld)", en: " (bound by hand)" },
  summary: { nl: "Samenvatting", en: "Summary" },
  rules: { nl: "Uitgevoerde controles", en: "Checks run" },
  rule: { nl: "Regel", en: "Rule" },
  what: { nl: "Wat moet kloppen", en: "What must hold" },
  result: { nl: "Resultaat", en: "Result" },
  ok: { nl: "in orde", en: "ok" },
  na: { nl: "niet van toepassing", en: "not applicable" },
  findings: { nl: "Bevindingen", en: "Findings" },
  none: {
    nl: "Geen bevindingen: het plan is consistent.",
    en: "No findings: the plan is consistent.",
  },
  accepted: { nl: "Geaccepteerde bevindingen", en: "Accepted findings" },
  keys: { nl: "Verdeelsleutel en bijdragen", en: "Distribution key and contributions" },
  severity: { nl: "Ernst", en: "Severity" },
  table: { nl: "Tabel", en: "Table" },
  year: { nl: "Jaar", en: "Year" },
  where: { nl: "Cel", en: "Cell" },
  subject: { nl: "Gemeente / regel", en: "Municipality / line" },
  expected: { nl: "Verwacht", en: "Expected" },
  actual: { nl: "Staat er", en: "Actual" },
  diff: { nl: "Verschil", en: "Difference" },
  explanation: { nl: "Toelichting", en: "Explanation" },
  reason: { nl: "Reden van acceptatie", en: "Reason accepted" },
  municipality: { nl: "Gemeente", en: "Municipality" },
  keyNow: { nl: "Sleutel nu", en: "Key now" },
  keyNew: { nl: "Herberekend", en: "Recomputed" },
  amountNow: { nl: "nu", en: "now" },
  amountNew: { nl: "herberekend", en: "recomputed" },
} satisfies Record<string, Message>;

function countsLine(result: CheckResult, lang: Lang, accepted: number): string {
  const s = result.summary;
  return lang === "nl"
    ? `${s.error} fout(en), ${s.warning} waarschuwing(en), ${s.info} opmerking(en); ${accepted} geaccepteerd`
    : `${s.error} error(s), ${s.warning} warning(s), ${s.info} note(s); ${accepted} accepted`;
}

/** Builds the report: meta data, every rule and its result, the findings, the key table. */
export function buildReport(input: ReportInput, lang: Lang): Report {
  const { plan, result, accepted } = input;
  const rows: ReportRow[] = [];
  const push = (style: RowStyle, ...cells: ReportCell[]) => rows.push({ style, cells });
  const blank = () => push("body");

  push("title", text(tr(L.title, lang)));
  push("meta", text(tr(L.date, lang)), text(isoDate(input.date)));
  push("meta", text(tr(L.workbook, lang)), text(input.workbook));
  push("meta", text(tr(L.plan, lang)), text(plan.title));
  if (plan.source.layout) push("meta", text(tr(L.read, lang)), text(plan.source.layout));
  push(
    "meta",
    text(tr(L.formulas, lang)),
    text(tr(input.formulaSource === "workbook" ? L.workbookPlan : L.embeddedPlan, lang))
  );
  const tables = byTableOrder(
    Object.entries(plan.source.tables) as [TableId, string][],
    ([t]) => t
  );
  if (tables.length > 0)
    push(
      "meta",
      text(tr(L.tables, lang)),
      text(
        tables
          .map(([t, w]) => `${t}: ${w}${plan.source.bound?.includes(t) ? tr(L.bound, lang) : ""}`)
          .join("; ")
      )
    );
  const live = result.findings.filter((f) => !accepted.has(findingKey(f)));
  const done = result.findings.filter((f) => accepted.has(findingKey(f)));
  push("meta", text(tr(L.summary, lang)), text(countsLine(result, lang, done.length)));
  blank();

  push("heading", text(tr(L.rules, lang)));
  push("header", text(tr(L.rule, lang)), text(tr(L.what, lang)), text(tr(L.result, lang)));
  for (const r of result.rules) {
    const status =
      r.status === "ok"
        ? tr(L.ok, lang)
        : r.status === "not-applicable"
          ? tr(L.na, lang)
          : `${r.findings} ${tr(L.findings, lang).toLowerCase()}`;
    push(
      r.status === "findings" ? "problem" : "ok",
      text(r.rule),
      text(tr(r.title, lang)),
      text(status)
    );
  }
  blank();

  const findingRows = (list: Finding[], withReason: boolean) => {
    push(
      "header",
      text(tr(L.severity, lang)),
      text(`${tr(L.table, lang)} / ${tr(L.rule, lang)}`),
      text(tr(L.year, lang)),
      text(tr(L.subject, lang)),
      text(tr(L.where, lang)),
      text(tr(L.expected, lang)),
      text(tr(L.actual, lang)),
      text(tr(L.diff, lang)),
      text(tr(withReason ? L.reason : L.explanation, lang))
    );
    for (const g of groupFindings(list)) {
      for (const f of g.findings) {
        const d = difference(f);
        push(
          "body",
          text(tr(SEVERITY_TEXT[f.severity], lang)),
          text(`${f.table} / ${f.rule}`),
          text(f.year === null ? "" : String(f.year)),
          text(f.municipality ?? f.line ?? ""),
          text(f.cell ? formatCell(f.cell) : ""),
          text(formatValue(f.expected, f.unit)),
          text(formatValue(f.actual, f.unit)),
          text(d ? formatValue(d, f.unit) : ""),
          text(withReason ? (accepted.get(findingKey(f))?.reason ?? "") : tr(f.message, lang))
        );
      }
    }
  };
  push("heading", text(tr(L.findings, lang)));
  if (live.length === 0) push("ok", text(tr(L.none, lang)));
  else findingRows(live, false);
  if (done.length > 0) {
    blank();
    push("heading", text(tr(L.accepted, lang)));
    findingRows(done, true);
  }

  if (!(input.keys && input.keys.rows.length > 0) && plan.contributions) {
    const t6 = plan.contributions;
    blank();
    push("heading", text(tr(L.keys, lang)));
    push(
      "header",
      text(tr(L.municipality, lang)),
      text(tr(L.keyNow, lang)),
      ...t6.years.map((y) => text(String(y)))
    );
    for (const r of t6.rows) {
      push(
        "body",
        text(r.label),
        percent(r.key?.value),
        ...t6.years.map((y) => euro(r.values.get(y)?.value))
      );
    }
    push(
      "header",
      text(t6.total.label || "totaal"),
      percent(t6.totalKey?.value),
      ...t6.years.map((y) => euro(t6.total.values.get(y)?.value))
    );
  }
  if (input.keys && input.keys.rows.length > 0) {
    const k = input.keys;
    blank();
    push("heading", text(tr(L.keys, lang)));
    push(
      "header",
      text(tr(L.municipality, lang)),
      text(tr(L.keyNow, lang)),
      text(tr(L.keyNew, lang)),
      ...k.years.flatMap((y) => [
        text(`${y} ${tr(L.amountNow, lang)}`),
        text(`${y} ${tr(L.amountNew, lang)}`),
      ])
    );
    for (const r of k.rows) {
      push(
        "body",
        text(r.municipality),
        percent(r.currentKey),
        percent(r.nextKey),
        ...k.years.flatMap((y) => {
          const a = r.amounts.get(y);
          return [euro(a?.current), euro(a?.next)];
        })
      );
    }
  }
  const columns = Math.max(...rows.map((r) => r.cells.length));
  const base = [16, 24, 12, 22, 16, 13, 13, 11, 50];
  const widths = Array.from({ length: columns }, (_, i) => base[i] ?? 13);
  return { sheetName: REPORT_SHEET, widths, rows };
}

/** Text of a report cell as a reader sees it, for tests and plain-text output. */
export function cellText(c: ReportCell): string {
  if (c.value === null) return "";
  if (typeof c.value === "string") return c.value;
  if (c.format === "euro") return formatEuro(c.value);
  if (c.format === "percent") return formatPercent(c.value);
  return formatDecimal(c.value);
}
