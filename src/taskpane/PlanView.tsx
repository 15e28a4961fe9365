import * as React from "react";
import { useContext, useMemo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import Decimal from "decimal.js";
import { formatCell } from "../core/address";
import { formatEuro } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { Plan } from "../core/model";
import { sum } from "../core/money";
import { hasPools, poolsOf } from "../core/pools";
import { poolContribution } from "../core/query";
import { TABLE_KINDS, tableYears } from "../core/tableKinds";
import { tableName } from "../core/rules/rule";
import { numberedTitle } from "../core/tablesRead";
import { ChangeTable, ChangeTableRow } from "./ChangeTable";
import { nbsp } from "./format";
import { preciseKeyNotes } from "../report/keyNote";
import { foldRemarks, remarkText } from "../report/remarks";
import { LoadedPlan } from "./host";
import { LangContext, useMessage, useT } from "./i18n";

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

/** The years every pool of the plan distributes (its Tabel 6 has them). */
function poolYears(plan: Plan): number[] {
  const each = poolsOf(plan).map((p) => tableYears(p.plan, "Tabel 6") ?? []);
  return each[0].filter((y) => each.every((ys) => ys.includes(y)));
}

/** A contribution as the formulas compute it, or undefined when the plan cannot give it. */
function contributionOrNone(plan: Plan, m: string, year: number): Decimal | undefined {
  try {
    return poolContribution(plan, m, year);
  } catch (e) {
    if (e instanceof PlanInputError) return undefined;
    throw e;
  }
}

/** Per municipality what it pays over the pools per year: =UP.BIJDRAGE without a pool. */
function PoolTotals({ plan }: { plan: Plan }) {
  const t = useT();
  const years = poolYears(plan);
  const amounts = plan.municipalities.map((m) => years.map((y) => contributionOrNone(plan, m, y)));
  // A cent pool shows every total with cents, so the column lines up.
  const cents = poolsOf(plan).some((p) => p.plan.unit === "cent");
  const cell = (d: Decimal | undefined) => ({
    text: d === undefined ? "—" : nbsp(formatEuro(d, cents)),
  });
  const rows: ChangeTableRow[] = plan.municipalities.map((m, i) => ({
    key: m,
    label: m,
    cells: amounts[i].map(cell),
  }));
  rows.push({
    key: "\u0000total",
    label: t("Totaal", "Total"),
    cells: years.map((_, j) => {
      const column = amounts.map((a) => a[j]);
      return cell(column.some((d) => d === undefined) ? undefined : sum(column as Decimal[]));
    }),
  });
  return (
    <>
      <h3>{t("Bijdrage over de kostenpools", "Contribution over the cost pools")}</h3>
      <ChangeTable
        label={t(
          "Bijdrage per gemeente over de kostenpools",
          "Contribution per municipality over the cost pools"
        )}
        columns={[t("Gemeente", "Municipality"), ...years.map(String)]}
        rows={rows}
        figures
      />
    </>
  );
}

/** What the pane read: which plan, which tables where, years, municipalities. */
export function PlanView({ loaded }: { loaded: LoadedPlan }) {
  const t = useT();
  const msg = useMessage();
  const lang = useContext(LangContext);
  const styles = useStyles();
  const plan = loaded.plan;
  // 151 numbers stored as text are one line with their cells.
  const remarks = foldRemarks(loaded.remarks);
  const keyNotes = useMemo(() => (plan ? preciseKeyNotes(plan) : []), [plan]);
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
              {hasPools(plan)
                ? t("in de kostenpools", "in the cost pools")
                : t("in Tabel 6", "in Tabel 6")}
            </dd>
            {keyNotes.length > 0 && (
              <>
                <dt className={styles.term}>{t("Verdeelsleutel", "Distribution key")}</dt>
                <dd className={styles.value} data-testid="plan-key-note">
                  {keyNotes.map((n) => msg(n)).join(". ")}
                </dd>
              </>
            )}
          </>
        )}
      </dl>
      {plan &&
        poolsOf(plan).map((pool) => (
          <React.Fragment key={pool.name}>
            <h3>
              {pool.name === ""
                ? t("Tabellen", "Tables")
                : `${t("Kostenpool", "Cost pool")} ${pool.name} · ${pool.title}`}
            </h3>
            {pool.name !== "" && (
              <p className={styles.value}>
                {pool.method === "budget-share"
                  ? t("verdeeld naar budgetaandeel", "distributed by budget share")
                  : t("verdeeld met de SLA-sleutel", "distributed by the SLA key")}
                {", "}
                {pool.plan.unit === "cent"
                  ? t("in centen", "in cents")
                  : t("in hele euro's", "in whole euros")}
              </p>
            )}
            <ul className={styles.list}>
              {TABLE_KINDS.map((table) => {
                const years = tableYears(pool.plan, table.id);
                // A pool lists the tables it has; a plan of one pool also what it lacks.
                if (years === undefined && (table.optional || pool.name !== "")) return null;
                const where = pool.plan.source.tables[table.id];
                return (
                  <li key={table.id}>
                    <strong>{msg(tableName(pool.plan, table.id, numberedTitle(table.id)))}</strong>:{" "}
                    {years === undefined
                      ? t("niet gevonden", "not found")
                      : [where, yearsText(years)].filter(Boolean).join(", ") ||
                        t("gevonden", "found")}
                  </li>
                );
              })}
            </ul>
          </React.Fragment>
        ))}
      {plan && hasPools(plan) && <PoolTotals plan={plan} />}
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
                {nbsp(remarkText(r, lang, 12))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
