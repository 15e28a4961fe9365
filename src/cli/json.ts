import Decimal from "decimal.js";

/**
 * A decimal for `--json`: a JSON number while it is a safe integer (every whole-euro amount
 * a plan has), otherwise a string with its exact decimal value (keys, shares, cents, amounts
 * beyond ±9 007 199 254 740 991), so no JSON parser can round it. README, "--json".
 */
export function jsonNumber(d: Decimal): number | string {
  return d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() : d.toFixed();
}

/** `jsonNumber`, with null for an absent value. */
export function jsonNullable(d: Decimal | null | undefined): number | string | null {
  return d === null || d === undefined ? null : jsonNumber(d);
}
