import Decimal from "decimal.js";
import { formatCell } from "../core/address";
import { CellRef, Contributions, Figure, Finding, Plan, TableId } from "../core/model";
import { sum } from "../core/money";
import { findingTable } from "../core/check";
import { hasPools, poolsOf } from "../core/pools";
import { numberedTitle } from "../core/tablesRead";
import { EMPTY, euro, findingCell, hasCents, marked, percent, ReportCell, text } from "./cells";
import { Acceptances, findingKey, groupFindings } from "./findings";
import { acceptedLine, findingLine, fixLine } from "./findingText";
import type { Lang } from "./report";
import { SheetContext } from "./sections";
import { layoutSheet, ReportSheet, TableColumn, TableRow } from "./sheet";

/*
 * The first sheet, the one to send: per municipality its key and contribution per year as
 * the plan states them, a stated figure that a finding calls wrong marked with the expected
 * figure beside it, and the municipality's findings in a few words; then the totals, then
 * findings elsewhere in the plan as rows of the same table (one table, so the header that
 * repeats on every printed page fits every row).
 */

type Column = number | "key";

interface Mark {
  expected: Decimal | null;
  accepted: boolean;
}

interface Line {
  id: string;
  /** The cost pool's heading the line stands under, in a merged plan. */
  group?: string;
  label: string;
  style: TableRow["style"];
  /** The figures the plan states, by year, and the key. */
  figures: Map<Column, Figure | undefined>;
  unit: Finding["unit"];
  marks: Map<Column, Mark>;
  /** Findings in words, for the last column. */
  notes: string[];
}

const TOTAL = "\u0000total";
const TO_DISTRIBUTE = "\u0000t4";

type Row = { municipality?: string; label: string; labelCell?: CellRef };

const sameCell = (a?: CellRef, b?: CellRef) =>
  a !== undefined && b !== undefined && a.sheet === b.sheet && a.address === b.address;

function keyOf(row: Row): string {
  return row.municipality ?? (row.label || (row.labelCell ? formatCell(row.labelCell) : ""));
}

/** A row's name; a row whose name cell is empty is named by that cell, not left blank. */
function nameOf(row: Row, lang: Lang): string {
  if (row.municipality || row.label) return row.municipality ?? row.label;
  const where = row.labelCell ? `, ${formatCell(row.labelCell)}` : "";
  return lang === "nl" ? `(zonder naam${where})` : `(no name${where})`;
}

/** Line ids of a pool's tables start with its name: the same municipality is in every pool. */
function poolPrefix(pool: string | undefined): string {
  return pool ? `${pool}\u0001` : "";
}

function contributionLines(
  t6: Contributions | undefined,
  plan: Plan,
  lang: Lang,
  pool?: { name: string; heading: string }
): Line[] {
  const lines: Line[] = [];
  const prefix = poolPrefix(pool?.name);
  const line = (
    id: string,
    label: string,
    style: Line["style"],
    values: Map<number, Figure>,
    key?: Figure
  ): Line => ({
    id: prefix + id,
    group: pool?.heading,
    label,
    style,
    figures: new Map<Column, Figure | undefined>([["key", key], ...values]),
    unit: "euro",
    marks: new Map(),
    notes: [],
  });
  if (t6) {
    for (const r of t6.rows) lines.push(line(keyOf(r), nameOf(r, lang), "body", r.values, r.key));
    lines.push(
      line(TOTAL, lang === "nl" ? "Totaal" : "Total", "total", t6.total.values, t6.totalKey)
    );
  }
  if (plan.totals) {
    lines.push(
      line(
        TO_DISTRIBUTE,
        lang === "nl" ? "Te verdelen (Tabel 4)" : "To distribute (Tabel 4)",
        "total",
        plan.totals.total.values
      )
    );
  }
  return lines;
}

/** The line of the contributions table a finding is about, if it is one of them. */
function lineOf(f: Finding, merged: Plan, all: Map<string, Line>): Line | undefined {
  const plan = f.pool ? poolsOf(merged).find((p) => p.name === f.pool)?.plan : merged;
  if (!plan) return undefined;
  const prefix = poolPrefix(f.pool);
  const lines = {
    get: (id: string) => all.get(prefix + id),
    has: (id: string) => all.has(prefix + id),
  };
  const t6 = plan.contributions;
  if (f.table === "Tabel 6" && t6) {
    if (f.municipality && lines.has(f.municipality)) return lines.get(f.municipality);
    if (f.line !== null && f.line === (t6.total.label || "totaal")) return lines.get(TOTAL);
    if (f.line !== null && t6.rows.some((r) => !r.municipality && r.label === f.line))
      return lines.get(f.line);
  }
  if (f.table === "Tabel 4" && plan.totals && f.line === (plan.totals.total.label || "totaal"))
    return lines.get(TO_DISTRIBUTE);
  return undefined;
}

/**
 * A merged plan's lines: each pool's contributions under its heading, then per municipality
 * the stated amounts summed over the pools, for the years every pool states.
 */
function poolLines(plan: Plan, lang: Lang): Line[] {
  const nl = lang === "nl";
  const pools = poolsOf(plan);
  const lines = pools.flatMap((p) =>
    contributionLines(p.plan.contributions, p.plan, lang, {
      name: p.name,
      heading: `${nl ? "Kostenpool" : "Cost pool"} ${p.name} · ${p.title}`,
    })
  );
  const tables = pools.map((p) => p.plan.contributions);
  if (tables.some((t) => !t)) return lines;
  const years = tables[0]!.years.filter((y) => tables.every((t) => t!.years.includes(y)));
  const summed = (amount: (t: Contributions, y: number) => Figure | undefined) =>
    new Map(
      years.flatMap((y) => {
        const figures = tables.map((t) => amount(t!, y));
        if (figures.some((f) => !f)) return [];
        return [[y, { value: sum(figures.map((f) => f!.value)) }] as const];
      })
    );
  const heading = nl
    ? "Totaal over de kostenpools (wat elke gemeente betaalt)"
    : "Total over the cost pools (what each municipality pays)";
  const line = (
    id: string,
    label: string,
    style: Line["style"],
    values: Map<number, Figure>
  ): Line => ({
    id: `\u0000pools|${id}`,
    group: heading,
    label,
    style,
    figures: new Map<Column, Figure | undefined>([["key", undefined], ...values]),
    unit: "euro",
    marks: new Map(),
    notes: [],
  });
  for (const m of plan.municipalities) {
    const row = (t: Contributions) => t.rows.find((r) => r.municipality === m);
    lines.push(
      line(
        m,
        m,
        "body",
        summed((t, y) => row(t)?.values.get(y))
      )
    );
  }
  lines.push(
    line(
      TOTAL,
      nl ? "Totaal" : "Total",
      "total",
      summed((t, y) => t.total.values.get(y))
    )
  );
  return lines;
}

function columnOf(f: Finding): Column | undefined {
  if (f.year !== null) return f.year;
  return f.unit === "fraction" ? "key" : undefined;
}

/**
 * Marks the stated figure a finding calls wrong: the finding's `actual` is that figure and it
 * says what was expected (a figure that cannot be checked is not marked wrong).
 */
function mark(l: Line, f: Finding, accepted: boolean): void {
  const col = columnOf(f);
  if (col === undefined || f.actual === null || f.expected === null || l.marks.has(col)) return;
  if (!l.figures.has(col) && col !== "key") l.figures.set(col, undefined);
  const stated = l.figures.get(col)?.value ?? new Decimal(0);
  if (!stated.eq(f.actual)) return;
  l.marks.set(col, { expected: f.expected, accepted });
}

/** `Tabel 6 Uitvoeringskosten per gemeente`, `Sleutelgegevens`: the table kinds' titles. */
function tableTitle(id: TableId, lang: Lang): string {
  return numberedTitle(id)[lang];
}

export interface SummaryInput {
  plan: Plan;
  findings: readonly Finding[];
  accepted: Acceptances;
  facts: { label: string; value: ReportCell }[];
  intro: string[];
}

export function summarySheet(input: SummaryInput, ctx: SheetContext): ReportSheet {
  const { plan, accepted } = input;
  const { lang } = ctx;
  const nl = lang === "nl";
  const t6 = plan.contributions;
  const lines = hasPools(plan) ? poolLines(plan, lang) : contributionLines(t6, plan, lang);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const others: Line[] = [];
  const otherById = new Map<string, Line>();
  const ordered = groupFindings(input.findings).flatMap((g) => g.findings);
  const isAccepted = (f: Finding) => accepted.get(findingKey(f));

  // Open findings mark first, so an accepted one never hides an open one on the same cell.
  const sorted = [...ordered.filter((f) => !isAccepted(f)), ...ordered.filter(isAccepted)];
  for (const f of sorted) {
    let l = lineOf(f, plan, byId);
    if (!l) {
      const id = `${poolPrefix(f.pool)}${f.table}|${f.line ?? f.municipality ?? ""}`;
      l = otherById.get(id);
      if (!l) {
        const what = f.line ?? f.municipality;
        l = {
          id,
          label: what
            ? `${findingTable(f)} · ${what}`
            : (f.tableTitle ?? tableTitle(f.table, lang)),
          style: "body",
          figures: new Map(),
          unit: f.unit,
          marks: new Map(),
          notes: [],
        };
        otherById.set(id, l);
        others.push(l);
      }
      // Outside Tabel 6 the finding's `actual` is the figure the plan states there.
      const col = columnOf(f);
      if (col !== undefined && f.actual !== null && !l.figures.has(col))
        l.figures.set(col, { value: f.actual });
    }
    const acceptance = isAccepted(f);
    mark(l, f, acceptance !== undefined);
    const words = findingLine(f, lang, plan);
    l.notes.push(acceptance ? acceptedLine(words, acceptance.reason, lang) : words);
  }
  // A rounding repair names the amounts it changes: mark those, the new amount beside them.
  for (const f of sorted) {
    for (const x of f.fix ?? []) {
      // A row without a name is known by its amount cell.
      const rows = (poolsOf(plan).find((p) => p.name === (f.pool ?? ""))?.plan ?? plan)
        .contributions?.rows;
      const row = x.municipality
        ? undefined
        : rows?.find((r) => sameCell(r.values.get(x.year)?.cell, x.cell));
      const l = byId.get(poolPrefix(f.pool) + (row ? keyOf(row) : x.municipality));
      if (!l || l.marks.has(x.year)) continue;
      const acceptance = isAccepted(f);
      l.marks.set(x.year, { expected: x.to, accepted: acceptance !== undefined });
      const words = fixLine(x, lang);
      l.notes.push(acceptance ? acceptedLine(words, acceptance.reason, lang) : words);
    }
  }

  const all = [...lines, ...others];
  const years = [
    ...new Set([
      ...poolsOf(plan).flatMap((p) => [
        ...(p.plan.contributions?.years ?? []),
        ...(p.plan.totals?.years ?? []),
      ]),
      ...others.flatMap((l) => [...l.figures.keys()].filter((c): c is number => c !== "key")),
    ]),
  ].sort((a, b) => a - b);
  const hasKey = lines.some((l) => l.figures.get("key")) || others.some((l) => l.marks.has("key"));
  const expectedAt = (c: Column) =>
    all.some((l) => {
      const m = l.marks.get(c);
      return m !== undefined && m.expected !== null;
    });
  const cents = new Map(
    years.map((y) => [y, hasCents(lines.flatMap((l) => [l.figures.get(y)?.value]))])
  );

  const columns: (TableColumn & { at?: Column; expected?: boolean })[] = [];
  const labelWidth = Math.min(34, Math.max(22, ...all.map((l) => l.label.length + 1)));
  columns.push({
    header: nl ? "Gemeente" : "Municipality",
    numeric: false,
    width: labelWidth,
    wrap: true,
  });
  const dataColumns: Column[] = [...(hasKey ? ["key" as const] : []), ...years];
  for (const c of dataColumns) {
    const head = c === "key" ? (nl ? "Sleutel" : "Key") : String(c);
    columns.push({ header: head, numeric: true, width: c === "key" ? 10 : 13, at: c });
    if (expectedAt(c)) {
      columns.push({
        header: nl ? `${head} verwacht` : `${head} expected`,
        numeric: true,
        width: c === "key" ? 10 : 13,
        at: c,
        expected: true,
      });
    }
  }
  columns.push({ header: nl ? "Bevindingen" : "Findings", numeric: false, width: 48, wrap: true });

  const cellFor = (l: Line, c: Column, value: Decimal | null | undefined, shown?: Figure) => {
    if (l.unit !== "euro" && l.unit !== "fraction") return findingCell(value ?? null, l.unit);
    if (c === "key" || l.unit === "fraction") {
      const d = shown?.decimals ?? 2;
      return percent(value, d, shown ? d : 4);
    }
    return euro(value, cents.get(c) ?? false);
  };
  const tableRow = (l: Line): TableRow => ({
    style: l.style,
    cells: columns.map((col, i) => {
      if (i === 0) return text(l.label);
      if (i === columns.length - 1) return text(l.notes.join("\n"));
      const c = col.at as Column;
      const m = l.marks.get(c);
      if (col.expected) {
        return m && m.expected !== null && !m.accepted
          ? marked(cellFor(l, c, m.expected), "expected")
          : EMPTY;
      }
      const figure = l.figures.get(c);
      const value = figure?.value ?? (m ? new Decimal(0) : null);
      const cell = cellFor(l, c, value, figure);
      if (!m) return cell;
      return marked(cell, m.accepted ? "accepted" : "wrong");
    }),
  });

  const rows: TableRow[] = lines.flatMap((l, i) =>
    l.group !== undefined && l.group !== lines[i - 1]?.group
      ? [
          {
            style: "group" as const,
            cells: [text(l.group)],
            merge: { from: 0, to: columns.length - 1 },
          },
          tableRow(l),
        ]
      : [tableRow(l)]
  );
  if (others.length > 0) {
    rows.push({
      style: "group",
      cells: [text(nl ? "Bevindingen elders in het plan" : "Findings elsewhere in the plan")],
      merge: { from: 0, to: columns.length - 1 },
    });
    rows.push(...others.map(tableRow));
  }
  if (!t6 && !hasPools(plan)) {
    rows.unshift({
      style: "body",
      cells: [
        text(
          nl
            ? "Het plan heeft geen tabel met bijdragen per gemeente (Tabel 6)."
            : "The plan has no table of contributions per municipality (Tabel 6)."
        ),
      ],
      merge: { from: 0, to: columns.length - 1 },
    });
  }
  return layoutSheet({
    name: nl ? "Controleverslag" : "Check report",
    lang,
    reportTitle: ctx.reportTitle,
    title: ctx.reportTitle,
    facts: input.facts,
    intro: input.intro,
    columns,
    rows,
    footer: ctx.footer,
  });
}
