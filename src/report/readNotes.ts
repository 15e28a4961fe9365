import { formatCell } from "../core/address";
import type { ReadNote } from "../reader";
import type { Lang } from "./report";

/*
 * What the reader said, folded: remarks that differ only in the quoted value (one per cell,
 * "getal als tekst opgeslagen: '3.064.067'") become one line with the count and their cells.
 */

export interface FoldedNote {
  severity: ReadNote["severity"];
  table?: ReadNote["table"];
  count: number;
  /** The remark, with the quoted values left out when folded. */
  text: string;
  /** Every cell of the folded remarks, as `Blad!D12`. */
  cells: string[];
}

export function foldNotes(notes: readonly ReadNote[], lang: Lang): FoldedNote[] {
  const groups = new Map<string, ReadNote[]>();
  for (const n of notes) {
    const key = `${n.severity}|${n.table ?? ""}|${n.message[lang].replace(/'[^']*'/g, "…")}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return [...groups.values()].map((g) => ({
    severity: g[0].severity,
    ...(g[0].table ? { table: g[0].table } : {}),
    count: g.length,
    text: g.length === 1 ? g[0].message[lang] : g[0].message[lang].replace(/'[^']*'/g, "…"),
    cells: g.filter((n) => n.cell).map((n) => formatCell(n.cell!)),
  }));
}

/** The first `n` cells and how many more: `D12, D13 … (+27)`. */
export function someCells(cells: readonly string[], n = 6): string {
  return cells.slice(0, n).join(", ") + (cells.length > n ? ` … (+${cells.length - n})` : "");
}
