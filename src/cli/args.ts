import { parseArgs, ParseArgsConfig } from "node:util";
import { readDutchNumber } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";

export type Lang = "nl" | "en";

/** util.parseArgs with its errors turned into messages a user can act on. */
export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  usage: string
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new PlanInputError({
      nl: `Ongeldige argumenten: ${detail}\nGebruik: ${usage}`,
      en: `Invalid arguments: ${detail}\nUsage: ${usage}`,
    });
  }
}

export function langOf(value: unknown): Lang {
  if (value === undefined || value === "nl") return "nl";
  if (value === "en") return "en";
  throw new PlanInputError({
    nl: `--lang moet nl of en zijn, niet '${String(value)}'`,
    en: `--lang must be nl or en, not '${String(value)}'`,
  });
}

/** A year as typed: `2025` (also `2.025` is refused: a year has no thousands separator). */
export function yearOf(text: string | undefined): number {
  const n = text === undefined ? undefined : /^\s*\d{4}\s*$/.test(text) ? Number(text) : undefined;
  if (n === undefined) {
    throw new PlanInputError({
      nl: `'${text ?? ""}' is geen jaartal: geef een jaar als 2025`,
      en: `'${text ?? ""}' is not a year: give a year such as 2025`,
    });
  }
  return n;
}

/** A number as a Dutch or plain text: `2183425`, `2.183.425`, `1234,50`. */
export function numberOf(text: string, what: { nl: string; en: string }) {
  const n = readDutchNumber(text);
  if (!n || n.percent) {
    throw new PlanInputError({
      nl: `${what.nl}: '${text}' is geen getal`,
      en: `${what.en}: '${text}' is not a number`,
    });
  }
  return n.value;
}
