import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { formatCell } from "../core/address";
import { TABLE_KINDS, tableYears } from "../core/tableKinds";
import { cellList, foldRemarks } from "../report/remarks";
import { LoadedPlan } from "./host";
import { useMessage, useT } from "./i18n";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  summary: {
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}`,
  },
});

function yearsText(years: number[]): string {
  return years.length === 0 ? "" : `${Math.min(...years)}–${Math.max(...years)}`;
}

/** What the pane read: which plan, which tables where, years, municipalities. */
export function PlanView({ loaded }: { loaded: LoadedPlan }) {
  const t = useT();
  const msg = useMessage();
  const styles = useStyles();
  const plan = loaded.plan;
  // 151 numbers stored as text are one line with their cells.
  const remarks = foldRemarks(loaded.remarks);
  return (
    <section aria-label={t("Gelezen plan", "Plan read")}>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t("Werkmap", "Workbook")}</dt>
        <dd className={styles.value}>{loaded.workbookName}</dd>
        {plan && (
          <>
            <dt className={styles.term}>{t("Plan", "Plan")}</dt>
            <dd className={styles.value}>{plan.title}</dd>
            <dt className={styles.term}>{t("Gelezen als", "Read as")}</dt>
            <dd className={styles.value}>
              {plan.source.kind === "embedded"
                ? t("ingebouwd plan 2024", "built-in 2024 plan")
                : plan.source.layout === "template"
                  ? t("UP-sjabloon (Excel-tabellen)", "UP template (Excel tables)")
                  : t(
                      "gepubliceerde opmaak (geplakte tabellen)",
                      "published layout (pasted tables)"
                    )}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t("Formules rekenen met", "Formulas use")}</dt>
        <dd className={styles.value}>
          {loaded.formulaSource === "workbook"
            ? t("het plan in deze werkmap", "the plan in this workbook")
            : t("het ingebouwde plan 2024", "the built-in 2024 plan")}
        </dd>
        {plan && (
          <>
            <dt className={styles.term}>{t("Gemeenten", "Municipalities")}</dt>
            <dd className={styles.value}>
              {(plan.contributions?.rows.length ?? plan.municipalities.length).toString()}{" "}
              {t("in Tabel 6", "in Tabel 6")}
            </dd>
          </>
        )}
      </dl>
      {plan && (
        <>
          <h3>{t("Tabellen", "Tables")}</h3>
          <ul className={styles.list}>
            {TABLE_KINDS.map((table) => {
              const years = tableYears(plan, table.id);
              if (years === undefined && table.optional) return null;
              const where = plan.source.tables[table.id];
              return (
                <li key={table.id}>
                  <strong>{table.id}</strong> {msg(table.title)}:{" "}
                  {years === undefined
                    ? t("niet gevonden", "not found")
                    : [where, yearsText(years)].filter(Boolean).join(", ") ||
                      t("gevonden", "found")}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {remarks.length > 0 && (
        <details open={remarks.length <= 5}>
          <summary className={styles.summary}>
            {t(
              `Opmerkingen bij het lezen (${loaded.remarks.length})`,
              `Remarks on reading (${loaded.remarks.length})`
            )}
          </summary>
          <ul className={styles.list}>
            {remarks.map((r, i) => (
              <li key={i}>
                {r.count === 1 && r.cells.length === 1 ? `${formatCell(r.cells[0])}: ` : ""}
                {msg(r.message)}
                {r.count > 1 && r.cells.length > 0
                  ? `: ${cellList(r.cells, 12, t("meer", "more"))}`
                  : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
