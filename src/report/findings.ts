import { formatCell } from "../core/address";
import { Finding, Message, RuleId, Severity, TableId } from "../core/model";
import { TABLE_ORDER } from "../core/tableKinds";

/** Findings that share a table and a rule: usually one cause behind many cells. */
export interface FindingGroup {
  id: string;
  table: TableId;
  rule: RuleId;
  /** The worst severity in the group. */
  severity: Severity;
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Groups findings by table and rule, worst first, then in table order. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const id = `${f.table}|${f.rule}`;
    let g = groups.get(id);
    if (!g) {
      g = { id, table: f.table, rule: f.rule, severity: f.severity, findings: [] };
      groups.set(id, g);
    }
    g.findings.push(f);
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[g.severity]) g.severity = f.severity;
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      TABLE_ORDER.indexOf(a.table) - TABLE_ORDER.indexOf(b.table) ||
      a.rule.localeCompare(b.rule)
  );
}

/**
 * A stable name for a finding, so an acceptance saved in the workbook still matches the
 * same finding after the next check.
 */
export function findingKey(f: Finding): string {
  return [
    f.rule,
    f.table,
    f.year ?? "",
    f.municipality ?? "",
    f.line ?? "",
    f.cell ? formatCell(f.cell) : "",
  ].join("|");
}

export const SEVERITY_TEXT: Record<Severity, Message> = {
  error: { nl: "Fout", en: "Error" },
  warning: { nl: "Waarschuwing", en: "Warning" },
  info: { nl: "Opmerking", en: "Note" },
};

/** A finding's accepted reason, by findingKey. */
export type Acceptances = ReadonlyMap<string, Acceptance>;

export interface Acceptance {
  reason: string;
  /** ISO date the finding was accepted. */
  date: string;
}
