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

/**
 * The page's side, on the clone it received: it owns those objects, so decimals are put in
 * place rather than the whole plan copied again (less work and garbage on the page's thread).
 */
export function decode<T>(value: unknown): T {
  return revive(value) as T;
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Map) {
    for (const [k, v] of value) value.set(k, revive(v));
    return value;
  }
  if (value instanceof Set) return new Set([...value].map(revive));
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const tagged = record[TAG];
  if (typeof tagged === "string") return new D(tagged);
  for (const key of Object.keys(record)) record[key] = revive(record[key]);
  return record;
}
