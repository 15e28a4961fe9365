import { renameSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { checkPlan } from "../core/check";
import { missingTables } from "../core/completeness";
import { PlanInputError } from "../core/errors";
import { buildReport } from "../report/report";
import { reportXlsx } from "../report/xlsxReport";
import { langOf, parse } from "./args";
import { Command, EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./io";
import { loadPlan, partialPlan } from "./loadPlan";
import { usage } from "./usage";

const USAGE = usage("report");

/**
 * `up report`: writes the check report (.xlsx, as the browser page downloads it) of a
 * workbook's plan or the built-in 2024 plan. Exit codes as `up check`; a plan read only in part
 * gets no report (one to send would look complete) unless --allow-partial.
 */
export const reportCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    {
      out: { type: "string" },
      force: { type: "boolean" },
      lang: { type: "string" },
      "allow-partial": { type: "boolean" },
    },
    USAGE
  );
  const lang = langOf(values.lang);
  const out = values.out;
  if (positionals.length > 1 || !out || extname(out).toLowerCase() !== ".xlsx") {
    throw new PlanInputError({
      nl: `Geef hoogstens één plan en met --out een uitvoerbestand dat eindigt op .xlsx.\nGebruik: ${USAGE}`,
      en: `Give at most one plan and with --out an output file ending in .xlsx.\nUsage: ${USAGE}`,
    });
  }
  const { plan, notes } = await loadPlan(positionals[0], io.cwd);
  const result = checkPlan(plan);
  const partial = partialPlan(
    "report",
    notes,
    missingTables(plan),
    lang,
    !!values["allow-partial"]
  );
  if (partial) io.stderr(partial.text);
  if (partial?.unusable) return EXIT_UNUSABLE;
  const report = buildReport(
    {
      plan,
      result,
      accepted: new Map(),
      formulaSource: plan.source.kind,
      workbook: positionals[0] ? basename(positionals[0]) : plan.title,
      date: new Date(),
      remarks: notes,
    },
    lang
  );
  const bytes = await reportXlsx(report);
  const path = resolve(io.cwd, out);
  try {
    if (values.force) {
      // Written beside the target and renamed, so a failed write leaves the old file whole.
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      writeFileSync(temp, bytes);
      renameSync(temp, path);
    } else {
      writeFileSync(path, bytes, { flag: "wx" });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PlanInputError(
      code === "EEXIST"
        ? {
            nl: `${out} bestaat al; UP overschrijft geen bestanden zonder --force`,
            en: `${out} already exists; UP does not overwrite files without --force`,
          }
        : {
            nl: `${out} kan niet worden geschreven (${code ?? String(e)})`,
            en: `${out} cannot be written (${code ?? String(e)})`,
          }
    );
  }
  io.stdout(
    lang === "nl"
      ? `Controleverslag geschreven naar ${out} (${report.sheets.map((s) => s.name).join(", ")})\n`
      : `Check report written to ${out} (${report.sheets.map((s) => s.name).join(", ")})\n`
  );
  return result.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
};
