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

/** Below this pane width a ChangeTable shows its rows stacked. */
export const STACK_BELOW_PX = 420;

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
  // A change stands out by weight; its sign says which way (red would say "wrong" both ways).
  changed: { fontWeight: tokens.fontWeightSemibold },
  text: {
    textAlign: "left",
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  /** A cell address or the like: it names the row but is no heading to stand out. */
  textRowHeader: { fontWeight: tokens.fontWeightRegular },
  /*
   * Too narrow for its columns (a task pane at 320–420 px): each row becomes a block, its
   * header on top and every value on a line of its own after the column's name.
   */
  stacked: {
    [`@media (max-width: ${STACK_BELOW_PX}px)`]: {
      "& thead": {
        position: "absolute",
        width: "1px",
        height: "1px",
        overflow: "hidden",
        clip: "rect(0 0 0 0)",
      },
      "& tbody tr": {
        display: "block",
        borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
        padding: `${tokens.spacingVerticalXS} 0`,
      },
      "& tbody th": {
        display: "block",
        fontWeight: tokens.fontWeightSemibold,
        borderBottom: "none",
      },
      "& tbody td": {
        display: "flex",
        justifyContent: "space-between",
        gap: tokens.spacingHorizontalS,
        borderBottom: "none",
      },
      "& tbody td::before": {
        content: "attr(data-label)",
        color: tokens.colorNeutralForeground2,
        fontWeight: tokens.fontWeightRegular,
        textAlign: "left",
      },
    },
  },
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
    // The roles are explicit: a stacked table keeps being a table to a screen reader.
    <table className={`${styles.table} ${styles.stacked}`} aria-label={label} role="table">
      <thead role="rowgroup">
        <tr role="row">
          {columns.map((c, i) => (
            <th
              key={c}
              className={i === 0 ? head : figures ? styles.th : styles.text}
              scope="col"
              role="columnheader"
            >
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((r) => (
          <tr key={r.key} role="row">
            <th className={rowHeader} scope="row" role="rowheader">
              {r.label}
            </th>
            {r.cells.map((c, i) => (
              <td
                key={i}
                role="cell"
                className={c.changed ? `${value} ${styles.changed}` : value}
                data-testid={c.testId}
                data-label={columns[i + 1]}
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
