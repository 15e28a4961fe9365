import { CellRef } from "../../core/model";

/*
 * Every write of the pane goes through here: formulas are never overwritten unless the user
 * said yes, and what was in each cell is kept in a hidden sheet so one click restores it.
 */

export const BACKUP_SHEET = "UP_Backup";
const HEADER = ["batch", "tijd", "actie", "blad", "cel", "soort", "vorige inhoud", "vorige opmaak"];

/**
 * How a previous content is kept: f formula, n number, b boolean, s text ("" = empty);
 * + a sheet UP added, which restore removes.
 */
type Kind = "f" | "n" | "b" | "s" | "+";

function kindOf(v: unknown): Kind {
  if (isFormula(v)) return "f";
  if (typeof v === "number") return "n";
  if (typeof v === "boolean") return "b";
  return "s";
}

export interface CellWrite {
  cell: CellRef;
  value: number;
  /** What the number is: a whole-euro amount, or a key as a fraction (0.0353). */
  kind: "euro" | "fraction";
}

/** Number formats for cells that held the figure as text ("3,53%", "91.153"). */
const TEXT_REPLACEMENT_FORMAT: Record<CellWrite["kind"], string> = {
  euro: "#,##0",
  fraction: "0.00%",
};

/**
 * The number to put in a cell so it reads as the cell did before: a key the workbook keeps
 * as 3.53 (percent points) gets percent points, not the fraction.
 */
export function valueFor(write: CellWrite, previous: unknown): number {
  return write.kind === "fraction" && typeof previous === "number" && Math.abs(previous) > 1
    ? write.value * 100
    : write.value;
}

export type WriteOutcome =
  | { status: "needs-confirmation"; formulaCells: CellRef[] }
  | { status: "written"; batch: string; count: number };

export interface BackupBatch {
  batch: string;
  time: string;
  label: string;
  /** Cells whose previous content the batch keeps. */
  cells: number;
  /** Sheets UP added in the batch, which restore removes. */
  addedSheets: string[];
}

/** What a batch's rows of the backup sheet amount to. */
function batchOf(mine: unknown[][]): BackupBatch {
  return {
    batch: String(mine[0][0]),
    time: String(mine[0][1]),
    label: String(mine[0][2]),
    cells: mine.filter((r) => r[5] !== "+").length,
    addedSheets: mine.filter((r) => r[5] === "+").map((r) => String(r[3])),
  };
}

function isFormula(v: unknown): boolean {
  return typeof v === "string" && v.startsWith("=");
}

async function backupSheet(context: Excel.RequestContext): Promise<Excel.Worksheet> {
  const existing = context.workbook.worksheets.getItemOrNullObject(BACKUP_SHEET);
  await context.sync();
  if (!existing.isNullObject) return existing;
  const sheet = context.workbook.worksheets.add(BACKUP_SHEET);
  sheet.getRange("A1:H1").values = [HEADER];
  sheet.visibility = Excel.SheetVisibility.veryHidden;
  return sheet;
}

/** Rows of the backup sheet below its header; empty when there is no backup. */
async function backupRows(
  context: Excel.RequestContext
): Promise<{ sheet: Excel.Worksheet | null; rows: unknown[][] }> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(BACKUP_SHEET);
  await context.sync();
  if (sheet.isNullObject) return { sheet: null, rows: [] };
  const used = sheet.getUsedRange();
  used.load("values");
  await context.sync();
  return { sheet, rows: used.values.slice(1).filter((r) => r[0] !== "") };
}

/**
 * Writes values into the plan. When a target cell holds a formula and `overwriteFormulas`
 * is false, nothing is written and the formula cells are returned for the user to confirm.
 */
export async function writeWithBackup(
  context: Excel.RequestContext,
  writes: readonly CellWrite[],
  options: { overwriteFormulas: boolean; label: string; now?: Date }
): Promise<WriteOutcome> {
  const ranges = writes.map((w) => {
    const r = context.workbook.worksheets.getItem(w.cell.sheet).getRange(w.cell.address);
    r.load(["formulas", "numberFormat"]);
    return r;
  });
  await context.sync();
  const previous = ranges.map((r) => r.formulas[0][0] as unknown);
  // A figure stored as text gets a number format; restore puts the old format back too.
  const reformat = previous.map((p) => typeof p === "string" && !isFormula(p) && p !== "");
  const formulaCells = writes.filter((_, i) => isFormula(previous[i])).map((w) => w.cell);
  if (formulaCells.length > 0 && !options.overwriteFormulas) {
    return { status: "needs-confirmation", formulaCells };
  }
  const { rows } = await backupRows(context);
  const sheet = await backupSheet(context);
  const now = options.now ?? new Date();
  const batch = `${now.toISOString()}#${rows.length + 1}`;
  const firstRow = rows.length + 2;
  const backup = writes.map((w, i) => [
    batch,
    now.toISOString(),
    options.label,
    w.cell.sheet,
    w.cell.address,
    kindOf(previous[i]),
    String(previous[i] ?? ""),
    reformat[i] ? String(ranges[i].numberFormat[0][0] ?? "General") : "",
  ]);
  if (backup.length > 0) {
    const lastRow = firstRow + backup.length - 1;
    // Text format keeps formulas and numbers-as-text exactly as they were.
    sheet.getRange(`A${firstRow}:H${lastRow}`).numberFormat = backup.map((r) => r.map(() => "@"));
    sheet.getRange(`A${firstRow}:H${lastRow}`).values = backup;
  }
  writes.forEach((w, i) => {
    if (reformat[i]) ranges[i].numberFormat = [[TEXT_REPLACEMENT_FORMAT[w.kind]]];
    ranges[i].values = [[valueFor(w, previous[i])]];
  });
  await context.sync();
  return { status: "written", batch, count: writes.length };
}

/**
 * Records a sheet UP has just added as a batch of its own, so that "Laatste wijziging
 * terugzetten" removes it again.
 */
export async function recordAddedSheet(
  context: Excel.RequestContext,
  sheetName: string,
  label: string,
  now: Date = new Date()
): Promise<BackupBatch> {
  const { rows } = await backupRows(context);
  const sheet = await backupSheet(context);
  const batch = `${now.toISOString()}#${rows.length + 1}`;
  const row = rows.length + 2;
  sheet.getRange(`A${row}:H${row}`).numberFormat = [HEADER.map(() => "@")];
  sheet.getRange(`A${row}:H${row}`).values = [
    [batch, now.toISOString(), label, sheetName, "", "+", "", ""],
  ];
  await context.sync();
  return { batch, time: now.toISOString(), label, cells: 0, addedSheets: [sheetName] };
}

/** The most recent write that can be restored, or null. */
export async function lastBackup(context: Excel.RequestContext): Promise<BackupBatch | null> {
  const { rows } = await backupRows(context);
  if (rows.length === 0) return null;
  const batch = String(rows[rows.length - 1][0]);
  return batchOf(rows.filter((r) => String(r[0]) === batch));
}

/**
 * Puts back what the most recent write replaced, formulas included, and removes that batch
 * from the backup sheet. Returns the batch restored, or null when there was none.
 */
export async function restoreLastBackup(
  context: Excel.RequestContext
): Promise<BackupBatch | null> {
  const { sheet, rows } = await backupRows(context);
  if (!sheet || rows.length === 0) return null;
  const batch = String(rows[rows.length - 1][0]);
  const first = rows.findIndex((r) => String(r[0]) === batch);
  const mine = rows.slice(first);
  // A sheet the user has removed since is simply gone already.
  const added = mine
    .filter((r) => r[5] === "+")
    .map((r) => context.workbook.worksheets.getItemOrNullObject(String(r[3])));
  if (added.length > 0) await context.sync();
  for (const a of added) if (!a.isNullObject) a.delete();
  for (const r of [...mine].reverse()) {
    if (r[5] === "+") continue;
    const target = context.workbook.worksheets.getItem(String(r[3])).getRange(String(r[4]));
    const content = String(r[6]);
    const format = String(r[7] ?? "");
    if (format !== "") target.numberFormat = [[format]];
    switch (r[5] as Kind) {
      case "f":
        target.formulas = [[content]];
        break;
      case "n":
        target.values = [[Number(content)]];
        break;
      case "b":
        target.values = [[content.toUpperCase() === "TRUE"]];
        break;
      default:
        // The apostrophe keeps text such as "3.064.067" text, as it was; a text-formatted
        // cell keeps it text by itself.
        target.values = [[content === "" || format === "@" ? content : `'${content}`]];
    }
  }
  sheet.getRange(`A${first + 2}:H${first + 1 + mine.length}`).clear();
  await context.sync();
  return batchOf(mine);
}
