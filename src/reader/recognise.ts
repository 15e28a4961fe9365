import { TableId } from "../core/model";
import { resolveMunicipality } from "../core/municipalities";
import { TABLE_KINDS } from "../core/tableKinds";
import { normLabel } from "./build";
import { firstText, Header, MAX_GAP, overlaps, rowsAfter, SheetScan, Title } from "./scan";

/*
 * Recognising the kind of a table in the published layout, from the table kinds'
 * descriptors: by its title (`Tabel 3 Materiële kosten`), by the words of its header row, or
 * by the rows below a bare header (most municipalities; lines of both domains).
 */

const NUMBERED = /^tabel\s*(\d+)\b[\s.:]*(.*)$/;

/**
 * The kind a title names: `Tabel 3 …` with the words of that table (`Tabel 3` alone is none),
 * or the words of a kind whose titles carry no fixed number (`Begroting 2021`, `Tabel 2 Begroting`).
 */
export function titleKind(text: string): TableId | undefined {
  if (text.length > 200 || !/^[a-z]/i.test(text)) return undefined;
  const t = normLabel(text);
  const m = NUMBERED.exec(t);
  const words = m ? m[2] : t;
  return TABLE_KINDS.find((k) =>
    k.titles.some((s) => (s.number === undefined || s.number === m?.[1]) && s.words.test(words))
  )?.id;
}

/** Whether a header's text names a kind of table (`Gemeente`, `Kostenpost`). */
export function namesKind(label: string): boolean {
  const n = normLabel(label);
  return n !== "" && TABLE_KINDS.some((k) => k.headers.some((p) => p.test(n)));
}

/** The contributions table first: its header words (`gemeente …`) may hold another's words. */
const BY_HEADER = [...TABLE_KINDS].reverse();
/** Kinds that lines below a bare header can prove. */
const BY_LINES = BY_HEADER.filter((k) => k.evidence?.lines);

export interface Recognised {
  id?: TableId;
  title?: Title;
}

/** Recognises the tables of one sheet; remembers what it found for each header. */
export class Recogniser {
  private readonly kinds = new Map<Header, Recognised>();
  private readonly names = new Map<string, string | undefined>();

  constructor(private readonly scan: SheetScan) {}

  /** Which plan table a header row starts (worked out once per header). */
  kindOf(h: Header): Recognised {
    let found = this.kinds.get(h);
    if (!found) this.kinds.set(h, (found = this.classify(h)));
    return found;
  }

  /**
   * The title a header belongs to: above it, left of it, nearest to its columns, not separated
   * by another header.
   */
  titleOf(h: Header): Title | undefined {
    const scan = this.scan;
    let best: Title | undefined;
    for (const t of scan.titles) {
      if (t.row > h.row) break;
      if (h.row - t.row > MAX_GAP || t.column > h.first) continue;
      // The title over the header's own columns wins over one further left (a table beside it).
      if (!best || t.column > best.column || (t.column === best.column && t.row > best.row))
        best = t;
    }
    if (!best) return undefined;
    const title = best;
    const between = scan.headers.some(
      (o) => o !== h && o.row > title.row && o.row < h.row && overlaps(o, title.column, h.last)
    );
    return between ? undefined : title;
  }

  /** By `fte` years, by the title above, by the header's words, or by the rows below it. */
  private classify(h: Header): Recognised {
    const title = this.titleOf(h);
    if (h.fte)
      return {
        id: "Tabel 1",
        title: title?.id === "Tabel 1" ? title : undefined,
      };
    if (title) return { id: title.id, title };
    const label = normLabel(h.label);
    const byWords = BY_HEADER.find((k) => k.headers.some((p) => p.test(label)));
    if (byWords) return { id: byWords.id };
    const municipalities = new Set<string>();
    const lines = new Map<TableId, Set<string>>();
    const left = h.labelColumn ?? 1;
    for (const r of rowsAfter(this.scan, h.row)) {
      if (r > h.row + 20 || this.scan.headersByRow.get(r)?.some((o) => overlaps(o, left, h.last)))
        break;
      const l = firstText(this.scan, r, left, h.last);
      const name = this.municipality(l.replace(/[\d\s.,%]+$/, ""));
      if (name) municipalities.add(name);
      const n = normLabel(l);
      for (const k of BY_LINES) {
        const m = k.evidence?.lines?.pattern.exec(n);
        if (!m) continue;
        const seen = lines.get(k.id) ?? new Set<string>();
        lines.set(k.id, seen.add(m[1] ?? m[0]));
      }
    }
    // Strong evidence only: a random sheet may well hold a year or a municipality name.
    const proven = BY_HEADER.find((k) => {
      const e = k.evidence;
      if (e?.municipalities !== undefined && municipalities.size >= e.municipalities) return true;
      return e?.lines !== undefined && (lines.get(k.id)?.size ?? 0) >= e.lines.distinct;
    });
    return proven ? { id: proven.id } : {};
  }

  /** The canonical name of a label that is exactly a municipality. */
  private municipality(label: string): string | undefined {
    if (!this.names.has(label)) {
      const r = resolveMunicipality(label);
      this.names.set(label, r.ok ? r.name : undefined);
    }
    return this.names.get(label);
  }
}
