import { areasOverlap, parseReference, referencesIn } from "../core/address";
import { PlanInputError } from "../core/errors";
import { Message, Plan } from "../core/model";
import { plan2024 } from "../core/plan2024";
import { PlanFeed } from "../functions/planFeed";
import { BINDING_SHEET } from "../reader/binding";
import { WorkbookGrid } from "../reader/grid";
import { supports } from "./supports";
import { readWorkbookGrid } from "./grid";

/*
 * The plan of the open workbook, kept in memory for the functions and the pane. The workbook
 * is read once, in one Excel.run, and read again only when a change touches the plan's cells
 * (or, while the workbook has no plan, any cell: the user may be pasting one in), or moves them:
 * cells, rows or columns inserted or deleted on a plan sheet, sheets added, deleted or renamed,
 * a table of the plan grown, rows of the plan sorted, hidden or shown.
 */

/** What the reader gives back; the pane shows the rest of it (notes, where it looked). */
export interface Reading {
  plan?: Plan;
}

export interface PlanState<R extends Reading = Reading> {
  /** The plan the functions answer from; absent only when `problem` says why. */
  plan?: Plan;
  /** `workbook`: read from this workbook; `embedded`: it has none, the built-in 2024 plan answers. */
  origin: "workbook" | "embedded";
  /** The reader's full result. */
  reading?: R;
  /** Why the workbook could not be read. */
  problem?: Message;
  /** Counts the reads, so a listener can tell a new plan from an old one. */
  version: number;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface PlanSourceOptions<R extends Reading> {
  readPlan: (grid: WorkbookGrid) => R;
  /** Excel.run, or a mock's. */
  run?: ExcelRun;
  /** Quiet time after a change before reading again, so a paste of 500 cells reads once. */
  delayMs?: number;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3:D9", "B3", "3:5" (whole rows) or "C:E" (whole columns), with or without a sheet. */
export function parseRange(a: string): { sheet?: string; rect: Rect } | undefined {
  const ref = parseReference(a);
  if (!ref) return undefined;
  // Whole rows and columns reach as far as any table could.
  const rect = {
    top: ref.top,
    left: ref.left,
    bottom: ref.kind === "columns" ? Infinity : ref.bottom,
    right: ref.kind === "rows" ? Infinity : ref.right,
  };
  return ref.sheet === undefined ? { rect } : { sheet: ref.sheet, rect };
}

/** Changes that move cells: anything after them on the sheet may now be elsewhere. */
const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

type SheetEvent = { worksheetId: string; address: string; changeType?: string };

export class PlanSource<R extends Reading = Reading> implements PlanFeed {
  private latest: PlanState<R> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly readPlan: (grid: WorkbookGrid) => R;
  private readonly run: ExcelRun;
  private readonly delayMs: number;
  private sheetNames = new Map<string, string>();
  /** Ids of the Excel tables the plan is read from: one that grows moves the plan's edge. */
  private planTables = new Set<string>();
  /** Sheets the plan's formulas read from: any change there may change a plan figure. */
  private feeding = new Set<string>();
  private reading: Promise<PlanState<R>> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts workbook reads: the functions must never cause one per call. */
  reads = 0;

  constructor(options: PlanSourceOptions<R>) {
    this.readPlan = options.readPlan;
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.delayMs = options.delayMs ?? 300;
  }

  current(): Plan | undefined {
    return this.latest?.plan;
  }

  problem(): Message | undefined {
    return this.latest?.problem;
  }

  state(): PlanState<R> | undefined {
    return this.latest;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Reads the workbook and listens for changes. Always settles. */
  async start(): Promise<PlanState<R>> {
    try {
      await this.run((context) => this.listen(context));
    } catch {
      // Without events the plan is still read now; the pane's refresh reads it again.
    }
    return this.refresh();
  }

  /**
   * The events that can change or move the plan. Only ExcelApi 1.7's are sure to be there; the
   * later ones are asked for, and without them the plan is read again at the next edit instead.
   */
  private async listen(context: Excel.RequestContext): Promise<void> {
    const sheets = context.workbook.worksheets;
    const changed = async (e: SheetEvent) => this.onChanged(e);
    if (supports("ExcelApi 1.9")) sheets.onChanged.add(changed);
    else {
      sheets.load("items");
      await context.sync();
      for (const sheet of sheets.items) sheet.onChanged.add(changed);
    }
    sheets.onAdded.add(async (e) => {
      this.changed();
      if (!supports("ExcelApi 1.9")) await this.run((c) => this.listenTo(c, e.worksheetId));
    });
    sheets.onDeleted.add(async () => this.changed());
    const tables = context.workbook.tables;
    tables.onChanged.add(async (e) => {
      if (this.planTables.has(e.tableId)) this.changed();
      else this.onChanged(e);
    });
    if (supports("ExcelApi 1.9")) {
      tables.onAdded.add(async () => this.changed());
      tables.onDeleted.add(async () => this.changed());
    }
    if (supports("ExcelApi 1.10")) {
      sheets.onRowSorted.add(changed);
      sheets.onColumnSorted.add(changed);
    }
    if (supports("ExcelApi 1.11")) sheets.onRowHiddenChanged.add(changed);
    if (supports("ExcelApi 1.17")) sheets.onNameChanged.add(async () => this.changed());
    await context.sync();
  }

  /** A sheet added where the workbook has no collection-wide change event (before ExcelApi 1.9). */
  private async listenTo(context: Excel.RequestContext, worksheetId: string): Promise<void> {
    context.workbook.worksheets
      .getItem(worksheetId)
      .onChanged.add(async (e: SheetEvent) => this.onChanged(e));
    await context.sync();
  }

  /**
   * Reads the workbook now. Calls while a read is running share one more read after it,
   * so the last change is always read. Always settles.
   */
  refresh(): Promise<PlanState<R>> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readOnce().then(async (state) => {
      this.reading = undefined;
      if (!this.again) return state;
      this.again = false;
      return this.refresh();
    });
    return this.reading;
  }

  /** An Office.js change event: read again if it touches the plan. */
  onChanged(e: SheetEvent): void {
    if (this.touchesPlan(e.worksheetId, e.address, e.changeType)) this.changed();
  }

  touchesPlan(worksheetId: string, address: string, changeType?: string): boolean {
    const state = this.latest;
    if (!state || state.origin !== "workbook" || !state.plan) return true;
    const sheet = this.sheetNames.get(worksheetId);
    // A binding by hand saved or changed: the tables may now be read elsewhere.
    if (sheet === undefined || this.feeding.has(sheet) || sheet === BINDING_SHEET) return true;
    const changed = parseRange(address);
    if (!changed) return true;
    return tableRanges(state.plan).some((ref) => {
      const table = parseRange(ref);
      if (!table || table.sheet !== sheet) return false;
      return (
        (changeType !== undefined && STRUCTURAL.has(changeType)) ||
        areasOverlap(table.rect, changed.rect)
      );
    });
  }

  private changed(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, this.delayMs);
  }

  private async readOnce(): Promise<PlanState<R>> {
    const version = (this.latest?.version ?? 0) + 1;
    let state: PlanState<R>;
    try {
      this.reads++;
      const { grid, sheetIds, tableIds } = await this.run((context) => readWorkbookGrid(context));
      this.sheetNames = new Map([...sheetIds].map(([name, id]) => [id, name]));
      const reading = this.readPlan(grid);
      this.feeding = reading.plan ? feedingSheets(grid, reading.plan) : new Set();
      this.planTables = reading.plan ? planTables(grid, reading.plan, tableIds) : new Set();
      state = reading.plan
        ? { plan: reading.plan, origin: "workbook", reading, version }
        : { plan: plan2024(), origin: "embedded", reading, version };
    } catch (e) {
      state = { origin: "workbook", problem: problemOf(e), version };
    }
    this.latest = state;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // One failing listener must not keep the others from the new plan.
      }
    }
    return state;
  }
}

/** Every range of the plan's tables; a table split over two sheets has two ("A!…; B!…"). */
function tableRanges(plan: Plan): string[] {
  return Object.values(plan.source.tables).flatMap((ref) => (ref ? ref.split("; ") : []));
}

/** Ids of the Excel tables (ListObjects) whose range overlaps a range the plan was read from. */
function planTables(grid: WorkbookGrid, plan: Plan, tableIds: Map<string, string>): Set<string> {
  const ranges = tableRanges(plan).flatMap((ref) => {
    const r = parseRange(ref);
    return r ? [r] : [];
  });
  const ids = new Set<string>();
  for (const sheet of grid.sheets) {
    for (const table of sheet.tables) {
      const rect = parseRange(table.ref)?.rect;
      const id = tableIds.get(table.name);
      if (!rect || id === undefined) continue;
      if (ranges.some((r) => r.sheet === sheet.name && areasOverlap(r.rect, rect))) ids.add(id);
    }
  }
  return ids;
}

/**
 * The sheets whose cells the formulas in the plan's tables read. A plan figure computed from
 * another sheet (or from cells beside its table) changes without an edit of the table itself.
 */
export function feedingSheets(grid: WorkbookGrid, plan: Plan): Set<string> {
  const sheets = new Set<string>();
  for (const ref of tableRanges(plan)) {
    const table = parseRange(ref);
    const sheet = table && grid.sheets.find((s) => s.name === table.sheet);
    if (!table || !sheet) continue;
    for (const [r, cells] of sheet.rows) {
      if (r < table.rect.top || r > table.rect.bottom) continue;
      for (const [c, cell] of cells) {
        if (!cell.formula || c < table.rect.left || c > table.rect.right) continue;
        for (const ref of referencesIn(cell.formula)) sheets.add(ref.sheet ?? sheet.name);
      }
    }
  }
  return sheets;
}

function problemOf(e: unknown): Message {
  if (e instanceof PlanInputError) return { nl: e.nl, en: e.en };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    nl: `Het werkboek kon niet gelezen worden: ${detail}`,
    en: `The workbook could not be read: ${detail}`,
  };
}
