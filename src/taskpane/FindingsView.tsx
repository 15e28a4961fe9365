import * as React from "react";
import { useState } from "react";
import {
  Badge,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { formatCell } from "../core/address";
import { CheckResult, Finding, Severity } from "../core/model";
import {
  Acceptance,
  Acceptances,
  findingKey,
  groupFindings,
  SEVERITY_TEXT,
} from "../report/findings";
import { difference, formatValue } from "../report/report";
import { useMessage, useT } from "./i18n";

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalL },
  groupHeading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0`,
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
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  term: { color: tokens.colorNeutralForeground2 },
  message: { margin: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingVerticalS} ${tokens.spacingVerticalS}`,
  },
  accepted: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface FindingsViewProps {
  result: CheckResult;
  accepted: Acceptances;
  /** Present in Excel: clicking a finding selects its cells. */
  onSelect?(finding: Finding): void;
  onAccept?(finding: Finding, acceptance: Acceptance): void;
  onUnaccept?(finding: Finding): void;
  /** Present in Excel: writes a rounding fix after preview. */
  onFix?(finding: Finding): void;
}

export function FindingsView(props: FindingsViewProps) {
  const { result, accepted } = props;
  const t = useT();
  const msg = useMessage();
  const styles = useStyles();
  const open = result.findings.filter((f) => !accepted.has(findingKey(f)));
  const groups = groupFindings(result.findings);
  const ran = result.rules.filter((r) => r.status !== "not-applicable").length;

  return (
    <section aria-label={t("Bevindingen", "Findings")}>
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
                  `Geen open bevindingen: alle ${result.findings.length} zijn geaccepteerd.`,
                  `No open findings: all ${result.findings.length} have been accepted.`
                )}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent={result.summary.error > 0 ? "error" : "warning"} role="status">
          <MessageBarBody>
            <MessageBarTitle>
              {t(`${open.length} open bevindingen`, `${open.length} open findings`)}
            </MessageBarTitle>
            {t(
              `${result.summary.error} fouten, ${result.summary.warning} waarschuwingen, ${result.summary.info} opmerkingen in ${groups.length} groepen; ${ran} controles uitgevoerd.`,
              `${result.summary.error} errors, ${result.summary.warning} warnings, ${result.summary.info} notes in ${groups.length} groups; ${ran} checks run.`
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {groups.map((g) => {
        const rule = result.rules.find((r) => r.rule === g.rule);
        const headingId = `group-${g.id.replace(/[^A-Za-z0-9]/g, "-")}`;
        return (
          <section key={g.id} className={styles.group} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.groupHeading}>
              <Badge appearance="filled" color={BADGE_COLOR[g.severity]}>
                {msg(SEVERITY_TEXT[g.severity])}
              </Badge>
              <span>
                {g.table} · {g.rule} ({g.findings.length})
              </span>
            </h3>
            {rule && <p className={styles.message}>{msg(rule.title)}</p>}
            <ul className={styles.list}>
              {g.findings.map((f, i) => (
                <FindingItem key={`${findingKey(f)}#${i}`} finding={f} {...props} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function FindingItem(props: FindingsViewProps & { finding: Finding }) {
  const { finding: f, accepted, onSelect, onAccept, onUnaccept, onFix } = props;
  const t = useT();
  const msg = useMessage();
  const styles = useStyles();
  const [reason, setReason] = useState<string | null>(null);
  const acceptance = accepted.get(findingKey(f));
  const d = difference(f);
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
              <span>{formatValue(f.expected, f.unit)}</span>
            </>
          )}
          {f.actual && (
            <>
              <span className={styles.term}>{t("Staat er", "Actual")}</span>
              <span>{formatValue(f.actual, f.unit)}</span>
            </>
          )}
          {d && (
            <>
              <span className={styles.term}>{t("Verschil", "Difference")}</span>
              <span>{formatValue(d, f.unit)}</span>
            </>
          )}
        </span>
      )}
      <span style={{ display: "block" }}>{msg(f.message)}</span>
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
      {(onAccept || onFix) && (
        <div className={styles.actions}>
          {onFix && f.fix && f.fix.length > 0 && !acceptance && (
            <Button size="small" onClick={() => onFix(f)}>
              {t("Afronding herstellen…", "Fix rounding…")}
            </Button>
          )}
          {onAccept && !acceptance && reason === null && (
            <Button size="small" onClick={() => setReason("")}>
              {t("Accepteren…", "Accept…")}
            </Button>
          )}
          {onUnaccept && acceptance && (
            <Button size="small" onClick={() => onUnaccept(f)}>
              {t("Acceptatie intrekken", "Withdraw acceptance")}
            </Button>
          )}
        </div>
      )}
      {onAccept && reason !== null && (
        <form
          className={styles.actions}
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() === "") return;
            onAccept(f, { reason: reason.trim(), date: new Date().toISOString().slice(0, 10) });
            setReason(null);
          }}
        >
          <Field
            label={t("Reden van acceptatie", "Reason for accepting")}
            required
            validationMessage={
              reason.trim() === "" ? t("Geef een reden op", "Give a reason") : undefined
            }
            validationState={reason.trim() === "" ? "none" : undefined}
            style={{ width: "100%" }}
          >
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" size="small" disabled={reason.trim() === ""}>
            {t("Opslaan in werkmap", "Save in workbook")}
          </Button>
          <Button size="small" onClick={() => setReason(null)}>
            {t("Annuleren", "Cancel")}
          </Button>
        </form>
      )}
    </li>
  );
}
