import { formatCell, parseAddress } from "../core/address";
import { CellRef, Message, TableId } from "../core/model";
import type { Lang } from "./report";

/*
 * The reader's remarks folded by kind: 151 numbers stored as text are one line with their
 * cells ("151 getallen als tekst opgeslagen: Uitvoeringsplan!D12, D13, …"), not 151 lines that
 * differ only in the value quoted. One folding for the pane, `up check` and the Controlelog.
 */

export interface Remark {
  severity: "error" | "warning" | "info";
  message: Message;
  cell?: CellRef;
  table?: TableId;
}

export interface FoldedRemark {
  severity: Remark["severity"];
  /** The table all the folded remarks are about, when they are all about one. */
  table?: TableId;
  /** The remark itself when alone; else what the remarks share, counted. */
  message: Message;
  count: number;
  cells: CellRef[];
}

/** A remark's message without the value it quotes: what remarks of one kind share. */
const kindOf = (text: string) => text.replace(/\s*:?\s*'[^']*'/g, "").trim();

/** Plural phrases for the kinds the reader reports often. */
const PLURAL: Record<string, Message> = {
  "getal als tekst opgeslagen": {
    nl: "getallen als tekst opgeslagen",
    en: "numbers stored as text",
  },
};

/**
 * Folds remarks of the same severity and kind into one, in the order they first occur, across
 * tables (a kind that occurs in three tables is still one line), with their cells in reading
 * order: sheet by sheet as first met, then row by row.
 */
export function foldRemarks(remarks: readonly Remark[]): FoldedRemark[] {
  const folds = new Map<string, { first: Remark; all: Remark[] }>();
  for (const r of remarks) {
    const key = `${r.severity}|${kindOf(r.message.nl)}`;
    const fold = folds.get(key);
    if (fold) fold.all.push(r);
    else folds.set(key, { first: r, all: [r] });
  }
  const sheets = [...new Set(remarks.flatMap((r) => (r.cell ? [r.cell.sheet] : [])))];
  return [...folds.values()].map(({ first, all }) => {
    const count = all.length;
    const cells = readingOrder(
      all.flatMap((r) => (r.cell ? [r.cell] : [])),
      sheets
    );
    const tables = new Set(all.map((r) => r.table));
    const table = tables.size === 1 && first.table ? { table: first.table } : {};
    if (count === 1)
      return { severity: first.severity, ...table, message: first.message, count, cells };
    const nl = kindOf(first.message.nl);
    const plural = PLURAL[nl] ?? { nl: `× ${nl}`, en: `× ${kindOf(first.message.en)}` };
    return {
      severity: first.severity,
      ...table,
      message: { nl: `${count} ${plural.nl}`, en: `${count} ${plural.en}` },
      count,
      cells,
    };
  });
}

function readingOrder(cells: CellRef[], sheets: readonly string[]): CellRef[] {
  const at = (c: CellRef) => parseAddress(c.address) ?? { row: 0, column: 0 };
  return cells
    .map((c) => ({ c, sheet: sheets.indexOf(c.sheet), ...at(c) }))
    .sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.column - b.column)
    .map((x) => x.c);
}

/**
 * A folded remark as one line: "151 getallen als tekst opgeslagen: Uitvoeringsplan!D12, D13, …
 * (+143 meer)". A remark alone is its message (its cell is the caller's to place).
 */
export function remarkText(r: FoldedRemark, lang: Lang, max = 8): string {
  if (r.count === 1 || r.cells.length === 0) return r.message[lang];
  return `${r.message[lang]}: ${cellList(r.cells, max, lang === "nl" ? "meer" : "more")}`;
}

/**
 * `Uitvoeringsplan!D12, D13, E12, …`: the sheet named once for the cells that follow on it;
 * after `max` cells, how many more.
 */
export function cellList(cells: readonly CellRef[], max = 8, more = "meer"): string {
  const parts: string[] = [];
  let sheet: string | null = null;
  for (const c of cells.slice(0, max)) {
    parts.push(c.sheet === sheet ? c.address : formatCell(c));
    sheet = c.sheet;
  }
  const rest = cells.length - max;
  return rest > 0 ? `${parts.join(", ")}, … (+${rest} ${more})` : parts.join(", ");
}
