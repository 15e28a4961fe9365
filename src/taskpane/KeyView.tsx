import * as React from "react";
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import Decimal from "decimal.js";
import { ComponentRow, DEFAULT_WEIGHTS, EQUAL_SHARE } from "../core/distributionKey";
import { formatDecimal, formatEuro, formatPercent, readDutchNumber } from "../core/dutchNumber";
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
import { ChangeTable, useTableStyles } from "./ChangeTable";
import { useMessage, useT } from "./i18n";
import type { PreviewRow } from "./WriteDialog";

const useStyles = makeStyles({
  weights: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
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

function initialWeights(plan: Plan, columns: string[]): Record<string, string> {
  const source = plan.keyComponents?.weights ?? DEFAULT_WEIGHTS;
  return Object.fromEntries(
    [EQUAL_SHARE, ...columns].map((c) => [c, formatDecimal(source.get(c) ?? new D(0))])
  );
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

const signed = (text: string, d: Decimal) => (d.isPositive() && !d.isZero() ? `+${text}` : text);

export interface KeyViewProps {
  plan: Plan;
  /** The comparison the user sees, for the report; null when it cannot be computed. */
  onComparison?(comparison: KeyComparison | null): void;
  /** Present in Excel: writes the recomputed keys and amounts after preview. */
  onApply?(label: string, writes: CellWrite[], preview: PreviewRow[]): void;
}

/** Key components, weights, and the keys and amounts they give beside the plan's. */
export function KeyView({ plan, onComparison, onApply }: KeyViewProps) {
  const t = useT();
  const msg = useMessage();
  const styles = useStyles();
  const table = useTableStyles();
  const columns = useMemo(() => componentColumns(plan), [plan]);
  const [weights, setWeights] = useState(() => initialWeights(plan, columns));
  const [values, setValues] = useState(() => initialValues(plan, columns));
  const years = plan.contributions?.years ?? plan.totals?.years ?? [];
  const [year, setYear] = useState(() => years.find((y) => y > 2023) ?? years[0]);

  const parsed = useMemo(() => {
    const problems: string[] = [];
    const w = new Map<string, Decimal>();
    for (const [c, text] of Object.entries(weights)) {
      const n = readDutchNumber(text);
      if (!n)
        problems.push(
          t(
            `Weging ${msg(componentLabel(c))}: '${text}' is geen getal`,
            `Weight ${msg(componentLabel(c))}: '${text}' is not a number`
          )
        );
      else w.set(c, n.value);
    }
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
    const usedColumns = columns.filter((c) => !(w.get(c) ?? new D(0)).isZero());
    const missing = blank > 0 && usedColumns.some((c) => rows.some((r) => !r.values.has(c)));
    return { problems, weights: w, rows, usedColumns, missing };
  }, [weights, values, columns, t, msg]);
  const missing = parsed.missing;

  const weightTotal = [...parsed.weights.values()].reduce((a, b) => a.plus(b), new D(0));
  const comparison = useMemo(() => {
    if (parsed.problems.length > 0 || parsed.missing) return null;
    const rows = parsed.rows.map((r) => ({
      municipality: r.municipality,
      values: new Map([...r.values].filter(([c]) => parsed.usedColumns.includes(c))),
    }));
    const w = new Map([...parsed.weights].filter(([c, v]) => c === EQUAL_SHARE || !v.isZero()));
    return compareKeys(plan, rows, w);
  }, [parsed, plan]);

  const ok = comparison?.ok ? comparison.value : null;
  const [showComponents, setShowComponents] = useState(missing);
  useEffect(() => onComparison?.(ok), [ok, onComparison]);

  const apply = () => {
    if (!ok || !onApply) return;
    const writes: CellWrite[] = [];
    const preview: PreviewRow[] = [];
    for (const r of ok.rows) {
      if (r.keyCell && r.keyDiff && !r.keyDiff.isZero()) {
        writes.push({ cell: r.keyCell, value: r.nextKey.toNumber(), kind: "fraction" });
        preview.push({
          where: `${r.municipality} ${t("sleutel", "key")} (${formatCell(r.keyCell)})`,
          from: r.currentKey ? formatPercent(r.currentKey) : "",
          to: formatPercent(r.nextKey, 4),
        });
      }
      for (const [y, a] of r.amounts) {
        if (a.cell && a.diff && !a.diff.isZero()) {
          writes.push({ cell: a.cell, value: a.next.toNumber(), kind: "euro" });
          preview.push({
            where: `${r.municipality} ${y} (${formatCell(a.cell)})`,
            from: a.current ? formatEuro(a.current) : "",
            to: formatEuro(a.next),
          });
        }
      }
    }
    onApply(t("Sleutels en bedragen herberekend", "Keys and amounts recomputed"), writes, preview);
  };

  const nowAndNew = [
    t("Gemeente", "Municipality"),
    t("Nu", "Now"),
    t("Nieuw", "New"),
    t("Verschil", "Difference"),
  ];

  return (
    <section aria-label={t("Verdeelsleutel herberekenen", "Recompute distribution key")}>
      <h3>{t("Wegingen (%)", "Weights (%)")}</h3>
      <div className={styles.weights}>
        {[EQUAL_SHARE, ...columns].map((c) => (
          <Field key={c} label={msg(componentLabel(c))}>
            <Input
              inputMode="decimal"
              value={weights[c]}
              onChange={(_, d) => setWeights({ ...weights, [c]: d.value })}
              contentAfter="%"
            />
          </Field>
        ))}
      </div>
      <p role="status" aria-live="polite">
        {t("Totaal", "Total")}: {formatDecimal(weightTotal)}%
        {weightTotal.eq(100) ? "" : t(" — moet 100% zijn", " — must be 100%")}
      </p>

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
          <h3 className={styles.section}>{t("Sleutels", "Keys")}</h3>
          <ChangeTable
            figures
            label={t("Sleutels nu en herberekend", "Keys now and recomputed")}
            columns={nowAndNew}
            rows={ok.rows.map((r) => ({
              key: r.municipality,
              label: r.municipality,
              cells: [
                { text: r.currentKey ? formatPercent(r.currentKey) : "—" },
                { text: formatPercent(r.nextKey), testId: `key-${r.municipality}` },
                {
                  text: r.keyDiff ? signed(formatPercent(r.keyDiff), r.keyDiff) : "—",
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
                        { text: a?.current ? formatEuro(a.current) : "—" },
                        { text: a ? formatEuro(a.next) : "—" },
                        {
                          text: a?.diff ? signed(formatEuro(a.diff), a.diff) : "—",
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
                        text: ok.totals.get(year) ? formatEuro(ok.totals.get(year) as Decimal) : "",
                      },
                      { text: "" },
                    ],
                  },
                ]}
              />
            </>
          )}
          {onApply && (
            <Button appearance="primary" className={styles.section} onClick={apply}>
              {t("Toepassen…", "Apply…")}
            </Button>
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
