import { formatRange } from "../core/address";
import {
  CellRef,
  Contributions,
  CostPool,
  CostBudget,
  Figure,
  MoneyUnit,
  Plan,
  TableId,
} from "../core/model";
import { resolveMunicipality } from "../core/municipalities";
import { POLICY_POOL, PURCHASING_POOL } from "../core/poolKinds";
import { poolTables } from "../core/pools";
import { TOTAL_LABEL } from "../core/tableKinds";
import {
  buildBudget,
  buildContributions,
  normLabel,
  NumberRead,
  percentFigures,
  RawRow,
  RawTable,
} from "./build";
import { cellRef, figureOf, readCell, ReadNote, textAsNumberNote } from "./cells";
import { SheetGrid, WorkbookGrid } from "./grid";
import { namesKind, Recogniser } from "./recognise";
import { Header, MAX_GAP, overlaps, rowsAfter, scanSheet, SheetScan, textOf } from "./scan";

/*
 * The policy pool of a merged plan in the published layout: its budget (`Begroting
 * regio-samenwerking …`) and its contributions table (`Dekking kosten regio-samenwerking`: per
 * municipality its budget, its key, its contribution per year and that as a percentage of its
 * budget). They are recognised by their titles, or the contributions table by its header (a
 * budget column beside the years) and its municipality rows, read here, and taken out of the
 * workbook the rest of the reader sees: what is left is the purchasing pool, read as any plan.
 */

export interface PolicyPool {
  /** The policy pool's tables as a single-pool plan (no title or source yet). */
  budget?: CostBudget;
  contributions: Contributions;
  unit: MoneyUnit;
  title: string;
  tables: Partial<Record<TableId, string>>;
  /** Its tables' own titles, which messages name them by (not "Tabel 6"). */
  titles: Partial<Record<TableId, string>>;
  /** The workbook without the policy pool's cells. */
  rest: WorkbookGrid;
}

/** Cells taken by the policy pool's tables, per sheet: rows × columns. */
interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What a policy title names: its contributions table or its budget. */
function policyTitle(text: string): TableId | undefined {
  if (text.length > 200) return undefined;
  const n = normLabel(text);
  if (POLICY_POOL.contributionTitles.test(n)) return "Tabel 6";
  if (POLICY_POOL.budgetTitles.test(n)) return "Begroting";
  return undefined;
}

/** A column of the contributions table's header, by its words. */
type Role = "municipality" | "budget" | "key" | "percent";

function roleOf(text: string): Role | undefined {
  const n = normLabel(text);
  const c = POLICY_POOL.columns;
  if (c.percent.test(n)) return "percent";
  if (c.budget.test(n)) return "budget";
  if (c.key.test(n)) return "key";
  if (c.municipality.test(n)) return "municipality";
  return undefined;
}

interface Read {
  raw: RawTable;
  area: Area;
  /** Per row of `raw` (the contributions table): its budget and percentage cells. */
  budgets: Map<
    RawRow,
    { budget?: NumberRead & { cell: CellRef }; percent?: NumberRead & { cell: CellRef } }
  >;
  budgetYear?: number;
  cents: boolean;
}

class PolicyReader {
  constructor(
    private scan: SheetScan,
    private notes: ReadNote[]
  ) {}

  private number(
    r: number,
    c: number,
    id: TableId,
    raw: RawTable
  ): (NumberRead & { cell: CellRef }) | undefined {
    const read = readCell(this.scan.sheet.rows.get(r)?.get(c));
    const cell = cellRef(this.scan.sheet, r, c);
    if (read.kind === "number") {
      if (read.fromText) this.notes.push(textAsNumberNote(read, cell, id));
      return { ...read, cell };
    }
    if (read.kind === "empty") return undefined;
    const what =
      read.kind === "text"
        ? { nl: `'${read.text}' is geen getal`, en: `'${read.text}' is not a number` }
        : read.message;
    this.notes.push({
      severity: "error",
      table: id,
      cell,
      message: {
        nl: `${POLICY_POOL.title.nl}: ${cell.address}: ${what.nl}`,
        en: `${POLICY_POOL.title.en}: ${cell.address}: ${what.en}`,
      },
    });
    raw.failed = true;
    return undefined;
  }

  /**
   * Reads the rows under a header: a label in the first column, the figures under the years and,
   * for the contributions table, the budget, key and percentage columns; up to the total row.
   */
  read(h: Header, id: TableId, titleRow: number | undefined): Read | undefined {
    const sheet = this.scan.sheet;
    const header = sheet.rows.get(h.row);
    const roles = new Map<number, Role>();
    for (const c of this.scan.columns.get(h.row) ?? []) {
      if (h.columns?.includes(c)) continue;
      const role = roleOf(textOf(header?.get(c)));
      if (role && ![...roles.values()].includes(role)) roles.set(c, role);
    }
    const columnOf = (role: Role) => [...roles].find(([, r]) => r === role)?.[0];
    const years = h.years;
    const yearColumns = h.columns ?? [];
    if (yearColumns.length === 0) return undefined;
    const labelColumn = columnOf("municipality") ?? this.scan.columns.get(h.row)?.[0] ?? 1;
    const right = Math.max(yearColumns[yearColumns.length - 1], ...roles.keys());
    const raw: RawTable = { id, range: "", years, rows: [], failed: false };
    const budgets: Read["budgets"] = new Map();
    let cents = false;
    let prev = h.row;
    let closed = false;
    for (const r of rowsAfter(this.scan, h.row)) {
      if (r - prev > MAX_GAP) break;
      const filled = (this.scan.columns.get(r) ?? []).filter((c) => c >= labelColumn && c <= right);
      if (filled.length === 0) continue;
      // Another table starts here, in these columns (tables may stand side by side).
      const left = Math.min(labelColumn, h.first);
      if (
        this.scan.headersByRow.get(r)?.some((o) => overlaps(o, left, right)) ||
        this.scan.titlesByRow.get(r)?.some((t) => t.column >= left && t.column <= right)
      )
        break;
      const label = textOf(sheet.rows.get(r)?.get(labelColumn));
      const row: RawRow = { label, values: new Map(), empty: new Map() };
      if (label !== "") row.labelCell = cellRef(sheet, r, labelColumn);
      yearColumns.forEach((c, i) => {
        const n = this.number(r, c, id, raw);
        const cell = cellRef(sheet, r, c);
        if (!n) {
          row.empty.set(years[i], cell);
          return;
        }
        if (!n.value.isInteger() || n.decimals >= 2) cents = true;
        row.values.set(years[i], figureOf(n, cell));
      });
      const column = (role: Role) => {
        const c = columnOf(role);
        return c === undefined ? undefined : this.number(r, c, id, raw);
      };
      const key = column("key");
      if (key) row.extra = { read: key, cell: key.cell };
      budgets.set(row, { budget: column("budget"), percent: column("percent") });
      raw.rows.push(row);
      prev = r;
      if (TOTAL_LABEL.test(normLabel(label))) {
        closed = true;
        break;
      }
    }
    if (!closed) return undefined;
    const area: Area = {
      top: titleRow ?? h.row,
      bottom: prev,
      left: Math.min(labelColumn, h.first),
      right,
    };
    raw.range = formatRange(area, sheet.name);
    const budgetHeader = textOf(header?.get(columnOf("budget") ?? 0));
    const named = /\b(19|20|21)\d\d\b/.exec(budgetHeader);
    const budgetYear = named && years.includes(Number(named[0])) ? Number(named[0]) : years[0];
    return { raw, area, budgets, budgetYear, cents };
  }
}

/** Whether the rows below a header are mostly municipalities: a contributions table without a title. */
function municipalityRows(scan: SheetScan, h: Header, column: number): number {
  let count = 0;
  for (const r of rowsAfter(scan, h.row)) {
    if (r > h.row + 20) break;
    if (resolveMunicipality(textOf(scan.sheet.rows.get(r)?.get(column))).ok) count++;
  }
  return count;
}

/** Words without which a sheet holds no policy pool: most workbooks are passed over in one look. */
const POLICY_WORDS = /dekking|samenwerking|beleid|budget|uitkering/i;

function mayHoldPolicy(sheet: SheetGrid): boolean {
  for (const cells of sheet.rows.values()) {
    for (const cell of cells.values()) {
      if (typeof cell.value === "string" && POLICY_WORDS.test(cell.value)) return true;
    }
  }
  return false;
}

/** Reads the policy pool of a merged plan, when the workbook has one. */
export function readPolicyPool(grid: WorkbookGrid, notes: ReadNote[]): PolicyPool | undefined {
  const areas = new Map<string, Area[]>();
  let contributions: { read: Read; title?: string } | undefined;
  let budget: { read: Read; title?: string } | undefined;
  const own: ReadNote[] = [];
  for (const sheet of grid.sheets) {
    if (!mayHoldPolicy(sheet)) continue;
    const scan = scanSheet(sheet, { titleKind: policyTitle, namesKind });
    if (scan.headers.length === 0) continue;
    const recogniser = new Recogniser(scan);
    const reader = new PolicyReader(scan, own);
    for (const h of scan.headers) {
      const title = recogniser.titleOf(h);
      const header = sheet.rows.get(h.row);
      const hasBudgetColumn = (scan.columns.get(h.row) ?? []).some(
        (c) => !h.columns?.includes(c) && roleOf(textOf(header?.get(c))) === "budget"
      );
      const byHeader =
        hasBudgetColumn && municipalityRows(scan, h, scan.columns.get(h.row)?.[0] ?? 1) >= 8;
      const id = title?.id ?? (byHeader ? "Tabel 6" : undefined);
      const text = title ? textOf(sheet.rows.get(title.row)?.get(title.column)).trim() : undefined;
      if (id === "Tabel 6" && !contributions) {
        const read = reader.read(h, id, title?.row);
        if (!read) continue;
        contributions = { read, title: text };
        pushArea(areas, sheet, read.area);
      } else if (id === "Begroting" && !budget) {
        const read = reader.read(h, id, title?.row);
        if (!read) continue;
        budget = { read, title: text };
        pushArea(areas, sheet, read.area);
      }
    }
  }
  if (
    !contributions ||
    !contributions.read.raw.rows.some((r) => budgetsOf(contributions!.read, r)?.budget)
  )
    return undefined;
  notes.push(...own);
  const built = buildContributions(contributions.read.raw, notes);
  if (!built) return undefined;
  withBudgets(built, contributions.read, notes);
  const tables: Partial<Record<TableId, string>> = { "Tabel 6": contributions.read.raw.range };
  const title = contributions.title || POLICY_POOL.title.nl;
  const titles: Partial<Record<TableId, string>> = { "Tabel 6": title };
  const pool: PolicyPool = {
    contributions: built,
    unit: contributions.read.cents ? "cent" : "euro",
    title,
    tables,
    titles,
    rest: without(grid, areas),
  };
  if (budget) {
    const b = buildBudget(budget.read.raw, notes);
    if (b) {
      pool.budget = b;
      tables.Begroting = budget.read.raw.range;
      if (budget.title) titles.Begroting = budget.title;
    }
  }
  return pool;
}

function budgetsOf(read: Read, row: RawRow) {
  return read.budgets.get(row);
}

/** Puts each row's budget and percentage on the built table (rows in the raw table's order, total left out). */
function withBudgets(t: Contributions, read: Read, notes: ReadNote[]): void {
  const raws = read.raw.rows;
  const totalRaw = raws.find((r) => TOTAL_LABEL.test(normLabel(r.label)));
  const rows = raws.filter((r) => r !== totalRaw);
  const percents = rows.flatMap((r) => {
    const p = budgetsOf(read, r)?.percent;
    return p ? [{ row: r, entry: { read: p, cell: p.cell } }] : [];
  });
  const figures = percentFigures(
    read.raw.id,
    percents.map((p) => p.entry),
    { nl: "het percentage van het budget", en: "the percentage of the budget" },
    notes
  );
  const percentOf = new Map<RawRow, Figure>(percents.map((p, i) => [p.row, figures[i]]));
  rows.forEach((raw, i) => {
    const row = t.rows[i];
    const b = budgetsOf(read, raw)?.budget;
    if (b) row.budget = figureOf(b, b.cell);
    const p = percentOf.get(raw);
    if (p) row.budgetPercent = p;
  });
  const total = totalRaw && budgetsOf(read, totalRaw)?.budget;
  if (total) t.totalBudget = figureOf(total, total.cell);
  if (read.budgetYear !== undefined) t.budgetYear = read.budgetYear;
}

function pushArea(areas: Map<string, Area[]>, sheet: SheetGrid, area: Area): void {
  areas.set(sheet.name, [...(areas.get(sheet.name) ?? []), area]);
}

/** The workbook without the cells of the given areas. */
function without(grid: WorkbookGrid, areas: Map<string, Area[]>): WorkbookGrid {
  return {
    ...grid,
    sheets: grid.sheets.map((sheet) => {
      const taken = areas.get(sheet.name);
      if (!taken) return sheet;
      const inside = (r: number, c: number) =>
        taken.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
      const rows = new Map(
        [...sheet.rows].map(([r, cells]) => [r, new Map([...cells].filter(([c]) => !inside(r, c)))])
      );
      return { ...sheet, rows };
    }),
  };
}

/** The merged plan: the policy pool beside the purchasing plan, or the one that is there alone. */
export function withPolicyPool(purchasing: Plan | undefined, policy: PolicyPool, base: Plan): Plan {
  const policyPlan: Plan = {
    title: policy.title,
    source: { ...base.source, tables: policy.tables, titles: policy.titles },
    municipalities: base.municipalities,
    contributions: policy.contributions,
    unit: policy.unit,
  };
  if (policy.budget) policyPlan.budget = policy.budget;
  if (!purchasing) return { ...policyPlan, title: base.title };
  const cents = purchasing.contributions?.rows.some((r) =>
    [...r.values.values()].some((f) => !f.value.isInteger())
  );
  const pools: CostPool[] = [
    { name: POLICY_POOL.name, title: policy.title, method: POLICY_POOL.method, plan: policyPlan },
    {
      name: PURCHASING_POOL.name,
      title: PURCHASING_POOL.title.nl,
      method: PURCHASING_POOL.method,
      plan: { ...purchasing, unit: cents ? "cent" : "euro" },
    },
  ];
  return {
    title: base.title,
    source: { ...base.source, tables: poolTables(pools) },
    municipalities: base.municipalities,
    pools,
  };
}
