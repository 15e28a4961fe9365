import { formatCell } from "../core/address";
import { findingPoolTable } from "../core/check";
import { CheckResult, Finding } from "../core/model";
import type { ReadNote } from "../reader/cells";
import {
  dutchDate,
  EMPTY,
  findingCell,
  findingDiffCell,
  marked,
  ReportCell,
  text,
  year,
} from "./cells";
import { Acceptances, findingKey, SEVERITY_TEXT } from "./findings";
import { keepAmounts } from "./findingText";
import { foldRemarks, remarkText } from "./remarks";
import { SheetContext } from "./sections";
import { layoutSheet, ReportSheet, TableColumn, TableRow } from "./sheet";

/*
 * The check log: every rule that ran, its result, and each of its findings with the stated
 * figure, the expected one and the difference as numbers, and the full explanation; the
 * accepted findings with their reason; what the reader remarked while reading the file.
 */

export interface LogInput {
  result: CheckResult;
  accepted: Acceptances;
  remarks: readonly ReadNote[];
  facts: { label: string; value: ReportCell }[];
}

/** `1 bevinding`, `16 bevindingen`. */
export function countText(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The ISO date of an acceptance (`2026-11-23`) the Dutch way; other text as it is. */
function acceptanceDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? dutchDate(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

export function logSheet(input: LogInput, ctx: SheetContext): ReportSheet {
  const { lang } = ctx;
  const nl = lang === "nl";
  const t = (a: string, b: string) => (nl ? a : b);
  const columns: TableColumn[] = [
    { header: t("Regel", "Rule"), numeric: false, width: 17 },
    { header: t("Ernst", "Severity"), numeric: false, width: 14, wrap: true },
    { header: t("Tabel", "Table"), numeric: false, width: 9, wrap: true },
    { header: t("Jaar", "Year"), numeric: true, width: 6 },
    { header: t("Gemeente / regel", "Municipality / line"), numeric: false, width: 20, wrap: true },
    { header: t("Cel", "Cell"), numeric: false, width: 19, wrap: true },
    { header: t("Staat er", "Stated"), numeric: true, width: 13 },
    { header: t("Verwacht", "Expected"), numeric: true, width: 13 },
    { header: t("Verschil", "Difference"), numeric: true, width: 12 },
    { header: t("Toelichting", "Explanation"), numeric: false, width: 52, wrap: true },
  ];
  const rows: TableRow[] = [];
  const group = (id: string, status: string, title: string) =>
    rows.push({
      style: "group",
      cells: [text(id), text(status), text(title)],
      merge: { from: 2, to: columns.length - 1 },
    });

  const findingRow = (f: Finding): TableRow => {
    const acceptance = input.accepted.get(findingKey(f));
    const explanation = acceptance
      ? `${f.message[lang]}\n${t("Geaccepteerd op", "Accepted on")} ${acceptanceDate(acceptance.date)}: ${acceptance.reason}`
      : f.message[lang];
    const severity = text(SEVERITY_TEXT[f.severity][lang]);
    return {
      style: "body",
      cells: [
        EMPTY,
        acceptance ? marked(severity, "accepted") : severity,
        text(findingPoolTable(f)),
        year(f.year),
        text(f.municipality ?? f.line ?? ""),
        text(f.cell ? formatCell(f.cell) : ""),
        findingCell(f.actual, f.unit),
        findingCell(f.expected, f.unit),
        findingDiffCell(f),
        text(keepAmounts(explanation)),
      ],
    };
  };

  for (const r of input.result.rules) {
    const mine = input.result.findings.filter((f) => f.rule === r.rule);
    const status =
      r.status === "ok"
        ? t("in orde", "ok")
        : r.status === "not-applicable"
          ? t("n.v.t.", "n/a")
          : nl
            ? countText(mine.length, "bevinding", "bevindingen")
            : countText(mine.length, "finding", "findings");
    group(r.rule, status, r.title[lang]);
    rows.push(...mine.map(findingRow));
  }

  const folded = foldRemarks(input.remarks);
  if (folded.length > 0) {
    group(
      t("Lezen", "Reading"),
      nl
        ? countText(input.remarks.length, "opmerking", "opmerkingen")
        : countText(input.remarks.length, "remark", "remarks"),
      t("Wat bij het lezen van het bestand opviel", "What was noticed while reading the file")
    );
    for (const n of folded) {
      rows.push({
        style: "body",
        cells: [
          EMPTY,
          text(SEVERITY_TEXT[n.severity][lang]),
          text(n.table ?? ""),
          EMPTY,
          EMPTY,
          text(n.count === 1 && n.cells.length === 1 ? formatCell(n.cells[0]) : ""),
          EMPTY,
          EMPTY,
          EMPTY,
          text(remarkText(n, lang, 6)),
        ],
      });
    }
  }

  return layoutSheet({
    name: t("Controlelog", "Check log"),
    lang,
    reportTitle: ctx.reportTitle,
    title: t("Controlelog", "Check log"),
    facts: input.facts,
    columns,
    rows,
    footer: ctx.footer,
  });
}
