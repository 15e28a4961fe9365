import { Message, Plan, TableId } from "./model";

/*
 * The kinds of plan table, as data: what each is called (Dutch and English), the titles and
 * header words that recognise it in the published layout, the roles of its rows, its columns,
 * the plan field it fills and its place in the report. The template reader and writer, the
 * recogniser of the published layout, the binding by hand, the plan view, compare and the
 * report all take their titles and order from here. Labels and patterns are matched against
 * normalised text: lower case, no accents, single spaces (`Materiële  kosten` → `materiele kosten`).
 */

/** The plan field a table kind fills. */
export type PlanField =
  | "staffing"
  | "staffCosts"
  | "materialCosts"
  | "totals"
  | "contributions"
  | "keyComponents"
  | "budget"
  | "keyTable"
  | "contributionChange";

/** The number a row may carry before its figures: a salary scale, a stated share, a key. */
export type ExtraColumn = "scale" | "share" | "key";

export type RowRole = "line" | "subtotal" | "split" | "total";

export interface RowSpec {
  role: RowRole;
  /** The field of the plan table the row fills (`total`, `youth`, `wmo`, `subtotal`, `lines`). */
  field: string;
  /** The label the UP template writes for the row. */
  label?: string;
  /** Normalised labels that give a row this role. */
  pattern?: RegExp;
}

/** How the published layout's reader knows the table's last row. */
export interface Closing {
  /** A row with such a label closes the table. */
  labels: RegExp;
  /** A row without a label closes it too. */
  unlabelled?: boolean;
  /** Only once a row with such a label was read (Tabel 2 and 3 close on `totaal` after `wmo`). */
  after?: RegExp;
  /** Only a row with figures closes it. */
  withFigures?: boolean;
  /** Not when the next row has such a label (a budget's total followed by its jeugd/wmo split). */
  unlessNext?: RegExp;
}

/** A title that starts a table: `Tabel <number> <words>`, or the words alone when no number is given. */
export interface TitleSpec {
  number?: string;
  /** The normalised words after `Tabel n`, or the whole title. */
  words: RegExp;
}

export interface TemplateSpec {
  /** Excel table (ListObject) name. */
  name: string;
  /** Header of the label column. */
  label: string;
  /** Header of the column before the years (scale, share, key). */
  extra?: string;
  /** Header of a budget-share pool's column of budgets, before the key (Tabel 6). */
  budget?: string;
  /** Year columns are headed `fte 2024` instead of `2024` (`Totaal 2025`, `Bijdrage 2024` for named columns). */
  yearPrefix: string;
  /** Words before a component's share and amount columns (`Aandeel jongeren < 20`). */
  parts?: { share: string; amount: string };
}

/** A column a header names by its words: `Jongeren < 20`, `Toename`. */
export interface NamedColumn {
  /** What the column holds: a key component, the key, a row's total amount, old, new, increase, percentage. */
  field: string;
  /** Normalised header words that name it. */
  pattern: RegExp;
  label: Message;
}

/** How a header row of named columns is told and what its columns are. */
export interface NamedColumns {
  columns: NamedColumn[];
  /** What a header row must name to be one: at least `count` of each list of fields. */
  required: { fields: string[]; count: number }[];
  /** A row that holds the weights of the components (key calculation table). */
  weights?: RegExp;
}

export interface TableKind {
  id: TableId;
  /** The table's own title: `Formatieplan`. */
  title: Message;
  /** How messages name it: `Tabel 1 (formatieplan)`. */
  name: Message;
  field: PlanField;
  /** Place in the report, the plan view, compare and the reader's notes: ascending. */
  order: number;
  /** Published titles that start such a table. */
  titles: TitleSpec[];
  /** Normalised header text before the years that names the kind without a title above it. */
  headers: RegExp[];
  /** Rows below a bare header that prove the kind: most municipalities, or lines of both domains. */
  evidence?: {
    municipalities?: number;
    lines?: { pattern: RegExp; distinct: number };
  };
  rows: RowSpec[];
  columns: {
    label: Message;
    extra?: ExtraColumn;
    values: "years" | "components" | "named";
  };
  /** Columns named by words instead of years (the key calculation and the change table). */
  named?: NamedColumns;
  /** How its last row is known; the first that applies closes the table. */
  closing: Closing[];
  template?: TemplateSpec;
  /** The user may bind it by hand (sheet UP_Koppelingen). */
  bindable: boolean;
  /** Plans of some years have it, others not: its absence is no remark. */
  optional?: boolean;
}

/** A budget's split lines: `waarvan jeugd 70%`, `kosten wmo`, `jeugd`. */
const SPLIT_YOUTH = /^((waarvan|kosten|aandeel|deel) )?jeugd\b/;
const SPLIT_WMO = /^((waarvan|kosten|aandeel|deel) )?wmo\b/;

/** `totaal`, `total`, and labels ending in them (`formatiekosten totaal`). */
export const TOTAL_LABEL = /^(totaal|total)\b|\btota(a)?l$/;
const TOTAL_FIRST = /^(totaal|total)\b/;

/** The key components as a key calculation table's header names them. */
export const COMPONENT_COLUMNS: readonly NamedColumn[] = [
  {
    field: "gelijk",
    pattern: /^(gelijk|gelijke|vast|vaste|equal)\b|^1\/16\b/,
    label: { nl: "Gelijk deel", en: "Equal share" },
  },
  {
    field: "jongeren",
    pattern: /^(aantal )?(jongeren|jeugdigen|inwoners)\b|< ?20\b/,
    label: { nl: "Jongeren < 20", en: "Young people under 20" },
  },
  {
    field: "toekenningen",
    pattern: /^(aantal )?toekenning/,
    label: { nl: "Toekenningen", en: "Care allocations" },
  },
  {
    field: "declaraties",
    pattern: /^(aantal )?declaratie/,
    label: { nl: "Declaraties", en: "Claims" },
  },
];

/** A table of municipality rows and a total row under named columns; plans of some years have it. */
const MUNICIPALITY_TABLE = {
  headers: [],
  rows: [
    { role: "line", field: "rows" },
    { role: "total", field: "total", label: "totaal", pattern: TOTAL_LABEL },
  ],
  columns: { label: { nl: "Gemeente", en: "Municipality" }, values: "named" },
} satisfies Pick<TableKind, "headers" | "rows" | "columns">;

export const TABLE_KINDS: readonly TableKind[] = [
  {
    id: "Tabel 1",
    title: { nl: "Formatieplan", en: "Staffing plan" },
    name: { nl: "Tabel 1 (formatieplan)", en: "Tabel 1 (staffing plan)" },
    field: "staffing",
    order: 10,
    titles: [{ number: "1", words: /^formatie/ }],
    headers: [/^formatie(plan)?$/],
    rows: [
      { role: "line", field: "roles" },
      {
        role: "total",
        field: "total",
        label: "formatie team verwervingen",
        pattern: /^formatie team|^formatie$|^(totaal|total)\b|\btota(a)?l$/,
      },
    ],
    columns: {
      label: { nl: "Functie", en: "Role" },
      extra: "scale",
      values: "years",
    },
    closing: [{ labels: /^formatie team|^(totaal|total)\b/ }],
    template: {
      name: "UP_Formatie",
      label: "Functie",
      extra: "Schaal",
      yearPrefix: "fte ",
    },
    bindable: true,
  },
  {
    id: "Tabel 2",
    title: { nl: "Formatiekosten", en: "Staff costs" },
    name: { nl: "Tabel 2 (formatiekosten)", en: "Tabel 2 (staff costs)" },
    field: "staffCosts",
    order: 20,
    titles: [{ number: "2", words: /^formatiekosten/ }],
    headers: [/^formatiekosten$/],
    rows: [
      {
        role: "total",
        field: "total",
        label: "formatiekosten totaal",
        pattern: TOTAL_LABEL,
      },
      {
        role: "split",
        field: "youth",
        label: "formatiekosten jeugd",
        pattern: /^((formatie|materiele) ?kosten )?jeugd\b/,
      },
      {
        role: "split",
        field: "wmo",
        label: "formatiekosten wmo",
        pattern: /^((formatie|materiele) ?kosten )?wmo\b/,
      },
      {
        role: "total",
        field: "grandTotal",
        label: "totaal",
        pattern: TOTAL_LABEL,
      },
    ],
    columns: {
      label: { nl: "Regel", en: "Line" },
      extra: "share",
      values: "years",
    },
    closing: [{ labels: TOTAL_FIRST, after: /\bwmo\b/ }],
    template: {
      name: "UP_Formatiekosten",
      label: "Regel",
      extra: "Aandeel",
      yearPrefix: "",
    },
    bindable: true,
  },
  {
    id: "Tabel 3",
    title: { nl: "Materiële kosten", en: "Material costs" },
    name: { nl: "Tabel 3 (materiële kosten)", en: "Tabel 3 (material costs)" },
    field: "materialCosts",
    order: 30,
    titles: [{ number: "3", words: /^materi/ }],
    headers: [/^materiele kosten$/],
    rows: [
      { role: "line", field: "lines" },
      {
        role: "subtotal",
        field: "subtotal",
        label: "subtotaal",
        pattern: /^subtota/,
      },
      {
        role: "split",
        field: "youth",
        label: "materiele kosten jeugd",
        pattern: /^((formatie|materiele) ?kosten )?jeugd\b/,
      },
      {
        role: "split",
        field: "wmo",
        label: "materiele kosten wmo",
        pattern: /^((formatie|materiele) ?kosten )?wmo\b/,
      },
      {
        role: "total",
        field: "grandTotal",
        label: "totaal",
        pattern: TOTAL_LABEL,
      },
    ],
    columns: {
      label: { nl: "Regel", en: "Line" },
      extra: "share",
      values: "years",
    },
    closing: [{ labels: TOTAL_FIRST, after: /\bwmo\b/ }],
    template: {
      name: "UP_MaterieleKosten",
      label: "Regel",
      extra: "Aandeel",
      yearPrefix: "",
    },
    bindable: true,
  },
  {
    id: "Tabel 4",
    title: { nl: "Overzicht totalen", en: "Totals" },
    name: { nl: "Tabel 4 (overzicht totalen)", en: "Tabel 4 (totals)" },
    field: "totals",
    order: 40,
    titles: [{ number: "4", words: /^overzicht|totalen/ }],
    headers: [/^formatiekosten en materi|totalen/],
    evidence: {
      lines: {
        pattern: /^(formatiekosten|materiele kosten) jeugd/,
        distinct: 2,
      },
    },
    rows: [
      {
        role: "line",
        field: "staffYouth",
        label: "formatiekosten jeugd",
        pattern: /^formatie/,
      },
      {
        role: "line",
        field: "materialYouth",
        label: "materiele kosten jeugd",
        pattern: /^materi/,
      },
      { role: "total", field: "total", label: "totaal", pattern: TOTAL_LABEL },
    ],
    columns: { label: { nl: "Regel", en: "Line" }, values: "years" },
    closing: [{ labels: TOTAL_FIRST }],
    template: { name: "UP_Totalen", label: "Regel", yearPrefix: "" },
    bindable: true,
  },
  {
    id: "Tabel 6",
    title: {
      nl: "Uitvoeringskosten per gemeente",
      en: "Costs per municipality",
    },
    name: {
      nl: "Tabel 6 (uitvoeringskosten per gemeente)",
      en: "Tabel 6 (costs per municipality)",
    },
    field: "contributions",
    order: 60,
    titles: [
      { number: "6", words: /^uitvoeringskosten|gemeente/ },
      {
        words:
          /^(bijdrage|bijdragen|uitvoeringskosten) (per gemeente|van de gemeenten|gemeenten)\b/,
      },
    ],
    headers: [/^verdeelsleutel|^gemeente/],
    evidence: { municipalities: 8 },
    rows: [
      { role: "line", field: "rows" },
      {
        role: "total",
        field: "total",
        label: "totaal",
        pattern: /^$|^(totaal|total)\b|\btota(a)?l$/,
      },
    ],
    columns: {
      label: { nl: "Gemeente", en: "Municipality" },
      extra: "key",
      values: "years",
    },
    closing: [{ labels: TOTAL_FIRST, unlabelled: true, withFigures: true }],
    template: {
      name: "UP_Bijdragen",
      label: "Gemeente",
      extra: "Verdeelsleutel",
      budget: "Budget",
      yearPrefix: "",
    },
    bindable: true,
  },
  {
    id: "Sleutel",
    title: {
      nl: "Verdeelsleutel (componenten)",
      en: "Distribution key (components)",
    },
    name: { nl: "de sleutelcomponenten", en: "the key components" },
    field: "keyComponents",
    order: 70,
    titles: [],
    headers: [],
    closing: [],
    rows: [{ role: "line", field: "rows" }],
    columns: {
      label: { nl: "Gemeente", en: "Municipality" },
      values: "components",
    },
    template: {
      name: "UP_Sleutelcomponenten",
      label: "Gemeente",
      yearPrefix: "",
    },
    bindable: false,
  },
  {
    id: "Begroting",
    title: { nl: "Begroting", en: "Cost budget" },
    name: { nl: "de begroting", en: "the cost budget" },
    field: "budget",
    order: 35,
    titles: [{ words: /^begroting\b/ }],
    headers: [/^begroting\b/, /^kostenpost(en)?$/],
    rows: [
      { role: "line", field: "lines" },
      { role: "total", field: "total", label: "totaal", pattern: TOTAL_LABEL },
      {
        role: "split",
        field: "youth",
        label: "waarvan jeugd",
        pattern: SPLIT_YOUTH,
      },
      { role: "split", field: "wmo", label: "waarvan wmo", pattern: SPLIT_WMO },
    ],
    columns: {
      label: { nl: "Kostenpost", en: "Cost line" },
      extra: "share",
      values: "years",
    },
    closing: [
      { labels: SPLIT_WMO, after: TOTAL_LABEL },
      { labels: TOTAL_FIRST, after: SPLIT_WMO },
      { labels: TOTAL_FIRST, unlessNext: SPLIT_YOUTH },
    ],
    template: {
      name: "UP_Begroting",
      label: "Kostenpost",
      extra: "Aandeel",
      yearPrefix: "",
    },
    bindable: true,
    optional: true,
  },
  {
    id: "Herberekening",
    title: { nl: "Herberekening verdeelsleutel", en: "Key calculation" },
    name: { nl: "de herberekening van de verdeelsleutel", en: "the key calculation table" },
    field: "keyTable",
    order: 64,
    titles: [
      { words: /^(her)?berekening (van )?(de )?verdeelsleutel\b/ },
      { words: /^verdeelsleutel (19|20|21)\d\d\b/ },
    ],
    ...MUNICIPALITY_TABLE,
    named: {
      columns: [
        ...COMPONENT_COLUMNS,
        {
          field: "key",
          pattern: /^((nieuwe|berekende|totale) )?(verdeel)?sleutel\b|^key$/,
          label: { nl: "Verdeelsleutel", en: "Key" },
        },
        {
          field: "amount",
          pattern: /^(totaal|total|totale bijdrage|bijdrage|totaal bedrag)\b/,
          label: { nl: "Totaal", en: "Total" },
        },
      ],
      // Two of the SLA's components, and the key or the amounts they give.
      required: [
        { fields: COMPONENT_COLUMNS.map((c) => c.field), count: 2 },
        { fields: ["key", "amount"], count: 1 },
      ],
      weights: /^(weging|wegingsfactor|gewicht|weights?)\b/,
    },
    closing: [{ labels: TOTAL_FIRST }],
    template: {
      name: "UP_Herberekening",
      label: "Gemeente",
      yearPrefix: "Totaal ",
      parts: { share: "Aandeel", amount: "Bedrag" },
    },
    bindable: false,
    optional: true,
  },
  {
    id: "Toename",
    title: { nl: "Toename bijdrage per gemeente", en: "Change in contributions" },
    name: { nl: "de toename per gemeente", en: "the change per municipality" },
    field: "contributionChange",
    order: 66,
    titles: [
      {
        words:
          /^(toename|stijging|mutatie|verschil) (van )?(de )?(bijdrage|bijdragen|kosten|uitvoeringskosten)\b/,
      },
    ],
    ...MUNICIPALITY_TABLE,
    named: {
      columns: [
        {
          field: "percentage",
          pattern: /%|\b(procent|percentage|percent)\b/,
          label: { nl: "Toename %", en: "Increase %" },
        },
        {
          field: "increase",
          pattern: /^(toename|stijging|mutatie|verschil|increase)\b/,
          label: { nl: "Toename", en: "Increase" },
        },
        {
          field: "old",
          pattern: /^(oud|oude|vorige|huidige)\b|^(bijdrage |begroting |kosten )?(19|20|21)\d\d$/,
          label: { nl: "Oud", en: "Old" },
        },
        {
          field: "new",
          pattern: /^(nieuw|nieuwe)\b|^(bijdrage |begroting |kosten )?(19|20|21)\d\d$/,
          label: { nl: "Nieuw", en: "New" },
        },
      ],
      required: [
        { fields: ["old"], count: 1 },
        { fields: ["new"], count: 1 },
        { fields: ["increase"], count: 1 },
      ],
    },
    closing: [{ labels: TOTAL_FIRST }],
    template: { name: "UP_Toename", label: "Gemeente", yearPrefix: "Bijdrage " },
    bindable: false,
    optional: true,
  },
];

/** A key component's name in messages: `Jongeren < 20`, or as the table writes it. */
export function componentLabel(name: string): Message {
  return COMPONENT_COLUMNS.find((c) => c.field === name)?.label ?? { nl: name, en: name };
}

/** The UP template's table of weights beside the key components. */
export const WEIGHTS_TEMPLATE = {
  name: "UP_Wegingen",
  label: "Component",
  weight: "Weging",
};

/**
 * The UP template's list of cost pools (a merged plan): one row per pool with its name, title,
 * key method and unit. Each pool's tables are the template tables with `_<name>` appended
 * (`UP_Bijdragen_Beleid`); a template without this table is a plan of one pool.
 */
export const POOLS_TEMPLATE = {
  name: "UP_Kostenpools",
  pool: "Pool",
  title: "Titel",
  method: "Methode",
  unit: "Eenheid",
  /** The words for each method and unit, the first one the template writes. */
  methods: { sla: ["sla", "sla-sleutel"], "budget-share": ["budgetaandeel", "budget-share"] },
  units: { euro: ["euro", "euro's", "euros"], cent: ["cent", "centen", "cents"] },
} as const;

/** A pool's name as it may end an Excel table name: letters, digits and `_`, a letter first. */
export const POOL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The name of a template table of a pool: `UP_Bijdragen` + `Beleid` → `UP_Bijdragen_Beleid`. */
export function poolTableName(table: string, pool: string): string {
  return pool === "" ? table : `${table}_${pool.charAt(0).toUpperCase()}${pool.slice(1)}`;
}

const BY_ID = new Map(TABLE_KINDS.map((k) => [k.id, k]));

export function tableKind(id: TableId): TableKind {
  const kind = BY_ID.get(id);
  if (!kind) throw new Error(`no table kind ${id}`);
  return kind;
}

/** Table ids in report order. */
export const TABLE_ORDER: readonly TableId[] = [...TABLE_KINDS]
  .sort((a, b) => a.order - b.order)
  .map((k) => k.id);

/** Sorts anything that names a table into report order; stable for equal tables. */
export function byTableOrder<T>(items: readonly T[], tableOf: (item: T) => TableId): T[] {
  const rank = (t: TableId) => tableKind(t).order;
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => rank(tableOf(a.item)) - rank(tableOf(b.item)) || a.i - b.i)
    .map(({ item }) => item);
}

/** The row spec of a table kind's field (`youth` of Tabel 2). */
export function rowSpec(id: TableId, field: string): RowSpec {
  const spec = tableKind(id).rows.find((r) => r.field === field);
  if (!spec) throw new Error(`${id} has no row ${field}`);
  return spec;
}

/** The labels that give a row of a table kind its role. */
export function rowPattern(id: TableId, field: string): RegExp {
  const pattern = rowSpec(id, field).pattern;
  if (!pattern) throw new Error(`${id} row ${field} has no pattern`);
  return pattern;
}

/** The years of the plan's table of this kind; undefined when the plan lacks it. */
export function tableYears(plan: Plan, id: TableId): number[] | undefined {
  const table = plan[tableKind(id).field];
  if (!table) return undefined;
  if ("years" in table) return table.years;
  if ("year" in table) return table.year === undefined ? [] : [table.year];
  if ("newYear" in table) return [table.oldYear, table.newYear].filter((y) => y !== undefined);
  return [];
}
