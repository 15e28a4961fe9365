import ExcelJS from "./exceljs";
import { DEFAULT_WEIGHTS, EQUAL_SHARE, SLA_COMPONENTS } from "../core/distributionKey";
import { formatPercent } from "../core/dutchNumber";
import {
  ContributionChangeRow,
  CostPool,
  Figure,
  KeyCalculationRow,
  Plan,
  PlanLine,
  ShareLine,
  TableId,
  YearFigures,
} from "../core/model";
import {
  componentLabel,
  POOLS_TEMPLATE,
  poolTableName,
  rowSpec,
  tableKind,
} from "../core/tableKinds";
import { MUNICIPALITIES } from "../core/municipalities";
import {
  COMPONENTS_TABLE,
  TEMPLATE_TABLES,
  TemplateTableSpec,
  WEIGHTS_TABLE,
} from "../reader/templateSpec";
import { excelNumber, FigureKind, numberFormat } from "./format";

/*
 * The UP template: every plan table is an Excel table (ListObject) with a fixed name and
 * headers (docs/TEMPLATE.md), so the reader finds it wherever a user moves it.
 */

const label = (id: TableId, field: string): string => rowSpec(id, field).label!;

/** The labels the template gives its role rows; the reader also accepts the published ones. */
const TEMPLATE_LABELS = {
  staffingTotal: label("Tabel 1", "total"),
  staffTotal: label("Tabel 2", "total"),
  staffYouth: label("Tabel 2", "youth"),
  staffWmo: label("Tabel 2", "wmo"),
  materialSubtotal: label("Tabel 3", "subtotal"),
  materialYouth: label("Tabel 3", "youth"),
  materialWmo: label("Tabel 3", "wmo"),
  total: label("Tabel 4", "total"),
} as const;

const EMPTY_YEARS = [2024, 2025, 2026, 2027, 2028];
/** Fixed document dates keep regenerated files identical. */
const DOCUMENT_DATE = new Date(Date.UTC(2024, 0, 30));

type Cell = { value: number | string | null; kind?: FigureKind; figure?: Figure };

interface Row {
  label: string;
  extra?: Cell;
  values: Cell[];
}

function templateSpec(name: string): TemplateTableSpec {
  return TEMPLATE_TABLES.find((t) => t.name === name)!;
}

function figureCell(f: Figure | undefined, kind: FigureKind): Cell {
  return f ? { value: excelNumber(f), kind, figure: f } : { value: null, kind };
}

function yearCells(values: YearFigures | undefined, years: number[], kind: FigureKind): Cell[] {
  return years.map((y) => figureCell(values?.get(y), kind));
}

/** The label without the share it states (`formatiekosten jeugd 70%` → `formatiekosten jeugd`). */
function shareLabel(l: ShareLine): string {
  if (!l.share) return l.label;
  const stated = formatPercent(l.share.value, l.share.decimals ?? 0);
  return l.label.endsWith(` ${stated}`) ? l.label.slice(0, -stated.length - 1) : l.label;
}

function addTable(
  ws: ExcelJS.Worksheet,
  name: string,
  top: number,
  headers: string[],
  rows: Row[],
  extraKind?: FigureKind
): number {
  const data = rows.map((r) => [
    r.label,
    ...(r.extra ? [r.extra.value] : extraKind ? [null] : []),
    ...r.values.map((c) => c.value),
  ]);
  ws.addTable({
    name,
    ref: `A${top}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: false })),
    rows: data,
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(top + 1 + i);
    const cells = [
      ...(extraKind ? [r.extra ?? { value: null, kind: extraKind }] : []),
      ...r.values,
    ];
    cells.forEach((c, j) => {
      const fmt = c.kind ? numberFormat(c.figure, c.kind) : undefined;
      if (fmt) row.getCell(2 + j).numFmt = fmt;
    });
  });
  ws.getColumn(1).width = 44;
  for (let c = 2; c <= headers.length; c++) ws.getColumn(c).width = 14;
  return top + rows.length + 1;
}

function lineRow(
  l: PlanLine | undefined,
  fallback: string,
  years: number[],
  kind: FigureKind
): Row {
  return { label: l?.label || fallback, values: yearCells(l?.values, years, kind) };
}

function shareRow(l: ShareLine | undefined, fallback: string, years: number[]): Row {
  return {
    label: l ? shareLabel(l) : fallback,
    extra: figureCell(l?.share, "percent"),
    values: yearCells(l?.values, years, "amount"),
  };
}

function yearHeaders(prefix: string, years: number[]): string[] {
  return years.map((y) => `${prefix}${y}`);
}

/** The template's header of a named column (`Verdeelsleutel`, `Toename %`). */
function namedLabel(id: TableId, field: string): string {
  return tableKind(id).named!.columns.find((c) => c.field === field)!.label.nl;
}

/** Writes the UP template; `null` gives an empty template for 2024–2028 with the 16 municipalities. */
export function writeTemplateWorkbook(plan: Plan | null): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "UP";
  wb.created = DOCUMENT_DATE;
  wb.modified = DOCUMENT_DATE;
  const title = plan?.title ?? "Uitvoeringsplan (leeg sjabloon)";
  wb.title = title;

  const intro = wb.addWorksheet("Toelichting");
  intro.getCell("A1").value = title;
  intro.getCell("A1").font = { bold: true, size: 14 };
  [
    "UP-sjabloon: elke tabel van het uitvoeringsplan staat in een Excel-tabel met een vaste naam (UP_Formatie, UP_Formatiekosten, UP_MaterieleKosten, UP_Totalen, UP_Bijdragen).",
    "UP template: each table of the execution plan is an Excel table with a fixed name; keep the names and headers, add rows and year columns as needed.",
    "Percentages als 70% of 3,53%; bedragen in hele euro's; een lege cel in de formatie telt als 0.",
  ].forEach((text, i) => (intro.getCell(`A${3 + i}`).value = text));
  intro.getColumn(1).width = 120;

  if (plan?.pools && plan.pools.length > 1) {
    writePoolList(wb, plan.pools);
    for (const pool of plan.pools) writePlanTables(wb, pool.plan, pool.name);
  } else writePlanTables(wb, plan, "");
  return wb;
}

/** UP_Kostenpools: each pool's name, title, method and unit, in the template's words. */
function writePoolList(wb: ExcelJS.Workbook, pools: readonly CostPool[]): void {
  const t = POOLS_TEMPLATE;
  const ws = wb.addWorksheet("Kostenpools");
  ws.addTable({
    name: t.name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [t.pool, t.title, t.method, t.unit].map((name) => ({ name, filterButton: false })),
    rows: pools.map((p) => [
      p.name,
      p.title,
      t.methods[p.method][0],
      t.units[p.plan.unit ?? "euro"][0],
    ]),
  });
  [16, 44, 16, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/**
 * The plan's tables, or empty ones for `null`; a pool's (`pool` its name) with the name after
 * every table name (`UP_Bijdragen_Beleid`) and sheet name (`Bijdragen Beleid`).
 */
function writePlanTables(wb: ExcelJS.Workbook, plan: Plan | null, pool: string): void {
  const years = (ys: number[] | undefined) => (plan ? (ys ?? []) : EMPTY_YEARS);
  const suffix = poolTableName("", pool).replace(/^_/, " ");
  const addSheet = (name: string) => wb.addWorksheet(`${name}${suffix}`);
  const spec = (name: string) => ({ ...templateSpec(name), name: poolTableName(name, pool) });

  if (!plan || plan.staffing) {
    const s = plan?.staffing;
    const ys = years(s?.years);
    const t = spec("UP_Formatie");
    const ws = addSheet("Formatie");
    const roles: Row[] = s
      ? s.roles.map((r) => ({
          label: r.label,
          extra: figureCell(r.scale, "count"),
          values: yearCells(r.values, ys, "fte"),
        }))
      : Array.from({ length: 5 }, () => ({ label: "", values: yearCells(undefined, ys, "fte") }));
    const total = { ...lineRow(s?.total, TEMPLATE_LABELS.staffingTotal, ys, "fte") };
    addTable(
      ws,
      t.name,
      1,
      [t.label, t.extra!, ...yearHeaders(t.yearPrefix, ys)],
      [...roles, total],
      "count"
    );
  }

  if (!plan || plan.staffCosts) {
    const c = plan?.staffCosts;
    const ys = years(c?.years);
    const t = spec("UP_Formatiekosten");
    const ws = addSheet("Formatiekosten");
    const rows = [
      lineRow(c?.total, TEMPLATE_LABELS.staffTotal, ys, "amount"),
      shareRow(c?.youth, TEMPLATE_LABELS.staffYouth, ys),
      shareRow(c?.wmo, TEMPLATE_LABELS.staffWmo, ys),
      ...(!c || c.grandTotal ? [lineRow(c?.grandTotal, TEMPLATE_LABELS.total, ys, "amount")] : []),
    ];
    addTable(ws, t.name, 1, [t.label, t.extra!, ...yearHeaders(t.yearPrefix, ys)], rows, "percent");
  }

  if (!plan || plan.materialCosts) {
    const m = plan?.materialCosts;
    const ys = years(m?.years);
    const t = spec("UP_MaterieleKosten");
    const ws = addSheet("Materiële kosten");
    const lines: Row[] = m
      ? m.lines.map((l) => lineRow(l, "", ys, "amount"))
      : Array.from({ length: 3 }, () => ({
          label: "",
          values: yearCells(undefined, ys, "amount"),
        }));
    const rows = [
      ...lines,
      lineRow(m?.subtotal, TEMPLATE_LABELS.materialSubtotal, ys, "amount"),
      shareRow(m?.youth, TEMPLATE_LABELS.materialYouth, ys),
      shareRow(m?.wmo, TEMPLATE_LABELS.materialWmo, ys),
      ...(!m || m.grandTotal ? [lineRow(m?.grandTotal, TEMPLATE_LABELS.total, ys, "amount")] : []),
    ];
    addTable(ws, t.name, 1, [t.label, t.extra!, ...yearHeaders(t.yearPrefix, ys)], rows, "percent");
  }

  if (!plan || plan.totals) {
    const tt = plan?.totals;
    const ys = years(tt?.years);
    const t = spec("UP_Totalen");
    const ws = addSheet("Totalen");
    addTable(
      ws,
      t.name,
      1,
      [t.label, ...yearHeaders(t.yearPrefix, ys)],
      [
        lineRow(tt?.staffYouth, TEMPLATE_LABELS.staffYouth, ys, "amount"),
        lineRow(tt?.materialYouth, TEMPLATE_LABELS.materialYouth, ys, "amount"),
        lineRow(tt?.total, TEMPLATE_LABELS.total, ys, "amount"),
      ]
    );
  }

  if (plan?.budget) {
    const b = plan.budget;
    const t = spec("UP_Begroting");
    const ws = addSheet("Begroting");
    const splits = [b.youth, b.wmo].flatMap((l) => (l ? [shareRow(l, l.label, b.years)] : []));
    addTable(
      ws,
      t.name,
      1,
      [t.label, t.extra!, ...yearHeaders(t.yearPrefix, b.years)],
      [
        ...b.lines.map((l) => lineRow(l, "", b.years, "amount")),
        lineRow(b.total, TEMPLATE_LABELS.total, b.years, "amount"),
        ...splits,
      ],
      "percent"
    );
  }

  if (!plan || plan.contributions) {
    const c = plan?.contributions;
    const ys = years(c?.years);
    const t = spec("UP_Bijdragen");
    const ws = addSheet("Bijdragen");
    // A budget-share pool's budgets: a column after the key, read by its header.
    const budgets = c?.rows.some((r) => r.budget) ?? false;
    const budget = (f: Figure | undefined) => (budgets ? [figureCell(f, "amount")] : []);
    const rows: Row[] = c
      ? c.rows.map((r) => ({
          label: r.label,
          extra: figureCell(r.key, "percent"),
          values: [...budget(r.budget), ...yearCells(r.values, ys, "amount")],
        }))
      : MUNICIPALITIES.map((m) => ({ label: m, values: yearCells(undefined, ys, "amount") }));
    rows.push({
      label: c?.total.label || TEMPLATE_LABELS.total,
      extra: figureCell(c?.totalKey, "percent"),
      values: [...budget(c?.totalBudget), ...yearCells(c?.total.values, ys, "amount")],
    });
    const headers = [
      t.label,
      t.extra!,
      ...(budgets ? [t.budget!] : []),
      ...yearHeaders(t.yearPrefix, ys),
    ];
    addTable(ws, t.name, 1, headers, rows, "percent");
  }

  if (plan?.keyTable) {
    const k = plan.keyTable;
    const t = spec("UP_Herberekening");
    const parts = t.parts!;
    const component = (c: string) => {
      const l = componentLabel(c).nl;
      return l.charAt(0).toLowerCase() + l.slice(1);
    };
    const headers = [
      t.label,
      ...k.components.map((c) => `${parts.share} ${component(c)}`),
      namedLabel("Herberekening", "key"),
      ...k.components.map((c) => `${parts.amount} ${component(c)}`),
      k.year === undefined ? namedLabel("Herberekening", "amount") : `${t.yearPrefix}${k.year}`,
    ];
    const row = (r: KeyCalculationRow): Row => ({
      label: r.label,
      values: [
        ...k.components.map((c) => figureCell(r.shares.get(c), "percent")),
        figureCell(r.key, "percent"),
        ...k.components.map((c) => figureCell(r.amounts.get(c), "amount")),
        figureCell(r.amount, "amount"),
      ],
    });
    // The weights stand in the share columns of a row of their own.
    const weights = row({ label: WEIGHTS_TABLE.weight, shares: k.weights, amounts: new Map() });
    const ws = addSheet("Herberekening");
    addTable(ws, t.name, 1, headers, [weights, ...k.rows.map(row), row(k.total)]);
    for (let c = 2; c <= headers.length; c++) ws.getColumn(c).width = 22;
  }

  if (plan?.contributionChange) {
    const ch = plan.contributionChange;
    const t = spec("UP_Toename");
    const word = (field: string) => namedLabel("Toename", field);
    const year = (y: number | undefined, field: string) =>
      y === undefined ? word(field) : `${t.yearPrefix}${y}`;
    const row = (r: ContributionChangeRow): Row => ({
      label: r.label,
      values: [
        figureCell(r.old, "amount"),
        figureCell(r.new, "amount"),
        figureCell(r.increase, "amount"),
        figureCell(r.percentage, "percent"),
      ],
    });
    addTable(
      addSheet("Toename"),
      t.name,
      1,
      [
        t.label,
        year(ch.oldYear, "old"),
        year(ch.newYear, "new"),
        word("increase"),
        word("percentage"),
      ],
      [...ch.rows.map(row), ...(ch.total ? [row(ch.total)] : [])]
    );
  }

  if (!plan || plan.keyComponents) {
    const k = plan?.keyComponents;
    const ws = addSheet("Verdeelsleutel");
    const components = k?.components ?? [...SLA_COMPONENTS];
    const rows: Row[] = (k ? k.rows.map((r) => r.label) : [...MUNICIPALITIES]).map((label, i) => ({
      label,
      values: components.map((c) => figureCell(k?.rows[i].values.get(c), "count")),
    }));
    const below = addTable(
      ws,
      poolTableName(COMPONENTS_TABLE.name, pool),
      1,
      [COMPONENTS_TABLE.label, ...components],
      rows
    );
    const weights = k?.weights ?? DEFAULT_WEIGHTS;
    const order = [EQUAL_SHARE, ...components].filter((c) => weights.has(c));
    const weightRows: Row[] = order.map((c) => ({
      label: c,
      values: [
        figureCell(
          { value: weights.get(c)!.div(100), decimals: weights.get(c)!.decimalPlaces() },
          "percent"
        ),
      ],
    }));
    addTable(
      ws,
      poolTableName(WEIGHTS_TABLE.name, pool),
      below + 2,
      [WEIGHTS_TABLE.label, WEIGHTS_TABLE.weight],
      weightRows
    );
  }
}
