import Decimal from "decimal.js";
import { readDutchNumber } from "../core/dutchNumber";
import { CellRef, Figure, Message, TableId } from "../core/model";
import { GridCell, SheetGrid } from "./grid";
import { address } from "../core/address";
import { decimalOfNumber } from "../core/value";

/** Something the reader wants to tell: an error means a table (or the plan) could not be read. */
export interface ReadNote {
  severity: "error" | "warning" | "info";
  cell?: CellRef;
  table?: TableId;
  /** The cost pool whose tables the note is about, in a merged plan. */
  pool?: string;
  message: Message;
}

/** How a number format shows a value: percentage or not, and how many decimals. */
export interface FormatInfo {
  general: boolean;
  percent: boolean;
  minDecimals: number;
  maxDecimals: number;
}

const GENERAL: FormatInfo = { general: true, percent: false, minDecimals: 0, maxDecimals: 0 };
const formatCache = new Map<string, FormatInfo>();

/** Reads the first section of an Excel number format (`#,##0`, `0.00%`, `0.0#`, `General`). */
export function formatInfo(numFmt: string | undefined): FormatInfo {
  if (!numFmt) return GENERAL;
  let info = formatCache.get(numFmt);
  if (info) return info;
  const section = numFmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (/general/i.test(section) || !/[0#?]/.test(section)) {
    info = { ...GENERAL, percent: section.includes("%") };
  } else {
    const point = section.indexOf(".");
    const places = point >= 0 ? (/^[0#?]*/.exec(section.slice(point + 1))?.[0] ?? "") : "";
    info = {
      general: false,
      percent: section.includes("%"),
      minDecimals: places.replace(/#/g, "").length,
      maxDecimals: places.length,
    };
  }
  formatCache.set(numFmt, info);
  return info;
}

export type CellRead =
  | { kind: "empty" }
  | {
      kind: "number";
      /** A percentage (by format or by a `%` in the text) is already a fraction. */
      value: Decimal;
      /** Decimals shown; for percentages in percentage points. */
      decimals: number;
      percent: boolean;
      fromText: boolean;
      text?: string;
      /** The formula whose cached result this is. */
      formula?: string;
    }
  | { kind: "text"; text: string }
  | { kind: "invalid"; message: Message };

function shownDecimals(value: Decimal, fmt: FormatInfo): number {
  if (fmt.general) return value.decimalPlaces();
  const rounded = value.toDecimalPlaces(fmt.maxDecimals, Decimal.ROUND_HALF_UP);
  return Math.min(fmt.maxDecimals, Math.max(fmt.minDecimals, rounded.decimalPlaces()));
}

/** What a cell holds, read as a number where it is one (also a Dutch number stored as text). */
export function readCell(cell: GridCell | undefined): CellRead {
  if (!cell) return { kind: "empty" };
  const v = cell.value;
  if (v === null || v === undefined) {
    if (cell.formula !== undefined) {
      return {
        kind: "invalid",
        message: {
          nl: `formule =${cell.formula} zonder opgeslagen uitkomst: open en bewaar het bestand in Excel`,
          en: `formula =${cell.formula} has no stored result: open and save the file in Excel`,
        },
      };
    }
    return { kind: "empty" };
  }
  if (typeof v === "number") {
    const value = decimalOfNumber(v);
    if (!value) {
      return { kind: "invalid", message: { nl: "geen eindig getal", en: "not a finite number" } };
    }
    const fmt = formatInfo(cell.numFmt);
    const decimals = fmt.percent
      ? Math.max(0, shownDecimals(value.times(100), fmt))
      : shownDecimals(value, fmt);
    const read: CellRead = {
      kind: "number",
      value,
      decimals,
      percent: fmt.percent,
      fromText: false,
    };
    if (cell.formula !== undefined) read.formula = cell.formula;
    return read;
  }
  if (typeof v === "string") {
    const text = v.trim();
    if (text === "") return { kind: "empty" };
    const n = readDutchNumber(text);
    if (n) {
      return {
        kind: "number",
        value: n.value,
        decimals: n.decimals,
        percent: n.percent,
        fromText: true,
        text,
      };
    }
    return { kind: "text", text: v.replace(/\s+/g, " ").trim() };
  }
  if (typeof v === "boolean") {
    const t = v ? "WAAR/TRUE" : "ONWAAR/FALSE";
    return { kind: "invalid", message: { nl: `${t} is geen getal`, en: `${t} is not a number` } };
  }
  if (v instanceof Date) {
    return {
      kind: "invalid",
      message: {
        nl: "een datum, geen getal (celopmaak?)",
        en: "a date, not a number (cell format?)",
      },
    };
  }
  return {
    kind: "invalid",
    message: { nl: `foutwaarde ${v.error}`, en: `error value ${v.error}` },
  };
}

export function cellRef(sheet: SheetGrid, row: number, column: number): CellRef {
  return { sheet: sheet.name, address: address(row, column) };
}

/** The figure of a number read from a cell. */
export function figureOf(read: Extract<CellRead, { kind: "number" }>, cell: CellRef): Figure {
  const f: Figure = { value: read.value, cell, decimals: read.decimals };
  if (read.fromText) f.fromText = true;
  if (read.formula !== undefined) f.formula = read.formula;
  return f;
}

export function textAsNumberNote(
  read: Extract<CellRead, { kind: "number" }>,
  cell: CellRef,
  table?: TableId
): ReadNote {
  return {
    severity: "warning",
    cell,
    table,
    message: {
      nl: `getal als tekst opgeslagen: '${read.text}'`,
      en: `number stored as text: '${read.text}'`,
    },
  };
}

/** Lists cells for a message: the first few and how many more. */
export function cellList(cells: readonly CellRef[], max = 8): Message {
  const shown = cells
    .slice(0, max)
    .map((c) => c.address)
    .join(", ");
  const more = cells.length - max;
  return more > 0
    ? { nl: `${shown} en nog ${more}`, en: `${shown} and ${more} more` }
    : { nl: shown, en: shown };
}
