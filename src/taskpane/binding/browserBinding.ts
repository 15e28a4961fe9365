import { ReadNote } from "../../reader";
import type { TableBinding } from "../../reader/binding";

/*
 * Bindings in plain browser mode: read from and saved into the user's file with ExcelJS in the
 * page (loaded on first use). The bound file replaces the picked one, so re-checking and
 * downloading both use the workbook with its bindings.
 */

export interface FileBindings {
  sheets: string[];
  bindings: TableBinding[];
}

export async function inspectFile(file: File): Promise<FileBindings> {
  const [{ loadWorkbook }, { gridFromExcelJS }, { readBindings, withoutBindingSheet }] =
    await Promise.all([
      import("../../workbook/read"),
      import("../../workbook/grid"),
      import("../../reader/binding"),
    ]);
  const grid = gridFromExcelJS(await loadWorkbook(await file.arrayBuffer(), file.name), file.name);
  const notes: ReadNote[] = [];
  return {
    sheets: withoutBindingSheet(grid).sheets.map((s) => s.name),
    bindings: readBindings(grid, notes),
  };
}

/** The same workbook with these bindings saved in it, as a new File of the same name. */
export async function bindFile(file: File, bindings: readonly TableBinding[]): Promise<File> {
  const { saveBindings } = await import("../../workbook/bindings");
  const data = await saveBindings(await file.arrayBuffer(), file.name, bindings);
  return new File([data as BlobPart], file.name, { type: file.type });
}
