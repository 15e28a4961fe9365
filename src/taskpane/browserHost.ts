import { BrowserPaneHost, LoadedPlan, ReadOptions } from "./host";
import type { Lang } from "./i18n";
import { fileBytes, ReadCancelled, readInWorker } from "./read/workerRead";

/*
 * Plain browser mode: the page reads a file the user picked, with ExcelJS in a Web Worker. The
 * file never leaves the machine.
 */

/**
 * Reads in the page itself, where there are no workers (a test's DOM): ExcelJS and the reader
 * load on first use.
 */
export async function readInPage(file: File, options: ReadOptions = {}): Promise<LoadedPlan> {
  options.onProgress?.("open");
  const data = await fileBytes(file);
  const { readWorkbookBytes } = await import("./read/readWorkbook");
  const loaded = await readWorkbookBytes(data, file.name, options.onProgress);
  if (options.signal?.aborted) throw new ReadCancelled();
  return loaded;
}

export function download(name: string, data: Uint8Array): void {
  const blob = new Blob([data as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function browserHost(lang: Lang): BrowserPaneHost {
  const openFile = typeof Worker === "undefined" ? readInPage : readInWorker;
  return { mode: "browser", lang, openFile: (file, options) => openFile(file, options), download };
}
