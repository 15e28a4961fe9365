import { CellRef, CheckResult, Message, Plan } from "../core/model";
import type { BackupBatch, CellWrite, WriteOutcome } from "../excel/write/backup";
import type { ValuesCopyOutcome } from "../excel/write/workbookFile";
import type { TableBinding } from "../reader/binding";
import type { Acceptance } from "../report/findings";
import type { Report } from "../report/report";
import type { Lang } from "./i18n";

/*
 * What the pane needs of its surroundings. Excel and the plain browser page each provide
 * one; tests provide their own. The pane itself never calls Office.js.
 */

/** A remark of the reader about what it read, e.g. a number stored as text. */
export interface ReadRemark {
  severity: "error" | "warning" | "info";
  message: Message;
  cell?: CellRef;
}

export interface LoadedPlan {
  /** Absent when the workbook holds no readable plan; `remarks` and `looked` say why. */
  plan?: Plan;
  remarks: ReadRemark[];
  /** What the reader looked for, when it found nothing. */
  looked: string[];
  /** Where the workbook's formulas get their plan. */
  formulaSource: "workbook" | "embedded";
  workbookName: string;
  accepted: Map<string, Acceptance>;
  /** Browser: the workbook's sheets and the tables bound by hand in it, for binding more. */
  binding?: { sheets: string[]; bindings: TableBinding[] };
  /** The check of `plan`, when the reading ran it (the browser's worker does, off the page). */
  result?: CheckResult;
}

/** Where a reading in the browser has got to. */
export type ReadStage = "open" | "unpack" | "recognise";

export interface ReadOptions {
  /** Aborting stops the reading at once; the promise then rejects with a ReadCancelled. */
  signal?: AbortSignal;
  onProgress?(stage: ReadStage): void;
}

export interface ExcelActions {
  /** Selects the cells; says so when Excel could select only some of them. */
  select(cells: readonly CellRef[]): Promise<Message | undefined>;
  write(
    writes: readonly CellWrite[],
    options: { overwriteFormulas: boolean; label: string }
  ): Promise<WriteOutcome>;
  lastBackup(): Promise<BackupBatch | null>;
  restore(): Promise<BackupBatch | null>;
  accept(key: string, acceptance: Acceptance): Promise<void>;
  unaccept(key: string): Promise<void>;
  /** Writes the report sheet; returns its name. */
  writeReport(report: Report): Promise<string>;
  valuesCopy(): Promise<ValuesCopyOutcome>;
  insertTemplate(withPlan2024: boolean): Promise<void>;
  /** The selected range's address and values (the settlement reads the actual costs or components). */
  readSelection(): Promise<{ address: string; values: unknown[][] }>;
  /**
   * Inserts a sheet UP computed ("Afrekening 2025", "Sleuteltabel 2025") under a free name,
   * kept for "restore"; returns its name.
   */
  insertSheet(report: Report, label: string): Promise<string>;
}

/** The pane inside Excel: it works on the open workbook. */
export interface ExcelPaneHost {
  mode: "excel";
  lang: Lang;
  /** Reads the open workbook's plan. */
  loadWorkbook(): Promise<LoadedPlan>;
  excel: ExcelActions;
  /** Lets the ribbon's "Controleer plan" run the check; returns the unsubscribe. */
  onCheckRequest?(run: () => void): () => void;
}

/** The plain browser page: it reads a file the user picked, in the page. */
export interface BrowserPaneHost {
  mode: "browser";
  lang: Lang;
  openFile(file: File, options?: ReadOptions): Promise<LoadedPlan>;
  /** Offers bytes as a file download. */
  download(name: string, data: Uint8Array): void;
}

/** What the pane may ask of its surroundings depends on where it runs. */
export type PaneHost = ExcelPaneHost | BrowserPaneHost;
