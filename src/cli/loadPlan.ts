import { resolve } from "node:path";
import { formatCell } from "../core/address";
import { PlanInputError } from "../core/errors";
import { Message, Plan, TableId } from "../core/model";
import { plan2024 } from "../core/plan2024";
import { tableKind } from "../core/tableKinds";
import { ReadNote } from "../reader";
import { Lang } from "./args";

export interface LoadedPlan {
  plan: Plan;
  notes: ReadNote[];
}

export function noteText(note: ReadNote, lang: Lang): string {
  return `${note.cell ? `${formatCell(note.cell)}: ` : ""}${note.message[lang]}`;
}

/**
 * What `up check` and `up report` say on stderr about a plan read only in part (a table UP could
 * not read completely) or lacking a table the check needs, and whether that stops the command
 * (exit 2): it does unless --allow-partial. Undefined when the plan is whole.
 */
export function partialPlan(
  command: string,
  notes: ReadNote[],
  missing: TableId[],
  lang: Lang,
  allowPartial: boolean
): { text: string; unusable: boolean } | undefined {
  const unread = notes.filter((n) => n.severity === "error");
  // A table that could not be read is named with its notes; one that is simply not there, apart.
  const absent = missing.filter((id) => !unread.some((n) => n.table === id));
  if (unread.length === 0 && absent.length === 0) return undefined;
  const parts: string[] = [];
  if (unread.length > 0) {
    const lines = unread.map((n) => `  - ${noteText(n, lang)}`).join("\n");
    parts.push(
      lang === "nl"
        ? `up ${command}: het plan kon niet volledig worden gelezen; de controle is onvolledig:\n${lines}\n`
        : `up ${command}: the plan could not be read completely; the check is incomplete:\n${lines}\n`
    );
  }
  if (absent.length > 0) parts.push(missingText(command, absent, notes, lang));
  parts.push(
    allowPartial
      ? lang === "nl"
        ? "--allow-partial: de rest van het plan is gecontroleerd; de exitcode zegt alleen iets over die rest.\n"
        : "--allow-partial: the rest of the plan was checked; the exit code speaks for that rest only.\n"
      : lang === "nl"
        ? "Exitcode 2; met --allow-partial wordt de rest toch gecontroleerd.\n"
        : "Exit code 2; with --allow-partial the rest is checked all the same.\n"
  );
  return { text: parts.join(""), unusable: !allowPartial };
}

/** Which tables are missing, with what the reader said about each. */
function missingText(command: string, missing: TableId[], notes: ReadNote[], lang: Lang): string {
  const lines = missing.map((id) => {
    const said = notes.filter((n) => n.table === id).map((n) => noteText(n, lang));
    return `  - ${tableKind(id).name[lang]}${said.length > 0 ? `: ${said.join("; ")}` : ""}`;
  });
  const one = missing.length === 1;
  const head =
    lang === "nl"
      ? `up ${command}: het plan mist ${one ? "een tabel" : "tabellen"} die de controle nodig heeft; de regels die ${one ? "die tabel" : "ze"} nodig hebben zijn niet uitgevoerd:`
      : `up ${command}: the plan lacks ${one ? "a table" : "tables"} the check needs; the rules that need ${one ? "it" : "them"} did not run:`;
  return `${head}\n${lines.join("\n")}\n`;
}

/**
 * The plan of a workbook file, or the built-in 2024 plan when no file is given. A workbook
 * without a readable plan is an error that says what went wrong and what was looked for.
 */
export async function loadPlan(file: string | undefined, cwd: string): Promise<LoadedPlan> {
  if (file === undefined) return { plan: plan2024(), notes: [] };
  // ExcelJS and the reader load only here, when there is a workbook to read.
  const { readPlanFile } = await import("../workbook/file");
  const result = await readPlanFile(resolve(cwd, file), file);
  if (result.plan) return { plan: result.plan, notes: result.notes };
  const errors = result.notes.filter((n) => n.severity === "error");
  const { LOOKED } = await import("../reader/looked");
  const text = (lang: Lang, head: string, lookedFor: string): string =>
    [
      head,
      ...errors.map((n) => `  - ${noteText(n, lang)}`),
      lookedFor,
      ...LOOKED.map((l) => `  - ${l}`),
    ].join("\n");
  const message: Message = {
    nl: text("nl", `Geen uitvoeringsplan gevonden in ${file}.`, "Gezocht naar:"),
    en: text("en", `No execution plan found in ${file}.`, "Looked for:"),
  };
  throw new PlanInputError(message);
}
