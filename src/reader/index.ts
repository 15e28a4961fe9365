import { formatRange } from "../core/address";
import { CostPool, KeyComponents, Plan, TableId } from "../core/model";
import { MUNICIPALITIES } from "../core/municipalities";
import { poolTables } from "../core/pools";
import { byTableOrder, poolTableName, TABLE_KINDS, tableKind } from "../core/tableKinds";
import { readBindings, readBoundTable, withoutBindingSheet } from "./binding";
import { buildPlanTables, RawTable } from "./build";
import { ReadNote } from "./cells";
import { WorkbookGrid } from "./grid";
import { PolicyPool, readPolicyPool, withPolicyPool } from "./pools";
import { readPublished } from "./published";
import {
  findTemplateTables,
  readKeyComponents,
  readPoolList,
  readTemplateTable,
  TemplatePool,
} from "./template";
import { COMPONENTS_TABLE, TEMPLATE_TABLES, WEIGHTS_TABLE } from "./templateSpec";

export type { ReadNote } from "./cells";
export { TEMPLATE_TABLES, COMPONENTS_TABLE, WEIGHTS_TABLE } from "./templateSpec";

export interface ReadResult {
  /** Undefined when no plan table could be read. */
  plan?: Plan;
  layout?: "template" | "published";
  notes: ReadNote[];
}

/** The tables the published layout's recogniser looks for. */
const RECOGNISED: TableId[] = TABLE_KINDS.filter((k) => k.titles.length > 0 && !k.optional).map(
  (k) => k.id
);

/**
 * Reads an Uitvoeringsplan from a workbook: the UP template's Excel tables when the workbook
 * has them, otherwise the tables of the published plan pasted into a sheet.
 */
export function readPlan(workbook: WorkbookGrid): ReadResult {
  const notes: ReadNote[] = [];
  // Tables bound by hand are read as bound; recognition only looks for the others.
  const bound: RawTable[] = [];
  const boundSheets = new Set<string>();
  for (const b of readBindings(workbook, notes)) {
    const raw = readBoundTable(workbook, b, notes);
    if (!raw) continue;
    bound.push(raw);
    boundSheets.add(b.sheet);
  }
  const isBound = (id: TableId) => bound.some((r) => r.id === id);
  const grid = withoutBindingSheet(workbook);
  const template = findTemplateTables(grid);
  let layout: "template" | "published";
  let raws: RawTable[];
  let keyComponents: KeyComponents | undefined;
  let title: string | undefined;
  const sheetsUsed = new Set<string>();
  let policy: PolicyPool | undefined;
  if (template.size > 0) {
    layout = "template";
    const pools = readPoolList(template, notes);
    if (pools) return readPooledTemplate(grid, pools, notes);
    ({ raws, keyComponents } = readTemplateRaws(template, "", isBound, notes, sheetsUsed));
    title = templateTitle(grid);
  } else {
    layout = "published";
    // A merged plan's policy pool is read first; the rest of the workbook is the purchasing plan.
    policy = readPolicyPool(grid, notes);
    const recognised: ReadNote[] = [];
    const published = readPublished(policy?.rest ?? grid, recognised);
    notes.push(...recognised.filter((n) => !n.table || !isBound(n.table)));
    raws = published.raws.filter((r) => !isBound(r.id));
    title = published.title;
    published.sheets.forEach((s) => sheetsUsed.add(s));
    if (raws.length === 0 && bound.length === 0 && !policy) {
      notes.push({
        severity: "error",
        message: {
          nl: "Geen uitvoeringsplan gevonden",
          en: "No execution plan found",
        },
      });
      return { notes };
    }
    for (const id of RECOGNISED) {
      if (!raws.some((r) => r.id === id) && !isBound(id)) {
        notes.push({
          severity: "info",
          table: id,
          message: {
            nl: `${tableKind(id).name.nl} niet gevonden`,
            en: `${tableKind(id).name.en} not found`,
          },
        });
      }
    }
  }
  hiddenSheetNotes(grid, sheetsUsed, notes);
  raws.push(...bound);
  boundSheets.forEach((s) => sheetsUsed.add(s));
  const { part, tables } = planPart(raws, keyComponents, template, "", notes);
  const present = (id: TableId) => part[tableKind(id).field] !== undefined;
  const purchasing = TABLE_KINDS.some((k) => present(k.id));
  if (!purchasing && !policy) return { layout, notes: withNoTableNote(notes) };
  const boundIds = bound.filter((r) => present(r.id)).map((r) => r.id);
  const plan: Plan = {
    title: title ?? grid.name.replace(/\.[^.]+$/, ""),
    source: { kind: "workbook", name: grid.name, layout, tables },
    municipalities: [...MUNICIPALITIES],
    ...part,
  };
  if (boundIds.length > 0) plan.source.bound = boundIds;
  if (policy) {
    return {
      plan: withPolicyPool(purchasing ? plan : undefined, policy, plan),
      layout,
      notes,
    };
  }
  return { plan, layout, notes };
}

/** Notes in the order of the plan's tables (stable within a table); general notes first. */
function sortByTable(notes: ReadNote[]): void {
  const general = notes.filter((n) => !n.table);
  const sorted = [
    ...general,
    ...byTableOrder(
      notes.filter((n) => n.table),
      (n) => n.table!
    ),
  ];
  sorted.forEach((n, i) => (notes[i] = n));
}

/** The plan's title: the first cell of the workbook that starts with `Uitvoeringsplan`. */
function templateTitle(grid: WorkbookGrid): string | undefined {
  for (const sheet of grid.sheets) {
    for (const cells of sheet.rows.values()) {
      for (const cell of cells.values()) {
        if (typeof cell.value === "string" && /^\s*uitvoeringsplan\b/i.test(cell.value))
          return cell.value.replace(/\s+/g, " ").trim();
      }
    }
  }
  return undefined;
}

function hiddenSheetNotes(grid: WorkbookGrid, sheetsUsed: Set<string>, notes: ReadNote[]): void {
  for (const sheet of grid.sheets) {
    if (sheet.hidden && sheetsUsed.has(sheet.name)) {
      notes.push({
        severity: "info",
        message: {
          nl: `Werkblad '${sheet.name}' is verborgen; het plan is er toch uit gelezen`,
          en: `Sheet '${sheet.name}' is hidden; the plan was read from it all the same`,
        },
      });
    }
  }
}

type TemplateTables = ReturnType<typeof findTemplateTables>;

/** The raw tables of one plan in the template: a pool's (tables named `…_<pool>`) or, for "", the plan's. */
function readTemplateRaws(
  template: TemplateTables,
  pool: string,
  isBound: (id: TableId) => boolean,
  notes: ReadNote[],
  sheetsUsed: Set<string>
): { raws: RawTable[]; keyComponents?: KeyComponents } {
  const raws: RawTable[] = [];
  for (const spec of TEMPLATE_TABLES) {
    if (isBound(spec.table)) continue;
    const name = poolTableName(spec.name, pool);
    const loc = template.get(name.toLowerCase());
    if (!loc && tableKind(spec.table).optional) continue;
    // A pool has the tables of its method (a budget-share pool no Tabel 1–4); Tabel 6 it needs.
    if (!loc && pool !== "" && spec.table !== "Tabel 6") continue;
    if (!loc) {
      notes.push({
        severity: pool === "" ? "info" : "error",
        table: spec.table,
        message: {
          nl: `Excel-tabel ${name} niet gevonden: ${tableKind(spec.table).name.nl} ontbreekt`,
          en: `Excel table ${name} not found: ${tableKind(spec.table).name.en} is absent`,
        },
      });
      continue;
    }
    sheetsUsed.add(loc.sheet.name);
    raws.push(readTemplateTable(loc, { ...spec, name }, notes));
  }
  const components = template.get(poolTableName(COMPONENTS_TABLE.name, pool).toLowerCase());
  if (!components) return { raws };
  sheetsUsed.add(components.sheet.name);
  const weights = template.get(poolTableName(WEIGHTS_TABLE.name, pool).toLowerCase());
  return { raws, keyComponents: readKeyComponents(components, weights, notes) };
}

/** The plan tables built from the raw ones, and where each was read. */
function planPart(
  raws: RawTable[],
  keyComponents: KeyComponents | undefined,
  template: TemplateTables,
  pool: string,
  notes: ReadNote[]
): { part: Partial<Plan>; tables: Partial<Record<TableId, string>> } {
  const part = buildPlanTables(raws, notes);
  sortByTable(notes);
  if (keyComponents) part.keyComponents = keyComponents;
  const tables: Partial<Record<TableId, string>> = {};
  const present = (id: TableId) => part[tableKind(id).field] !== undefined;
  for (const raw of raws) if (present(raw.id)) tables[raw.id] = raw.range;
  if (keyComponents) {
    const loc = template.get(poolTableName(COMPONENTS_TABLE.name, pool).toLowerCase())!;
    tables.Sleutel = formatRange(loc, loc.sheet.name);
  }
  return { part, tables };
}

function withNoTableNote(notes: ReadNote[]): ReadNote[] {
  notes.push({
    severity: "error",
    message: {
      nl: "Geen enkele tabel van het uitvoeringsplan kon betrouwbaar worden gelezen",
      en: "No table of the execution plan could be read reliably",
    },
  });
  return notes;
}

/**
 * A merged plan in the template: the pools UP_Kostenpools lists, each read from its own tables
 * as a plan of one pool in the pool's unit. A pool that cannot be read leaves no plan: a total
 * over the pools without it would be a wrong number.
 */
function readPooledTemplate(
  grid: WorkbookGrid,
  list: TemplatePool[],
  notes: ReadNote[]
): ReadResult {
  // An unreadable list has said why.
  if (list.length === 0) return { layout: "template", notes };
  const template = findTemplateTables(
    grid,
    list.map((p) => p.name)
  );
  const sheetsUsed = new Set<string>();
  const title = templateTitle(grid) ?? grid.name.replace(/\.[^.]+$/, "");
  const pools: CostPool[] = [];
  for (const p of list) {
    const own: ReadNote[] = [];
    const { raws, keyComponents } = readTemplateRaws(
      template,
      p.name,
      () => false,
      own,
      sheetsUsed
    );
    const built = planPart(raws, keyComponents, template, p.name, own);
    const any = TABLE_KINDS.some((k) => built.part[k.field] !== undefined);
    if (!any) withNoTableNote(own);
    notes.push(
      ...own.map((n) => ({
        ...n,
        pool: p.name,
        message: {
          nl: `Kostenpool ${p.name}: ${n.message.nl}`,
          en: `Cost pool ${p.name}: ${n.message.en}`,
        },
      }))
    );
    if (!any) continue;
    // A budget-share pool's contributions are no Tabel 6: its messages name them by the pool's title.
    const titles = p.method === "budget-share" ? { titles: { "Tabel 6": p.title } } : {};
    const plan: Plan = {
      title: p.title,
      source: {
        kind: "workbook",
        name: grid.name,
        layout: "template",
        tables: built.tables,
        ...titles,
      },
      municipalities: [...MUNICIPALITIES],
      unit: p.unit,
      ...built.part,
    };
    pools.push({ name: p.name, title: p.title, method: p.method, plan });
  }
  hiddenSheetNotes(grid, sheetsUsed, notes);
  if (pools.length < list.length) {
    const missing = list.filter((p) => !pools.some((q) => q.name === p.name)).map((p) => p.name);
    notes.push({
      severity: "error",
      message: {
        nl: `Kostenpool ${missing.join(", ")} kon niet worden gelezen: zonder alle pools is er geen bijdrage over de pools samen`,
        en: `Cost pool ${missing.join(", ")} could not be read: without every pool there is no contribution over the pools together`,
      },
    });
    return { layout: "template", notes };
  }
  if (pools.length === 1) return { plan: { ...pools[0].plan, title }, layout: "template", notes };
  const plan: Plan = {
    title,
    source: { kind: "workbook", name: grid.name, layout: "template", tables: poolTables(pools) },
    municipalities: [...MUNICIPALITIES],
    pools,
  };
  return { plan, layout: "template", notes };
}
