import { PlanInputError } from "../../core/errors";
import { Message } from "../../core/model";
import { WorkbookGrid } from "../../reader/grid";
import { valuesCopy, ValuesCopy } from "../../report/valuesCopy";
import { valuesCopyFromGrid } from "../../report/valuesCopyFromGrid";
import { FEATURES, requireFeature, supports } from "../apiSets";
import { readWorkbookGrid } from "../grid";

/*
 * Whole-workbook actions: "Kopie met waarden" (a copy of the open workbook with every =UP.*
 * formula replaced by its value, opened in a new window) and template sheets inserted from a
 * generated .xlsx.
 *
 * The copy is made from the workbook's own file where Excel hands it over
 * (getFileAsync(Compressed), requirement set CompressedFile), so that everything but the UP
 * formulas stays as it was. Where it does not — no CompressedFile, or a failure such as Excel on
 * the web's 11001 "A network problem has prevented retrieval of the file" — the copy is built from
 * the workbook's values, formulas and number formats as the Excel API reads them, and says what
 * that copy lacks. Opening any new window needs Excel.createWorkbook (ExcelApi 1.8).
 */

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function call<T>(run: (done: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((r) =>
      r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(r.error)
    )
  );
}

/** The open workbook as .xlsx bytes, as last calculated. */
export async function workbookBytes(): Promise<Uint8Array> {
  const file = await call<Office.File>((done) =>
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4194304 }, done)
  );
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await call<Office.Slice>((done) => file.getSliceAsync(i, done));
      parts.push(new Uint8Array(slice.data as number[]));
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  } finally {
    file.closeAsync();
  }
}

export interface ValuesCopyOutcome {
  /** How many UP formulas were replaced. */
  replaced: number;
  /** Cells ("Sheet!A1") whose UP formula had no calculated value. */
  withoutResult: string[];
  /** Set when the copy was built from the values: why, and what it lacks. */
  notice?: Message;
}

/** Why the file itself could not be used, in words. */
function reason(e: unknown): Message {
  if (e instanceof PlanInputError) return { nl: e.nl, en: e.en };
  const error = e as { code?: unknown; message?: unknown } | null;
  const detail = [error?.code, error?.message ?? String(e)]
    .filter((x) => x !== undefined)
    .join(": ");
  return {
    nl: `Excel gaf het bestand niet (${detail})`,
    en: `Excel did not hand over the file (${detail})`,
  };
}

async function readOpenWorkbook(): Promise<WorkbookGrid> {
  return (await Excel.run((context) => readWorkbookGrid(context))).grid;
}

/**
 * Opens a copy of the workbook in a new Excel window with every =UP.* formula replaced by
 * its value; the open workbook is not changed.
 */
export async function openValuesCopy(
  readGrid: () => Promise<WorkbookGrid> = readOpenWorkbook
): Promise<ValuesCopyOutcome> {
  requireFeature(FEATURES.valuesCopy);
  let copy: ValuesCopy | undefined;
  let why: Message = {
    nl: "deze versie van Excel geeft het werkboek niet als bestand (CompressedFile ontbreekt)",
    en: "this version of Excel does not hand over the workbook as a file (no CompressedFile)",
  };
  if (supports("CompressedFile")) {
    try {
      copy = await valuesCopy(await workbookBytes());
    } catch (e) {
      why = reason(e);
    }
  }
  let notice: Message | undefined;
  if (!copy) {
    copy = await valuesCopyFromGrid(await readGrid());
    notice = {
      nl: `De kopie is opgebouwd uit de waarden van het werkboek, want ${why.nl}. Waarden, formules, getalnotaties, samengevoegde cellen en verborgen rijen en bladen zijn overgenomen; opmaak (kleuren, randen, kolombreedtes), Excel-tabellen, grafieken en opmerkingen niet.`,
      en: `The copy was built from the workbook's values, because ${why.en}. Values, formulas, number formats, merged cells and hidden rows and sheets are in it; formatting (colours, borders, column widths), Excel tables, charts and comments are not.`,
    };
  }
  await Excel.createWorkbook(toBase64(copy.data));
  return { replaced: copy.replaced, withoutResult: copy.withoutResult, notice };
}

/** Inserts the sheets of a generated .xlsx (the UP template) at the end of the workbook. */
export async function insertSheets(context: Excel.RequestContext, xlsx: Uint8Array): Promise<void> {
  requireFeature(FEATURES.template);
  context.workbook.insertWorksheetsFromBase64(toBase64(xlsx), {
    positionType: Excel.WorksheetPositionType.end,
  });
  await context.sync();
}
