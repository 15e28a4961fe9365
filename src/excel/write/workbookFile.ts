import { valuesCopy } from "../../report/valuesCopy";

/*
 * Whole-workbook actions: the file as bytes (for "Kopie met waarden") and template sheets
 * inserted from a generated .xlsx.
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

/**
 * Opens a copy of the workbook in a new Excel window with every =UP.* formula replaced by
 * its value; the open workbook is not changed. Returns how many formulas were replaced.
 */
export async function openValuesCopy(): Promise<{ replaced: number; withoutResult: string[] }> {
  const copy = await valuesCopy(await workbookBytes());
  await Excel.createWorkbook(toBase64(copy.data));
  return { replaced: copy.replaced, withoutResult: copy.withoutResult };
}

/** Inserts the sheets of a generated .xlsx (the UP template) at the end of the workbook. */
export async function insertSheets(context: Excel.RequestContext, xlsx: Uint8Array): Promise<void> {
  context.workbook.insertWorksheetsFromBase64(toBase64(xlsx), {
    positionType: Excel.WorksheetPositionType.end,
  });
  await context.sync();
}
