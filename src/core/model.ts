import Decimal from "decimal.js";

/** Where a figure stands in a workbook. Absent for the built-in plan. */
export interface CellRef {
  sheet: string;
  /** A1 address of one cell, e.g. "D7". */
  address: string;
}

/**
 * One number of the plan as read: its exact value and where it came from.
 * `decimals` is the number of decimals shown, for percentages counted in
 * percentage points (3,53% → 2); it sets the tolerance of rules that compare
 * a rounded figure with a computed one.
 */
export interface Figure {
  value: Decimal;
  cell?: CellRef;
  decimals?: number;
  /** The figure was stored as text in the workbook (e.g. "3.064.067"). */
  fromText?: boolean;
  /** The cell's formula without "=", in Excel's English notation, when it has one. */
  formula?: string;
}

/** Figures by year. A year without an entry is an empty cell. */
export type YearFigures = Map<number, Figure>;

/** A labelled row of figures by year: a role, a cost line, a total row. */
export interface PlanLine {
  label: string;
  /** Cell of the row label, for findings about the row as a whole. */
  labelCell?: CellRef;
  values: YearFigures;
}

/** A line whose label states a share of its total, such as `formatiekosten jeugd 70%`. */
export interface ShareLine extends PlanLine {
  /** The stated share as a fraction (0.7), with its shown decimals. */
  share?: Figure;
}

/** Tabel 1. Formatieplan: FTE per role per year. */
export interface StaffingPlan {
  years: number[];
  roles: StaffingRole[];
  total: PlanLine;
}

export interface StaffingRole extends PlanLine {
  /** Salary scale, absent for some hired lines. */
  scale?: Figure;
  /** `INHUUR`: hired, not employed. */
  hired: boolean;
}

/** Tabel 2. Formatiekosten: staff costs split into jeugd and wmo. */
export interface StaffCosts {
  years: number[];
  total: PlanLine;
  youth: ShareLine;
  wmo: ShareLine;
  /** The closing `totaal` row, when the table has one. */
  grandTotal?: PlanLine;
}

/** Tabel 3. Materiële kosten: cost lines, their subtotal and the jeugd/wmo split. */
export interface MaterialCosts {
  years: number[];
  lines: PlanLine[];
  subtotal: PlanLine;
  youth: ShareLine;
  wmo: ShareLine;
  grandTotal?: PlanLine;
}

/** Tabel 4. Overzicht totalen: what the municipalities pay together. */
export interface Totals {
  years: number[];
  staffYouth: PlanLine;
  materialYouth: PlanLine;
  total: PlanLine;
}

/** One row of Tabel 6. */
export interface ContributionRow extends PlanLine {
  /** Canonical municipality name, or undefined when the label names no known municipality. */
  municipality?: string;
  /** The distribution key as a fraction (0.0353), with its shown decimals. */
  key?: Figure;
  /** A budget-share pool: the municipality's youth-care budget, the basis of its key. */
  budget?: Figure;
  /** A budget-share pool: its contribution of `Contributions.budgetYear` as a fraction of `budget`. */
  budgetPercent?: Figure;
}

/** Tabel 6. Uitvoeringskosten per gemeente. */
export interface Contributions {
  years: number[];
  rows: ContributionRow[];
  total: PlanLine;
  /** The key shown on the total row (100,00%), when present. */
  totalKey?: Figure;
  /** False for a table of amounts only, without a key column (earlier plans); rows have no key. */
  keyColumn?: false;
  /** A budget-share pool: the total row's budget (Σ of the municipalities' budgets). */
  totalBudget?: Figure;
  /** The year whose contribution `budgetPercent` relates to. */
  budgetYear?: number;
}

/** Begroting …: the cost budget, lines per year and their total; sometimes split jeugd/wmo. */
export interface CostBudget {
  years: number[];
  lines: PlanLine[];
  total: PlanLine;
  youth?: ShareLine;
  wmo?: ShareLine;
}

/** One row of the key calculation table: a municipality, or the total row. */
export interface KeyCalculationRow {
  label: string;
  labelCell?: CellRef;
  municipality?: string;
  /** Each component's share, a fraction with its shown decimals in percentage points. */
  shares: Map<ComponentName, Figure>;
  /** The key, a fraction. */
  key?: Figure;
  /** The amount per component, in euros. */
  amounts: Map<ComponentName, Figure>;
  /** The row's total amount. */
  amount?: Figure;
}

/** Herberekening verdeelsleutel …: weights, shares, key and amounts per municipality. */
export interface KeyCalculation {
  /** The year whose total the table distributes, when its title or header names it. */
  year?: number;
  /** Component names in column order (canonical, `gelijk` included when the table has it). */
  components: ComponentName[];
  /** The weights row, fractions (0.25). */
  weights: Map<ComponentName, Figure>;
  rows: KeyCalculationRow[];
  total: KeyCalculationRow;
}

/** One row of a change table: a municipality's old and new contribution. */
export interface ContributionChangeRow {
  label: string;
  labelCell?: CellRef;
  municipality?: string;
  old?: Figure;
  new?: Figure;
  increase?: Figure;
  /** The increase as a fraction of the old amount, with its shown decimals. */
  percentage?: Figure;
}

/** Toename …: old and new contribution, the increase and its percentage per municipality. */
export interface ContributionChange {
  oldYear?: number;
  newYear?: number;
  rows: ContributionChangeRow[];
  total?: ContributionChangeRow;
}

/** Names of the key components; `gelijk` (equal share) needs no data. */
export type ComponentName = "gelijk" | "jongeren" | "toekenningen" | "declaraties" | string;

/** The inputs of the distribution key, per municipality (year t-1 figures). */
export interface KeyComponents {
  /** Component names in column order, without `gelijk`. */
  components: ComponentName[];
  rows: KeyComponentRow[];
  /** Weights in percent per component name, including `gelijk`; adding up to 100. */
  weights: Map<ComponentName, Decimal>;
}

export interface KeyComponentRow {
  municipality: string;
  label: string;
  labelCell?: CellRef;
  values: Map<ComponentName, Figure>;
}

export type TableId =
  | "Tabel 1"
  | "Tabel 2"
  | "Tabel 3"
  | "Tabel 4"
  | "Tabel 6"
  | "Sleutel"
  | "Begroting"
  | "Herberekening"
  | "Toename";

/** Where a plan came from, for the report and the pane. */
export interface PlanSource {
  kind: "embedded" | "workbook";
  /** File or workbook name; the plan's title for the embedded plan. */
  name: string;
  /** How the workbook was read: the UP template tables or the published (pasted) layout. */
  layout?: "template" | "published";
  /** Where each table was found, as "Sheet!A1:H20". */
  tables: Partial<Record<TableId, string>>;
  /** Tables read through a binding by hand (sheet UP_Koppelingen), not recognised. */
  bound?: TableId[];
  /**
   * A table's own title where the plan does not name it as its kind: a budget-share pool's
   * contributions table `Dekking kosten regio-samenwerking`, not "Tabel 6". Messages name it so.
   */
  titles?: Partial<Record<TableId, string>>;
}

/** A whole Uitvoeringsplan. Tables the source lacks are absent. */
export interface Plan {
  title: string;
  source: PlanSource;
  /** The participating municipalities, canonical names. */
  municipalities: string[];
  staffing?: StaffingPlan;
  staffCosts?: StaffCosts;
  materialCosts?: MaterialCosts;
  totals?: Totals;
  contributions?: Contributions;
  keyComponents?: KeyComponents;
  budget?: CostBudget;
  keyTable?: KeyCalculation;
  contributionChange?: ContributionChange;
  /** Rounding unit of the contributions; absent means whole euros. */
  unit?: MoneyUnit;
  /**
   * The cost pools of a merged plan, each with its own tables, key and unit, when the plan has
   * more than one. The merged plan's own tables are then absent: a caller that asks the plan
   * instead of its pools gets "no Tabel 6", never one pool's figures taken for the whole.
   */
  pools?: CostPool[];
}

/** Whole euros or cents. */
export type MoneyUnit = "euro" | "cent";

/** How a cost pool's key is made: the SLA components with weights, or each municipality's budget share. */
export type PoolMethod = "sla" | "budget-share";

/** A cost pool of a merged plan: costs with their own total per year, key method, unit and contributions. */
export interface CostPool {
  /** Short name, matched case-insensitively (`--pool`, UP.CONTRIBUTION's pool argument), e.g. "beleid". */
  name: string;
  /** The pool's title as the plan writes it, e.g. "Dekking kosten regio-samenwerking". */
  title: string;
  method: PoolMethod;
  /** The pool's tables as a single-pool plan (same source and municipalities; `unit` set). */
  plan: Plan;
}

export type Severity = "error" | "warning" | "info";

export type RuleId =
  | "FTE-TOTAL"
  | "FTE-VALUE"
  | "SPLIT-SUM"
  | "SPLIT-LABEL"
  | "LINES-SUM"
  | "TOTALS-LINK"
  | "KEY-SUM"
  | "ALLOC-AMOUNT"
  | "ALLOC-SUM"
  | "ALLOC-LINK"
  | "MUNICIPALITIES"
  | "KEY-RECOMPUTE"
  | "FORMULA-RANGE"
  | "BUDGET-LINK"
  | "BUDGET-SHARE"
  | "KEYTABLE-SHARES"
  | "KEYTABLE-KEY"
  | "KEYTABLE-AMOUNT"
  | "KEYTABLE-ROW"
  | "KEYTABLE-COLUMN"
  | "KEYTABLE-TOTAL"
  | "CHANGE-INCREASE"
  | "CHANGE-PERCENT"
  | "CHANGE-TOTAL";

export interface Message {
  nl: string;
  en: string;
}

/** One amount that, written in its cell, repairs a rounding drift. */
export interface FixAmount {
  /** Empty for a Tabel 6 row whose name cell is empty: such a row is named by its cell. */
  municipality: string;
  year: number;
  cell?: CellRef;
  from: Decimal;
  to: Decimal;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  table: TableId;
  year: number | null;
  municipality: string | null;
  /** The cell to look at first. */
  cell: CellRef | null;
  /** Every cell involved, for selecting them together. */
  cells: CellRef[];
  /** Row label or line the finding is about, when not a municipality. */
  line: string | null;
  expected: Decimal | null;
  actual: Decimal | null;
  /** How `expected`/`actual` are to be shown. */
  unit: "euro" | "fte" | "fraction" | "count" | "scale";
  message: Message;
  /** Amounts that repair a rounding drift (ALLOC-SUM). */
  fix?: FixAmount[];
  /** The cost pool the finding is about, in a plan with more than one (its `name`). */
  pool?: string;
  /** The table's own title when the plan does not name it as its kind (`PlanSource.titles`). */
  tableTitle?: string;
}

export interface RuleResult {
  rule: RuleId;
  title: Message;
  /** `not-applicable` when the tables the rule needs are absent. */
  status: "ok" | "findings" | "not-applicable";
  findings: number;
}

export interface CheckResult {
  findings: Finding[];
  rules: RuleResult[];
  summary: Record<Severity, number>;
}
