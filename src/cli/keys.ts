import Decimal from "decimal.js";
import type { CellValue, Worksheet } from "exceljs";
import { basename, extname, resolve } from "node:path";
import { Readable } from "node:stream";
import { allocate } from "../core/allocate";
import { ComponentTable, NotAValue, readComponentTable } from "../reader/componentTable";
import { readLocalFile } from "../workbook/localFile";
import {
  componentName,
  DEFAULT_WEIGHTS,
  distributionKey,
  EQUAL_SHARE,
  SLA_COMPONENTS,
} from "../core/distributionKey";
import { formatDecimal, formatEuro, formatPercent } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { Message } from "../core/model";
import { D } from "../core/money";
import { ExactKeyTable, exactKeyTable } from "../core/exactKeyTable";
import { numberOf, parse } from "./args";
import { jsonNullable, jsonNumber } from "./json";
import { alignedTable, Command, EXIT_OK } from "./io";
import { usage } from "./usage";

const USAGE = usage("keys");

/**
 * `up keys`: distribution keys from component counts, with --total the allocated amounts, and
 * with --table the whole key calculation table (Herberekening verdeelsleutel), exact in both
 * directions (docs/KEYS.md).
 */
export const keysCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    {
      weights: { type: "string" },
      total: { type: "string" },
      unit: { type: "string" },
      json: { type: "boolean" },
      table: { type: "boolean" },
    },
    USAGE
  );
  if (positionals.length !== 1) {
    throw new PlanInputError({
      nl: `Geef één bestand met componenten.\nGebruik: ${USAGE}`,
      en: `Give one file of components.\nUsage: ${USAGE}`,
    });
  }
  const unit = unitOf(values.unit);
  const total =
    values.total === undefined ? null : numberOf(values.total, { nl: "--total", en: "--total" });
  if (total?.isNegative()) {
    throw new PlanInputError({
      nl: `--total ${values.total} is negatief: het te verdelen bedrag is 0 of meer`,
      en: `--total ${values.total} is negative: the amount to distribute is 0 or more`,
    });
  }
  if (total && !total.div(unit).isInteger()) {
    throw new PlanInputError({
      nl: `--total ${values.total} is geen veelvoud van de eenheid ${unit.toString().replace(".", ",")}`,
      en: `--total ${values.total} is not a multiple of the unit ${unit.toString()}`,
    });
  }
  if (values.table && !total) {
    throw new PlanInputError({
      nl: `--table verdeelt een totaal: geef ook --total.\nGebruik: ${USAGE}`,
      en: `--table distributes a total: give --total too.\nUsage: ${USAGE}`,
    });
  }
  const table = await readComponentsFile(resolve(io.cwd, positionals[0]), positionals[0], (m) =>
    io.stderr(`${m.nl} / ${m.en}\n`)
  );
  const weights =
    values.weights === undefined ? defaultWeights(table) : weightsOf(values.weights, table);
  const keys = distributionKey(table.rows, weights);
  const names = table.rows.map((r) => r.municipality);
  const amounts = total
    ? allocate(
        total,
        names.map((id) => ({ id, key: keys.get(id) as Decimal })),
        unit
      )
    : null;
  const calculation =
    values.table && total ? exactKeyTable(table.rows, weights, total, unit) : null;
  if (table.missing.length > 0) {
    io.stderr(
      `Let op: ${table.missing.length} deelnemende gemeente(n) ontbreken: ${table.missing.join(", ")} / Note: missing municipalities\n`
    );
  }
  if (calculation && calculation.beyondOneUnit.length > 0) {
    const cells = calculation.beyondOneUnit.map((b) => `${b.municipality} ${b.component}`);
    io.stderr(
      `Let op: met deze bijdragen kan niet elk bedrag zijn exacte waarde naar beneden of boven afgerond zijn; verder af: ${cells.join(", ")} / Note: these contributions leave no rounding of every amount to its exact value rounded down or up; further off: ${cells.join(", ")}\n`
    );
  }
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
          weights: Object.fromEntries([...weights].map(([c, w]) => [c, jsonNumber(w)])),
          total: jsonNullable(total),
          unit: jsonNumber(unit),
          rows: names.map((m, i) => ({
            municipality: m,
            key: jsonNumber(keys.get(m) as Decimal),
            amount: amounts ? jsonNumber(amounts[i]) : null,
          })),
          ...(calculation ? { table: calculationJson(calculation) } : {}),
        },
        null,
        2
      ) + "\n"
    );
    return EXIT_OK;
  }
  if (calculation) {
    io.stdout(calculationText(calculation));
    return EXIT_OK;
  }
  const width = Math.max(8, ...names.map((n) => n.length));
  const lines = [
    `Wegingen / weights: ${[...weights].map(([c, w]) => `${c} ${w.toString().replace(".", ",")}%`).join(", ")}`,
    "",
    `${"gemeente".padEnd(width)}  ${"sleutel".padStart(9)}${amounts ? `  ${"bedrag".padStart(14)}` : ""}`,
  ];
  names.forEach((m, i) => {
    const key = formatPercent(keys.get(m) as Decimal, 4);
    lines.push(
      `${m.padEnd(width)}  ${key.padStart(9)}${amounts ? `  ${formatEuro(amounts[i]).padStart(14)}` : ""}`
    );
  });
  lines.push(
    `${"totaal".padEnd(width)}  ${"100,0000%".padStart(9)}${total ? `  ${formatEuro(total).padStart(14)}` : ""}`
  );
  io.stdout(lines.join("\n") + "\n");
  return EXIT_OK;
};

const numbers = (m: ReadonlyMap<string, Decimal>) =>
  Object.fromEntries([...m].map(([c, v]) => [c, jsonNumber(v)]));

/** The key calculation table in --json: fractions for shares and keys, money in euros. */
function calculationJson(t: ExactKeyTable) {
  return {
    components: t.components,
    weights: numbers(t.weights),
    rows: t.rows.map((r) => ({
      municipality: r.municipality,
      shares: numbers(r.shares),
      key: jsonNumber(r.key),
      amounts: numbers(r.amounts),
      amount: jsonNumber(r.amount),
    })),
    totals: { amounts: numbers(t.parts), amount: jsonNumber(t.total) },
    beyondOneUnit: t.beyondOneUnit,
  };
}

/**
 * The key calculation table as the plans print it: the weights row, per municipality the share
 * of each component, the key, the amount per component and the contribution; the total row.
 */
function calculationText(t: ExactKeyTable): string {
  const money = (v: Decimal) => formatEuro(v, t.unit.lt(1));
  const share = (v: Decimal) => formatPercent(v, 4);
  const header = [
    "gemeente",
    ...t.components.map((c) => `${c} %`),
    "sleutel",
    ...t.components.map((c) => `${c} €`),
    "bijdrage",
  ];
  const weightsRow = [
    "weging",
    ...t.components.map((c) => `${formatDecimal((t.weights.get(c) as Decimal).times(100))}%`),
    "",
    ...t.components.map(() => ""),
    "",
  ];
  const body = t.rows.map((r) => [
    r.municipality,
    ...t.components.map((c) => share(r.shares.get(c) as Decimal)),
    share(r.key),
    ...t.components.map((c) => money(r.amounts.get(c) as Decimal)),
    money(r.amount),
  ]);
  const totalRow = [
    "totaal",
    ...t.components.map(() => share(new D(1))),
    share(new D(1)),
    ...t.components.map((c) => money(t.parts.get(c) as Decimal)),
    money(t.total),
  ];
  return (
    [
      `Herberekening verdeelsleutel / key calculation table — ${money(t.total)}`,
      "",
      ...alignedTable([header, weightsRow, ...body, totalRow], 1),
    ].join("\n") + "\n"
  );
}

export function unitOf(value: string | undefined): Decimal {
  if (value === undefined || value === "1") return new D(1);
  if (value === "0.01" || value === "0,01") return new D("0.01");
  throw new PlanInputError({
    nl: `--unit moet 1 (hele euro's) of 0.01 (centen) zijn, niet '${value}'`,
    en: `--unit must be 1 (whole euros) or 0.01 (cents), not '${value}'`,
  });
}

/** 25/25/25/25 when the file has the SLA's three components; one other component alone is a single-component key. */
function defaultWeights(table: ComponentTable): Map<string, Decimal> {
  const sla = SLA_COMPONENTS.every((c) => table.components.includes(c));
  if (sla) return new Map(DEFAULT_WEIGHTS);
  if (table.components.length === 1) return new Map([[table.components[0], new D(100)]]);
  throw new PlanInputError({
    nl: `Het bestand heeft de componenten ${table.components.join(", ")}; geef de wegingen met --weights (samen 100)`,
    en: `The file has the components ${table.components.join(", ")}; give the weights with --weights (adding up to 100)`,
  });
}

/** `gelijk=25,jongeren=25,…`; a comma inside a number (`12,5`) is a decimal comma. */
export function weightsOf(text: string, table: ComponentTable): Map<string, Decimal> {
  const weights = new Map<string, Decimal>();
  const typed = new Map<string, string>();
  for (const part of text.split(/[,;](?=\s*[^\d\s])/)) {
    const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*%?\s*$/.exec(part);
    if (!m) {
      throw new PlanInputError({
        nl: `Weging '${part}' begrijp ik niet: schrijf naam=getal, bijv. jongeren=25`,
        en: `Cannot read weight '${part}': write name=number, e.g. jongeren=25`,
      });
    }
    const name = componentName(m[1]);
    if (name !== EQUAL_SHARE && !table.components.includes(name)) {
      throw new PlanInputError({
        nl: `Weging voor '${m[1]}', maar het bestand heeft geen kolom '${name}' (wel: ${table.components.join(", ")})`,
        en: `Weight for '${m[1]}', but the file has no column '${name}' (it has: ${table.components.join(", ")})`,
      });
    }
    const before = typed.get(name);
    if (before !== undefined) {
      const both = before === m[1] ? `'${m[1]}'` : `'${before}' en '${m[1]}'`;
      const bothEn = before === m[1] ? `'${m[1]}'` : `'${before}' and '${m[1]}'`;
      throw new PlanInputError({
        nl: `--weights geeft ${name} twee keer (${both}): geef elke weging één keer`,
        en: `--weights gives ${name} twice (${bothEn}): give each weight once`,
      });
    }
    typed.set(name, m[1]);
    weights.set(name, numberOf(m[2], { nl: `Weging van ${name}`, en: `Weight of ${name}` }));
  }
  return weights;
}

/** Reads a component file (.csv or .xlsx); `note` hears what the reader had to assume (an encoding). */
export async function readComponentsFile(
  path: string,
  shown: string,
  note: (text: Message) => void = () => undefined
): Promise<ComponentTable> {
  const bytes = await readLocalFile(path, shown, {
    nl: "een .csv- of .xlsx-bestand",
    en: "a .csv or .xlsx file",
  });
  const ext = extname(path).toLowerCase();
  const { default: ExcelJS } = await import("../workbook/exceljs");
  let sheet: Worksheet | undefined;
  if (ext === ".csv" || ext === ".txt") {
    const { text, encoding } = csvText(bytes, shown);
    if (encoding)
      note({
        nl: `Let op: ${shown} is geen UTF-8; gelezen als ${encoding}`,
        en: `Note: ${shown} is not UTF-8; read as ${encoding}`,
      });
    // Refused before parsing: a component table has a row per municipality, not 100 000.
    tooManyRows(text.split("\n").filter((l) => l.trim() !== "").length, shown);
    const firstLine = text.split(/\r?\n/, 1)[0];
    const delimiter = firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
    // Keep every field as text: Dutch numbers such as 1.234 must not be read as 1,234.
    sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text]), {
      parserOptions: { delimiter },
      map: (v: unknown) => v,
    });
  } else if (ext === ".xlsx" || ext === ".xlsm") {
    // Through the reading limits, as a plan is read.
    const { loadWorkbook } = await import("../workbook/read");
    sheet = (await loadWorkbook(bytes, basename(path))).worksheets[0];
  } else {
    throw new PlanInputError({
      nl: `${shown}: alleen .csv en .xlsx worden gelezen`,
      en: `${shown}: only .csv and .xlsx files are read`,
    });
  }
  if (!sheet)
    throw new PlanInputError({
      nl: `${shown} heeft geen werkblad`,
      en: `${shown} has no worksheet`,
    });
  // Only the cells there are: a loop to rowCount × columnCount is quadratic (ExcelJS computes
  // columnCount over every row on each call) and a stray far cell makes it a million rows.
  const present = new Map<number, unknown[]>();
  let firstRow = 0;
  let lastRow = 0;
  let firstCol = Infinity;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (firstRow === 0) firstRow = r;
    lastRow = r;
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      firstCol = Math.min(firstCol, c);
      values[c] = cellValue(cell.value);
    });
    present.set(r, values);
  });
  if (firstRow === 0) return readComponentTable([]);
  tooManyRows(lastRow - firstRow + 1, shown);
  const rows: unknown[][] = [];
  for (let r = firstRow; r <= lastRow; r++)
    rows.push(Array.from((present.get(r) ?? []).slice(firstCol), (v) => v));
  const sheetName = ext === ".xlsx" || ext === ".xlsm" ? sheet.name : shown;
  return readComponentTable(rows, { sheet: sheetName, row: firstRow, column: firstCol });
}

/** Rows a component file may have: 16 municipalities, with room for notes and blank lines. */
export const COMPONENT_ROWS = 1000;

function tooManyRows(rows: number, shown: string): void {
  if (rows <= COMPONENT_ROWS) return;
  const n = (x: number, sep: string) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  throw new PlanInputError({
    nl: `${shown} heeft ${n(rows, ".")} rijen; een componentenbestand heeft er ten hoogste ${n(COMPONENT_ROWS, ".")} (limiet: rijen in een componentenbestand)`,
    en: `${shown} has ${n(rows, ",")} rows; a component file has at most ${n(COMPONENT_ROWS, ",")} (limit: rows in a component file)`,
  });
}

/** A cell as the component table reads it: text or number, or what it is instead (an error, a date). */
function cellValue(v: CellValue): unknown {
  if (v instanceof Date) return dateValue(v);
  if (v === null || typeof v !== "object") return v;
  if ("error" in v)
    return new NotAValue({ nl: `de foutwaarde ${v.error}`, en: `the error ${v.error}` });
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  // A hyperlink is its shown text; a formula its result.
  if ("hyperlink" in v) return cellValue(v.text as CellValue);
  if ("result" in v) return cellValue(v.result as CellValue);
  if ("formula" in v || "sharedFormula" in v)
    return new NotAValue({ nl: "een formule zonder resultaat", en: "a formula without a result" });
  return new NotAValue({ nl: "geen getal of tekst", en: "not a number or text" });
}

/** ExcelJS makes a date-formatted number a Date (UTC): shown as the date it is. */
function dateValue(d: Date): NotAValue {
  if (Number.isNaN(d.getTime()))
    return new NotAValue({ nl: "een ongeldige datum", en: "an invalid date" });
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
  return new NotAValue({ nl: `een datum (${day})`, en: `a date (${day})` });
}

/** The text of a CSV file: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), else Windows-1252. */
export function csvText(bytes: Uint8Array, shown: string): { text: string; encoding?: string } {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0xef, 0xbb, 0xbf)) return { text: utf8(bytes.subarray(3), shown) };
  if (starts(0xff, 0xfe)) return { text: utf16(bytes.subarray(2), "le"), encoding: "UTF-16 LE" };
  if (starts(0xfe, 0xff)) return { text: utf16(bytes.subarray(2), "be"), encoding: "UTF-16 BE" };
  if (starts(0x50, 0x4b, 0x03, 0x04))
    throw new PlanInputError({
      nl: `${shown} is een zip-archief (een .xlsx-werkmap?), geen CSV-tekst: geef het de naam .xlsx`,
      en: `${shown} is a zip archive (an .xlsx workbook?), not CSV text: name it .xlsx`,
    });
  // Without a BOM, UTF-16 shows as a NUL beside every ASCII character.
  const head = bytes.subarray(0, 1000);
  const nulAt = (parity: number) => head.filter((b, i) => b === 0 && i % 2 === parity).length;
  if (head.length >= 4 && nulAt(1) >= head.length / 4)
    return { text: utf16(bytes, "le"), encoding: "UTF-16 LE" };
  if (head.length >= 4 && nulAt(0) >= head.length / 4)
    return { text: utf16(bytes, "be"), encoding: "UTF-16 BE" };
  try {
    return { text: utf8(bytes, shown) };
  } catch (e) {
    if (e instanceof PlanInputError) throw e;
    // Excel's "CSV" on Windows is Windows-1252.
    return { text: noNul(windows1252(bytes), shown), encoding: "Windows-1252 (Latin-1)" };
  }
}

/** 0x80–0x9F of Windows-1252 (the rest is Latin-1); Node 20's TextDecoder decodes them as C1 controls. */
const CP1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function windows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192)
    text += String.fromCharCode(
      ...Array.from(bytes.subarray(i, i + 8192), (b) =>
        b >= 0x80 && b < 0xa0 ? CP1252.charCodeAt(b - 0x80) : b
      )
    );
  return text;
}

function utf8(bytes: Uint8Array, shown: string): string {
  return noNul(new TextDecoder("utf-8", { fatal: true }).decode(bytes), shown);
}

function utf16(bytes: Uint8Array, order: "le" | "be"): string {
  const le = order === "le" ? bytes : bytes.map((_, i) => bytes[i % 2 === 0 ? i + 1 : i - 1] ?? 0);
  return new TextDecoder("utf-16le").decode(le);
}

function noNul(text: string, shown: string): string {
  const at = text.indexOf("\u0000");
  if (at < 0) return text;
  const line = text.slice(0, at).split("\n").length;
  throw new PlanInputError({
    nl: `${shown} is geen tekstbestand: regel ${line} bevat een NUL-byte`,
    en: `${shown} is not a text file: line ${line} holds a NUL byte`,
  });
}
