import JSZip from "./jszip";
import { address } from "../core/address";
import { corrupt, openZip, partText } from "./limits";
import { attribute, escapeXml, PackageSheet, workbookSheets } from "./xml";

export type { PackageSheet } from "./xml";

/*
 * An .xlsx as the zip package it is, for writes that must keep everything else: only the parts
 * a write changes are inflated, edited as text and compressed again; every other part (charts,
 * drawings, pivot caches, custom XML, VBA, styles, protection, defined names) is carried as the
 * very bytes it was stored with. ExcelJS cannot do this: it rebuilds the whole file from its
 * model and drops what it does not model.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export class XlsxPackage {
  private readonly changed = new Map<string, string>();

  private constructor(
    private readonly zip: JSZip,
    readonly name: string
  ) {
    // Parts keep the compression they were stored with, so JSZip copies them as they are.
    for (const file of Object.values(zip.files)) {
      const method = (file as unknown as { _data?: { compression?: { magic: string } } })._data
        ?.compression?.magic;
      const options = (file as unknown as { options: { compression?: string } }).options;
      options.compression = method === "\x00\x00" ? "STORE" : "DEFLATE";
    }
  }

  /** Opens .xlsx bytes; the zip directory is checked against UP's size limits first. */
  static async open(bytes: Uint8Array | ArrayBuffer, name: string): Promise<XlsxPackage> {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const zip = await openZip(data, name);
    if (!zip.file("xl/workbook.xml"))
      throw corrupt(name, {
        nl: "er zit geen xl/workbook.xml in",
        en: "it has no xl/workbook.xml",
      });
    return new XlsxPackage(zip, name);
  }

  has(part: string): boolean {
    return this.changed.has(part) || this.zip.file(part) !== null;
  }

  /** The names of the parts, in the order of the zip. */
  parts(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  async text(part: string): Promise<string> {
    return this.changed.get(part) ?? partText(this.zip, part, this.name);
  }

  /** Replaces (or adds) a part; nothing else changes. */
  setText(part: string, xml: string): void {
    this.changed.set(part, xml);
  }

  /** The workbook's sheets in their order, with their parts. */
  async sheets(): Promise<PackageSheet[]> {
    return workbookSheets(
      await this.text("xl/workbook.xml"),
      await this.text("xl/_rels/workbook.xml.rels")
    );
  }

  /**
   * Adds a worksheet after the last one: a new part, its relationship, its content type and
   * its <sheet> entry. Sheets before it keep their positions, so no defined name, print area
   * or active tab needs to change.
   */
  async addSheet(name: string, sheetXml: string, state: PackageSheet["state"]): Promise<string> {
    let n = 1;
    while (this.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    const rels = await this.text("xl/_rels/workbook.xml.rels");
    const ids = new Set([...rels.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    let r = 1;
    while (ids.has(`rId${r}`)) r++;
    const rId = `rId${r}`;
    this.setText(
      "xl/_rels/workbook.xml.rels",
      insertBefore(
        rels,
        /<\/(?:\w+:)?Relationships>/,
        `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/>`
      )
    );
    const types = await this.text("[Content_Types].xml");
    this.setText(
      "[Content_Types].xml",
      insertBefore(
        types,
        /<\/(?:\w+:)?Types>/,
        `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/>`
      )
    );
    const workbook = await this.text("xl/workbook.xml");
    const sheetIds = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) =>
      Number(attribute(m[0], "sheetId") ?? 0)
    );
    const prefix = /<(\w+:)?sheets\b/.exec(workbook)?.[1] ?? "";
    const rPrefix =
      /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
        workbook
      )?.[1];
    if (!rPrefix)
      throw corrupt(this.name, {
        nl: "xl/workbook.xml zonder relaties",
        en: "xl/workbook.xml without relationships",
      });
    const entry = `<${prefix}sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}"${
      state === "visible" ? "" : ` state="${state}"`
    } ${rPrefix}:id="${rId}"/>`;
    this.setText(
      "xl/workbook.xml",
      insertBefore(workbook, new RegExp(`</${prefix}sheets>`), entry)
    );
    this.setText(part, sheetXml);
    return part;
  }

  /** The package as .xlsx bytes: changed parts compressed anew, all others as they were. */
  async bytes(): Promise<Uint8Array> {
    for (const [part, xml] of this.changed) {
      this.zip.file(part, xml, { compression: "DEFLATE" });
    }
    return this.zip.generateAsync({ type: "uint8array" });
  }
}

function insertBefore(xml: string, closing: RegExp, text: string): string {
  const m = closing.exec(xml);
  if (!m) throw new Error(`no ${closing.source} to insert before`);
  return xml.slice(0, m.index) + text + xml.slice(m.index);
}

/** A worksheet part holding rows of values; text as inline strings (no shared-string table to touch). */
export function textSheetXml(rows: readonly (readonly (string | number)[])[]): string {
  const body = rows
    .map((cells, r) => {
      const cs = cells
        .map((v, c) => {
          const ref = address(r + 1, c + 1);
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
          return v === ""
            ? ""
            : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}
