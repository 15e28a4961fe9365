import { TableId } from "../core/model";
import { TABLE_KINDS, tableKind, TemplateSpec, WEIGHTS_TEMPLATE } from "../core/tableKinds";

/*
 * The UP template: one Excel table (ListObject) per plan table, found by name, columns found
 * by header. The names, headers and row labels are the table kinds' (src/core/tableKinds.ts);
 * docs/TEMPLATE.md describes them for users; the writer and the reader share this.
 */

export interface TemplateTableSpec extends TemplateSpec {
  table: TableId;
}

/** The template tables of the plan's tables (columns of years or named), in report order. */
export const TEMPLATE_TABLES: readonly TemplateTableSpec[] = TABLE_KINDS.flatMap((k) =>
  k.template && k.columns.values !== "components" ? [{ ...k.template, table: k.id }] : []
);

const components = tableKind("Sleutel").template!;
export const COMPONENTS_TABLE = {
  name: components.name,
  label: components.label,
};
export const WEIGHTS_TABLE = WEIGHTS_TEMPLATE;

/** A year column header: `2024`, `fte 2024`. */
export const YEAR_HEADER = /^(?:fte\s*)?((?:19|20|21)\d\d)$/i;
