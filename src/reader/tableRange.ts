import { formatRange, MAX_COLUMN, MAX_ROW, parseReference, Reference } from "../core/address";
import { Message } from "../core/model";
import { SheetGrid } from "./grid";

/*
 * The range of a table as a binding or an Excel table (ListObject) gives it. A plan's table has
 * tens of rows and a handful of columns; a range of a whole sheet (A1:XFD1048576) or beyond it
 * (A60:H99999999999) is a mistake or a hostile file, refused with the limit it passes before a
 * single row is read. Rows are then read as they are present in the sheet, never row by row
 * down to the range's end.
 */

export const TABLE_RANGE_LIMITS = {
  /** Rows in a table's range, header included. */
  rows: 10_000,
  /** Columns in a table's range. */
  columns: 1_000,
} as const;

/** A count in both languages: `1.048.576` / `1,048,576`. */
function count(n: number): Message {
  const nl = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return { nl, en: nl.replace(/\./g, ",") };
}

/** A reference of one corner or two corners (`A1`, `$A$60:H99999999999`), whatever its size. */
const CORNERS = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/;

/** Letters past XFD, the last of Excel's 16 384 columns. */
function pastLastColumn(letters: string): boolean {
  return letters.length > 3 || (letters.length === 3 && letters.toUpperCase() > "XFD");
}

/**
 * A table's range (`A60:H77`, or one cell), or what is wrong with it when it lies outside the
 * sheet or passes a limit; undefined when the text is no range at all.
 */
export function tableRange(text: string): Reference | Message | undefined {
  const ref = parseReference(text);
  if (!ref) {
    const m = CORNERS.exec(text.trim());
    if (!m) return undefined;
    const rows = [m[2], m[4]].filter((r) => r !== undefined).map(Number);
    const columns = [m[1], m[3]].filter((c) => c !== undefined) as string[];
    const row = rows.find((r) => r > MAX_ROW);
    if (row !== undefined) {
      const [r, max] = [count(row), count(MAX_ROW)];
      return {
        nl: `rij ${r.nl} van '${text.trim()}' ligt buiten het werkblad (Excel heeft ${max.nl} rijen)`,
        en: `row ${r.en} of '${text.trim()}' lies outside the sheet (Excel has ${max.en} rows)`,
      };
    }
    const column = columns.find(pastLastColumn);
    if (column !== undefined) {
      const max = count(MAX_COLUMN);
      return {
        nl: `kolom ${column.toUpperCase()} van '${text.trim()}' ligt buiten het werkblad (Excel heeft ${max.nl} kolommen, tot XFD)`,
        en: `column ${column.toUpperCase()} of '${text.trim()}' lies outside the sheet (Excel has ${max.en} columns, up to XFD)`,
      };
    }
    return undefined;
  }
  if (ref.kind === "rows" || ref.kind === "columns") return ref;
  const over = (n: number, limit: number, what: Message): Message | undefined => {
    if (n <= limit) return undefined;
    const [has, most] = [count(n), count(limit)];
    return {
      nl: `het bereik ${formatRange(ref)} heeft ${has.nl} ${what.nl}; een tabel van het plan heeft er ten hoogste ${most.nl} (limiet: ${what.nl} in een tabelbereik)`,
      en: `the range ${formatRange(ref)} has ${has.en} ${what.en}; a table of the plan has at most ${most.en} (limit: ${what.en} in a table range)`,
    };
  };
  return (
    over(ref.bottom - ref.top + 1, TABLE_RANGE_LIMITS.rows, { nl: "rijen", en: "rows" }) ??
    over(ref.right - ref.left + 1, TABLE_RANGE_LIMITS.columns, {
      nl: "kolommen",
      en: "columns",
    }) ??
    ref
  );
}

/** The rows of a sheet from `top` to `bottom` that hold any cell, in order. */
export function presentRows(sheet: SheetGrid, top: number, bottom: number): number[] {
  return [...sheet.rows.keys()].filter((r) => r >= top && r <= bottom).sort((a, b) => a - b);
}
