import * as React from "react";
import { useContext, useEffect, useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  tokens,
} from "@fluentui/react-components";
import Decimal from "decimal.js";
import { ComponentRow, DEFAULT_WEIGHTS, EQUAL_SHARE } from "../core/distributionKey";
import { formatDecimal, formatEuro, readDutchNumber } from "../core/dutchNumber";
import { Plan } from "../core/model";
import { D } from "../core/money";
import { formatCell } from "../core/address";
import type { CellWrite } from "../excel/write/backup";
import {
  compareKeys,
  componentColumns,
  componentLabel,
  KeyComparison,
} from "../report/keyComparison";
import { preciseKeyNotes } from "../report/keyNote";
import { checkWeights, sameWeights, scenarioEffect } from "../report/scenario";
import type { Report } from "../report/report";
import { ChangeTable, useTableStyles } from "./ChangeTable";
import { computedKey, nbsp, points, signedEuro, statedKey } from "./format";
import { LangContext, useMessage, useT } from "./i18n";
import { KeyTableSection } from "./KeyTableSection";
import type { PreviewRow } from "./WriteDialog";

const useStyles = makeStyles({
  weights: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
    // Fluent's Input and Select keep a minimum width of their own.
    "& .fui-Input, & .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& select, & input": { minWidth: 0 },
  },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  lead: { margin: 0, color: tokens.colorNeutralForeground2 },
  components: { tableLayout: "fixed" },
  numberInput: {
    width: "100%",
    boxSizing: "border-box",
    minWidth: 0,
    padding: "2px 4px",
    textAlign: "right",
    font: "inherit",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  section: { marginTop: tokens.spacingVerticalL },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
});

function municipalitiesOf(plan: Plan): string[] {
  if (plan.keyComponents && plan.keyComponents.rows.length > 0)
    return plan.keyComponents.rows.map((r) => r.municipality);
  const t6 = plan.contributions?.rows.map((r) => r.municipality).filter((m): m is string => !!m);
  return t6 && t6.length > 0 ? t6 : plan.municipalities;
}

/** The weights the plan itself uses: its own, else the SLA's 25/25/25/25. */
function planWeights(plan: Plan, columns: string[]): Map<string, Decimal> {
  const source = plan.keyComponents?.weights ?? DEFAULT_WEIGHTS;
  return new Map([EQUAL_SHARE, ...columns].map((c) => [c, source.get(c) ?? new D(0)]));
}

function weightTexts(weights: ReadonlyMap<string, Decimal>): Record<string, string> {
  return Object.fromEntries([...weights].map(([c, w]) => [c, formatDecimal(w)]));
}

function initialValues(plan: Plan, columns: string[]): Record<string, Record<string, string>> {
  const byName = new Map(plan.keyComponents?.rows.map((r) => [r.municipality, r]) ?? []);
  return Object.fromEntries(
    municipalitiesOf(plan).map((m) => [
      m,
      Object.fromEntries(
        columns.map((c) => {
          const v = byName.get(m)?.values.get(c)?.value;
          return [c, v ? formatDecimal(v) : ""];
        })
      ),
    ])
  );
}

export interface KeyViewProps {
  plan: Plan;
  /**
   * The key table the user chose to put in the report, with its weights; null when none is
   * chosen or it cannot be computed.
   */
  onComparison?(comparison: KeyComparison | null): void;
  /** Present in Excel: writes the recomputed keys and amounts after preview. */
  onApply?(label: string, writes: CellWrite[], preview: PreviewRow[]): void;
  /** Runs a step with the pane's progress and error display (useTask's run). */
  run?<T>(label: string, work: () => Promise<T>): Promise<T | undefined>;
  /** Present in Excel: inserts the key table as a new sheet after a preview. */
  insertSheet?(report: Report, label: string): Promise<string>;
}

/**
 * The plan's keys as they are, then a scenario: weights the user may change, the keys and
 * amounts they give beside the plan's, and — in Excel — applying it, with a question in words
 * first when it changes the keys drastically.
 */
export function KeyView({ plan, onComparison, onApply, run, insertSheet }: KeyViewProps) {
  const t = useT();
  const msg = useMessage();
  const lang = useContext(LangContext);
  const styles = useStyles();
  const table = useTableStyles();
  const columns = useMemo(() => componentColumns(plan), [plan]);
  const keyNotes = useMemo(() => preciseKeyNotes(plan), [plan]);
  const baseline = useMemo(() => planWeights(plan, columns), [plan, columns]);
  const [weights, setWeights] = useState(() => weightTexts(baseline));
  const [values, setValues] = useState(() => initialValues(plan, columns));
  const [inReport, setInReport] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const years = plan.contributions?.years ?? plan.totals?.years ?? [];
  const [year, setYear] = useState(() => years.find((y) => y > 2023) ?? years[0]);

  const weightCheck = useMemo(
    () => checkWeights(new Map([EQUAL_SHARE, ...columns].map((c) => [c, weights[c] ?? ""]))),
    [weights, columns]
  );

  const parsed = useMemo(() => {
    const problems: string[] = [];
    const w = weightCheck.weights;
    const rows: ComponentRow[] = [];
    let blank = 0;
    for (const [m, byComponent] of Object.entries(values)) {
      const v = new Map<string, Decimal>();
      for (const c of columns) {
        const text = byComponent[c] ?? "";
        if (text.trim() === "") {
          blank++;
          continue;
        }
        const n = readDutchNumber(text);
        if (!n || n.percent)
          problems.push(
            t(
              `${msg(componentLabel(c))} van ${m}: '${text}' is geen aantal`,
              `${msg(componentLabel(c))} of ${m}: '${text}' is not a count`
            )
          );
        else v.set(c, n.value);
      }
      rows.push({ municipality: m, values: v });
    }
    const usedColumns = columns.filter((c) => !(w?.get(c) ?? new D(0)).isZero());
    const missing = blank > 0 && usedColumns.some((c) => rows.some((r) => !r.values.has(c)));
    return { problems, weights: w, rows, usedColumns, missing };
  }, [weightCheck, values, columns, t, msg]);
  const missing = parsed.missing;
  const scenario = parsed.weights !== undefined && !sameWeights(parsed.weights, baseline);

  /** The components and weights the keys are recomputed from, once every field is valid. */
  const input = useMemo(() => {
    const w = parsed.weights;
    if (!w || parsed.problems.length > 0 || parsed.missing) return null;
    const rows = parsed.rows.map((r) => ({
      municipality: r.municipality,
      values: new Map([...r.values].filter(([c]) => parsed.usedColumns.includes(c))),
    }));
    return { rows, weights: new Map([...w].filter(([c, v]) => c === EQUAL_SHARE || !v.isZero())) };
  }, [parsed]);
  const comparison = useMemo(
    () => (input ? compareKeys(plan, input.rows, input.weights) : null),
    [input, plan]
  );

  const ok = comparison?.ok ? comparison.value : null;
  const [showComponents, setShowComponents] = useState(missing);
  useEffect(() => onComparison?.(inReport ? ok : null), [ok, inReport, onComparison]);
  const effect = useMemo(() => (ok ? scenarioEffect(ok, year) : null), [ok, year]);

  const weightsText = [EQUAL_SHARE, ...columns]
    .map((c) => `${msg(componentLabel(c)).toLocaleLowerCase(lang)} ${weights[c]}%`)
    .join(", ");

  const write = () => {
    if (!ok || !onApply) return;
    setConfirming(false);
    const writes: CellWrite[] = [];
    const preview: PreviewRow[] = [];
    for (const r of ok.rows) {
      if (r.keyCell && r.keyDiff && !r.keyDiff.isZero()) {
        writes.push({ cell: r.keyCell, value: r.nextKey.toNumber(), kind: "fraction" });
        preview.push({
          where: `${r.municipality} ${t("sleutel", "key")} (${formatCell(r.keyCell)})`,
          from: r.currentKey ? statedKey(r.currentKey) : "",
          to: computedKey(r.nextKey),
        });
      }
      for (const [y, a] of r.amounts) {
        if (a.cell && a.diff && !a.diff.isZero()) {
          writes.push({ cell: a.cell, value: a.next.toNumber(), kind: "euro" });
          preview.push({
            where: `${r.municipality} ${y} (${formatCell(a.cell)})`,
            from: a.current ? nbsp(formatEuro(a.current)) : "",
            to: nbsp(formatEuro(a.next)),
          });
        }
      }
    }
    onApply(
      scenario
        ? t(`Scenario toegepast (${weightsText})`, `Scenario applied (${weightsText})`)
        : t("Sleutels en bedragen herberekend", "Keys and amounts recomputed"),
      writes,
      preview
    );
  };
  const apply = () => (effect?.drastic ? setConfirming(true) : write());

  const nowAndNew = [
    t("Gemeente", "Municipality"),
    t("Nu", "Now"),
    scenario ? t("Scenario", "Scenario") : t("Herberekend", "Recomputed"),
    t("Verschil", "Difference"),
  ];
  const stated = plan.contributions?.rows.filter((r) => r.municipality && r.key) ?? [];

  return (
    <section aria-label={t("Verdeelsleutel herberekenen", "Recompute distribution key")}>
      <h3>{t("Huidige sleutels", "Current keys")}</h3>
      {keyNotes.map((n, i) => (
        <p key={i} className={styles.lead} data-testid="key-note">
          {msg(n)}
        </p>
      ))}
      {stated.length > 0 ? (
        <ChangeTable
          figures
          label={t("Huidige sleutels (Tabel 6)", "Current keys (Tabel 6)")}
          columns={[t("Gemeente", "Municipality"), t("Sleutel (Tabel 6)", "Key (Tabel 6)")]}
          rows={stated.map((r) => ({
            key: r.municipality as string,
            label: r.municipality as string,
            cells: [
              {
                text: r.key ? statedKey(r.key.value) : "—",
                testId: `current-${r.municipality}`,
              },
            ],
          }))}
        />
      ) : (
        <p className={styles.lead}>{t("Tabel 6 heeft geen sleutels.", "Tabel 6 has no keys.")}</p>
      )}

      <h3 className={styles.section}>
        {t("Scenario: andere wegingen", "Scenario: other weights")}
      </h3>
      <p className={styles.lead}>
        {t(
          "Verander de wegingen om te zien wat ze doen. Er verandert niets in het plan tot u een scenario toepast.",
          "Change the weights to see what they do. Nothing in the plan changes until you apply a scenario."
        )}
      </p>
      <div className={styles.weights}>
        {[EQUAL_SHARE, ...columns].map((c) => {
          const problem = weightCheck.problems.get(c);
          return (
            <Field
              key={c}
              label={msg(componentLabel(c))}
              validationState={problem ? "error" : "none"}
              validationMessage={problem ? msg(problem) : undefined}
            >
              <Input
                inputMode="decimal"
                value={weights[c]}
                onChange={(_, d) => setWeights({ ...weights, [c]: d.value })}
                contentAfter="%"
              />
            </Field>
          );
        })}
      </div>
      <p role="status" aria-live="polite">
        {t("Totaal", "Total")}: {formatDecimal(weightCheck.total)}%
        {weightCheck.totalProblem ? t(" — moet 100% zijn", " — must be 100%") : ""}
      </p>
      {weightCheck.totalProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{msg(weightCheck.totalProblem)}</MessageBarBody>
        </MessageBar>
      )}
      {scenario && (
        <MessageBar intent="warning" role="note">
          <MessageBarBody>
            <MessageBarTitle>{t("Scenario", "Scenario")}</MessageBarTitle>
            {t(
              `Wegingen ${weightsText}, niet die van het plan. Dit is een scenario; het plan is niet gewijzigd.`,
              `Weights ${weightsText}, not the plan's. This is a scenario; the plan has not changed.`
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setWeights(weightTexts(baseline))}>
              {t("Terug naar de wegingen van het plan", "Back to the plan's weights")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {parsed.problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{parsed.problems.join("; ")}</MessageBarBody>
        </MessageBar>
      )}
      {missing && parsed.problems.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t(
              "Vul de sleutelcomponenten van alle gemeenten hieronder in (of zet de weging van een component op 0) om de sleutel te herberekenen.",
              "Fill in the key components of every municipality below (or set a component's weight to 0) to recompute the key."
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {comparison && !comparison.ok && (
        <MessageBar intent="error">
          <MessageBarBody>{msg(comparison.error)}</MessageBarBody>
        </MessageBar>
      )}

      {ok && (
        <>
          <h3 className={styles.section}>
            {scenario
              ? t("Sleutels in dit scenario", "Keys in this scenario")
              : t("Sleutels herberekend", "Keys recomputed")}
          </h3>
          <ChangeTable
            figures
            label={t("Sleutels nu en herberekend", "Keys now and recomputed")}
            columns={nowAndNew}
            rows={ok.rows.map((r) => ({
              key: r.municipality,
              label: r.municipality,
              cells: [
                { text: r.currentKey ? statedKey(r.currentKey) : "—" },
                { text: computedKey(r.nextKey), testId: `key-${r.municipality}` },
                {
                  text: r.keyDiff ? points(r.keyDiff, lang) : "—",
                  changed: r.keyDiff !== undefined && r.keyDiff.abs().gte(0.00005),
                },
              ],
            }))}
          />

          {ok.years.length > 0 && (
            <>
              <h3 className={styles.section}>{t("Bedragen", "Amounts")}</h3>
              <Field label={t("Jaar", "Year")}>
                <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
                  {ok.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </Select>
              </Field>
              <ChangeTable
                figures
                label={t(`Bedragen ${year}`, `Amounts ${year}`)}
                columns={nowAndNew}
                rows={[
                  ...ok.rows.map((r) => {
                    const a = r.amounts.get(year);
                    return {
                      key: r.municipality,
                      label: r.municipality,
                      cells: [
                        { text: a?.current ? nbsp(formatEuro(a.current)) : "—" },
                        { text: a ? nbsp(formatEuro(a.next)) : "—" },
                        {
                          text: a?.diff ? signedEuro(a.diff) : "—",
                          changed: a?.diff !== undefined && !a.diff.isZero(),
                        },
                      ],
                    };
                  }),
                  {
                    // Not a municipality's name: the row of the year's total.
                    key: "\u0000total",
                    label: t("Totaal", "Total"),
                    cells: [
                      { text: "" },
                      {
                        text: ok.totals.get(year)
                          ? nbsp(formatEuro(ok.totals.get(year) as Decimal))
                          : "",
                      },
                      { text: "" },
                    ],
                  },
                ]}
              />
            </>
          )}
          <Checkbox
            className={styles.section}
            checked={inReport}
            onChange={(_, d) => setInReport(d.checked === true)}
            label={
              scenario
                ? t(
                    "Dit scenario in het verslag opnemen (met zijn wegingen)",
                    "Put this scenario in the report (with its weights)"
                  )
                : t(
                    "Deze sleuteltabel in het verslag opnemen (met de wegingen)",
                    "Put this key table in the report (with the weights)"
                  )
            }
          />
          {onApply && !confirming && (
            <Button appearance="primary" className={styles.section} onClick={apply}>
              {scenario ? t("Scenario toepassen…", "Apply scenario…") : t("Toepassen…", "Apply…")}
            </Button>
          )}
          {onApply && confirming && effect && (
            <MessageBar intent="warning" role="alertdialog" className={styles.section}>
              <MessageBarBody>
                <MessageBarTitle>
                  {effect.flattened
                    ? t("Alle sleutels worden gelijk", "Every key becomes the same")
                    : t("De sleutels veranderen sterk", "The keys change a lot")}
                </MessageBarTitle>
                {msg(effect.text)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="primary" onClick={write}>
                  {t("Toch doorgaan naar het voorbeeld", "Go on to the preview")}
                </Button>
                <Button size="small" onClick={() => setConfirming(false)}>
                  {t("Annuleren", "Cancel")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {input && (
            <KeyTableSection
              plan={plan}
              rows={input.rows}
              weights={input.weights}
              year={ok.years.includes(year) ? year : undefined}
              run={run}
              insertSheet={insertSheet}
            />
          )}
        </>
      )}
      <details
        className={styles.section}
        open={showComponents}
        onToggle={(e) => setShowComponents((e.target as HTMLDetailsElement).open)}
      >
        <summary className={styles.summary}>
          {t(
            "Sleutelcomponenten per gemeente (jaar t-1)",
            "Key components per municipality (year t-1)"
          )}
        </summary>
        <table className={`${table.table} ${styles.components}`}>
          <thead>
            <tr>
              <th className={table.thLeft} scope="col">
                {t("Gemeente", "Municipality")}
              </th>
              {columns.map((c) => (
                <th key={c} className={table.th} scope="col">
                  {msg(componentLabel(c))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.keys(values).map((m) => (
              <tr key={m}>
                <th className={table.tdLeft} scope="row">
                  {m}
                </th>
                {columns.map((c) => (
                  <td key={c} className={table.td}>
                    <input
                      className={styles.numberInput}
                      inputMode="numeric"
                      aria-label={`${msg(componentLabel(c))} ${m}`}
                      value={values[m][c]}
                      onChange={(e) =>
                        setValues({ ...values, [m]: { ...values[m], [c]: e.target.value } })
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
