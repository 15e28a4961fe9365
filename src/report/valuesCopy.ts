import { formatCell } from "../core/address";
import { attribute, escapeXml, unescapeXml } from "../workbook/xml";

/*
 * "Kopie met waarden": a municipality without the add-in sees #NAME? wherever the plan uses
 * =UP.* formulas. The copy keeps every other formula and replaces the UP ones by the value
 * Excel last calculated, which the file stores beside each formula. It is a patch of the
 * sheets' XML: only the cells with an UP formula change (and their entries in the calculation
 * chain); every other part of the file is carried byte for byte.
 */

// Excel saves add-in functions in the file as _xldudf_UP_NAME (or as typed, UP.NAME).
const UP_FORMULA = /(?:^|[^A-Za-z0-9_.])UP\.[A-Za-z]|_xldudf_UP[._][A-Za-z]/i;

export function isUpFormula(formula: string): boolean {
  return UP_FORMULA.test(formula);
}

export interface ValuesCopy {
  data: Uint8Array;
  /** How many UP formulas were replaced. */
  replaced: number;
  /** Cells ("Sheet!A1") whose formula had no stored result and were left empty. */
  withoutResult: string[];
}

/** A cell element: `<c …/>` or `<c …>…</c>`, with or without a namespace prefix. */
const CELL = /<((?:\w+:)?c)(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\1>)/g;
const FORMULA = /<((?:\w+:)?f)(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\1>)/;

interface CellPatch {
  /** The cell element as it will be written. */
  xml: string;
  withoutResult: boolean;
}

/** The shared-formula groups (by `si`) whose master formula is an UP formula. */
function upSharedGroups(sheet: string): Set<string> {
  const groups = new Set<string>();
  for (const cell of sheet.matchAll(CELL)) {
    const f = FORMULA.exec(cell[3] ?? "");
    if (!f) continue;
    const attrs = `<f${f[2] ?? ""}>`;
    const si = attribute(attrs, "si");
    if (
      attribute(attrs, "t") === "shared" &&
      si !== undefined &&
      f[3] &&
      isUpFormula(unescapeXml(f[3]))
    )
      groups.add(si);
  }
  return groups;
}

/** The cell without its UP formula: its cached value as a plain value, style and all kept. */
function withoutFormula(open: string, attrs: string, body: string, f: RegExpExecArray): CellPatch {
  const rest = body.replace(f[0], "");
  const value = /<((?:\w+:)?v)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/.exec(rest);
  const type = attribute(`<c${attrs}>`, "t");
  // Dynamic-array metadata (cm) belongs to the formula; t is rewritten below.
  const kept = attrs.replace(/\s(?:t|cm)\s*=\s*(?:"[^"]*"|'[^']*')/g, "");
  if (!value) return { xml: `<${open}${kept}/>`, withoutResult: true };
  if (type === "str") {
    // A formula's text result; without the formula it is an inline string.
    const prefix = open.includes(":") ? open.slice(0, open.indexOf(":") + 1) : "";
    const text = escapeXml(unescapeXml(value[2]));
    return {
      xml: `<${open}${kept} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${text}</${prefix}t></${prefix}is></${open}>`,
      withoutResult: false,
    };
  }
  const t = type === undefined || type === "n" ? "" : ` t="${type}"`;
  return { xml: `<${open}${kept}${t}>${value[0]}</${open}>`, withoutResult: false };
}

/** One sheet's XML with every UP formula replaced by its value; the addresses it changed. */
function patchSheet(sheet: string): { xml: string; replaced: string[]; withoutResult: string[] } {
  const shared = upSharedGroups(sheet);
  const replaced: string[] = [];
  const withoutResult: string[] = [];
  const xml = sheet.replace(
    CELL,
    (whole, open: string, attrs: string | undefined, body: string | undefined) => {
      const f = body ? FORMULA.exec(body) : null;
      if (!f) return whole;
      const fAttrs = `<f${f[2] ?? ""}>`;
      const text = f[3] ? unescapeXml(f[3]) : "";
      const si = attribute(fAttrs, "si");
      const up =
        text !== ""
          ? isUpFormula(text)
          : attribute(fAttrs, "t") === "shared" && si !== undefined && shared.has(si);
      if (!up) return whole;
      const address = attribute(`<c${attrs ?? ""}>`, "r") ?? "?";
      const patch = withoutFormula(open, attrs ?? "", body!, f);
      replaced.push(address);
      if (patch.withoutResult) withoutResult.push(address);
      return patch.xml;
    }
  );
  return { xml, replaced, withoutResult };
}

/**
 * The calculation chain without the cells that no longer hold a formula. An entry's sheet
 * (`i`) carries over to the entries after it, so a removed entry's `i` moves to the next one.
 */
function patchCalcChain(chain: string, removed: Map<number, Set<string>>): string {
  let sheet = 0;
  let carry: number | undefined;
  return chain.replace(/<((?:\w+:)?c)(\s[^>]*?)\/>/g, (whole, tag: string, attrs: string) => {
    const i = attribute(`<c${attrs}>`, "i");
    if (i !== undefined) sheet = Number(i);
    const r = attribute(`<c${attrs}>`, "r") ?? "";
    if (removed.get(sheet)?.has(r)) {
      if (i !== undefined) carry = sheet;
      return "";
    }
    if (carry !== undefined && i === undefined) {
      const out = `<${tag} i="${carry}"${attrs}/>`;
      carry = undefined;
      return out;
    }
    carry = undefined;
    return whole;
  });
}

export async function valuesCopy(data: ArrayBuffer | Uint8Array): Promise<ValuesCopy> {
  // The zip library loads with the first copy, not with the pane.
  const { XlsxPackage } = await import("../workbook/xlsxPackage");
  const pkg = await XlsxPackage.open(data, "werkmap.xlsx");
  let replaced = 0;
  const withoutResult: string[] = [];
  const removed = new Map<number, Set<string>>();
  const sheets = await pkg.sheets();
  for (const sheet of sheets) {
    if (!pkg.has(sheet.part)) continue;
    const patched = patchSheet(await pkg.text(sheet.part));
    if (patched.replaced.length === 0) continue;
    pkg.setText(sheet.part, patched.xml);
    replaced += patched.replaced.length;
    withoutResult.push(
      ...patched.withoutResult.map((address) => formatCell({ sheet: sheet.name, address }))
    );
    removed.set(sheet.sheetId, new Set(patched.replaced));
  }
  if (removed.size > 0 && pkg.has("xl/calcChain.xml"))
    pkg.setText("xl/calcChain.xml", patchCalcChain(await pkg.text("xl/calcChain.xml"), removed));
  return { data: await pkg.bytes(), replaced, withoutResult };
}
