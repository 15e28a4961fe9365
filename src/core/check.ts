import { CheckResult, Finding, Plan, RuleResult, Severity } from "./model";
import { RULES } from "./rules";

/** Runs every rule on the plan. */
export function checkPlan(plan: Plan): CheckResult {
  const findings: Finding[] = [];
  const rules: RuleResult[] = [];
  for (const rule of RULES) {
    if (!rule.applies(plan)) {
      rules.push({ rule: rule.id, title: rule.title, status: "not-applicable", findings: 0 });
      continue;
    }
    const found = rule.run(plan);
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
