import Decimal from "decimal.js";
import {
  componentName,
  DEFAULT_WEIGHTS,
  EQUAL_SHARE,
  SLA_COMPONENTS,
} from "../core/distributionKey";
import {
  CellRef,
  ComponentName,
  Figure,
  KeyComponentRow,
  KeyComponents,
  Message,
  MoneyUnit,
  PoolMethod,
  TableId,
} from "../core/model";
import { POOL_NAME, POOLS_TEMPLATE, poolTableName, tableKind } from "../core/tableKinds";
import { HUNDRED, sum } from "../core/money";
import { resolveMunicipality, unknownMunicipalityMessage } from "../core/municipalities";
import { hiddenRowNote, leftOut, NumberRead, RawRow, RawTable } from "./build";
import { cellRef, figureOf, readCell, ReadNote, textAsNumberNote } from "./cells";
import { GridTable, SheetGrid, WorkbookGrid } from "./grid";
import { readNamedArea } from "./namedTables";
import { formatRange } from "../core/address";
import { presentRows, tableRange } from "./tableRange";
import {
  COMPONENTS_TABLE,
  TEMPLATE_TABLES,
  TemplateTableSpec,
  WEIGHTS_TABLE,
  YEAR_HEADER,
} from "./templateSpec";

interface Located {
  sheet: SheetGrid;
  table: GridTable;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Why the table's range cannot be read (outside the sheet, over a limit); nothing is read then. */
  problem?: Message;
}

function locate(sheet: SheetGrid, table: GridTable): Located | undefined {
  const ref = tableRange(table.ref);
  if (ref && "nl" in ref)
    return { sheet, table, top: 1, left: 1, bottom: 1, right: 1, problem: ref };
  if (!ref || (ref.kind !== "range" && ref.kind !== "cell")) return undefined;
  return { sheet, table, top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right };
}

/** An error note when the table's range cannot be read; true when it can. */
function readable(loc: Located, table: TableId, notes: ReadNote[]): boolean {
  if (!loc.problem) return true;
  error(
    table,
    notes,
    undefined,
    `Excel-tabel ${loc.table.name} op ${loc.sheet.name}: ${loc.problem.nl}`,
    `Excel table ${loc.table.name} on ${loc.sheet.name}: ${loc.problem.en}`
  );
  return false;
}

/**
 * The UP template tables of a workbook, by lower-cased name: UP_Kostenpools and the tables of
 * a plan of one pool, or, given the pools' names, each pool's tables (`UP_Bijdragen_Beleid`).
 */
export function findTemplateTables(
  grid: WorkbookGrid,
  pools: string[] = [""]
): Map<string, Located> {
  const found = new Map<string, Located>();
  const names = [...TEMPLATE_TABLES.map((t) => t.name), COMPONENTS_TABLE.name, WEIGHTS_TABLE.name];
  const wanted = new Set(
    [POOLS_TEMPLATE.name, ...pools.flatMap((p) => names.map((n) => poolTableName(n, p)))].map((n) =>
      n.toLowerCase()
    )
  );
  for (const sheet of grid.sheets) {
    for (const table of sheet.tables) {
      const key = table.name.toLowerCase();
      if (!wanted.has(key) || found.has(key)) continue;
      const loc = locate(sheet, table);
      if (loc) found.set(key, loc);
    }
  }
  return found;
}

function headerText(loc: Located, column: number): string {
  const r = readCell(loc.sheet.rows.get(loc.top)?.get(column));
  if (r.kind === "text") return r.text;
  if (r.kind === "number") return r.text ?? r.value.toString();
  return "";
}

function labelOf(read: ReturnType<typeof readCell>): string {
  if (read.kind === "text") return read.text;
  if (read.kind === "number") return read.text ?? read.value.toString();
  return "";
}

function error(table: TableId, notes: ReadNote[], cell: ReadNote["cell"], nl: string, en: string) {
  notes.push({
    severity: "error",
    table,
    cell,
    message: { nl: `${table}: ${nl}`, en: `${table}: ${en}` },
  });
}

/** Reads one template table into a raw table; `failed` when it cannot be read. */
export function readTemplateTable(
  loc: Located,
  spec: TemplateTableSpec,
  notes: ReadNote[]
): RawTable {
  const id = spec.table;
  const raw: RawTable = {
    id,
    range: formatRange(loc, loc.sheet.name),
    years: [],
    rows: [],
    failed: false,
  };
  if (!readable(loc, id, notes)) return { ...raw, failed: true };
  const kind = tableKind(id);
  if (kind.named) return readNamedArea(kind, loc, notes) ?? { ...raw, failed: true };
  let labelColumn: number | undefined;
  let extraColumn: number | undefined;
  let budgetColumn: number | undefined;
  const yearColumns: [number, number][] = [];
  for (let c = loc.left; c <= loc.right; c++) {
    const h = headerText(loc, c);
    const key = h.toLowerCase();
    const year = YEAR_HEADER.exec(h);
    if (key === spec.label.toLowerCase()) labelColumn = c;
    else if (spec.extra && key === spec.extra.toLowerCase()) extraColumn = c;
    else if (spec.budget && key === spec.budget.toLowerCase()) budgetColumn = c;
    else if (year) yearColumns.push([Number(year[1]), c]);
    else {
      notes.push({
        severity: "warning",
        table: id,
        cell: cellRef(loc.sheet, loc.top, c),
        message: {
          nl: `${loc.table.name}: kolom '${h}' hoort niet bij het sjabloon en is overgeslagen`,
          en: `${loc.table.name}: column '${h}' is not part of the template and was skipped`,
        },
      });
    }
  }
  if (labelColumn === undefined || yearColumns.length === 0) {
    error(
      id,
      notes,
      cellRef(loc.sheet, loc.top, loc.left),
      `Excel-tabel ${loc.table.name} mist de kolom ${labelColumn === undefined ? `'${spec.label}'` : "met jaren (zoals '2024')"}`,
      `Excel table ${loc.table.name} lacks the column ${labelColumn === undefined ? `'${spec.label}'` : "of years (such as '2024')"}`
    );
    raw.failed = true;
    return raw;
  }
  raw.years = yearColumns.map(([y]) => y);
  if (new Set(raw.years).size !== raw.years.length) {
    error(
      id,
      notes,
      cellRef(loc.sheet, loc.top, loc.left),
      `Excel-tabel ${loc.table.name} heeft een jaar twee keer`,
      `Excel table ${loc.table.name} has a year twice`
    );
    raw.failed = true;
    return raw;
  }
  for (const r of presentRows(loc.sheet, loc.top + 1, loc.bottom)) {
    const cells = loc.sheet.rows.get(r);
    const labelRead = readCell(cells?.get(labelColumn));
    const row: RawRow = { label: labelOf(labelRead), values: new Map(), empty: new Map() };
    let content = row.label !== "";
    if (content) row.labelCell = cellRef(loc.sheet, r, labelColumn);
    const readNumber = (column: number): NumberRead | undefined => {
      const read = readCell(cells?.get(column));
      const cell = cellRef(loc.sheet, r, column);
      if (read.kind === "empty") return undefined;
      content = true;
      if (read.kind === "number") {
        if (read.fromText) notes.push(textAsNumberNote(read, cell, id));
        return read;
      }
      const what =
        read.kind === "text"
          ? { nl: `'${read.text}' is geen getal`, en: `'${read.text}' is not a number` }
          : read.message;
      error(id, notes, cell, `${cell.address}: ${what.nl}`, `${cell.address}: ${what.en}`);
      raw.failed = true;
      return undefined;
    };
    if (extraColumn !== undefined) {
      const extra = readNumber(extraColumn);
      if (extra) row.extra = { read: extra, cell: cellRef(loc.sheet, r, extraColumn) };
    }
    if (budgetColumn !== undefined) {
      const budget = readNumber(budgetColumn);
      if (budget) row.budget = figureOf(budget, cellRef(loc.sheet, r, budgetColumn));
    }
    for (const [year, column] of yearColumns) {
      const cell = cellRef(loc.sheet, r, column);
      const read = readNumber(column);
      if (!read) row.empty.set(year, cell);
      else if (read.percent) {
        error(
          id,
          notes,
          cell,
          `${cell.address}: een percentage waar een bedrag hoort`,
          `${cell.address}: a percentage where an amount must be`
        );
        raw.failed = true;
      } else row.values.set(year, figureOf(read, cell));
    }
    if (!content) continue;
    if (loc.sheet.hiddenRows.has(r)) hiddenRowNote(id, row, loc.sheet, r, notes);
    raw.rows.push(row);
  }
  if (raw.rows.length === 0) {
    error(
      id,
      notes,
      cellRef(loc.sheet, loc.top, loc.left),
      `Excel-tabel ${loc.table.name} is leeg`,
      `Excel table ${loc.table.name} is empty`
    );
    raw.failed = true;
  }
  return raw;
}

/** Reads UP_Sleutelcomponenten and UP_Wegingen into the key's inputs. */
export function readKeyComponents(
  components: Located,
  weights: Located | undefined,
  notes: ReadNote[]
): KeyComponents | undefined {
  const id: TableId = "Sleutel";
  const loc = components;
  if (!readable(loc, id, notes)) return leftOut(id, notes);
  let labelColumn: number | undefined;
  const columns: [ComponentName, number][] = [];
  for (let c = loc.left; c <= loc.right; c++) {
    const h = headerText(loc, c);
    if (h.toLowerCase() === COMPONENTS_TABLE.label.toLowerCase()) labelColumn = c;
    else if (h !== "" && componentName(h) !== EQUAL_SHARE) columns.push([componentName(h), c]);
  }
  if (labelColumn === undefined || columns.length === 0) {
    error(
      id,
      notes,
      cellRef(loc.sheet, loc.top, loc.left),
      `Excel-tabel ${loc.table.name} mist de kolom 'Gemeente' of de componentkolommen`,
      `Excel table ${loc.table.name} lacks the column 'Gemeente' or the component columns`
    );
    return leftOut(id, notes);
  }
  let ok = true;
  const rows: KeyComponentRow[] = [];
  for (const r of presentRows(loc.sheet, loc.top + 1, loc.bottom)) {
    const cells = loc.sheet.rows.get(r);
    const label = labelOf(readCell(cells?.get(labelColumn)));
    const labelCell = cellRef(loc.sheet, r, labelColumn);
    const values = new Map<ComponentName, Figure>();
    const empty: string[] = [];
    for (const [name, column] of columns) {
      const cell = cellRef(loc.sheet, r, column);
      const read = readCell(cells?.get(column));
      if (read.kind === "number" && !read.percent) {
        if (read.fromText) notes.push(textAsNumberNote(read, cell, id));
        values.set(name, figureOf(read, cell));
      } else if (read.kind === "empty") empty.push(cell.address);
      else {
        const what =
          read.kind === "invalid"
            ? read.message
            : { nl: `'${labelOf(read)}' is geen aantal`, en: `'${labelOf(read)}' is not a count` };
        error(id, notes, cell, `${cell.address}: ${what.nl}`, `${cell.address}: ${what.en}`);
        ok = false;
      }
    }
    if (label === "" && values.size === 0) continue;
    const res = resolveMunicipality(label);
    if (!res.ok) {
      const m = unknownMunicipalityMessage(res);
      error(id, notes, labelCell, m.nl, m.en);
      ok = false;
      continue;
    }
    if (empty.length > 0) {
      error(
        id,
        notes,
        cellRef(loc.sheet, r, columns[0][1]),
        `lege cellen waar een aantal hoort: ${empty.join(", ")}`,
        `empty cells where a count must be: ${empty.join(", ")}`
      );
      ok = false;
    }
    rows.push({ municipality: res.name, label, labelCell, values });
  }
  const weightMap = weights ? readWeights(weights, notes) : defaultWeights(columns, loc, notes);
  if (!ok || !weightMap) return leftOut(id, notes);
  return { components: columns.map(([n]) => n), rows, weights: weightMap };
}

function defaultWeights(
  columns: [ComponentName, number][],
  loc: Located,
  notes: ReadNote[]
): Map<ComponentName, Decimal> | undefined {
  const names = columns.map(([n]) => n);
  const sla =
    names.length === SLA_COMPONENTS.length && SLA_COMPONENTS.every((c) => names.includes(c));
  if (!sla) {
    error(
      "Sleutel",
      notes,
      cellRef(loc.sheet, loc.top, loc.left),
      `Excel-tabel ${WEIGHTS_TABLE.name} ontbreekt: zonder wegingen is de sleutel van deze componenten niet te berekenen`,
      `Excel table ${WEIGHTS_TABLE.name} is missing: without weights the key of these components cannot be computed`
    );
    return undefined;
  }
  notes.push({
    severity: "info",
    table: "Sleutel",
    message: {
      nl: `Geen Excel-tabel ${WEIGHTS_TABLE.name}: de wegingen van de SLA gebruikt (25/25/25/25)`,
      en: `No Excel table ${WEIGHTS_TABLE.name}: using the SLA weights (25/25/25/25)`,
    },
  });
  return new Map(DEFAULT_WEIGHTS);
}

function readWeights(loc: Located, notes: ReadNote[]): Map<ComponentName, Decimal> | undefined {
  const id: TableId = "Sleutel";
  if (!readable(loc, id, notes)) return undefined;
  let nameColumn: number | undefined;
  let weightColumn: number | undefined;
  for (let c = loc.left; c <= loc.right; c++) {
    const h = headerText(loc, c).toLowerCase();
    if (h === WEIGHTS_TABLE.label.toLowerCase()) nameColumn = c;
    if (h === WEIGHTS_TABLE.weight.toLowerCase()) weightColumn = c;
  }
  if (nameColumn === undefined || weightColumn === undefined) {
    error(
      id,
      notes,
      cellRef(loc.sheet, loc.top, loc.left),
      `Excel-tabel ${loc.table.name} mist de kolom 'Component' of 'Weging'`,
      `Excel table ${loc.table.name} lacks the column 'Component' or 'Weging'`
    );
    return undefined;
  }
  const entries: { name: ComponentName; read: NumberRead }[] = [];
  for (const r of presentRows(loc.sheet, loc.top + 1, loc.bottom)) {
    const cells = loc.sheet.rows.get(r);
    const name = labelOf(readCell(cells?.get(nameColumn)));
    const cell = cellRef(loc.sheet, r, weightColumn);
    const read = readCell(cells?.get(weightColumn));
    if (name === "" && read.kind === "empty") continue;
    if (read.kind !== "number" || name === "") {
      error(
        id,
        notes,
        cell,
        `${cell.address}: weging ontbreekt of is geen percentage`,
        `${cell.address}: weight missing or not a percentage`
      );
      return undefined;
    }
    if (read.fromText) notes.push(textAsNumberNote(read, cell, id));
    entries.push({ name: componentName(name), read });
  }
  // 0.25 with a % format or "25%" is a fraction; a plain column adding up to 1 holds fractions too.
  const plainFractions = sum(entries.filter((e) => !e.read.percent).map((e) => e.read.value)).eq(1);
  const weights = new Map<ComponentName, Decimal>();
  for (const e of entries) {
    weights.set(
      e.name,
      e.read.percent || plainFractions ? e.read.value.times(HUNDRED) : e.read.value
    );
  }
  const total = sum(weights.values());
  if (!total.eq(HUNDRED)) {
    error(
      id,
      notes,
      cellRef(loc.sheet, loc.top, weightColumn),
      `de wegingen tellen op tot ${total.toString().replace(".", ",")}%, niet tot 100%`,
      `the weights add up to ${total.toString()}%, not 100%`
    );
    return undefined;
  }
  return weights;
}

/** A pool named in UP_Kostenpools. */
export interface TemplatePool {
  name: string;
  title: string;
  method: PoolMethod;
  unit: MoneyUnit;
  cell: CellRef;
}

function wordOf<T extends string>(
  words: Readonly<Record<T, readonly string[]>>,
  text: string
): T | undefined {
  const t = text.trim().toLowerCase();
  return (Object.keys(words) as T[]).find((k) => words[k].includes(t));
}

/**
 * Reads UP_Kostenpools: each pool's name, title, key method and unit. Undefined when the
 * workbook has no such table; an empty list, with error notes, when it cannot be read.
 */
export function readPoolList(
  template: Map<string, Located>,
  notes: ReadNote[]
): TemplatePool[] | undefined {
  const loc = template.get(POOLS_TEMPLATE.name.toLowerCase());
  if (!loc) return undefined;
  const fail = (cell: CellRef | undefined, nl: string, en: string): TemplatePool[] => {
    notes.push({
      severity: "error",
      cell,
      message: { nl: `${POOLS_TEMPLATE.name}: ${nl}`, en: `${POOLS_TEMPLATE.name}: ${en}` },
    });
    return [];
  };
  if (loc.problem) return fail(undefined, loc.problem.nl, loc.problem.en);
  const headers = [
    POOLS_TEMPLATE.pool,
    POOLS_TEMPLATE.title,
    POOLS_TEMPLATE.method,
    POOLS_TEMPLATE.unit,
  ];
  const columns = headers.map((h) => {
    for (let c = loc.left; c <= loc.right; c++) {
      if (headerText(loc, c).trim().toLowerCase() === h.toLowerCase()) return c;
    }
    return undefined;
  });
  const missing = headers.filter((_, i) => columns[i] === undefined);
  if (missing.length > 0) {
    const list = missing.map((h) => `'${h}'`).join(", ");
    return fail(
      cellRef(loc.sheet, loc.top, loc.left),
      `mist de kolom ${list}`,
      `lacks the column ${list}`
    );
  }
  const [poolCol, titleCol, methodCol, unitCol] = columns as number[];
  const pools: TemplatePool[] = [];
  for (const r of presentRows(loc.sheet, loc.top + 1, loc.bottom)) {
    const text = (c: number) => labelOf(readCell(loc.sheet.rows.get(r)?.get(c))).trim();
    const cell = cellRef(loc.sheet, r, poolCol);
    const name = text(poolCol);
    if (name === "" && text(methodCol) === "" && text(unitCol) === "") continue;
    if (!POOL_NAME.test(name)) {
      return fail(
        cell,
        `${cell.address}: '${name}' kan geen poolnaam zijn: alleen letters, cijfers en _, beginnend met een letter (de naam komt achter de tabelnamen, zoals UP_Bijdragen_Beleid)`,
        `${cell.address}: '${name}' cannot be a pool name: letters, digits and _ only, starting with a letter (it ends the table names, as in UP_Bijdragen_Beleid)`
      );
    }
    if (pools.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
      return fail(
        cell,
        `${cell.address}: pool '${name}' staat er twee keer`,
        `${cell.address}: pool '${name}' is listed twice`
      );
    }
    const method = wordOf(POOLS_TEMPLATE.methods, text(methodCol));
    const unit = wordOf(POOLS_TEMPLATE.units, text(unitCol));
    if (!method || !unit) {
      const [col, choices] = method
        ? [unitCol, "euro of cent"]
        : [methodCol, "sla of budgetaandeel"];
      const at = cellRef(loc.sheet, r, col);
      const value = text(col);
      return fail(
        at,
        `${at.address}: '${value}' kan niet: kies ${choices}`,
        `${at.address}: '${value}' is not allowed: choose ${choices.replace(" of ", " or ")}`
      );
    }
    pools.push({ name, title: text(titleCol) || name, method, unit, cell });
  }
  if (pools.length === 0)
    return fail(cellRef(loc.sheet, loc.top, loc.left), "er staat geen pool in", "it lists no pool");
  return pools;
}
