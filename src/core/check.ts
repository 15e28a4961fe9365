import { CheckResult, Finding, Plan, RuleResult, Severity } from "./model";
import { withPlanKeys } from "./planKey";
import { hasPools, poolsOf } from "./pools";
import { RULES } from "./rules";

/**
 * Runs every rule on the plan. A merged plan's cost pools are each checked as a plan of their
 * own (their own totals, key and unit), every finding tagged with its pool; a rule's result is
 * over the pools: not applicable only when it applies to none of them.
 */
export function checkPlan(plan: Plan): CheckResult {
  return withPlanKeys(() => checkPools(plan));
}

function checkPools(plan: Plan): CheckResult {
  const pools = hasPools(plan) ? poolsOf(plan) : [{ name: "", plan }];
  const findings: Finding[] = [];
  const rules: RuleResult[] = [];
  for (const rule of RULES) {
    const applying = pools.filter((p) => rule.applies(p.plan));
    if (applying.length === 0) {
      rules.push({ rule: rule.id, title: rule.title, status: "not-applicable", findings: 0 });
      continue;
    }
    const found = applying.flatMap((p) => rule.run(p.plan).map((f) => tagged(f, p.name, p.plan)));
    findings.push(...found);
    rules.push({
      rule: rule.id,
      title: rule.title,
      status: found.length > 0 ? "findings" : "ok",
      findings: found.length,
    });
  }
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return { findings, rules, summary };
}

/** A finding with its pool (in a merged plan) and its table's own title (where it has one). */
function tagged(f: Finding, pool: string, plan: Plan): Finding {
  const title = plan.source.titles?.[f.table];
  if (pool === "" && !title) return f;
  return {
    ...f,
    ...(pool === "" ? {} : { pool }),
    ...(title ? { tableTitle: title } : {}),
  };
}

/** How a list of findings names a finding's table: its own title, else its id ("Tabel 6"). */
export function findingTable(f: Finding): string {
  return f.tableTitle ?? f.table;
}

/** The same with its pool in a merged plan, where both pools may have a Tabel 6: "verwerving · Tabel 6". */
export function findingPoolTable(f: Finding): string {
  return f.pool ? `${f.pool} · ${findingTable(f)}` : findingTable(f);
}
