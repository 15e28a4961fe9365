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
