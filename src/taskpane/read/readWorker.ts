import { PlanInputError } from "../../core/errors";
import { readWorkbookBytes } from "./readWorkbook";
import { encode } from "./transfer";
import type { FromWorker, ToWorker } from "./workerRead";

/* The Web Worker that reads a picked workbook off the page's thread (webpack entry readWorker). */

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const { name, data } = e.data;
  try {
    const loaded = await readWorkbookBytes(data, name, (stage) =>
      post({ type: "progress", stage })
    );
    post({ type: "done", loaded: encode(loaded) });
  } catch (err) {
    post(
      err instanceof PlanInputError
        ? { type: "problem", message: { nl: err.nl, en: err.en } }
        : { type: "failed", detail: err instanceof Error ? err.message : String(err) }
    );
  }
};
