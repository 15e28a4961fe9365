import Decimal from "decimal.js";
import { D } from "../../core/money";

/*
 * What crosses between the worker and the page. Structured cloning keeps maps, sets and plain
 * objects but not a Decimal's prototype: decimals travel as their exact text and come back as
 * the project's Decimal.
 */

const TAG = "\u0000decimal";

export function encode(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return { [TAG]: (value as Decimal).toString() };
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, encode(v)]));
  if (value instanceof Set) return new Set([...value].map(encode));
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

export function decode<T>(value: unknown): T {
  return revive(value) as T;
}

function revive(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, revive(v)]));
  if (value instanceof Set) return new Set([...value].map(revive));
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === "object") {
    const tagged = (value as Record<string, unknown>)[TAG];
    if (typeof tagged === "string") return new D(tagged);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}
