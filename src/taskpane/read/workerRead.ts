import { PlanInputError } from "../../core/errors";
import { Message } from "../../core/model";
import type { LoadedPlan, ReadOptions, ReadStage } from "../host";
import { decode } from "./transfer";

/*
 * The page's side of reading in a Web Worker: the file's bytes go to the worker (transferred,
 * not copied), the plan comes back. Aborting terminates the worker at once.
 */

/** The worker's script, next to taskpane.html (webpack entry `readWorker`). */
export const WORKER_SCRIPT = "readWorker.js";

export type ToWorker = { name: string; data: ArrayBuffer };
export type FromWorker =
  | { type: "progress"; stage: ReadStage }
  | { type: "done"; loaded: unknown }
  | { type: "problem"; message: Message }
  | { type: "failed"; detail: string };

/** The user stopped the reading. */
export class ReadCancelled extends Error {
  constructor() {
    super("read cancelled");
    this.name = "ReadCancelled";
  }
}

/** The browser could not give the file's bytes: it changed or moved since it was picked. */
function unreadable(name: string): PlanInputError {
  return new PlanInputError({
    nl: `${name} kon niet worden gelezen: het bestand is gewijzigd, verplaatst of verwijderd nadat u het koos. Kies het bestand opnieuw`,
    en: `${name} could not be read: the file was changed, moved or deleted after you chose it. Choose the file again`,
  });
}

export async function fileBytes(file: File): Promise<ArrayBuffer> {
  try {
    return await file.arrayBuffer();
  } catch (e) {
    if (e instanceof DOMException) throw unreadable(file.name);
    throw e;
  }
}

export function readInWorker(
  file: File,
  options: ReadOptions = {},
  script = WORKER_SCRIPT
): Promise<LoadedPlan> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new ReadCancelled());
  return new Promise<LoadedPlan>((resolve, reject) => {
    const worker = new Worker(script);
    const stop = () => {
      worker.terminate();
      reject(new ReadCancelled());
    };
    signal?.addEventListener("abort", stop, { once: true });
    const end = () => {
      signal?.removeEventListener("abort", stop);
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === "progress") {
        onProgress?.(m.stage);
        return;
      }
      end();
      if (m.type === "done") {
        // Reading the clone is this task; reviving it comes in the next, so neither blocks long.
        const loaded = m.loaded;
        setTimeout(() => resolve(decode<LoadedPlan>(loaded)), 0);
      } else if (m.type === "problem") reject(new PlanInputError(m.message));
      else reject(new Error(m.detail));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      reject(new Error(e.message || "de leesroutine kon niet starten"));
    };
    onProgress?.("open");
    fileBytes(file).then(
      (data) => {
        if (!signal?.aborted) worker.postMessage({ name: file.name, data } as ToWorker, [data]);
      },
      (e: unknown) => {
        end();
        reject(e);
      }
    );
  });
}
