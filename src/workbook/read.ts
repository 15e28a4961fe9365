import ExcelJS from "./exceljs";
import { PlanInputError } from "../core/errors";
import { own } from "../core/own";
import { readPlan, ReadResult } from "../reader";
import { gridFromExcelJS } from "./grid";
import { checkWorkbookLimits, corrupt, RawInflate } from "./limits";

/*
 * Reading a plan from the bytes of a file: usable in the browser too, so no fs here.
 * What is not an .xlsx workbook is refused with a message that says what it is instead.
 */

const UNSUPPORTED: Readonly<Record<string, { nl: string; en: string }>> = {
  xls: { nl: "een Excel 97-2003-werkmap (.xls)", en: "an Excel 97-2003 workbook (.xls)" },
  xlsb: { nl: "een binaire Excel-werkmap (.xlsb)", en: "an Excel binary workbook (.xlsb)" },
  ods: { nl: "een OpenDocument-rekenblad (.ods)", en: "an OpenDocument spreadsheet (.ods)" },
  numbers: { nl: "een Numbers-bestand (.numbers)", en: "a Numbers file (.numbers)" },
  csv: { nl: "een CSV-bestand (.csv)", en: "a CSV file (.csv)" },
};

const SAVE_AS = {
  nl: "UP leest alleen Excel-werkmappen (.xlsx): open het in Excel en kies Opslaan als > Excel-werkmap (*.xlsx)",
  en: "UP reads Excel workbooks (.xlsx) only: open it in Excel and choose Save As > Excel Workbook (*.xlsx)",
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function utf16(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0), 0]);
}

function contains(bytes: Uint8Array, needle: number[]): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

function unsupported(name: string, kind: { nl: string; en: string }): PlanInputError {
  return new PlanInputError({
    nl: `${name} is ${kind.nl}. ${SAVE_AS.nl}`,
    en: `${name} is ${kind.en}. ${SAVE_AS.en}`,
  });
}

/** The refusal for a file whose extension names a format UP does not read (.xls, .csv …). */
export function unsupportedByName(name: string): PlanInputError | undefined {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  const kind = own(UNSUPPORTED, ext);
  return kind ? unsupported(name, kind) : undefined;
}

/** Throws PlanInputError when the bytes are not an .xlsx workbook UP can open. */
export function checkWorkbookBytes(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) {
    throw new PlanInputError({
      nl: `${name} is leeg (0 bytes)`,
      en: `${name} is empty (0 bytes)`,
    });
  }
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  if (startsWith(bytes, OLE)) {
    // Office saves a password-protected .xlsx as a compound file with an EncryptionInfo stream.
    if (contains(bytes, utf16("EncryptionInfo"))) {
      throw new PlanInputError({
        nl: `${name} is met een wachtwoord beveiligd (versleuteld). Verwijder het wachtwoord in Excel (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op`,
        en: `${name} is password-protected (encrypted). Remove the password in Excel (File > Info > Protect Workbook) and save it again`,
      });
    }
    throw unsupported(name, own(UNSUPPORTED, ext) ?? UNSUPPORTED.xls);
  }
  const byName = unsupportedByName(name);
  if (byName) throw byName;
  if (!startsWith(bytes, ZIP)) {
    throw new PlanInputError({
      nl: `${name} is geen .xlsx-bestand (het is geen zip-archief). ${SAVE_AS.nl}`,
      en: `${name} is not an .xlsx file (it is not a zip archive). ${SAVE_AS.en}`,
    });
  }
  if (contains(bytes, ascii("xl/workbook.bin"))) throw unsupported(name, UNSUPPORTED.xlsb);
  if (contains(bytes, ascii("application/vnd.oasis.opendocument.spreadsheet")))
    throw unsupported(name, UNSUPPORTED.ods);
  if (contains(bytes, ascii("Index/Document.iwa"))) throw unsupported(name, UNSUPPORTED.numbers);
  // A zip ends with its central directory; without it the file was cut off.
  if (!contains(bytes.subarray(Math.max(0, bytes.length - 65557)), [0x50, 0x4b, 0x05, 0x06]))
    throw corrupt(name, {
      nl: "het zip-archief is onvolledig",
      en: "the zip archive is incomplete",
    });
  if (!contains(bytes, ascii("xl/workbook.xml"))) {
    // Excel finds the workbook part wherever the package points; ExcelJS only at xl/.
    if (contains(bytes, ascii("workbook.xml"))) {
      throw new PlanInputError({
        nl: `${name} is een Excel-werkmap met een ongebruikelijke indeling (de werkmap staat niet op xl/workbook.xml) die UP niet kan lezen. Open het in Excel en sla het opnieuw op als Excel-werkmap (*.xlsx)`,
        en: `${name} is an Excel workbook with an unusual layout (the workbook is not at xl/workbook.xml) that UP cannot read. Open it in Excel and save it again as Excel Workbook (*.xlsx)`,
      });
    }
    throw new PlanInputError({
      nl: `${name} is een zip-archief maar geen Excel-werkmap (er zit geen xl/workbook.xml in). ${SAVE_AS.nl}`,
      en: `${name} is a zip archive but not an Excel workbook (it has no xl/workbook.xml). ${SAVE_AS.en}`,
    });
  }
}

/** Opens .xlsx bytes with ExcelJS; a damaged file becomes a PlanInputError. */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  name: string,
  inflate?: RawInflate
): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  checkWorkbookBytes(bytes, name);
  await checkWorkbookLimits(bytes, name, inflate);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw corrupt(name, e instanceof Error ? e.message : String(e));
  }
  if (wb.worksheets.length === 0)
    throw corrupt(name, { nl: "geen werkbladen", en: "no worksheets" });
  return wb;
}

export async function readPlanFromBuffer(
  data: ArrayBuffer | Uint8Array,
  name: string,
  inflate?: RawInflate
): Promise<ReadResult> {
  const wb = await loadWorkbook(data, name, inflate);
  return readPlan(gridFromExcelJS(wb, name));
}
