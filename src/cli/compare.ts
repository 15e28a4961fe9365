import Decimal from "decimal.js";
import { parseArgs } from "node:util";
import { formatCell } from "../core/address";
import { Comparison, CompareSide, ContributionComparison, LineChange } from "../core/compare";
import { compare } from "../core/comparePlans";
import { formatDecimal } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { explainAll, formatAmount, formatShare, formatSignedAmount } from "../core/explainChange";
import { Lang, langOf, yearOf } from "./args";
import { sourceOf } from "./contribution";
import { Command, EXIT_OK } from "./io";
import { jsonNumber } from "./json";
import { LoadedPlan, loadPlan, noteText } from "./loadPlan";
import { usage } from "./usage";

const USAGE = usage("compare");

/** A side as typed: a workbook file and/or a year; no file is the embedded 2024 plan. */
interface SideArg {
  file?: string;
  year?: number;
}

/**
 * `up compare`: contributions per municipality of two plan years or two plan versions, with
 * the difference split into total effect and key effect, and the lines of each table that
 * changed. `--explain` adds the paragraph per municipality for a letter.
 */
export const compareCommand: Command = async (args, io) => {
  const { sides, source, json, lang, explain } = parseCompareArgs(args);
  const loaded: LoadedPlan[] = [];
  for (const s of sides) loaded.push(await loadPlan(s.file, io.cwd));
  const [oldSide, newSide] = sides.map((s, i): CompareSide => ({
    plan: loaded[i].plan,
    year: s.year as number,
  }));
  const result = compare(oldSide, newSide, source);
  if (json) {
    io.stdout(JSON.stringify(compareJson(result, sides, loaded, lang, explain), null, 2) + "\n");
  } else {
    io.stdout(compareText(result, sides, loaded, lang, explain));
  }
  return EXIT_OK;
};

function usageError(nl: string, en: string): PlanInputError {
  return new PlanInputError({ nl: `${nl}\nGebruik: ${USAGE}`, en: `${en}\nUsage: ${USAGE}` });
}

/**
 * Sides in the order typed. A file starts a side; `--year` sets the year of the file just
 * before it, or else starts a side of its own on the embedded plan. A side left without a
 * year takes the other side's: `up compare oud.xlsx nieuw.xlsx --year 2025`.
 */
export function parseCompareArgs(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        year: { type: "string", multiple: true },
        source: { type: "string" },
        json: { type: "boolean" },
        lang: { type: "string" },
        explain: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw usageError(`Ongeldige argumenten: ${detail}`, `Invalid arguments: ${detail}`);
  }
  const sides: SideArg[] = [];
  for (const token of parsed.tokens ?? []) {
    if (token.kind === "positional") {
      sides.push({ file: token.value });
    } else if (token.kind === "option" && token.name === "year") {
      const year = yearOf(token.value);
      const last = sides[sides.length - 1];
      if (last && last.file !== undefined && last.year === undefined) last.year = year;
      else sides.push({ year });
    }
  }
  if (sides.length !== 2) {
    throw usageError(
      `Geef twee kanten om te vergelijken (een bestand of --year), kreeg er ${sides.length}`,
      `Give two sides to compare (a file or --year), got ${sides.length}`
    );
  }
  const [a, b] = sides;
  a.year ??= b.year;
  b.year ??= a.year;
  if (a.year === undefined) {
    throw usageError(
      "Geef met --year aan welk jaar van de plannen vergeleken wordt",
      "Say with --year which year of the plans to compare"
    );
  }
  return {
    sides,
    source: sourceOf(parsed.values.source),
    json: parsed.values.json === true,
    lang: langOf(parsed.values.lang),
    explain: parsed.values.explain === true,
  };
}

const T = {
  title: {
    nl: "Bijdragen per gemeente vergeleken",
    en: "Contributions per municipality compared",
  },
  computed: {
    nl: "berekend: totaal Tabel 4 × verdeelsleutel",
    en: "computed: Tabel 4 total × key",
  },
  stated: { nl: "vermeld: bedragen van Tabel 6", en: "stated: Tabel 6 amounts" },
  old: { nl: "Oud", en: "Old" },
  new: { nl: "Nieuw", en: "New" },
  total: { nl: "totaal", en: "total" },
  municipality: { nl: "Gemeente", en: "Municipality" },
  difference: { nl: "Verschil", en: "Difference" },
  totalEffect: { nl: "Totaaleffect", en: "Total effect" },
  keyEffect: { nl: "Sleuteleffect", en: "Key effect" },
  sum: { nl: "Totaal", en: "Total" },
  method: { nl: "Methode", en: "Method" },
  tables: { nl: "Wijzigingen per tabel", en: "Changes per table" },
  noChanges: { nl: "geen wijzigingen", en: "no changes" },
  empty: { nl: "leeg", en: "empty" },
  added: { nl: "nieuw", en: "new" },
  removed: { nl: "vervallen", en: "removed" },
  explain: { nl: "Toelichting per gemeente", en: "Explanation per municipality" },
  pool: { nl: "Kostenpool", en: "Cost pool" },
  onlyOld: { nl: "alleen in het oude plan", en: "only in the old plan" },
  onlyNew: { nl: "alleen in het nieuwe plan", en: "only in the new plan" },
  overPools: {
    nl: "Totaal over de kostenpools (wat elke gemeente in totaal betaalt)",
    en: "Total over the cost pools (what each municipality pays in total)",
  },
  notes: { nl: "Opmerkingen bij", en: "Notes on" },
  embedded: { nl: "ingebouwd plan", en: "embedded plan" },
};

function sideLabel(s: SideArg, lang: Lang): string {
  return s.file ?? T.embedded[lang];
}

export function compareText(
  c: Comparison,
  sides: SideArg[],
  loaded: LoadedPlan[],
  lang: Lang,
  explain: boolean
): string {
  const out: string[] = [];
  out.push(`${T.title[lang]} (${(c.source === "computed" ? T.computed : T.stated)[lang]})`);
  const sideLine = (
    head: string,
    s: SideArg,
    sum: { name: string; year: number; total: Decimal }
  ) =>
    `${head} ${s.file ?? sum.name}, ${sum.year} — ${T.total[lang]} ${formatAmount(sum.total, lang)}`;
  const width = Math.max(T.old[lang].length, T.new[lang].length) + 1;
  out.push(sideLine(`${T.old[lang]}:`.padEnd(width), sides[0], c.old));
  out.push(sideLine(`${T.new[lang]}:`.padEnd(width), sides[1], c.new));
  out.push("");

  for (const p of c.pools ?? []) {
    const only =
      p.presence === "both" ? "" : ` — ${T[p.presence === "old" ? "onlyOld" : "onlyNew"][lang]}`;
    out.push(`${T.pool[lang]} ${p.name} (${p.title})${only}`);
    out.push(...contributionTable(p.comparison, lang));
    out.push("");
  }
  if (c.pools) out.push(T.overPools[lang]);
  out.push(...contributionTable(c, lang));
  out.push("");
  out.push(`${T.method[lang]}: ${c.method[lang]}`);
  out.push("");

  out.push(T.tables[lang]);
  for (const t of c.tables) {
    const head = `${t.table} ${t.title[lang]}`;
    if (t.status === "missing") out.push(`  ${head}: ${t.note?.[lang] ?? ""}`);
    else if (t.changes.length === 0) out.push(`  ${head}: ${T.noChanges[lang]}`);
    else {
      out.push(`  ${head}:`);
      for (const ch of t.changes) out.push(`    ${changeText(ch, lang)}`);
    }
  }

  if (explain) {
    out.push("");
    out.push(T.explain[lang]);
    for (const e of explainAll(c)) {
      out.push("");
      out.push(e.text[lang]);
    }
  }

  loaded.forEach((l, i) => {
    const keyNotes = (i === 0 ? c.old : c.new).keyNotes;
    if (l.notes.length === 0 && keyNotes.length === 0) return;
    out.push("");
    out.push(`${T.notes[lang]} ${sideLabel(sides[i], lang)}:`);
    for (const n of keyNotes) out.push(`  - ${n[lang]}`);
    for (const n of l.notes) out.push(`  - ${noteText(n, lang)}`);
  });
  return out.join("\n") + "\n";
}

/** Per municipality old, new, difference, % and both effects, with a total row. */
function contributionTable(c: ContributionComparison, lang: Lang): string[] {
  const sameYear = c.old.year === c.new.year;
  const header = [
    T.municipality[lang],
    sameYear ? T.old[lang] : String(c.old.year),
    sameYear ? T.new[lang] : String(c.new.year),
    T.difference[lang],
    "%",
    T.totalEffect[lang],
    T.keyEffect[lang],
  ];
  const pct = (p: Decimal | null) =>
    p === null ? "—" : `${p.isPositive() && !p.isZero() ? "+" : ""}${formatShare(p, lang)}`;
  // Amounts with cents anywhere in the table are all shown with cents.
  const cents = c.rows.some((r) => !r.old.isInteger() || !r.new.isInteger());
  const amount = (d: Decimal) => formatAmount(d, lang, cents);
  const signed = (d: Decimal) => formatSignedAmount(d, lang, cents);
  const body = c.rows.map((r) => [
    r.municipality,
    amount(r.old),
    amount(r.new),
    signed(r.difference),
    pct(r.percentage),
    signed(r.totalEffect),
    signed(r.keyEffect),
  ]);
  const foot = [
    T.sum[lang],
    amount(c.totals.old),
    amount(c.totals.new),
    signed(c.totals.difference),
    pct(c.totals.percentage),
    signed(c.totals.totalEffect),
    signed(c.totals.keyEffect),
  ];
  return table([header, ...body, foot], 1);
}

function valueText(v: Decimal | null, unit: LineChange["unit"], lang: Lang): string {
  if (v === null) return T.empty[lang];
  if (unit === "euro") return formatAmount(v, lang);
  if (unit === "fraction") return formatShare(v, lang, 4);
  if (unit === "percent") return `${lang === "nl" ? formatDecimal(v) : v.toString()}%`;
  return lang === "nl" ? formatDecimal(v) : v.toString();
}

function changeText(ch: LineChange, lang: Lang): string {
  const diff =
    ch.unit === "euro"
      ? formatSignedAmount(ch.difference, lang)
      : ch.unit === "fraction"
        ? `${ch.difference.isPositive() ? "+" : ""}${formatShare(ch.difference, lang, 4)}`
        : `${ch.difference.isPositive() ? "+" : ""}${valueText(ch.difference, ch.unit, lang)}`;
  const kind = ch.kind === "changed" ? "" : ` [${T[ch.kind][lang]}]`;
  return `${ch.line}: ${valueText(ch.old, ch.unit, lang)} → ${valueText(ch.new, ch.unit, lang)} (${diff})${kind}`;
}

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
export function table(rows: string[][], leftColumns: number): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) =>
    r
      .map((cell, j) => (j < leftColumns ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
      .join("  ")
      .trimEnd()
  );
}

const num = jsonNumber;
const percent = (p: Decimal | null) => (p === null ? null : num(p.times(100).toDecimalPlaces(4)));

/** Rows and totals as numbers: amounts in euros (cents where a pool has them), percentages in percent. */
function contributionJson(c: ContributionComparison) {
  return {
    rows: c.rows.map((r) => ({
      municipality: r.municipality,
      old: num(r.old),
      new: num(r.new),
      difference: num(r.difference),
      percent: percent(r.percentage),
      totalEffect: num(r.totalEffect),
      keyEffect: num(r.keyEffect),
      oldKey: r.oldKey === null ? null : num(r.oldKey),
      newKey: r.newKey === null ? null : num(r.newKey),
    })),
    totals: {
      old: num(c.totals.old),
      new: num(c.totals.new),
      difference: num(c.totals.difference),
      percent: percent(c.totals.percentage),
      totalEffect: num(c.totals.totalEffect),
      keyEffect: num(c.totals.keyEffect),
    },
  };
}

/** The `--json` shape: amounts and parts as numbers in euros, percentages in percent. */
export function compareJson(
  c: Comparison,
  sides: SideArg[],
  loaded: LoadedPlan[],
  lang: Lang,
  explain: boolean
) {
  const side = (i: number, s: Comparison["old"]) => ({
    file: sides[i].file ?? null,
    name: s.name,
    title: s.title,
    year: s.year,
    total: num(s.total),
    notes: [...s.keyNotes.map((n) => n[lang]), ...loaded[i].notes.map((n) => noteText(n, lang))],
  });
  return {
    source: c.source,
    method: c.method[lang],
    old: side(0, c.old),
    new: side(1, c.new),
    ...contributionJson(c),
    pools:
      c.pools?.map((p) => ({
        name: p.name,
        title: p.title,
        presence: p.presence,
        oldTotal: num(p.comparison.old.total),
        newTotal: num(p.comparison.new.total),
        ...contributionJson(p.comparison),
      })) ?? null,
    tables: c.tables.map((t) => ({
      table: t.table,
      title: t.title[lang],
      status: t.status,
      note: t.note ? t.note[lang] : null,
      changes: t.changes.map((ch) => ({
        line: ch.line,
        kind: ch.kind,
        unit: ch.unit,
        old: ch.old === null ? null : num(ch.old),
        new: ch.new === null ? null : num(ch.new),
        difference: num(ch.difference),
        total: ch.isTotal === true,
        oldCell: ch.oldCell ? formatCell(ch.oldCell) : null,
        newCell: ch.newCell ? formatCell(ch.newCell) : null,
      })),
    })),
    ...(explain
      ? {
          explanations: explainAll(c).map((e) => ({
            municipality: e.municipality,
            text: e.text[lang],
          })),
        }
      : {}),
  };
}
