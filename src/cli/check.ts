import Decimal from "decimal.js";
import { formatCell } from "../core/address";
import { checkPlan } from "../core/check";
import { CheckResult, Plan, Severity } from "../core/model";
import { PlanInputError } from "../core/errors";
import { ReadNote } from "../reader";
import { langOf, Lang, parse } from "./args";
import { Command, EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./io";
import { loadPlan, noteText } from "./loadPlan";

const USAGE = "up check [plan.xlsx] [--json] [--lang nl|en]";

/** `up check`: runs every rule on a workbook's plan or on the built-in 2024 plan. */
export const checkCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    { json: { type: "boolean" }, lang: { type: "string" } },
    USAGE
  );
  const lang = langOf(values.lang);
  if (positionals.length > 1) {
    throw usageError(
      `één bestand verwacht, kreeg er ${positionals.length}`,
      `one file expected, got ${positionals.length}`
    );
  }
  const { plan, notes } = await loadPlan(positionals[0], io.cwd);
  const result = checkPlan(plan);
  if (values.json) io.stdout(JSON.stringify(checkJson(plan, result, notes, lang), null, 2) + "\n");
  else io.stdout(checkText(plan, result, notes, lang));
  const unread = notes.filter((n) => n.severity === "error");
  if (unread.length > 0) {
    const lines = unread.map((n) => `  - ${noteText(n, lang)}`).join("\n");
    io.stderr(
      lang === "nl"
        ? `up check: het plan kon niet volledig worden gelezen; de controle is onvolledig:\n${lines}\n`
        : `up check: the plan could not be read completely; the check is incomplete:\n${lines}\n`
    );
    return EXIT_UNUSABLE;
  }
  return result.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
};

function usageError(nl: string, en: string) {
  return new PlanInputError({ nl: `${nl}\nGebruik: ${USAGE}`, en: `${en}\nUsage: ${USAGE}` });
}

function num(d: Decimal | null | undefined): number | null {
  return d === null || d === undefined ? null : d.toNumber();
}

/** The `--json` shape of issue 2: absent fields are null, money as numbers in euros. */
export function checkJson(plan: Plan, result: CheckResult, notes: ReadNote[], lang: Lang) {
  return {
    source: {
      kind: plan.source.kind,
      name: plan.source.name,
      layout: plan.source.layout ?? null,
      tables: plan.source.tables,
    },
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      table: f.table,
      year: f.year,
      municipality: f.municipality,
      cell: f.cell ? formatCell(f.cell) : null,
      cells: f.cells.map(formatCell),
      line: f.line,
      unit: f.unit,
      expected: num(f.expected),
      actual: num(f.actual),
      difference: f.expected && f.actual ? f.actual.minus(f.expected).toNumber() : null,
      message: f.message[lang],
      fix: f.fix
        ? f.fix.map((x) => ({
            municipality: x.municipality,
            year: x.year,
            cell: x.cell ? formatCell(x.cell) : null,
            from: x.from.toNumber(),
            to: x.to.toNumber(),
          }))
        : null,
    })),
    summary: result.summary,
    rules: result.rules.map((r) => ({ rule: r.rule, status: r.status, findings: r.findings })),
    notes: notes.map((n) => ({
      severity: n.severity,
      table: n.table ?? null,
      cell: n.cell ? formatCell(n.cell) : null,
      message: n.message[lang],
    })),
  };
}

const SEVERITY: Record<Severity, { nl: string; en: string }> = {
  error: { nl: "FOUT", en: "ERROR" },
  warning: { nl: "WAARSCHUWING", en: "WARNING" },
  info: { nl: "INFO", en: "INFO" },
};

/** Notes that differ only in the quoted value (one per cell) are shown as one line with their cells. */
function groupedNotes(notes: ReadNote[], lang: Lang): string[] {
  const groups = new Map<string, ReadNote[]>();
  for (const n of notes) {
    const key = `${n.severity}|${n.table ?? ""}|${n.message[lang].replace(/'[^']*'/g, "…")}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const label = (n: ReadNote) => `${SEVERITY[n.severity][lang]}`;
  return [...groups.values()].map((g) => {
    if (g.length === 1) return `${label(g[0])}  ${noteText(g[0], lang)}`;
    const cells = g.filter((n) => n.cell).map((n) => formatCell(n.cell!));
    const shown =
      cells.slice(0, 6).join(", ") + (cells.length > 6 ? ` … (+${cells.length - 6})` : "");
    const text = g[0].message[lang].replace(/'[^']*'/g, "…");
    return `${label(g[0])}  ${g[0].table ? `${g[0].table}: ` : ""}${g.length}× ${text} — ${shown}`;
  });
}

function checkText(plan: Plan, result: CheckResult, notes: ReadNote[], lang: Lang): string {
  const t = (nl: string, en: string) => (lang === "nl" ? nl : en);
  const out: string[] = [t(`Controle van ${plan.source.name}`, `Check of ${plan.source.name}`), ""];
  if (notes.length > 0) {
    out.push(
      t("Bij het lezen:", "While reading:"),
      ...groupedNotes(notes, lang).map((l) => `  ${l}`),
      ""
    );
  }
  for (const f of result.findings) {
    const where = [
      f.table,
      f.year,
      f.municipality ?? f.line,
      f.cell ? formatCell(f.cell) : null,
    ].filter((x) => x !== null && x !== "");
    out.push(`${SEVERITY[f.severity][lang]}  ${f.rule}  ${where.join(" · ")}`);
    out.push(`    ${f.message[lang]}`);
  }
  if (result.findings.length > 0) out.push("");
  for (const r of result.rules) {
    const status =
      r.status === "ok"
        ? t("in orde", "ok")
        : r.status === "not-applicable"
          ? t("niet van toepassing", "not applicable")
          : `${r.findings} ${t("bevinding(en)", "finding(s)")}`;
    out.push(`  ${r.rule.padEnd(15)} ${status}`);
  }
  const s = result.summary;
  out.push("");
  out.push(
    result.findings.length === 0
      ? t("Geen bevindingen: het plan is consistent.", "No findings: the plan is consistent.")
      : t(
          `${s.error} fout(en), ${s.warning} waarschuwing(en), ${s.info} melding(en)`,
          `${s.error} error(s), ${s.warning} warning(s), ${s.info} info`
        )
  );
  return out.join("\n") + "\n";
}
