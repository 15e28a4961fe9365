import { formatRange } from "../core/address";
import { KeyComponents, Plan, TableId } from "../core/model";
import { MUNICIPALITIES } from "../core/municipalities";
import { byTableOrder, TABLE_KINDS, tableKind } from "../core/tableKinds";
import { readBindings, readBoundTable, withoutBindingSheet } from "./binding";
import { buildPlanTables, RawTable } from "./build";
import { ReadNote } from "./cells";
import { WorkbookGrid } from "./grid";
import { PolicyPool, readPolicyPool, withPolicyPool } from "./pools";
import { readPublished } from "./published";
import { findTemplateTables, readKeyComponents, readTemplateTable } from "./template";
import { COMPONENTS_TABLE, TEMPLATE_TABLES, WEIGHTS_TABLE } from "./templateSpec";

export type { ReadNote } from "./cells";
export { TEMPLATE_TABLES, COMPONENTS_TABLE, WEIGHTS_TABLE, TEMPLATE_LABELS } from "./templateSpec";

export interface ReadResult {
  /** Undefined when no plan table could be read. */
  plan?: Plan;
  layout?: "template" | "published";
  notes: ReadNote[];
  /** What the reader looked for, to tell a user whose workbook held no plan. */
  looked: string[];
}

export const LOOKED: readonly string[] = [
  `Excel-tabellen / Excel tables ${TEMPLATE_TABLES.map((t) => t.name).join(", ")} (UP-sjabloon / UP template)`,
  `Titels / titles: ${TABLE_KINDS.filter((k) => k.titles.length > 0)
    .map((k) => `'${k.titles[0].number ? `${k.id}. ` : ""}${k.title.nl}'`)
    .join(", ")}`,
  "Kopregels met jaren / header rows with years: 'fte 2023 … fte 2027', '2023 … 2027'",
  "Regels / rows: 'formatiekosten totaal', 'formatiekosten jeugd', 'materiele kosten jeugd'",
  `Gemeentenamen / municipality names: ${MUNICIPALITIES.join(", ")}`,
];

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
  const looked = [...LOOKED];
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
    raws = [];
    for (const spec of TEMPLATE_TABLES) {
      if (isBound(spec.table)) continue;
      const loc = template.get(spec.name.toLowerCase());
      if (!loc && tableKind(spec.table).optional) continue;
      if (!loc) {
        notes.push({
          severity: "info",
          table: spec.table,
          message: {
            nl: `Excel-tabel ${spec.name} niet gevonden: ${tableKind(spec.table).name.nl} ontbreekt`,
            en: `Excel table ${spec.name} not found: ${tableKind(spec.table).name.en} is absent`,
          },
        });
        continue;
      }
      sheetsUsed.add(loc.sheet.name);
      raws.push(readTemplateTable(loc, spec, notes));
    }
    const components = template.get(COMPONENTS_TABLE.name.toLowerCase());
    if (components) {
      keyComponents = readKeyComponents(
        components,
        template.get(WEIGHTS_TABLE.name.toLowerCase()),
        notes
      );
      sheetsUsed.add(components.sheet.name);
    }
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
      return { notes, looked };
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
  raws.push(...bound);
  boundSheets.forEach((s) => sheetsUsed.add(s));
  const part = buildPlanTables(raws, notes);
  sortByTable(notes);
  if (keyComponents) part.keyComponents = keyComponents;
  const tables: Partial<Record<TableId, string>> = {};
  const present = (id: TableId) => part[tableKind(id).field] !== undefined;
  for (const raw of raws) if (present(raw.id)) tables[raw.id] = raw.range;
  if (keyComponents) {
    const loc = template.get(COMPONENTS_TABLE.name.toLowerCase())!;
    tables.Sleutel = formatRange(loc, loc.sheet.name);
  }
  const purchasing = TABLE_KINDS.some((k) => present(k.id));
  if (!purchasing && !policy) {
    notes.push({
      severity: "error",
      message: {
        nl: "Geen enkele tabel van het uitvoeringsplan kon betrouwbaar worden gelezen",
        en: "No table of the execution plan could be read reliably",
      },
    });
    return { layout, notes, looked };
  }
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
      looked,
    };
  }
  return { plan, layout, notes, looked };
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
