import { BINDING_HEADER, BINDING_SHEET, bindingRow, TableBinding } from "../reader/binding";
import { textSheetXml, XlsxPackage } from "./xlsxPackage";

/*
 * Bindings by hand saved into an .xlsx outside Excel (command line, browser page): the very
 * hidden sheet UP_Koppelingen, the same layout the add-in writes with Office.js
 * (src/excel/binding.ts). Written at the zip level: the binding sheet is the only part that
 * changes (plus, the first time, the entries that add it), every other part stays byte for byte.
 */

/** The bytes of an .xlsx with these bindings saved in it; the rest of the workbook unchanged. */
export async function saveBindings(
  data: ArrayBuffer | Uint8Array,
  name: string,
  bindings: readonly TableBinding[]
): Promise<Uint8Array> {
  const pkg = await XlsxPackage.open(data, name);
  // Text as inline strings: "D=2023" or a column letter is stored as the text it is.
  const xml = textSheetXml([[...BINDING_HEADER], ...bindings.map(bindingRow)]);
  const existing = (await pkg.sheets()).find(
    (s) => s.name.toLowerCase() === BINDING_SHEET.toLowerCase()
  );
  // No bindings leave the header only: removing a sheet would shift every later sheet's index.
  if (existing) pkg.setText(existing.part, xml);
  else await pkg.addSheet(BINDING_SHEET, xml, "veryHidden");
  return pkg.bytes();
}
