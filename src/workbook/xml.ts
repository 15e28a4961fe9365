/*
 * The little XML the zip-level writes need: they edit a part's text in place, so that what they
 * do not touch keeps its exact bytes (a parser and serialiser would rewrite the whole part).
 */

/** `&amp;` and friends back to text. */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, name) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name.toLowerCase() as "amp"]
  );
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!
  );
}

/** One attribute of an element's start tag, unescaped. */
export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

export interface PackageSheet {
  name: string;
  /** The sheet's part, e.g. "xl/worksheets/sheet2.xml". */
  part: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The sheet's id in xl/workbook.xml (what the calculation chain calls `i`). */
  sheetId: number;
}

/** A relationship target resolved against the folder of the part that holds it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The sheets listed in xl/workbook.xml, in order, with the parts its relationships give them. */
export function workbookSheets(workbookXml: string, relsXml: string): PackageSheet[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], "Id");
    const target = attribute(m[0], "Target");
    if (id && target) targets.set(id, resolveTarget("xl/workbook.xml", target));
  }
  const sheets: PackageSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const part = targets.get(attribute(m[0], "r:id") ?? "");
    const name = attribute(m[0], "name");
    const state = attribute(m[0], "state");
    if (part && name)
      sheets.push({
        name,
        part,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        sheetId: Number(attribute(m[0], "sheetId") ?? 0),
      });
  }
  return sheets;
}
