import * as React from "react";
import { useContext, useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { formatCell } from "../core/address";
import { CheckResult, Finding, Plan, Severity, TableId } from "../core/model";
import { poolsOf } from "../core/pools";
import {
  CauseGroup,
  FindingFilter,
  filterChoices,
  filterGroups,
  groupByCause,
} from "../report/causes";
import { Acceptance, Acceptances, findingKey, SEVERITY_TEXT } from "../report/findings";
import { findingDifference, findingFigure } from "./format";
import { LangContext, useMessage, useT } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
    // A long option ("Valkenburg aan de Geul") must not widen its column past the pane.
    "& > *": { minWidth: 0 },
    // Fluent's Input and Select keep a minimum width of their own.
    "& .fui-Input, & .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& select, & input": { minWidth: 0 },
  },
  header: { minWidth: 0 },
  headerText: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    minWidth: 0,
    overflowWrap: "anywhere",
    textAlign: "left",
  },
  titleLine: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tag: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: "0 4px",
  },
  subheading: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  finding: {
    display: "block",
    width: "100%",
    textAlign: "left",
    height: "auto",
    padding: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  term: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingVerticalS} ${tokens.spacingVerticalS}`,
  },
  accepted: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  message: { display: "block" },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface FindingsViewProps {
  result: CheckResult;
  plan: Plan;
  accepted: Acceptances;
  /** Present in Excel: clicking a finding selects its cells. */
  onSelect?(finding: Finding): void;
  /** Present in Excel: accepts these findings with one reason. */
  onAccept?(findings: Finding[], acceptance: Acceptance): void;
  onUnaccept?(finding: Finding): void;
  /** Present in Excel: writes a rounding fix after preview. */
  onFix?(finding: Finding): void;
}

/** `1 bevinding`, `3 bevindingen`. */
function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function FindingsView(props: FindingsViewProps) {
  const { result, plan, accepted } = props;
  const t = useT();
  const styles = useStyles();
  const [filter, setFilter] = useState<FindingFilter>({});
  const all = useMemo(() => groupByCause(result, plan), [result, plan]);
  const choices = useMemo(
    () =>
      filterChoices(
        result.findings,
        poolsOf(plan).map((p) => p.name)
      ),
    [result, plan]
  );
  const groups = useMemo(() => filterGroups(all, filter), [all, filter]);
  const open = result.findings.filter((f) => !accepted.has(findingKey(f)));
  const ran = result.rules.filter((r) => r.status !== "not-applicable").length;
  const shown = groups.reduce((n, g) => n + g.findings.length, 0);
  const narrowed = Object.values(filter).some((v) => v !== undefined && v !== "");

  const { error, warning, info } = result.summary;
  const counts = [
    error > 0 ? t(counted(error, "fout", "fouten"), counted(error, "error", "errors")) : "",
    warning > 0
      ? t(
          counted(warning, "waarschuwing", "waarschuwingen"),
          counted(warning, "warning", "warnings")
        )
      : "",
    info > 0 ? t(counted(info, "opmerking", "opmerkingen"), counted(info, "note", "notes")) : "",
  ].filter(Boolean);

  return (
    <section aria-label={t("Bevindingen", "Findings")} className={styles.root}>
      {open.length === 0 ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t("Het plan klopt", "The plan is consistent")}</MessageBarTitle>
            {result.findings.length === 0
              ? t(
                  `Alle ${ran} controles zijn zonder bevindingen doorlopen.`,
                  `All ${ran} checks passed without findings.`
                )
              : t(
                  `Geen open bevindingen: ${result.findings.length === 1 ? "de enige is" : `alle ${result.findings.length} zijn`} geaccepteerd.`,
                  `No open findings: ${result.findings.length === 1 ? "the only one has" : `all ${result.findings.length} have`} been accepted.`
                )}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent={error > 0 ? "error" : "warning"} role="status">
          <MessageBarBody>
            <MessageBarTitle>
              {t(
                counted(open.length, "open bevinding", "open bevindingen"),
                counted(open.length, "open finding", "open findings")
              )}
            </MessageBarTitle>
            {t(
              `${counts.join(", ")} in ${counted(all.length, "groep", "groepen")}; ${ran} controles uitgevoerd.`,
              `${counts.join(", ")} in ${counted(all.length, "group", "groups")}; ${ran} checks run.`
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {result.findings.length > 0 && (
        <Filters choices={choices} filter={filter} onChange={setFilter} />
      )}
      {narrowed && (
        <p role="status" className={styles.summary}>
          {t(
            `${counted(shown, "bevinding", "bevindingen")} van ${result.findings.length} getoond.`,
            `${counted(shown, "finding", "findings")} of ${result.findings.length} shown.`
          )}
        </p>
      )}
      <Accordion multiple collapsible>
        {groups.map((g) => (
          <Group key={g.id} group={g} {...props} />
        ))}
      </Accordion>
    </section>
  );
}

/** A table choice as one option value: its pool (none in a plan of one pool) and its kind. */
const tableValue = (x: { table?: TableId; pool?: string }) => `${x.pool ?? ""}|${x.table ?? ""}`;

function Filters(props: {
  choices: ReturnType<typeof filterChoices>;
  filter: FindingFilter;
  onChange(filter: FindingFilter): void;
}) {
  const { choices, filter, onChange } = props;
  const t = useT();
  const msg = useMessage();
  const styles = useStyles();
  const set = (patch: FindingFilter) => onChange({ ...filter, ...patch });
  const all = t("alle", "all");
  return (
    <div className={styles.filters} role="search">
      <Field label={t("Zoeken", "Search")}>
        <Input
          type="search"
          value={filter.search ?? ""}
          onChange={(_, d) => set({ search: d.value })}
        />
      </Field>
      <Field label={t("Ernst", "Severity")}>
        <Select
          value={filter.severity ?? ""}
          onChange={(_, d) => set({ severity: (d.value || undefined) as Severity | undefined })}
        >
          <option value="">{all}</option>
          {choices.severities.map((s) => (
            <option key={s} value={s}>
              {msg(SEVERITY_TEXT[s])}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("Tabel", "Table")}>
        <Select
          value={filter.table ? tableValue(filter) : ""}
          onChange={(_, d) => {
            const choice = choices.tables.find((x) => tableValue(x) === d.value);
            set({ table: choice?.table, pool: choice?.pool });
          }}
        >
          <option value="">{all}</option>
          {choices.tables.map((x) => (
            <option key={tableValue(x)} value={tableValue(x)}>
              {x.label}
            </option>
          ))}
        </Select>
      </Field>
      {choices.municipalities.length > 0 && (
        <Field label={t("Gemeente", "Municipality")}>
          <Select
            value={filter.municipality ?? ""}
            onChange={(_, d) => set({ municipality: d.value || undefined })}
          >
            <option value="">{all}</option>
            {choices.municipalities.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {choices.years.length > 0 && (
        <Field label={t("Jaar", "Year")}>
          <Select
            value={filter.year === undefined ? "" : String(filter.year)}
            onChange={(_, d) => set({ year: d.value ? Number(d.value) : undefined })}
          >
            <option value="">{all}</option>
            {choices.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}

function Group(props: FindingsViewProps & { group: CauseGroup }) {
  const { group: g, accepted, onAccept } = props;
  const t = useT();
  const msg = useMessage();
  const styles = useStyles();
  const done = g.findings.filter((f) => accepted.has(findingKey(f))).length;
  const symptoms = g.cause ? g.findings.slice(1) : g.findings;
  const openOnes = g.findings.filter((f) => !accepted.has(findingKey(f)));
  const item = (f: Finding, i: number) => (
    <FindingItem key={`${findingKey(f)}#${i}`} finding={f} {...props} />
  );
  return (
    <AccordionItem value={g.id}>
      <AccordionHeader className={styles.header} expandIconPosition="end">
        <span className={styles.headerText}>
          <span className={styles.titleLine}>
            <Badge appearance="filled" color={BADGE_COLOR[g.severity]}>
              {msg(SEVERITY_TEXT[g.severity])}
            </Badge>
            <span className={styles.title}>{msg(g.title)}</span>
            <span className={styles.tag}>{g.rule}</span>
          </span>
          <span className={styles.summary}>
            {msg(g.summary)}
            {done > 0 && t(` · ${done} geaccepteerd`, ` · ${done} accepted`)}
          </span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {onAccept && openOnes.length > 1 && (
          <AcceptForm
            label={t(`Alle ${openOnes.length} accepteren…`, `Accept all ${openOnes.length}…`)}
            onAccept={(a) => onAccept(openOnes, a)}
          />
        )}
        {g.cause && (
          <>
            <h4 className={styles.subheading}>{t("Oorzaak", "Cause")}</h4>
            <ul className={styles.list}>{item(g.cause, 0)}</ul>
            <h4 className={styles.subheading}>
              {t(`Gevolgen (${symptoms.length})`, `Consequences (${symptoms.length})`)}
            </h4>
          </>
        )}
        <ul className={styles.list}>{symptoms.map((f, i) => item(f, i + 1))}</ul>
      </AccordionPanel>
    </AccordionItem>
  );
}

/** A button that opens a reason field; the reason is required. */
function AcceptForm(props: { label: string; onAccept(a: Acceptance): void }) {
  const t = useT();
  const styles = useStyles();
  const [reason, setReason] = useState<string | null>(null);
  if (reason === null) {
    return (
      <div className={styles.actions}>
        <Button size="small" onClick={() => setReason("")}>
          {props.label}
        </Button>
      </div>
    );
  }
  const empty = reason.trim() === "";
  return (
    <form
      className={styles.actions}
      onSubmit={(e) => {
        e.preventDefault();
        if (empty) return;
        props.onAccept({ reason: reason.trim(), date: new Date().toISOString().slice(0, 10) });
        setReason(null);
      }}
    >
      <Field
        label={t("Reden van acceptatie", "Reason for accepting")}
        required
        validationMessage={empty ? t("Geef een reden op", "Give a reason") : undefined}
        validationState={empty ? "none" : undefined}
        style={{ width: "100%" }}
      >
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" size="small" disabled={empty}>
        {t("Opslaan in werkmap", "Save in workbook")}
      </Button>
      <Button size="small" onClick={() => setReason(null)}>
        {t("Annuleren", "Cancel")}
      </Button>
    </form>
  );
}

function FindingItem(props: FindingsViewProps & { finding: Finding }) {
  const { finding: f, accepted, onSelect, onAccept, onUnaccept, onFix } = props;
  const t = useT();
  const msg = useMessage();
  const lang = useContext(LangContext);
  const styles = useStyles();
  const acceptance = accepted.get(findingKey(f));
  const d = findingDifference(f, lang);
  const where = [
    f.year !== null ? String(f.year) : null,
    f.municipality ?? f.line,
    f.cell ? formatCell(f.cell) : null,
  ]
    .filter(Boolean)
    .join(" · ");

  const body = (
    <>
      <strong>{where || f.table}</strong>
      {(f.expected || f.actual) && (
        <span className={styles.facts}>
          {f.expected && (
            <>
              <span className={styles.term}>{t("Verwacht", "Expected")}</span>
              <span>{findingFigure(f, "expected")}</span>
            </>
          )}
          {f.actual && (
            <>
              <span className={styles.term}>{t("Staat er", "Actual")}</span>
              <span>{findingFigure(f, "actual")}</span>
            </>
          )}
          {d && (
            <>
              <span className={styles.term}>{t("Verschil", "Difference")}</span>
              <span>{d}</span>
            </>
          )}
        </span>
      )}
      <span className={styles.message}>{msg(f.message)}</span>
    </>
  );

  return (
    <li className={styles.item}>
      {onSelect && f.cells.length > 0 ? (
        <Button
          appearance="subtle"
          className={styles.finding}
          onClick={() => onSelect(f)}
          title={t("Selecteer de cel(len) in Excel", "Select the cell(s) in Excel")}
        >
          {body}
        </Button>
      ) : (
        <div className={styles.finding}>{body}</div>
      )}
      {acceptance && (
        <p className={`${styles.actions} ${styles.accepted}`}>
          {t("Geaccepteerd", "Accepted")}: {acceptance.reason} ({acceptance.date})
        </p>
      )}
      {onFix && f.fix && f.fix.length > 0 && !acceptance && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => onFix(f)}>
            {t("Afronding herstellen…", "Fix rounding…")}
          </Button>
        </div>
      )}
      {onAccept && !acceptance && (
        <AcceptForm label={t("Accepteren…", "Accept…")} onAccept={(a) => onAccept([f], a)} />
      )}
      {onUnaccept && acceptance && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => onUnaccept(f)}>
            {t("Acceptatie intrekken", "Withdraw acceptance")}
          </Button>
        </div>
      )}
    </li>
  );
}
