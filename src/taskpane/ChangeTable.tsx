import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

export interface ChangeTableCell {
  text: string;
  /** Marked as a change that matters (a key or an amount that moves). */
  changed?: boolean;
  testId?: string;
}

/** One row: what it is about (a municipality, a cell), then its values. */
export interface ChangeTableRow {
  key: string;
  label: string;
  cells: ChangeTableCell[];
}

/** The pane's tables of figures: a rule under the header, figures right-aligned. */
export const useTableStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "right",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: "2px 4px",
  },
  thLeft: {
    textAlign: "left",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: "2px 4px",
  },
  td: { textAlign: "right", padding: "2px 4px", fontVariantNumeric: "tabular-nums" },
  tdLeft: { textAlign: "left", padding: "2px 4px" },
  changed: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground3 },
  text: {
    textAlign: "left",
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  /** A cell address or the like: it names the row but is no heading to stand out. */
  textRowHeader: { fontWeight: tokens.fontWeightRegular },
});

/**
 * What is now beside what it becomes, one row header per row. `figures` right-aligns the values
 * with even digits (keys, amounts); otherwise every cell is text with a rule under it (the
 * preview of a write).
 */
export function ChangeTable(props: {
  /** The table's accessible name. */
  label?: string;
  /** The row headers' column first, then one per value. */
  columns: readonly string[];
  rows: readonly ChangeTableRow[];
  figures?: boolean;
}) {
  const { label, columns, rows, figures } = props;
  const styles = useTableStyles();
  const head = figures ? styles.thLeft : styles.text;
  const rowHeader = figures ? styles.tdLeft : `${styles.text} ${styles.textRowHeader}`;
  const value = figures ? styles.td : styles.text;
  return (
    <table className={styles.table} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c} className={i === 0 ? head : figures ? styles.th : styles.text} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th className={rowHeader} scope="row">
              {r.label}
            </th>
            {r.cells.map((c, i) => (
              <td
                key={i}
                className={c.changed ? `${value} ${styles.changed}` : value}
                data-testid={c.testId}
              >
                {c.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
