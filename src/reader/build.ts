import { formatPercent, readDutchNumber } from "../core/dutchNumber";
import {
  CellRef,
  ContributionChange,
  ContributionChangeRow,
  ContributionRow,
  Contributions,
  CostBudget,
  Figure,
  KeyCalculation,
  KeyCalculationRow,
  MaterialCosts,
  Plan,
  PlanLine,
  ShareLine,
  StaffCosts,
  StaffingPlan,
  StaffingRole,
  TableId,
  Totals,
  YearFigures,
} from "../core/model";
import { resolveMunicipality } from "../core/municipalities";
import { PlanField, rowPattern, tableKind, TOTAL_LABEL } from "../core/tableKinds";
import { CellRead, cellList, cellRef, figureOf, ReadNote } from "./cells";
import { SheetGrid } from "./grid";
import type { NamedCell, NamedRow, NamedTable } from "./namedTables";

/*
 * Both layouts (the UP template and the pasted published plan) are first read into raw tables:
 * labelled rows of figures by year. Here the rows get their roles by label and become the
 * tables of the Plan, with the checks that hold for either layout.
 */

export type NumberRead = Extract<CellRead, { kind: "number" }>;

export interface RawRow {
  label: string;
  labelCell?: CellRef;
  /** The number before the year columns: scale (Tabel 1), share (Tabel 2, 3) or key (Tabel 6). */
  extra?: { read: NumberRead; cell: CellRef };
  /** A budget-share pool's budget of the municipality (Tabel 6 of the template). */
  budget?: Figure;
  values: YearFigures;
  /** Year columns left empty, with their cells. */
  empty: Map<number, CellRef>;
  hidden?: boolean;
}

export interface RawTable {
  id: TableId;
  /** Where the table is, as "Sheet!A1:H20". */
  range: string;
  years: number[];
  rows: RawRow[];
  /** Reading found errors (already noted): the table is left out. */
  failed: boolean;
  /** The header and rows of a table with named columns instead of years. */
  named?: NamedTable;
}

/** Lower case, no accents, single spaces: `Materiële  kosten` → `materiele kosten`. */
export function normLabel(label: string): string {
  // Most labels are plain ASCII: no accents to take off.
  if (/^[\x20-\x7e]*$/.test(label)) return label.toLowerCase().replace(/\s+/g, " ").trim();
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function leftOut(id: TableId, notes: ReadNote[]): undefined {
  notes.push({
    severity: "error",
    table: id,
    message: {
      nl: `${tableKind(id).name.nl} is weggelaten: niet betrouwbaar te lezen`,
      en: `${tableKind(id).name.en} left out: it cannot be read reliably`,
    },
  });
  return undefined;
}

function tableError(
  id: TableId,
  notes: ReadNote[],
  cell: CellRef | undefined,
  nl: string,
  en: string
) {
  notes.push({
    severity: "error",
    table: id,
    cell,
    message: { nl: `${id}: ${nl}`, en: `${id}: ${en}` },
  });
}

/** Leaves a table out because rows it must have are absent, naming them. */
function missingRows(
  t: RawTable,
  notes: ReadNote[],
  rows: [RawRow | undefined, string][]
): undefined {
  const what = rows.filter(([row]) => !row).map(([, name]) => name);
  tableError(
    t.id,
    notes,
    t.rows[0]?.labelCell,
    `regel ${what.join(", ")} ontbreekt`,
    `row ${what.join(", ")} is missing`
  );
  return leftOut(t.id, notes);
}

/**
 * Lines whose empty cells count as 0 (roles, cost lines) but that have no figure at all: most
 * often the rest of a label over two rows (a name wrapped in the PDF), so they are said.
 */
function figurelessLines(t: RawTable, lines: RawRow[], notes: ReadNote[]): void {
  for (const r of lines) {
    if (r.label === "" || r.values.size > 0 || r.extra) continue;
    const at = r.labelCell ? `${r.labelCell.address}: ` : "";
    notes.push({
      severity: "warning",
      table: t.id,
      cell: r.labelCell,
      message: {
        nl: `${t.id}: ${at}regel '${r.label}' heeft in geen enkel jaar een getal en telt als 0; hoort de tekst bij de regel erboven (een naam over twee rijen)?`,
        en: `${t.id}: ${at}row '${r.label}' has no figure in any year and counts as 0; does the text belong to the row above (a label over two rows)?`,
      },
    });
  }
}

/** Leaves a table out because of a row that has no place in it. */
function unexpectedRow(t: RawTable, notes: ReadNote[], r: RawRow): undefined {
  tableError(
    t.id,
    notes,
    r.labelCell,
    `onverwachte regel '${r.label}'`,
    `unexpected row '${r.label}'`
  );
  return leftOut(t.id, notes);
}

/** Every year cell of `rows` must hold a number; reports the empty ones. */
function requireValues(t: RawTable, rows: RawRow[], notes: ReadNote[]): boolean {
  const missing: CellRef[] = [];
  for (const r of rows)
    for (const y of t.years) if (!r.values.has(y)) missing.push(r.empty.get(y)!);
  if (missing.length === 0) return true;
  const total = rows.length * t.years.length;
  const list = cellList(missing);
  if (missing.length === total) {
    tableError(
      t.id,
      notes,
      missing[0],
      `de regels hebben geen bedragen (leeg: ${list.nl})`,
      `the rows have no amounts (empty: ${list.en})`
    );
  } else {
    tableError(
      t.id,
      notes,
      missing[0],
      `lege cellen waar een getal hoort: ${list.nl}`,
      `empty cells where a number must be: ${list.en}`
    );
  }
  return false;
}

function line(r: RawRow): PlanLine {
  const l: PlanLine = { label: r.label, values: r.values };
  if (r.labelCell) l.labelCell = r.labelCell;
  return l;
}

const TRAILING_PERCENT = /(\d[\d.,]*)\s*%\s*$/;

/**
 * Percentages of one column as fractions. A column of plain numbers above 1 holds percentage
 * points (3.53 meaning 3,53%); a column of plain numbers up to 1 holds fractions (0.0353).
 */
export function percentFigures(
  id: TableId,
  entries: { read: NumberRead; cell: CellRef }[],
  what: { nl: string; en: string },
  notes: ReadNote[]
): Figure[] {
  const plain = entries.filter((e) => !e.read.percent);
  const points = plain.some((e) => e.read.value.abs().gt(1));
  if (plain.length > 0) {
    const column = plain[0].cell.address.replace(/\d+$/, "");
    const example = plain[0].read.value;
    notes.push(
      points
        ? {
            severity: "warning",
            table: id,
            cell: plain[0].cell,
            message: {
              nl: `${id}: ${what.nl} in kolom ${column} staat als ${example} zonder %: gelezen als ${formatPercent(example.div(100), plain[0].read.decimals)}`,
              en: `${id}: ${what.en} in column ${column} is stored as ${example} without %: read as ${example}%`,
            },
          }
        : {
            severity: "info",
            table: id,
            cell: plain[0].cell,
            message: {
              nl: `${id}: ${what.nl} in kolom ${column} staat als fractie ${example}: gelezen als ${formatPercent(example, Math.max(0, plain[0].read.decimals - 2))}`,
              en: `${id}: ${what.en} in column ${column} is stored as the fraction ${example}: read as ${example.times(100)}%`,
            },
          }
    );
  }
  return entries.map((e) => {
    const f = figureOf(e.read, e.cell);
    if (!e.read.percent) {
      if (points) f.value = f.value.div(100);
      else f.decimals = Math.max(0, (f.decimals ?? 0) - 2);
    }
    return f;
  });
}

/** The share a line states: its own share column, or a trailing `70%` in its label. */
function shareOf(r: RawRow, share: Figure | undefined): ShareLine {
  const l: ShareLine = line(r);
  if (share) {
    l.share = share;
    if (!TRAILING_PERCENT.test(r.label)) {
      l.label = `${r.label} ${formatPercent(share.value, share.decimals ?? 0)}`;
    }
    return l;
  }
  const m = TRAILING_PERCENT.exec(r.label);
  const n = m ? readDutchNumber(`${m[1]}%`) : undefined;
  if (n) {
    l.share = { value: n.value, decimals: n.decimals, fromText: true };
    if (r.labelCell) l.share.cell = r.labelCell;
  }
  return l;
}

function shares(t: RawTable, notes: ReadNote[]): Map<RawRow, Figure> {
  const withShare = t.rows.filter((r) => r.extra);
  const figures = percentFigures(
    t.id,
    withShare.map((r) => r.extra!),
    { nl: "het aandeel", en: "the share" },
    notes
  );
  return new Map(withShare.map((r, i) => [r, figures[i]]));
}

const isTotal = (n: string) => TOTAL_LABEL.test(n);

export function buildStaffing(t: RawTable, notes: ReadNote[]): StaffingPlan | undefined {
  if (t.failed) return leftOut(t.id, notes);
  let totalIndex = -1;
  t.rows.forEach((r, i) => {
    const n = normLabel(r.label);
    if (rowPattern(t.id, "total").test(n)) totalIndex = i;
  });
  if (totalIndex < 0) {
    const last = t.rows[t.rows.length - 1];
    if (last && last.label === "" && last.values.size > 0) totalIndex = t.rows.length - 1;
  }
  if (totalIndex < 0) {
    tableError(
      t.id,
      notes,
      t.rows[t.rows.length - 1]?.labelCell,
      "geen totaalregel ('formatie team verwervingen' of 'totaal') gevonden",
      "no total row ('formatie team verwervingen' or 'totaal') found"
    );
    return leftOut(t.id, notes);
  }
  if (t.rows.every((r) => r.values.size === 0)) {
    tableError(
      t.id,
      notes,
      t.rows[totalIndex].labelCell,
      "er is geen enkele FTE ingevuld",
      "not a single FTE has been filled in"
    );
    return leftOut(t.id, notes);
  }
  const roles: StaffingRole[] = [];
  let ok = true;
  t.rows.forEach((r, i) => {
    if (i === totalIndex) return;
    if (r.label === "") {
      const first = [...r.values.values()][0]?.cell;
      tableError(
        t.id,
        notes,
        first,
        "regel met getallen maar zonder functie",
        "row with figures but no role"
      );
      ok = false;
      return;
    }
    const role: StaffingRole = {
      ...line(r),
      hired: /\binhuur\b/i.test(r.label),
    };
    if (r.extra) role.scale = figureOf(r.extra.read, r.extra.cell);
    roles.push(role);
  });
  if (!ok) return leftOut(t.id, notes);
  figurelessLines(
    t,
    t.rows.filter((_, i) => i !== totalIndex),
    notes
  );
  return { years: t.years, roles, total: line(t.rows[totalIndex]) };
}

/**
 * Finds the rows of a cost table (Tabel 2 or 3) by their labels. The split lines are
 * `formatiekosten jeugd 70%`, `materiele kosten wmo`; not a cost line `onderzoek jeugd`.
 */
function splitRoles(t: RawTable) {
  const YOUTH = rowPattern(t.id, "youth");
  const WMO = rowPattern(t.id, "wmo");
  const SUBTOTAL = rowPattern("Tabel 3", "subtotal");
  let youth: RawRow | undefined;
  let wmo: RawRow | undefined;
  const totals: RawRow[] = [];
  const others: RawRow[] = [];
  let subtotal: RawRow | undefined;
  for (const r of t.rows) {
    const n = normLabel(r.label);
    if (YOUTH.test(n) && !youth) youth = r;
    else if (WMO.test(n) && !wmo) wmo = r;
    else if (!youth && !wmo && (n === "" || SUBTOTAL.test(n))) subtotal = subtotal ?? r;
    else if (isTotal(n) || SUBTOTAL.test(n)) totals.push(r);
    else others.push(r);
  }
  return { youth, wmo, totals, others, subtotal };
}

export function buildStaffCosts(t: RawTable, notes: ReadNote[]): StaffCosts | undefined {
  if (t.failed) return leftOut(t.id, notes);
  const { youth, wmo, totals, others, subtotal } = splitRoles(t);
  // An unlabelled row above the split is the total (its label emptied); then every `totaal` row
  // is a grand total, and not the one that takes its place.
  const total = subtotal ?? totals[0];
  const after = subtotal ? totals : totals.slice(1);
  const grandTotal = after.length > 0 ? after[after.length - 1] : undefined;
  if (!total || !youth || !wmo) {
    return missingRows(t, notes, [
      [total, "'formatiekosten totaal'"],
      [youth, "'formatiekosten jeugd'"],
      [wmo, "'formatiekosten wmo'"],
    ]);
  }
  if (others.length > 0 || after.length > 1) {
    return unexpectedRow(t, notes, [...others, ...after.slice(0, -1)][0]);
  }
  const rows = [total, youth, wmo, ...(grandTotal ? [grandTotal] : [])];
  if (!requireValues(t, rows, notes)) return leftOut(t.id, notes);
  const s = shares(t, notes);
  const result: StaffCosts = {
    years: t.years,
    total: line(total),
    youth: shareOf(youth, s.get(youth)),
    wmo: shareOf(wmo, s.get(wmo)),
  };
  if (grandTotal) result.grandTotal = line(grandTotal);
  return result;
}

export function buildMaterialCosts(t: RawTable, notes: ReadNote[]): MaterialCosts | undefined {
  if (t.failed) return leftOut(t.id, notes);
  const { youth, wmo, totals, others, subtotal } = splitRoles(t);
  const sub = subtotal ?? (totals.length > 1 ? totals[0] : undefined);
  const grandTotal =
    totals.length > 0 && totals[totals.length - 1] !== sub ? totals[totals.length - 1] : undefined;
  if (!sub || !youth || !wmo) {
    return missingRows(t, notes, [
      [sub, "subtotaal"],
      [youth, "'materiele kosten jeugd'"],
      [wmo, "'materiele kosten wmo'"],
    ]);
  }
  const extraTotals = totals.filter((r) => r !== sub && r !== grandTotal);
  if (extraTotals.length > 0) return unexpectedRow(t, notes, extraTotals[0]);
  const rows = [sub, youth, wmo, ...(grandTotal ? [grandTotal] : [])];
  if (!requireValues(t, rows, notes)) return leftOut(t.id, notes);
  figurelessLines(t, others, notes);
  const s = shares(t, notes);
  const result: MaterialCosts = {
    years: t.years,
    lines: others.map(line),
    subtotal: line(sub),
    youth: shareOf(youth, s.get(youth)),
    wmo: shareOf(wmo, s.get(wmo)),
  };
  if (grandTotal) result.grandTotal = line(grandTotal);
  return result;
}

export function buildTotals(t: RawTable, notes: ReadNote[]): Totals | undefined {
  if (t.failed) return leftOut(t.id, notes);
  let staffYouth: RawRow | undefined;
  let materialYouth: RawRow | undefined;
  let total: RawRow | undefined;
  for (const r of t.rows) {
    const n = normLabel(r.label);
    if (rowPattern(t.id, "staffYouth").test(n)) staffYouth = staffYouth ?? r;
    else if (rowPattern(t.id, "materialYouth").test(n)) materialYouth = materialYouth ?? r;
    else if (isTotal(n)) total = r;
    else return unexpectedRow(t, notes, r);
  }
  if (!staffYouth || !materialYouth || !total) {
    return missingRows(t, notes, [
      [staffYouth, "'formatiekosten jeugd'"],
      [materialYouth, "'materiele kosten jeugd'"],
      [total, "'totaal'"],
    ]);
  }
  if (!requireValues(t, [staffYouth, materialYouth, total], notes)) return leftOut(t.id, notes);
  return {
    years: t.years,
    staffYouth: line(staffYouth),
    materialYouth: line(materialYouth),
    total: line(total),
  };
}

export function buildContributions(t: RawTable, notes: ReadNote[]): Contributions | undefined {
  if (t.failed) return leftOut(t.id, notes);
  let totalIndex = -1;
  t.rows.forEach((r, i) => {
    const n = normLabel(r.label);
    if (rowPattern(t.id, "total").test(n)) totalIndex = i;
  });
  if (totalIndex < 0) {
    tableError(
      t.id,
      notes,
      t.rows[t.rows.length - 1]?.labelCell,
      "geen totaalregel gevonden (een regel 'totaal' of een regel zonder naam onder de gemeenten)",
      "no total row found (a row 'totaal' or a row without a name below the municipalities)"
    );
    return leftOut(t.id, notes);
  }
  const totalRow = t.rows[totalIndex];
  const rows = t.rows.filter((_, i) => i !== totalIndex);
  if (rows.length === 0) {
    tableError(
      t.id,
      notes,
      totalRow.labelCell,
      "geen gemeenten gevonden",
      "no municipalities found"
    );
    return leftOut(t.id, notes);
  }
  const noKey = rows.filter((r) => !r.extra);
  // A table of amounts only (earlier plans) has no key column at all: its keys come from elsewhere.
  const keyColumn = noKey.length < rows.length || totalRow.extra !== undefined;
  if (keyColumn && noKey.length > 0) {
    const cells = noKey.map((r) => r.labelCell).filter((c): c is CellRef => c !== undefined);
    const list = cellList(cells);
    tableError(
      t.id,
      notes,
      cells[0],
      `gemeente zonder verdeelsleutel: ${noKey.map((r) => r.label).join(", ")} (${list.nl})`,
      `municipality without a distribution key: ${noKey.map((r) => r.label).join(", ")} (${list.en})`
    );
  }
  if (!requireValues(t, [...rows, totalRow], notes) || (keyColumn && noKey.length > 0))
    return leftOut(t.id, notes);
  const keyed = t.rows.filter((r) => r.extra);
  const keys = percentFigures(
    t.id,
    keyed.map((r) => r.extra!),
    { nl: "de verdeelsleutel", en: "the distribution key" },
    notes
  );
  const keyOf = new Map(keyed.map((r, i) => [r, keys[i]]));
  const result: Contributions = {
    years: t.years,
    rows: rows.map((r): ContributionRow => {
      const res = resolveMunicipality(r.label);
      const row: ContributionRow = { ...line(r), key: keyOf.get(r) };
      if (res.ok) row.municipality = res.name;
      if (r.budget) row.budget = r.budget;
      return row;
    }),
    total: line(totalRow),
  };
  const totalKey = keyOf.get(totalRow);
  if (totalKey) result.totalKey = totalKey;
  if (totalRow.budget) result.totalBudget = totalRow.budget;
  if (!keyColumn) {
    result.keyColumn = false;
    notes.push({
      severity: "info",
      table: t.id,
      cell: totalRow.labelCell,
      message: {
        nl: `${t.id} heeft geen kolom met de verdeelsleutel: alleen de bedragen per jaar zijn gelezen`,
        en: `${t.id} has no column with the distribution key: only the amounts per year were read`,
      },
    });
  }
  return result;
}

/** Begroting: cost lines, their total and, when the budget splits it, the jeugd and wmo lines. */
export function buildBudget(t: RawTable, notes: ReadNote[]): CostBudget | undefined {
  if (t.failed) return leftOut(t.id, notes);
  const youthLabel = rowPattern(t.id, "youth");
  const wmoLabel = rowPattern(t.id, "wmo");
  let youth: RawRow | undefined;
  let wmo: RawRow | undefined;
  let total: RawRow | undefined;
  const lines: RawRow[] = [];
  for (const r of t.rows) {
    const n = normLabel(r.label);
    if (youthLabel.test(n) && !youth) youth = r;
    else if (wmoLabel.test(n) && !wmo) wmo = r;
    else if (isTotal(n) && !total) total = r;
    else if (total) return unexpectedRow(t, notes, r);
    else lines.push(r);
  }
  if (!total || lines.length === 0 || (youth === undefined) !== (wmo === undefined)) {
    return missingRows(t, notes, [
      [lines[0], "kostenpost"],
      [total, "'totaal'"],
      ...(youth || wmo
        ? ([
            [youth, "'jeugd'"],
            [wmo, "'wmo'"],
          ] as [RawRow | undefined, string][])
        : []),
    ]);
  }
  const unlabelled = lines.find((r) => r.label === "");
  if (unlabelled) return unexpectedRow(t, notes, unlabelled);
  const split = youth && wmo ? [youth, wmo] : [];
  if (!requireValues(t, [total, ...split], notes)) return leftOut(t.id, notes);
  figurelessLines(t, lines, notes);
  const result: CostBudget = {
    years: t.years,
    lines: lines.map(line),
    total: line(total),
  };
  if (youth && wmo) {
    const s = shares(t, notes);
    result.youth = shareOf(youth, s.get(youth));
    result.wmo = shareOf(wmo, s.get(wmo));
  }
  return result;
}

/** The figures of a named column, percentages read as fractions (points or fractions in plain numbers). */
function namedColumn(
  t: RawTable,
  rows: NamedRow[],
  key: string,
  what: { nl: string; en: string } | undefined,
  notes: ReadNote[]
): Map<NamedRow, Figure> {
  const withCell = rows.filter((r) => r.cells.has(key));
  const entries = withCell.map((r) => r.cells.get(key)!);
  const figures = what
    ? percentFigures(t.id, entries, what, notes)
    : entries.map((e) => figureOf(e.read, e.cell));
  return new Map(withCell.map((r, i) => [r, figures[i]]));
}

/** Amounts where amounts belong: a percentage there is an error with its cell. */
function amountsOnly(t: RawTable, rows: NamedRow[], keys: string[], notes: ReadNote[]): boolean {
  const wrong = rows.flatMap((r) =>
    keys.map((k) => r.cells.get(k)).filter((c): c is NamedCell => c?.read.percent === true)
  );
  if (wrong.length === 0) return true;
  const list = cellList(wrong.map((w) => w.cell));
  tableError(
    t.id,
    notes,
    wrong[0].cell,
    `een percentage waar een bedrag hoort: ${list.nl}`,
    `a percentage where an amount must be: ${list.en}`
  );
  return false;
}

/** The named table's rows split into lines and its total row (the last `totaal`). */
function namedRows(t: RawTable, notes: ReadNote[]): { lines: NamedRow[]; total?: NamedRow } {
  const rows = t.named!.rows;
  const totalIndex = rows.map((r) => isTotal(normLabel(r.label))).lastIndexOf(true);
  if (totalIndex < 0) return { lines: rows };
  const unnamed = rows.filter((r, i) => i !== totalIndex && r.label === "");
  for (const r of unnamed) {
    const cell = [...r.cells.values()][0]?.cell;
    tableError(
      t.id,
      notes,
      cell,
      `rij ${cell?.address.replace(/^[A-Z]+/, "") ?? "?"} heeft getallen maar geen naam`,
      `row ${cell?.address.replace(/^[A-Z]+/, "") ?? "?"} has figures but no name`
    );
  }
  return {
    lines: rows.filter((_, i) => i !== totalIndex),
    total: rows[totalIndex],
  };
}

function municipalityOf(label: string): string | undefined {
  const res = resolveMunicipality(label);
  return res.ok ? res.name : undefined;
}

/** Herberekening verdeelsleutel: weights, shares per component, key, amounts per component, total. */
export function buildKeyTable(t: RawTable, notes: ReadNote[]): KeyCalculation | undefined {
  const named = t.named;
  if (!named || t.failed) return leftOut(t.id, notes);
  const { lines, total } = namedRows(t, notes);
  if (!total || lines.length === 0) {
    const what = [lines.length === 0 ? "gemeente" : "", total ? "" : "'totaal'"].filter(Boolean);
    const at = t.named?.columns[0]?.cell;
    tableError(
      t.id,
      notes,
      at,
      `regel ${what.join(", ")} ontbreekt`,
      `row ${what.join(", ")} is missing`
    );
    return leftOut(t.id, notes);
  }
  const all = [...lines, total];
  const shareColumns = named.columns.filter((c) => c.part === "share");
  const amountColumns = named.columns.filter((c) => c.part === "amount");
  const components = [
    ...new Set((shareColumns.length > 0 ? shareColumns : amountColumns).map((c) => c.field)),
  ];
  if (!amountsOnly(t, all, [...amountColumns.map((c) => c.key), "amount"], notes))
    return leftOut(t.id, notes);
  const share = { nl: "het aandeel", en: "the share" };
  const shares = new Map(
    shareColumns.map((c) => [c.field, namedColumn(t, all, c.key, share, notes)])
  );
  const amounts = new Map(
    amountColumns.map((c) => [c.field, namedColumn(t, all, c.key, undefined, notes)])
  );
  const keys = namedColumn(
    t,
    all,
    "key",
    { nl: "de verdeelsleutel", en: "the distribution key" },
    notes
  );
  const rowTotals = namedColumn(t, all, "amount", undefined, notes);
  const weights = keyWeights(t, components, notes);
  const row = (r: NamedRow): KeyCalculationRow => {
    const out: KeyCalculationRow = { label: r.label, shares: new Map(), amounts: new Map() };
    if (r.labelCell) out.labelCell = r.labelCell;
    const m = municipalityOf(r.label);
    if (m && r !== total) out.municipality = m;
    for (const [c, col] of shares) if (col.has(r)) out.shares.set(c, col.get(r)!);
    for (const [c, col] of amounts) if (col.has(r)) out.amounts.set(c, col.get(r)!);
    const key = keys.get(r);
    if (key) out.key = key;
    const amount = rowTotals.get(r);
    if (amount) out.amount = amount;
    return out;
  };
  const result: KeyCalculation = {
    components,
    weights,
    rows: lines.map(row),
    total: row(total),
  };
  // The title's year, else the template's (`Totaal 2025`).
  const year = named.titleYear ?? named.columns.find((c) => c.key === "amount")?.year;
  if (year !== undefined) result.year = year;
  return result;
}

/** The weights of the components: the weights row under the share (or amount) columns, or the headers. */
function keyWeights(t: RawTable, components: string[], notes: ReadNote[]): Map<string, Figure> {
  const named = t.named!;
  const entries: [string, NamedCell][] = [];
  for (const c of components) {
    const columns = named.columns.filter((h) => h.field === c);
    const cell =
      columns.map((h) => named.weights?.cells.get(h.key)).find((e) => e !== undefined) ??
      columns.map((h) => h.weight).find((e) => e !== undefined);
    if (cell) entries.push([c, cell]);
  }
  const figures = percentFigures(
    t.id,
    entries.map(([, e]) => e),
    { nl: "de weging", en: "the weight" },
    notes
  );
  return new Map(entries.map(([c], i) => [c, figures[i]]));
}

/** Toename …: old and new contribution, increase and percentage per municipality; a total row. */
export function buildContributionChange(
  t: RawTable,
  notes: ReadNote[]
): ContributionChange | undefined {
  const named = t.named;
  if (!named || t.failed) return leftOut(t.id, notes);
  const { lines, total } = namedRows(t, notes);
  if (lines.length === 0) {
    tableError(
      t.id,
      notes,
      named.columns[0]?.cell,
      "geen gemeenten gevonden",
      "no municipalities found"
    );
    return leftOut(t.id, notes);
  }
  const all = total ? [...lines, total] : lines;
  if (!amountsOnly(t, all, ["old", "new", "increase"], notes)) return leftOut(t.id, notes);
  const columns = {
    old: namedColumn(t, all, "old", undefined, notes),
    new: namedColumn(t, all, "new", undefined, notes),
    increase: namedColumn(t, all, "increase", undefined, notes),
    percentage: namedColumn(
      t,
      all,
      "percentage",
      { nl: "het percentage", en: "the percentage" },
      notes
    ),
  };
  const row = (r: NamedRow): ContributionChangeRow => {
    const out: ContributionChangeRow = { label: r.label };
    if (r.labelCell) out.labelCell = r.labelCell;
    const m = municipalityOf(r.label);
    if (m && r !== total) out.municipality = m;
    for (const f of ["old", "new", "increase", "percentage"] as const) {
      const figure = columns[f].get(r);
      if (figure) out[f] = figure;
    }
    return out;
  };
  const result: ContributionChange = { rows: lines.map(row) };
  if (total) result.total = row(total);
  const year = (field: string) => named.columns.find((c) => c.field === field)?.year;
  const oldYear = year("old");
  const newYear = year("new");
  if (oldYear !== undefined) result.oldYear = oldYear;
  if (newYear !== undefined) result.newYear = newYear;
  return result;
}

/** How the raw rows of each kind of table become its plan field. */
const BUILDERS: {
  [F in PlanField]?: (t: RawTable, notes: ReadNote[]) => Plan[F] | undefined;
} = {
  staffing: buildStaffing,
  staffCosts: buildStaffCosts,
  materialCosts: buildMaterialCosts,
  totals: buildTotals,
  contributions: buildContributions,
  budget: buildBudget,
  keyTable: buildKeyTable,
  contributionChange: buildContributionChange,
};

export function buildPlanTables(raws: RawTable[], notes: ReadNote[]): Partial<Plan> {
  const part: Partial<Record<PlanField, unknown>> = {};
  for (const t of raws) {
    const field = tableKind(t.id).field;
    const build = BUILDERS[field] as ((t: RawTable, notes: ReadNote[]) => unknown) | undefined;
    if (!build) continue;
    const table = build(t, notes);
    if (table === undefined) delete part[field];
    else part[field] = table;
  }
  return part as Partial<Plan>;
}

export function hiddenRowNote(
  id: TableId,
  row: RawRow,
  sheet: SheetGrid,
  r: number,
  notes: ReadNote[]
): void {
  notes.push({
    severity: "warning",
    table: id,
    cell: row.labelCell ?? cellRef(sheet, r, 1),
    message: {
      nl: `${id}: rij ${r} ('${row.label}') is verborgen maar is meegelezen`,
      en: `${id}: row ${r} ('${row.label}') is hidden but was read`,
    },
  });
}
