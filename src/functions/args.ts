import Decimal from "decimal.js";
import { readDutchNumber } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { Message } from "../core/model";
import { plainDecimal } from "../core/value";
import { own } from "../core/own";

/*
 * Reading the arguments Excel passes to a custom function. Excel hands over numbers,
 * text, booleans, null for an omitted optional argument and 2-D arrays for ranges; and, as
 * the metadata allows data types (allowCustomDataForDataTypeAny, CustomFunctionsRuntime 1.4),
 * a cell holding one as its JSON: a formatted number as { type: "FormattedNumber",
 * basicValue }, an entity (a card such as a Geography) as { type: "Entity", text, properties }.
 * Every wrong kind of value becomes a #VALUE! that names the argument.
 */

/** An argument's name as the user sees it in the function's signature. */
export type ArgName = Message;

export const ARG = {
  municipality: { nl: "gemeente", en: "municipality" },
  year: { nl: "jaar", en: "year" },
  year1: { nl: "jaar1", en: "year1" },
  year2: { nl: "jaar2", en: "year2" },
  changePart: { nl: "deel", en: "part" },
  source: { nl: "bron", en: "source" },
  part: { nl: "deel", en: "part" },
  role: { nl: "functie", en: "role" },
  domain: { nl: "domein", en: "domain" },
  line: { nl: "kostenpost", en: "line" },
  components: { nl: "componenten", en: "components" },
  weights: { nl: "wegingen", en: "weights" },
  total: { nl: "totaal", en: "total" },
  keys: { nl: "sleutels", en: "keys" },
  unit: { nl: "eenheid", en: "unit" },
  actual: { nl: "werkelijk", en: "actual" },
  pool: { nl: "pool", en: "pool" },
} as const satisfies Record<string, ArgName>;

function wrong(arg: ArgName, nl: string, en: string): PlanInputError {
  return new PlanInputError({ nl: `Argument ${arg.nl}: ${nl}`, en: `Argument ${arg.en}: ${en}` });
}

function shown(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : String(value);
}

/** Omitted: no value, an empty cell or empty text. */
export function isOmitted(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** Excel's data types whose value is a plain number, text or boolean. */
const BASIC = new Set(["Double", "FormattedNumber", "String", "Boolean"]);

/**
 * A data-type value as the plain value it stands for; an entity, an image or anything else
 * without one says so (Excel's own message would be "#VALUE!" with no reason).
 */
function plain(value: unknown, arg: ArgName): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const v = value as { type?: unknown; basicValue?: unknown; text?: unknown };
  if (typeof v.type === "string" && BASIC.has(v.type)) return v.basicValue;
  if (v.type === "Empty") return null;
  if (v.type === "Entity" || v.type === "LinkedEntity") {
    const name = typeof v.text === "string" ? ` '${v.text}'` : "";
    throw wrong(
      arg,
      `de cel bevat een gegevenstype${name} (een kaart), geen tekst of getal: typ de waarde, of verwijs naar een veld ervan zoals A2.Naam`,
      `the cell holds a data type${name} (a card), not text or a number: type the value, or refer to one of its fields such as A2.Name`
    );
  }
  const type = typeof v.type === "string" ? ` (${v.type})` : "";
  throw wrong(
    arg,
    `de cel bevat een gegevenstype${type}, geen tekst of getal`,
    `the cell holds a data type${type}, not text or a number`
  );
}

/** A single value; a one-cell range counts as its cell. */
export function scalar(value: unknown, arg: ArgName): unknown {
  if (!Array.isArray(value)) return plain(value, arg);
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1)
    return plain(value[0][0], arg);
  throw wrong(
    arg,
    "verwacht één waarde, geen bereik van meerdere cellen",
    "expects one value, not a range of several cells"
  );
}

/** A number, or text that reads as one number the Dutch way ("1.234", "0,35"). */
export function numberArg(value: unknown, arg: ArgName): Decimal {
  const v = scalar(value, arg);
  if (isOmitted(v)) throw wrong(arg, "ontbreekt", "is missing");
  const n = plainDecimal(v);
  if (n) return n;
  throw wrong(arg, `${shown(v)} is geen getal`, `${shown(v)} is not a number`);
}

/** A year such as 2025, as a number or as text. */
export function yearArg(value: unknown, arg: ArgName = ARG.year): number {
  const v = scalar(value, arg);
  if (isOmitted(v))
    throw wrong(arg, "ontbreekt: geef een jaar als 2025", "is missing: give a year such as 2025");
  let year: number | undefined;
  if (typeof v === "number") year = v;
  else if (typeof v === "string") {
    const n = readDutchNumber(v);
    if (n && !n.percent) year = n.value.toNumber();
  }
  if (year === undefined || !Number.isInteger(year) || year < 1900 || year > 2200) {
    throw wrong(
      arg,
      `${shown(v)} is geen jaartal: geef een jaar als 2025`,
      `${shown(v)} is not a year: give a year such as 2025`
    );
  }
  return year;
}

/** Optional year: undefined when omitted. */
export function optionalYearArg(value: unknown, arg: ArgName = ARG.year): number | undefined {
  return isOmitted(scalar(value, arg)) ? undefined : yearArg(value, arg);
}

/** Text such as a municipality or a role name; numbers and booleans are the wrong type. */
export function textArg(value: unknown, arg: ArgName): string {
  const v = scalar(value, arg);
  if (isOmitted(v)) throw wrong(arg, "ontbreekt", "is missing");
  if (typeof v !== "string") {
    throw wrong(arg, `${shown(v)} is geen tekst`, `${shown(v)} is not text`);
  }
  return v.trim();
}

/**
 * One of a few words, Dutch or English (`jeugd`/`youth`); the default when omitted.
 * `choices` maps every accepted spelling, lower case, to the value.
 */
export function choiceArg<T extends string>(
  value: unknown,
  arg: ArgName,
  choices: Readonly<Record<string, T>>,
  fallback: T,
  shownChoices: Message
): T {
  const v = scalar(value, arg);
  if (isOmitted(v)) return fallback;
  const found = typeof v === "string" ? own(choices, v.trim().toLowerCase()) : undefined;
  if (found === undefined) {
    throw wrong(
      arg,
      `${shown(v)} kan niet: kies ${shownChoices.nl}`,
      `${shown(v)} is not allowed: choose ${shownChoices.en}`
    );
  }
  return found;
}

/** The cells of a range, row by row; a single value is a 1×1 range. */
export function rangeArg(value: unknown, arg: ArgName): unknown[][] {
  if (isOmitted(value)) throw wrong(arg, "ontbreekt", "is missing");
  if (!Array.isArray(value)) return [[plain(value, arg)]];
  if (!value.every((row) => Array.isArray(row))) {
    throw wrong(arg, "is geen bereik", "is not a range");
  }
  return (value as unknown[][]).map((row) => row.map((cell) => plain(cell, arg)));
}
