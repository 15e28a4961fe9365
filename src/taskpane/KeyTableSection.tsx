import * as React from "react";
import { useContext, useDeferredValue, useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import Decimal from "decimal.js";
import { ComponentRow } from "../core/distributionKey";
import { formatEuro, readDutchNumber } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { ExactKeyTable, exactKeyTable } from "../core/exactKeyTable";
import { Message, Plan } from "../core/model";
import { distributedTotalIfAny } from "../core/query";
import { componentLabel } from "../report/keyComparison";
import {
  KeyTableSource,
  keyTableGuarantee,
  keyTableReport,
  planTotalSource,
} from "../report/keyTableSheet";
import type { Report } from "../report/report";
import { ChangeTable } from "./ChangeTable";
import { nbsp } from "./format";
import { LangContext, useMessage, useT } from "./i18n";
import { useSheetInsert } from "./settle/useSheetInsert";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
    minWidth: 0,
  },
  field: { minWidth: 0, maxWidth: "16em" },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface KeyTableSectionProps {
  plan: Plan;
  /** The components of every municipality, for the weighted components only. */
  rows: readonly ComponentRow[];
  /** Percentages by component, `gelijk` included, adding up to 100. */
  weights: ReadonlyMap<string, Decimal>;
  /** The plan's year whose total is distributed unless the user types another. */
  year?: number;
  /** Runs a step with the pane's progress and error display. */
  run?<T>(label: string, work: () => Promise<T>): Promise<T | undefined>;
  /** Excel: inserts the table as a new sheet (kept for restore); returns the sheet's name. */
  insertSheet?(report: Report, label: string): Promise<string>;
}

type Total = { value: Decimal; source: KeyTableSource } | { problem: Message } | null;

/** The total to distribute: typed, else the plan's for the year. */
function totalOf(plan: Plan, year: number | undefined, typed: string): Total {
  if (typed.trim() !== "") {
    const n = readDutchNumber(typed);
    if (!n || n.percent || n.value.isNegative() || !n.value.isInteger()) {
      return {
        problem: {
          nl: `'${typed}' is geen bedrag in hele euro's: typ het totaal dat verdeeld wordt, bijv. 2.183.425`,
          en: `'${typed}' is not an amount in whole euros: type the total to distribute, e.g. 2,183,425`,
        },
      };
    }
    return { value: n.value, source: { total: { nl: "ingetypt", en: "typed" } } };
  }
  const planned = year === undefined ? undefined : distributedTotalIfAny(plan, year);
  if (!planned || year === undefined || !planned.value.isInteger() || planned.value.isNegative())
    return null;
  return {
    value: planned.value,
    source: { year, total: planTotalSource(planned.table, year, planned.cell) },
  };
}

/**
 * The key calculation table in whole euros (controlled rounding: rows add up to the
 * contributions, columns to the components' parts, each amount within € 1), for the year's
 * total or one the user types; in Excel it is inserted as a sheet of its own after a preview.
 */
export function KeyTableSection(props: KeyTableSectionProps) {
  const { plan, rows, weights, year, run, insertSheet } = props;
  const t = useT();
  const msg = useMessage();
  const lang = useContext(LangContext);
  const styles = useStyles();
  const [typed, setTyped] = useState("");
  /** The table is computed only while the section is open: it takes tens of milliseconds. */
  const [open, setOpen] = useState(false);
  // Typing stays quick: the table follows the typed total when React has time.
  const deferred = useDeferredValue(typed);
  const total = useMemo(() => totalOf(plan, year, deferred), [plan, year, deferred]);
  const planned = useMemo(() => totalOf(plan, year, ""), [plan, year]);

  const outcome = useMemo((): { table: ExactKeyTable } | { error: Message } | null => {
    if (!open || !total || "problem" in total) return null;
    try {
      return { table: exactKeyTable(rows, weights, total.value) };
    } catch (e) {
      if (e instanceof PlanInputError) return { error: { nl: e.nl, en: e.en } };
      throw e;
    }
  }, [open, rows, weights, total]);
  const table = outcome && "table" in outcome ? outcome.table : null;
  const source = total && "source" in total ? total.source : undefined;

  const sheet = useSheetInsert(
    insertSheet,
    run,
    t(
      `Sleuteltabel${source?.year ? ` ${source.year}` : ""} ingevoegd`,
      `Key table${source?.year ? ` ${source.year}` : ""} inserted`
    )
  );

  const euro = (d: Decimal) => nbsp(formatEuro(d));
  return (
    <details
      className={styles.section}
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary className={styles.summary}>
        {t(
          "Sleuteltabel in hele euro's (herberekening verdeelsleutel)",
          "Key table in whole euros (key calculation)"
        )}
      </summary>
      <div className={styles.body}>
        <Field
          className={styles.field}
          label={t("Te verdelen (€)", "To distribute (€)")}
          validationState={total && "problem" in total ? "error" : "none"}
          validationMessage={total && "problem" in total ? msg(total.problem) : undefined}
          hint={
            planned && "source" in planned && typed.trim() === ""
              ? t(
                  `uit ${planned.source.total.nl}; typ een ander totaal om dat te verdelen`,
                  `from ${planned.source.total.en}; type another total to distribute that`
                )
              : undefined
          }
        >
          <Input
            inputMode="numeric"
            value={typed}
            placeholder={planned && "value" in planned ? formatEuro(planned.value) : undefined}
            onChange={(_, d) => setTyped(d.value)}
          />
        </Field>
        {!total && (
          <p className={styles.hint}>
            {t(
              "Het plan geeft voor dit jaar geen totaal: typ het bedrag dat verdeeld wordt.",
              "The plan gives no total for this year: type the amount to distribute."
            )}
          </p>
        )}
        {outcome && "error" in outcome && (
          <MessageBar intent="error">
            <MessageBarBody>{msg(outcome.error)}</MessageBarBody>
          </MessageBar>
        )}
        {table && (
          <>
            <ChangeTable
              figures
              label={t("Sleuteltabel in hele euro's", "Key table in whole euros")}
              columns={[
                t("Gemeente", "Municipality"),
                ...table.components.map((c) => msg(componentLabel(c))),
                t("Bijdrage", "Contribution"),
              ]}
              rows={[
                ...table.rows.map((r) => ({
                  key: r.municipality,
                  label: r.municipality,
                  cells: [
                    ...table.components.map((c) => ({
                      text: euro(r.amounts.get(c) as Decimal),
                    })),
                    { text: euro(r.amount), testId: `keytable-${r.municipality}` },
                  ],
                })),
                {
                  // Not a municipality's name: the total row.
                  key: "\u0000total",
                  label: t("Totaal", "Total"),
                  cells: [
                    ...table.components.map((c) => ({
                      text: euro(table.parts.get(c) as Decimal),
                      testId: `keytable-part-${c}`,
                    })),
                    { text: euro(table.total) },
                  ],
                },
              ]}
            />
            {keyTableGuarantee(table).map((m, i) => (
              <p key={i} className={styles.hint}>
                {msg(m)}
              </p>
            ))}
            {insertSheet && run && source && (
              <div>
                <Button
                  onClick={() =>
                    sheet.propose(
                      keyTableReport(
                        table,
                        source,
                        { title: plan.title, name: plan.source.name },
                        lang,
                        new Date()
                      )
                    )
                  }
                >
                  {t("Als blad invoegen…", "Insert as sheet…")}
                </Button>
              </div>
            )}
          </>
        )}
        {sheet.notice}
      </div>
      {sheet.dialog}
    </details>
  );
}
