import Decimal from "decimal.js";
import type { CellRichTextValue, CellValue } from "exceljs";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { allocate } from "../core/allocate";
import { ComponentTable, readComponentTable } from "../reader/componentTable";
import {
  componentName,
  DEFAULT_WEIGHTS,
  distributionKey,
  EQUAL_SHARE,
  SLA_COMPONENTS,
} from "../core/distributionKey";
import { formatDecimal, formatEuro, formatPercent } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { D } from "../core/money";
import { ExactKeyTable, exactKeyTable } from "../core/exactKeyTable";
import { numberOf, parse } from "./args";
import { jsonNullable, jsonNumber } from "./json";
import { alignedTable, Command, EXIT_OK } from "./io";

const USAGE =
  "up keys <componenten.csv|.xlsx> [--weights gelijk=25,jongeren=25,toekenningen=25,declaraties=25] [--total N [--table]] [--unit 1|0.01] [--json]";

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
  const table = await readComponentsFile(resolve(io.cwd, positionals[0]), positionals[0]);
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

function unitOf(value: string | undefined): Decimal {
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
    weights.set(name, numberOf(m[2], { nl: `Weging van ${name}`, en: `Weight of ${name}` }));
  }
  return weights;
}

async function readComponentsFile(path: string, shown: string): Promise<ComponentTable> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new PlanInputError({
      nl: `Bestand niet gevonden: ${shown}`,
      en: `File not found: ${shown}`,
    });
  }
  const ext = extname(path).toLowerCase();
  const { default: ExcelJS } = await import("../workbook/exceljs");
  const wb = new ExcelJS.Workbook();
  if (ext === ".csv" || ext === ".txt") {
    const text = readFileSync(path, "utf8");
    // Refused before parsing: a component table has a row per municipality, not 100 000.
    tooManyRows(text.split("\n").filter((l) => l.trim() !== "").length, shown);
    const firstLine = text.split(/\r?\n/, 1)[0];
    const delimiter = firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
    // Keep every field as text: Dutch numbers such as 1.234 must not be read as 1,234.
    await wb.csv.read(createReadStream(path), {
      parserOptions: { delimiter },
      map: (v: unknown) => v,
    });
  } else if (ext === ".xlsx" || ext === ".xlsm") {
    try {
      await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    } catch {
      throw new PlanInputError({
        nl: `${shown} is geen leesbaar .xlsx-bestand`,
        en: `${shown} is not a readable .xlsx file`,
      });
    }
  } else {
    throw new PlanInputError({
      nl: `${shown}: alleen .csv en .xlsx worden gelezen`,
      en: `${shown}: only .csv and .xlsx files are read`,
    });
  }
  const sheet = wb.worksheets[0];
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

function cellValue(v: CellValue): unknown {
  if (v && typeof v === "object" && "result" in v) return (v as { result: unknown }).result;
  if (v && typeof v === "object" && "richText" in v)
    return (v as CellRichTextValue).richText.map((t) => t.text).join("");
  return v;
}
