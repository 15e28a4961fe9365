import { ContributionSource, contribution, municipalityOf } from "../core/query";
import { PlanInputError } from "../core/errors";
import { allocationKey } from "../core/planKey";
import { langOf, parse, yearOf } from "./args";
import { Command, EXIT_OK } from "./io";
import { jsonNullable, jsonNumber } from "./json";
import { loadPlan } from "./loadPlan";

const USAGE =
  "up contribution <gemeente> <jaar> [--file plan.xlsx] [--source computed|stated] [--json] [--lang nl|en]";

/**
 * `up contribution`: what =UP.CONTRIBUTION returns. `computed` allocates the year's total with
 * the plan's most precise keys by largest remainder; `stated` is the amount written in Tabel 6.
 * What the user must know about the key (it was implied by the amounts, it was renormalised
 * within its rounding) goes to stderr, or into `notes` with --json.
 */
export const contributionCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    {
      file: { type: "string" },
      source: { type: "string" },
      json: { type: "boolean" },
      lang: { type: "string" },
    },
    USAGE
  );
  if (positionals.length !== 2) {
    throw new PlanInputError({
      nl: `Geef een gemeente en een jaar.\nGebruik: ${USAGE}`,
      en: `Give a municipality and a year.\nUsage: ${USAGE}`,
    });
  }
  const source = sourceOf(values.source);
  const lang = langOf(values.lang);
  const year = yearOf(positionals[1]);
  const { plan } = await loadPlan(values.file, io.cwd);
  const amount = contribution(plan, positionals[0], year, source);
  const municipality = municipalityOf(plan, positionals[0]);
  const key = source === "computed" ? allocationKey(plan) : null;
  const notes = key?.notes.map((n) => n[lang]) ?? [];
  if (values.json) {
    io.stdout(
      JSON.stringify({
        municipality,
        year,
        source,
        value: jsonNumber(amount),
        key: jsonNullable(key?.keys.get(municipality)),
        keySource: key?.source ?? null,
        notes,
      }) + "\n"
    );
  } else {
    io.stdout(`${amount.toFixed()}\n`);
    for (const n of notes) io.stderr(`${lang === "nl" ? "Let op" : "Note"}: ${n}\n`);
  }
  return EXIT_OK;
};

export function sourceOf(value: string | undefined): ContributionSource {
  if (value === undefined || value === "computed" || value === "berekend") return "computed";
  if (value === "stated" || value === "vermeld") return "stated";
  throw new PlanInputError({
    nl: `--source moet computed of stated zijn, niet '${value}'`,
    en: `--source must be computed or stated, not '${value}'`,
  });
}
