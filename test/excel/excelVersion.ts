import { covers } from "../../src/excel/apiSets";

/*
 * Which Excel a test runs in: Office.context.requirements.isSetSupported as an Excel that has
 * ExcelApi up to a version and the named other requirement sets. src/excel/apiSets.ts asks it,
 * and so does the mock workbook, which lacks the members of every set switched off.
 */

/** Every common set UP asks for; a test switches some off by leaving them out. */
export const ALL_COMMON = [
  "SharedRuntime 1.1",
  "CustomFunctionsRuntime 1.4",
  "AddinCommands 1.1",
  "CompressedFile 1.1",
  "File 1.1",
];

const original = (globalThis as { Office?: unknown }).Office;

/** Makes the test's Office an Excel with `excelApi` and `common` (e.g. "CompressedFile 1.1"). */
export function excelWith(excelApi: string, common: string[] = ALL_COMMON): string[] {
  const asked: string[] = [];
  (globalThis as { Office?: unknown }).Office = {
    ...(original as object | undefined),
    context: {
      ...(original as { context?: object } | undefined)?.context,
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          const set = `${name} ${version ?? "1.1"}`;
          asked.push(set);
          if (name === "ExcelApi") return covers(`ExcelApi ${excelApi}`, set);
          return common.some((c) => covers(c, set));
        },
      },
    },
  };
  return asked;
}

/** Back to the Office the test file started with. */
export function restoreExcel(): void {
  (globalThis as { Office?: unknown }).Office = original;
}

/** What the workbook-file fakes of `officeFile` were asked for. */
export interface FileCalls {
  getFileAsync: number;
  /** The base64 of every workbook Excel.createWorkbook opened. */
  created: string[];
}

/**
 * Office.js's Document.getFileAsync handing over `file` in one slice (or failing with an
 * Office error), and Excel.createWorkbook; on top of the Office `excelWith` made.
 */
export function officeFile(file: Uint8Array | { code: number; message: string }): FileCalls {
  const calls: FileCalls = { getFileAsync: 0, created: [] };
  const office = (globalThis as { Office: Record<string, unknown> }).Office;
  Object.assign(office, {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    FileType: { Compressed: "compressed" },
  });
  (office.context as Record<string, unknown>).document = {
    getFileAsync: (_t: unknown, _o: unknown, done: (r: unknown) => void) => {
      calls.getFileAsync++;
      if (!(file instanceof Uint8Array)) return done({ status: "failed", error: file });
      done({
        status: "succeeded",
        value: {
          sliceCount: 1,
          getSliceAsync: (_i: number, d: (r: unknown) => void) =>
            d({ status: "succeeded", value: { data: [...file] } }),
          closeAsync: () => undefined,
        },
      });
    },
  };
  (globalThis as { Excel: Record<string, unknown> }).Excel.createWorkbook = async (b: string) => {
    calls.created.push(b);
  };
  return calls;
}
