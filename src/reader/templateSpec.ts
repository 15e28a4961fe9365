import { TableId } from "../core/model";

/*
 * The UP template: one Excel table (ListObject) per plan table, found by name, columns found
 * by header. docs/TEMPLATE.md describes it for users; the writer and the reader share this.
 */

export interface TemplateTableSpec {
  name: string;
  table: TableId;
  /** Header of the label column. */
  label: string;
  /** Header of the column before the years (scale, share, key), if the table has one. */
  extra?: string;
  /** Year columns are headed `fte 2024` instead of `2024`. */
  yearPrefix: string;
}

export const TEMPLATE_TABLES: readonly TemplateTableSpec[] = [
  { name: "UP_Formatie", table: "Tabel 1", label: "Functie", extra: "Schaal", yearPrefix: "fte " },
  { name: "UP_Formatiekosten", table: "Tabel 2", label: "Regel", extra: "Aandeel", yearPrefix: "" },
  {
    name: "UP_MaterieleKosten",
    table: "Tabel 3",
    label: "Regel",
    extra: "Aandeel",
    yearPrefix: "",
  },
  { name: "UP_Totalen", table: "Tabel 4", label: "Regel", yearPrefix: "" },
  {
    name: "UP_Bijdragen",
    table: "Tabel 6",
    label: "Gemeente",
    extra: "Verdeelsleutel",
    yearPrefix: "",
  },
];

export const COMPONENTS_TABLE = { name: "UP_Sleutelcomponenten", label: "Gemeente" };
export const WEIGHTS_TABLE = { name: "UP_Wegingen", label: "Component", weight: "Weging" };

/** The labels the template gives its role rows; the reader also accepts the published ones. */
export const TEMPLATE_LABELS = {
  staffingTotal: "formatie team verwervingen",
  staffTotal: "formatiekosten totaal",
  staffYouth: "formatiekosten jeugd",
  staffWmo: "formatiekosten wmo",
  materialSubtotal: "subtotaal",
  materialYouth: "materiele kosten jeugd",
  materialWmo: "materiele kosten wmo",
  total: "totaal",
} as const;

/** A year column header: `2024`, `fte 2024`. */
export const YEAR_HEADER = /^(?:fte\s*)?((?:19|20|21)\d\d)$/i;
