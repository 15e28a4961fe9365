/**
 * @jest-environment node
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { readWorkbookBytes } from "../../../src/taskpane/read/readWorkbook";
import { decode, encode } from "../../../src/taskpane/read/transfer";

const PUBLISHED = join(__dirname, "..", "..", "..", "examples", "up-2024-published.xlsx");

/** What the page receives from the worker: the structured clone of what the worker posted. */
async function published() {
  const bytes = readFileSync(PUBLISHED);
  const loaded = await readWorkbookBytes(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    "up-2024-published.xlsx"
  );
  return { loaded, received: cloned(structuredClone(encode(loaded))) };
}

/**
 * structuredClone's objects belong to Node's realm, not the test's (whose `instanceof Map` the
 * decoder uses, as the page's is its own): the same structure rebuilt in the test's realm.
 */
function cloned(value: unknown): unknown {
  const kind = Object.prototype.toString.call(value);
  if (kind === "[object Map]")
    return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [k, cloned(v)]));
  if (kind === "[object Set]") return new Set([...(value as Set<unknown>)].map(cloned));
  if (Array.isArray(value)) return value.map(cloned);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloned(v)]));
  return value;
}

/** A comparable form: decimals by their exact text, maps and sets by their entries. */
function plain(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return { decimal: (value as Decimal).toString() };
  const kind = Object.prototype.toString.call(value);
  if (kind === "[object Map]") return { map: [...(value as Map<unknown, unknown>)].map(plain) };
  if (kind === "[object Set]") return { set: [...(value as Set<unknown>)].map(plain) };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

describe("what the reading worker hands the page", () => {
  test("comes back as it was read: decimals as the project's Decimal, maps, every field", async () => {
    const { loaded, received } = await published();
    const decoded = decode<typeof loaded>(received);
    expect(plain(decoded)).toEqual(plain(loaded));
    const heerlen = decoded.plan?.contributions?.rows.find((r) => r.municipality === "Heerlen");
    expect(heerlen?.values.get(2025)?.value).toBeInstanceOf(Decimal);
    expect(heerlen?.values.get(2025)?.value.toString()).toBe(
      loaded.plan?.contributions?.rows
        .find((r) => r.municipality === "Heerlen")
        ?.values.get(2025)
        ?.value.toString()
    );
  });

  test("is revived in the clone the page received, not copied once more", async () => {
    const { received } = await published();
    const plan = (received as { plan: { contributions: { rows: unknown[] } } }).plan;
    const rows = plan.contributions.rows;
    const decoded = decode<{ plan: { contributions: { rows: unknown[] } } }>(received);
    expect(decoded).toBe(received);
    expect(decoded.plan.contributions.rows).toBe(rows);
  });
});
