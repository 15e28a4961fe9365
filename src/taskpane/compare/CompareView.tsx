import * as React from "react";
import { useContext, useMemo, useState } from "react";
import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import Decimal from "decimal.js";
import { ChangeRow, ChangeTotals, Comparison, LineChange } from "../../core/compare";
import { compare } from "../../core/comparePlans";
import { formatDecimal } from "../../core/dutchNumber";
import { PlanInputError } from "../../core/errors";
import {
  explainAll,
  formatAmount,
  formatShare,
  formatSignedAmount,
} from "../../core/explainChange";
import { Plan } from "../../core/model";
import { poolsOf } from "../../core/pools";
import { ContributionSource } from "../../core/query";
import { ExplanationList } from "../ExplanationList";
import { nbsp } from "../format";
import { LangContext, Lang } from "../i18n";

export interface CompareViewProps {
  /** The earlier plan (last year's, or the plan itself when comparing its years). */
  oldPlan: Plan;
  /** The later plan; the same plan when absent. */
  newPlan?: Plan;
  /** Years shown first; the user can pick others the plans have. */
  oldYear?: number;
  newYear?: number;
  source?: ContributionSource;
  /** Writes text to the clipboard; navigator.clipboard when absent. */
  copyText?: (text: string) => Promise<void>;
}

type SortKey =
  "municipality" | "old" | "new" | "difference" | "percentage" | "totalEffect" | "keyEffect";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  controls: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
    // Fluent's Input and Select keep a minimum width of their own.
    "& .fui-Input, & .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& select, & input": { minWidth: 0 },
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  numberHead: { textAlign: "right", justifyContent: "flex-end" },
  total: { fontWeight: tokens.fontWeightSemibold },
  method: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  text: { margin: 0, flexGrow: 1 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
  // Seven columns need about 720 px; narrower, each municipality is a block of labelled lines
  // and the column headers wrap into a row of sort buttons above them.
  table: {
    "@media (max-width: 720px)": {
      "& thead tr": { display: "flex", flexWrap: "wrap", height: "auto" },
      "& thead th": { display: "block", width: "auto" },
      "& tbody tr": {
        display: "block",
        height: "auto",
        padding: `${tokens.spacingVerticalXS} 0`,
      },
      "& tbody td": {
        display: "flex",
        justifyContent: "space-between",
        gap: tokens.spacingHorizontalS,
        height: "auto",
        minHeight: "24px",
      },
      "& tbody td:first-child": { fontWeight: tokens.fontWeightSemibold },
      "& tbody td[data-label]::before": {
        content: "attr(data-label)",
        color: tokens.colorNeutralForeground2,
        fontWeight: tokens.fontWeightRegular,
      },
    },
  },
});

/** Years both a table of totals and the contributions can answer: Tabel 4, else Tabel 6. */
/** The years the plan distributes; of a merged plan those every cost pool has. */
function yearsOf(plan: Plan): number[] {
  const each = poolsOf(plan).map((p) => p.plan.totals?.years ?? p.plan.contributions?.years ?? []);
  return each[0].filter((y) => each.every((ys) => ys.includes(y))).sort((a, b) => a - b);
}

function defaultYears(oldPlan: Plan, newPlan: Plan, samePlan: boolean): [number, number] {
  const a = yearsOf(oldPlan);
  const b = yearsOf(newPlan);
  if (samePlan) {
    // The plan's own year against the year after it, else the first two years it has.
    const own = Number(/\b(20\d\d)\b/.exec(oldPlan.title)?.[1]);
    if (a.includes(own) && a.includes(own + 1)) return [own, own + 1];
    return [a[0], a[1] ?? a[0]];
  }
  const common = b.filter((y) => a.includes(y));
  const y = common[0] ?? b[0] ?? a[0];
  return [y, y];
}

/**
 * "Vergelijk": contributions per municipality of two years or two plan versions, the
 * difference split into total effect and key effect, sortable, with a paragraph per
 * municipality ready to paste into a letter.
 */
export function CompareView(props: CompareViewProps) {
  const { oldPlan } = props;
  const newPlan = props.newPlan ?? oldPlan;
  const samePlan = newPlan === oldPlan;
  const lang = useContext(LangContext);
  const t = (nl: string, en: string) => (lang === "nl" ? nl : en);
  const styles = useStyles();
  const [defaultOld, defaultNew] = defaultYears(oldPlan, newPlan, samePlan);
  const [oldYear, setOldYear] = useState(props.oldYear ?? defaultOld);
  const [newYear, setNewYear] = useState(props.newYear ?? defaultNew);
  const [source, setSource] = useState<ContributionSource>(props.source ?? "computed");
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: "municipality",
    ascending: true,
  });

  const outcome = useMemo((): { ok: Comparison } | { error: string } => {
    try {
      return {
        ok: compare({ plan: oldPlan, year: oldYear }, { plan: newPlan, year: newYear }, source),
      };
    } catch (e) {
      if (e instanceof PlanInputError) return { error: e.text(lang) };
      throw e;
    }
  }, [oldPlan, newPlan, oldYear, newYear, source, lang]);

  const yearSelect = (label: string, value: number, years: number[], set: (y: number) => void) => (
    <Field label={label}>
      <Select value={String(value)} onChange={(_, d) => set(Number(d.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
    </Field>
  );

  const controls = (
    <div className={styles.controls}>
      {yearSelect(t("Oud jaar", "Old year"), oldYear, yearsOf(oldPlan), setOldYear)}
      {yearSelect(t("Nieuw jaar", "New year"), newYear, yearsOf(newPlan), setNewYear)}
      <Field label={t("Bedragen", "Amounts")}>
        <Select value={source} onChange={(_, d) => setSource(d.value as ContributionSource)}>
          <option value="computed">
            {t("berekend (Tabel 4 × sleutel)", "computed (Tabel 4 × key)")}
          </option>
          <option value="stated">{t("vermeld (Tabel 6)", "stated (Tabel 6)")}</option>
        </Select>
      </Field>
    </div>
  );

  if ("error" in outcome) {
    return (
      <div className={styles.root}>
        {controls}
        <MessageBar intent="error">
          <MessageBarBody>{outcome.error}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  const c = outcome.ok;
  const rows = sortRows(c.rows, sort.key, sort.ascending);
  const sameYear = c.old.year === c.new.year;
  const oldHead = sameYear ? t(`Oud ${c.old.year}`, `Old ${c.old.year}`) : String(c.old.year);
  const newHead = sameYear ? t(`Nieuw ${c.new.year}`, `New ${c.new.year}`) : String(c.new.year);
  const columns: { key: SortKey; label: string }[] = [
    { key: "municipality", label: t("Gemeente", "Municipality") },
    { key: "old", label: oldHead },
    { key: "new", label: newHead },
    { key: "difference", label: t("Verschil", "Difference") },
    { key: "percentage", label: "%" },
    { key: "totalEffect", label: t("Totaaleffect", "Total effect") },
    { key: "keyEffect", label: t("Sleuteleffect", "Key effect") },
  ];
  const labels = columns.slice(1).map((col) => col.label);
  const onSort = (key: SortKey) =>
    setSort((s) => ({ key, ascending: s.key === key ? !s.ascending : key === "municipality" }));
  const bodyOf = (body: readonly ChangeRow[], totals: ChangeTotals) => (
    <TableBody>
      {body.map((r) => (
        <TableRow key={r.municipality}>
          <TableCell>{r.municipality}</TableCell>
          {numberCells(r, lang, styles.number, labels)}
        </TableRow>
      ))}
      <TableRow className={styles.total}>
        <TableCell>{t("Totaal", "Total")}</TableCell>
        {numberCells(totals, lang, styles.number, labels)}
      </TableRow>
    </TableBody>
  );

  return (
    <div className={styles.root}>
      {controls}
      {!samePlan && (
        <p className={styles.method}>
          {t("Oud", "Old")}: {c.old.name} · {t("Nieuw", "New")}: {c.new.name}
        </p>
      )}
      <Table
        sortable
        size="small"
        className={styles.table}
        role="table"
        aria-label={
          c.pools
            ? t(
                "Bijdragen per gemeente over de kostenpools",
                "Contributions per municipality over the cost pools"
              )
            : t("Bijdragen per gemeente", "Contributions per municipality")
        }
      >
        <TableHeader>
          <TableRow>
            {columns.map((col) => (
              <TableHeaderCell
                key={col.key}
                className={col.key === "municipality" ? undefined : styles.numberHead}
                sortDirection={
                  sort.key === col.key ? (sort.ascending ? "ascending" : "descending") : undefined
                }
                onClick={() => onSort(col.key)}
              >
                {col.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        {bodyOf(rows, c.totals)}
      </Table>
      {c.pools?.map((p) => (
        <details key={p.name}>
          <summary className={styles.summary}>
            {t("Kostenpool", "Cost pool")} {p.name} · {p.title}
          </summary>
          <Table
            size="small"
            className={styles.table}
            role="table"
            aria-label={t(
              `Bijdragen per gemeente, kostenpool ${p.name}`,
              `Contributions per municipality, cost pool ${p.name}`
            )}
          >
            <TableHeader>
              <TableRow>
                {columns.map((col) => (
                  <TableHeaderCell
                    key={col.key}
                    className={col.key === "municipality" ? undefined : styles.numberHead}
                  >
                    {col.label}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            {bodyOf(p.comparison.rows, p.comparison.totals)}
          </Table>
        </details>
      ))}
      <p className={styles.method}>{c.method[lang]}</p>

      <details>
        <summary className={styles.summary}>
          {t("Wijzigingen per tabel", "Changes per table")}
        </summary>
        {c.tables.map((tab) => (
          <div key={`${tab.table}|${tab.title.en}`}>
            <p className={styles.text}>
              <strong>
                {tab.table} {tab.title[lang]}
              </strong>
              {tab.status === "missing"
                ? `: ${tab.note?.[lang] ?? ""}`
                : tab.changes.length === 0
                  ? `: ${t("geen wijzigingen", "no changes")}`
                  : ""}
            </p>
            {tab.changes.length > 0 && (
              <ul className={styles.changes}>
                {tab.changes.map((ch, i) => (
                  <li key={i}>{changeText(ch, lang)}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </details>

      <ExplanationList
        id="up-compare-explanations"
        explanations={explainAll(c)}
        copyText={props.copyText}
      />
    </div>
  );
}

function numberCells(
  r: Pick<ChangeRow, "old" | "new" | "difference" | "percentage" | "totalEffect" | "keyEffect">,
  lang: Lang,
  className: string,
  /** The column names, for the labelled lines of a narrow pane. */
  labels: readonly string[]
) {
  const pct =
    r.percentage === null
      ? "—"
      : `${r.percentage.isPositive() && !r.percentage.isZero() ? "+" : ""}${formatShare(r.percentage, lang)}`;
  return [
    formatAmount(r.old, lang),
    formatAmount(r.new, lang),
    formatSignedAmount(r.difference, lang),
    pct,
    formatSignedAmount(r.totalEffect, lang),
    formatSignedAmount(r.keyEffect, lang),
  ].map((text, i) => (
    <TableCell key={i} className={className} data-label={labels[i]}>
      {nbsp(text)}
    </TableCell>
  ));
}

/** Sorted copy; a missing percentage (old amount 0) sorts last either way. */
export function sortRows(
  rows: readonly ChangeRow[],
  key: SortKey,
  ascending: boolean
): ChangeRow[] {
  const dir = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === "municipality") return dir * a.municipality.localeCompare(b.municipality, "nl");
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (
      dir * (x as Decimal).comparedTo(y as Decimal) ||
      a.municipality.localeCompare(b.municipality, "nl")
    );
  });
}

function valueText(v: Decimal | null, unit: LineChange["unit"], lang: Lang): string {
  if (v === null) return lang === "nl" ? "leeg" : "empty";
  if (unit === "euro") return formatAmount(v, lang);
  if (unit === "fraction") return formatShare(v, lang, 4);
  const n = lang === "nl" ? formatDecimal(v) : v.toString();
  return unit === "percent" ? `${n}%` : n;
}

function changeText(ch: LineChange, lang: Lang): string {
  const kind =
    ch.kind === "added"
      ? lang === "nl"
        ? " (nieuw)"
        : " (new)"
      : ch.kind === "removed"
        ? lang === "nl"
          ? " (vervallen)"
          : " (removed)"
        : "";
  return `${ch.line}: ${valueText(ch.old, ch.unit, lang)} → ${valueText(ch.new, ch.unit, lang)}${kind}`;
}
