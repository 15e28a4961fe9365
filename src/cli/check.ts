import { formatCell } from "../core/address";
import { checkPlan, findingTable } from "../core/check";
import { missingTables } from "../core/completeness";
import { CheckResult, CostPool, Finding, Plan, Severity, TableId } from "../core/model";
import { PlanInputError } from "../core/errors";
import { difference } from "../core/money";
import { hasPools, poolsOf, poolYears } from "../core/pools";
import { tablesRead } from "../core/tablesRead";
import { ReadNote } from "../reader";
import { langOf, Lang, parse } from "./args";
import { Command, EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./io";
import { jsonNullable, jsonNumber } from "./json";
import { foldRemarks, remarkText } from "../report/remarks";
import { loadPlan, partialPlan } from "./loadPlan";
import { usage } from "./usage";

const USAGE = usage("check");

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
  const partial = partialPlan("check", notes, missing, lang, !!values["allow-partial"]);
  if (partial) io.stderr(partial.text);
  if (partial?.unusable) return EXIT_UNUSABLE;
  return result.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
};

function usageError(nl: string, en: string) {
  return new PlanInputError({ nl: `${nl}\nGebruik: ${USAGE}`, en: `${en}\nUsage: ${USAGE}` });
}

/**
 * The `--json` shape of issue 2: absent fields are null, money as numbers in euros (cents as
 * exact decimal strings). `pools` lists the plan's cost pools (a single-pool plan is its one pool,
 * name ""); each finding names its pool (null in a single-pool plan).
 */
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
    pools: poolsOf(plan).map((p) => ({
      name: p.name,
      title: p.title,
      method: p.method,
      unit: p.plan.unit ?? "euro",
      years: poolYears(p.plan),
      tables: p.plan.source.tables,
    })),
    findings: result.findings.map((f) => ({
      pool: f.pool ?? null,
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
  return foldRemarks(notes).map((n) => {
    const label = SEVERITY[n.severity][lang];
    if (n.count === 1)
      return `${label}  ${n.cells.length ? `${formatCell(n.cells[0])}: ` : ""}${n.message[lang]}`;
    return `${label}  ${n.table ? `${n.table}: ` : ""}${remarkText(n, lang, 6)}`;
  });
}

function findingLines(f: Finding, lang: Lang): string[] {
  const where = [
    findingTable(f),
    f.year,
    f.municipality ?? f.line,
    f.cell ? formatCell(f.cell) : null,
  ].filter((x) => x !== null && x !== "");
  return [
    `${SEVERITY[f.severity][lang]}  ${f.rule}  ${where.join(" · ")}`,
    `    ${f.message[lang]}`,
  ];
}

const METHOD: Record<CostPool["method"], { nl: string; en: string }> = {
  sla: { nl: "SLA-sleutel", en: "SLA key" },
  "budget-share": { nl: "aandeel in het budget", en: "budget share" },
};

/** `Kostenpool beleid — Dekking kosten regio-samenwerking (aandeel in het budget, in centen): 3 bevinding(en)` */
function poolHeading(pool: CostPool, findings: number, lang: Lang): string {
  const unit =
    pool.plan.unit === "cent"
      ? { nl: "in centen", en: "in cents" }
      : { nl: "in hele euro's", en: "in whole euros" };
  const count =
    findings === 0
      ? { nl: "geen bevindingen", en: "no findings" }
      : { nl: `${findings} bevinding(en)`, en: `${findings} finding(s)` };
  const words = lang === "nl" ? "Kostenpool" : "Cost pool";
  return `${words} ${pool.name} — ${pool.title} (${METHOD[pool.method][lang]}, ${unit[lang]}): ${count[lang]}`;
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
  if (hasPools(plan)) {
    const read = tablesRead(plan);
    for (const pool of poolsOf(plan)) {
      const own = result.findings.filter((f) => f.pool === pool.name);
      out.push(poolHeading(pool, own.length, lang));
      // Where the pool was read from, a line per table.
      for (const r of read.filter((x) => x.pool === pool.name))
        out.push(`  ${r.name[lang]}: ${r.range}`);
      out.push(...own.flatMap((f) => findingLines(f, lang)), "");
    }
  } else {
    out.push(...result.findings.flatMap((f) => findingLines(f, lang)));
    if (result.findings.length > 0) out.push("");
  }
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
