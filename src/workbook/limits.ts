import Decimal from "decimal.js";
import JSZip from "./jszip";
import { formatDecimal } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { Message } from "../core/model";
import { D } from "../core/money";
import { workbookSheets } from "./xml";

/*
 * What UP reads of a workbook at most, checked before ExcelJS opens it. ExcelJS inflates every
 * part of the zip into memory and builds an object per cell, so a small file can hold gigabytes
 * (unreferenced media, a sheet of a million cells). The zip's central directory says how big
 * each part is; that is checked first, without inflating anything. Then every part is inflated
 * once as a stream, counting its bytes (a part larger than the directory says is refused the
 * moment it passes that size) and, in the sheets, its cells, so that ExcelJS only ever sees a
 * workbook whose size is known.
 */

export const LIMITS = {
  /** All parts together, uncompressed. */
  totalBytes: 100 * 1024 * 1024,
  /** One part (a sheet, an image), uncompressed. */
  partBytes: 50 * 1024 * 1024,
  /** Parts in the zip. */
  parts: 10_000,
  /** Cells (`<c>` elements, empty styled ones too) in one sheet. */
  cellsPerSheet: 250_000,
  /** Cells in all sheets together. */
  cellsPerWorkbook: 400_000,
} as const;

const MB = 1024 * 1024;

/** A size or count in both languages: `1.234,5` / `1,234.5`. */
function shown(n: Decimal, decimals: number): Message {
  const nl = formatDecimal(n.toDecimalPlaces(decimals), decimals);
  return { nl, en: nl.replace(/[.,]/g, (c) => (c === "." ? "," : ".")) };
}

function megabytes(bytes: number): Message {
  return shown(new D(bytes).div(MB), 1);
}

function count(n: number): Message {
  return shown(new D(n), 0);
}

function tooBig(name: string, what: Message, limit: Message): PlanInputError {
  return new PlanInputError({
    nl: `${name} is te groot om te lezen: ${what.nl}. ${limit.nl}`,
    en: `${name} is too large to read: ${what.en}. ${limit.en}`,
  });
}

/** The size the zip's directory gives a part (JSZip keeps it from the central directory). */
function declaredSize(file: JSZip.JSZipObject): number {
  return (file as unknown as { _data: { uncompressedSize: number } })._data.uncompressedSize;
}

const SHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/i;
/** A cell element, with or without a namespace prefix; `<col>`, `<cfRule>` do not match. */
const CELL = /<(?:[A-Za-z_][\w.-]{0,20}:)?c[\s>/]/g;
const CARRY = 32;

interface PartStream {
  on(event: "data", f: (chunk: Uint8Array) => void): PartStream;
  on(event: "error", f: (e: Error) => void): PartStream;
  on(event: "end", f: () => void): PartStream;
  pause(): PartStream;
  resume(): PartStream;
}

interface PartScan {
  bytes: number;
  cells: number;
}

/** Bytes as Latin-1 text: enough to find ASCII tags, and there in every runtime (TextDecoder is not). */
function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192)
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/** Inflates one part as a stream, stopping as soon as it outgrows `limit` bytes. */
function scanPart(file: JSZip.JSZipObject, limit: number, countCells: boolean): Promise<PartScan> {
  return new Promise((resolve, reject) => {
    const scan: PartScan = { bytes: 0, cells: 0 };
    let carry = "";
    let done = false;
    // JSZip's own chunked stream (public, untyped): the same in Node and the browser.
    const stream = (
      file as unknown as { internalStream(type: "uint8array"): PartStream }
    ).internalStream("uint8array");
    const finish = (e?: unknown) => {
      if (done) return;
      done = true;
      if (e) reject(e);
      else resolve(scan);
    };
    stream
      .on("data", (chunk: Uint8Array) => {
        if (done) return;
        scan.bytes += chunk.length;
        if (scan.bytes > limit) {
          stream.pause();
          finish();
          return;
        }
        if (!countCells) return;
        const text = carry + latin1(chunk);
        for (const m of text.matchAll(CELL)) {
          // A match wholly inside the carried tail was counted with the chunk before.
          if (m.index! + m[0].length > carry.length) scan.cells++;
        }
        carry = text.slice(-CARRY);
      })
      .on("error", (e: Error) => finish(e))
      .on("end", () => finish())
      .resume();
  });
}

/** Sheet part → sheet name, from xl/workbook.xml and its relationships (for messages). */
async function sheetNames(zip: JSZip, name: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!zip.file("xl/workbook.xml") || !zip.file("xl/_rels/workbook.xml.rels")) return names;
  const sheets = workbookSheets(
    await partText(zip, "xl/workbook.xml", name),
    await partText(zip, "xl/_rels/workbook.xml.rels", name)
  );
  for (const sheet of sheets) names.set(sheet.part.toLowerCase(), sheet.name);
  return names;
}

/**
 * The zip of a workbook, its directory checked against the size limits: nothing is inflated.
 * Throws PlanInputError naming the limit a part or the whole passes.
 */
export async function openZip(bytes: Uint8Array, name: string): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw corrupt(name, e instanceof Error ? e.message : String(e));
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  if (parts.length > LIMITS.parts)
    throw tooBig(
      name,
      {
        nl: `het zip-archief heeft ${count(parts.length).nl} onderdelen`,
        en: `the zip archive has ${count(parts.length).en} parts`,
      },
      {
        nl: `UP leest werkmappen met ten hoogste ${count(LIMITS.parts).nl} onderdelen (limiet: aantal onderdelen)`,
        en: `UP reads workbooks of at most ${count(LIMITS.parts).en} parts (limit: number of parts)`,
      }
    );
  let total = 0;
  for (const part of parts) {
    const size = declaredSize(part);
    if (size > LIMITS.partBytes)
      throw tooBig(
        name,
        {
          nl: `onderdeel ${part.name} is uitgepakt ${megabytes(size).nl} MB`,
          en: `part ${part.name} is ${megabytes(size).en} MB uncompressed`,
        },
        {
          nl: `UP leest onderdelen tot ${megabytes(LIMITS.partBytes).nl} MB uitgepakt (limiet: grootte per onderdeel)`,
          en: `UP reads parts of up to ${megabytes(LIMITS.partBytes).en} MB uncompressed (limit: size per part)`,
        }
      );
    total += size;
  }
  if (total > LIMITS.totalBytes)
    throw tooBig(
      name,
      {
        nl: `uitgepakt is het ${megabytes(total).nl} MB`,
        en: `it is ${megabytes(total).en} MB uncompressed`,
      },
      {
        nl: `UP leest werkmappen tot ${megabytes(LIMITS.totalBytes).nl} MB uitgepakt (limiet: totale uitgepakte grootte)`,
        en: `UP reads workbooks of up to ${megabytes(LIMITS.totalBytes).en} MB uncompressed (limit: total uncompressed size)`,
      }
    );
  return zip;
}

/**
 * A native raw-deflate inflater (Node's zlib) that throws a RangeError once the output would
 * pass `limit` bytes. JSZip's inflate is JavaScript that a short-lived process runs cold; for a
 * small workbook it was most of what the limits cost the command line.
 */
export type RawInflate = (deflated: Uint8Array, limit: number) => Uint8Array;

/** The part's raw deflate data as the zip holds it (JSZip's, untyped), or undefined for another method. */
function deflatedData(part: JSZip.JSZipObject): Uint8Array | undefined {
  const data = (
    part as unknown as { _data: { compression?: { magic?: string }; compressedContent?: unknown } }
  )._data;
  const content = data.compressedContent;
  return data.compression?.magic === "\x08\x00" && content instanceof Uint8Array
    ? content
    : undefined;
}

function countCellsIn(bytes: Uint8Array): number {
  return latin1(bytes).match(CELL)?.length ?? 0;
}

/**
 * `scanPart` with a native inflater: the same bytes and cells, or undefined when the data does
 * not inflate to the size the directory gives (then JSZip's stream reads it, so a damaged part
 * is reported as it always was).
 */
function nativeScan(
  part: JSZip.JSZipObject,
  limit: number,
  countCells: boolean,
  inflate: RawInflate
): PartScan | undefined {
  const data = deflatedData(part);
  if (!data || limit < 1) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = inflate(data, limit);
  } catch (e) {
    // Larger than the directory says: one byte over is all verifiedScan needs to know.
    if (e instanceof RangeError) return { bytes: limit + 1, cells: 0 };
    return undefined;
  }
  // Shorter than the directory says: JSZip's stream names that damage, as it always has.
  if (bytes.length !== limit) return undefined;
  return { bytes: bytes.length, cells: countCells ? countCellsIn(bytes) : 0 };
}

/** Inflates a part as a stream within the size its directory entry claims; a part that is larger is damaged. */
async function verifiedScan(
  part: JSZip.JSZipObject,
  name: string,
  countCells: boolean,
  inflate?: RawInflate
): Promise<PartScan> {
  const size = declaredSize(part);
  let scan: PartScan;
  try {
    scan =
      (inflate && nativeScan(part, size, countCells, inflate)) ??
      (await scanPart(part, size, countCells));
  } catch (e) {
    throw corrupt(name, `${part.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (scan.bytes > size)
    throw corrupt(name, {
      nl: `onderdeel ${part.name} is groter dan het zip-archief opgeeft (${count(size).nl} bytes)`,
      en: `part ${part.name} is larger than the zip archive says (${count(size).en} bytes)`,
    });
  return scan;
}

/** The text of a part of a zip opened with openZip, inflated only once its size is verified. */
export async function partText(zip: JSZip, part: string, name: string): Promise<string> {
  const file = zip.file(part);
  if (!file)
    throw corrupt(name, { nl: `onderdeel ${part} ontbreekt`, en: `part ${part} is missing` });
  await verifiedScan(file, name, false);
  return file.async("string");
}

/**
 * Throws PlanInputError when the workbook is larger than UP reads (LIMITS), naming the limit;
 * or when a part inflates to more than the zip's directory says (a damaged or forged file).
 * `inflate`, where the runtime has one, inflates the parts natively; the outcome is the same.
 */
export async function checkWorkbookLimits(
  bytes: Uint8Array,
  name: string,
  inflate?: RawInflate
): Promise<void> {
  const zip = await openZip(bytes, name);
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  const names = await sheetNames(zip, name);
  let cells = 0;
  for (const part of parts) {
    const isSheet = SHEET_PART.test(part.name);
    const scan = await verifiedScan(part, name, isSheet, inflate);
    if (!isSheet) continue;
    const sheet = names.get(part.name.replace(/^\//, "").toLowerCase());
    const where: Message = sheet
      ? { nl: `werkblad '${sheet}'`, en: `sheet '${sheet}'` }
      : { nl: `werkblad ${part.name}`, en: `sheet ${part.name}` };
    if (scan.cells > LIMITS.cellsPerSheet)
      throw tooBig(
        name,
        {
          nl: `${where.nl} heeft ${count(scan.cells).nl} cellen`,
          en: `${where.en} has ${count(scan.cells).en} cells`,
        },
        {
          nl: `UP leest werkbladen tot ${count(LIMITS.cellsPerSheet).nl} cellen (limiet: cellen per werkblad); zet grote gegevens in een andere werkmap`,
          en: `UP reads sheets of up to ${count(LIMITS.cellsPerSheet).en} cells (limit: cells per sheet); keep large data in another workbook`,
        }
      );
    cells += scan.cells;
    if (cells > LIMITS.cellsPerWorkbook)
      throw tooBig(
        name,
        {
          nl: `de werkbladen hebben samen meer dan ${count(LIMITS.cellsPerWorkbook).nl} cellen`,
          en: `its sheets have more than ${count(LIMITS.cellsPerWorkbook).en} cells together`,
        },
        {
          nl: `UP leest werkmappen tot ${count(LIMITS.cellsPerWorkbook).nl} cellen (limiet: cellen per werkmap)`,
          en: `UP reads workbooks of up to ${count(LIMITS.cellsPerWorkbook).en} cells (limit: cells per workbook)`,
        }
      );
  }
}

/** A file ExcelJS or the zip reader cannot open, with what was wrong. */
export function corrupt(name: string, detail: string | Message): PlanInputError {
  const d = typeof detail === "string" ? { nl: detail, en: detail } : detail;
  return new PlanInputError({
    nl: `${name} is beschadigd en kan niet worden geopend (${d.nl}). Open het in Excel, herstel het en sla het opnieuw op`,
    en: `${name} is damaged and cannot be opened (${d.en}). Open it in Excel, repair it and save it again`,
  });
}
