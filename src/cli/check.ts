import { formatCell } from "../core/address";
import { checkPlan } from "../core/check";
import { missingTables } from "../core/completeness";
import { CheckResult, Plan, Severity, TableId } from "../core/model";
import { PlanInputError } from "../core/errors";
import { difference } from "../core/money";
import { ReadNote } from "../reader";
import { tableKind } from "../core/tableKinds";
import { langOf, Lang, parse } from "./args";
import { Command, EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./io";
import { jsonNullable, jsonNumber } from "./json";
import { loadPlan, noteText } from "./loadPlan";

const USAGE = "up check [plan.xlsx] [--json] [--lang nl|en] [--allow-partial]";

/** `up check`: runs every rule on a workbook's plan or on the built-in 2024 plan. */
export const checkCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    { json: { type: "boolean" }, lang: { type: "string" }, "allow-partial": { type: "boolean" } },
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
  const missing = missingTables(plan);
  if (values.json)
    io.stdout(JSON.stringify(checkJson(plan, result, notes, lang, missing), null, 2) + "\n");
  else io.stdout(checkText(plan, result, notes, lang));
  const partial = !!values["allow-partial"];
  const unread = notes.filter((n) => n.severity === "error");
  if (unread.length > 0) {
    const lines = unread.map((n) => `  - ${noteText(n, lang)}`).join("\n");
    io.stderr(
      lang === "nl"
        ? `up check: het plan kon niet volledig worden gelezen; de controle is onvolledig:\n${lines}\n`
        : `up check: the plan could not be read completely; the check is incomplete:\n${lines}\n`
    );
  }
  // A table that could not be read is named above; one that is simply not there, here.
  const absent = missing.filter((id) => !unread.some((n) => n.table === id));
  if (absent.length > 0) io.stderr(missingText(absent, notes, lang));
  if (unread.length > 0 || absent.length > 0) {
    io.stderr(
      partial
        ? lang === "nl"
          ? "--allow-partial: de rest van het plan is gecontroleerd; de exitcode zegt alleen iets over die rest.\n"
          : "--allow-partial: the rest of the plan was checked; the exit code speaks for that rest only.\n"
        : lang === "nl"
          ? "Exitcode 2; met --allow-partial wordt de rest toch gecontroleerd.\n"
          : "Exit code 2; with --allow-partial the rest is checked all the same.\n"
    );
    if (!partial) return EXIT_UNUSABLE;
  }
  return result.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
};

/** Which tables are missing, with what the reader said about each. */
function missingText(missing: TableId[], notes: ReadNote[], lang: Lang): string {
  const lines = missing.map((id) => {
    const said = notes.filter((n) => n.table === id).map((n) => noteText(n, lang));
    return `  - ${tableKind(id).name[lang]}${said.length > 0 ? `: ${said.join("; ")}` : ""}`;
  });
  const one = missing.length === 1;
  const head =
    lang === "nl"
      ? `up check: het plan mist ${one ? "een tabel" : "tabellen"} die de controle nodig heeft; de regels die ${one ? "die tabel" : "ze"} nodig hebben zijn niet uitgevoerd:`
      : `up check: the plan lacks ${one ? "a table" : "tables"} the check needs; the rules that need ${one ? "it" : "them"} did not run:`;
  return `${head}\n${lines.join("\n")}\n`;
}

function usageError(nl: string, en: string) {
  return new PlanInputError({ nl: `${nl}\nGebruik: ${USAGE}`, en: `${en}\nUsage: ${USAGE}` });
}

/** The `--json` shape of issue 2: absent fields are null, money as numbers in euros. */
export function checkJson(
  plan: Plan,
  result: CheckResult,
  notes: ReadNote[],
  lang: Lang,
  missing: TableId[] = []
) {
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
      expected: jsonNullable(f.expected),
      actual: jsonNullable(f.actual),
      difference: f.expected && f.actual ? jsonNumber(difference(f.actual, f.expected)) : null,
      message: f.message[lang],
      fix: f.fix
        ? f.fix.map((x) => ({
            municipality: x.municipality,
            year: x.year,
            cell: x.cell ? formatCell(x.cell) : null,
            from: jsonNumber(x.from),
            to: jsonNumber(x.to),
          }))
        : null,
    })),
    summary: result.summary,
    missing,
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
