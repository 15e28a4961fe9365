import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { formatCell } from "../core/address";
import { PlanInputError } from "../core/errors";
import { Message, Plan } from "../core/model";
import { plan2024 } from "../core/plan2024";
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
 * The plan of a workbook file, or the built-in 2024 plan when no file is given. A workbook
 * without a readable plan is an error that says what went wrong and what was looked for.
 */
export async function loadPlan(file: string | undefined, cwd: string): Promise<LoadedPlan> {
  if (file === undefined) return { plan: plan2024(), notes: [] };
  const path = resolve(cwd, file);
  if (!existsSync(path)) {
    throw new PlanInputError({
      nl: `Bestand niet gevonden: ${file}`,
      en: `File not found: ${file}`,
    });
  }
  // ExcelJS and the reader load only here, when there is a workbook to read.
  const { readPlanFile } = await import("../workbook/file");
  const result = await readPlanFile(path);
  if (result.plan) return { plan: result.plan, notes: result.notes };
  const errors = result.notes.filter((n) => n.severity === "error");
  const text = (lang: Lang, head: string, lookedFor: string): string =>
    [
      head,
      ...errors.map((n) => `  - ${noteText(n, lang)}`),
      ...(result.looked.length > 0 ? [lookedFor, ...result.looked.map((l) => `  - ${l}`)] : []),
    ].join("\n");
  const message: Message = {
    nl: text("nl", `Geen uitvoeringsplan gevonden in ${file}.`, "Gezocht naar:"),
    en: text("en", `No execution plan found in ${file}.`, "Looked for:"),
  };
  throw new PlanInputError(message);
}
