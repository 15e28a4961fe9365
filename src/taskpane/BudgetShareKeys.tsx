import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { formatEuro } from "../core/dutchNumber";
import { CostPool } from "../core/model";
import { sum } from "../core/money";
import { tableName } from "../core/rules/rule";
import { ChangeTable } from "./ChangeTable";
import { computedKey, nbsp, statedKey } from "./format";
import { useMessage, useT } from "./i18n";

const useStyles = makeStyles({
  lead: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The key of a pool distributed by budget share (objectief verdeelmodel jeugd): there are no
 * weights or components to change, so the view shows each municipality's budget, the key the
 * plan states and the share of the budgets that key should be (what BUDGET-SHARE checks).
 */
export function BudgetShareKeys({ pool }: { pool: CostPool }) {
  const t = useT();
  const msg = useMessage();
  const styles = useStyles();
  const rows = pool.plan.contributions?.rows.filter((r) => r.municipality) ?? [];
  const budgets = rows.flatMap((r) => (r.budget ? [r.budget.value] : []));
  const total = sum(budgets);
  const name = msg(tableName(pool.plan, "Tabel 6"));
  return (
    <section aria-label={t("Verdeelsleutel naar budget", "Key by budget share")}>
      <h3>{t("Huidige sleutels", "Current keys")}</h3>
      <p className={styles.lead}>
        {t(
          `Kostenpool ${pool.name} verdeelt naar het aandeel van elke gemeente in het budget: sleutel = budget ÷ totaal van de budgetten. Er zijn geen wegingen of componenten om te veranderen; de controle BUDGET-SHARE vergelijkt elke sleutel met dat aandeel.`,
          `Cost pool ${pool.name} is distributed by each municipality's share of the budget: key = budget ÷ total of the budgets. There are no weights or components to change; the check BUDGET-SHARE compares each key with that share.`
        )}
      </p>
      {rows.length > 0 ? (
        <ChangeTable
          figures
          label={t(`Sleutels en budgetten (${name})`, `Keys and budgets (${name})`)}
          columns={[
            t("Gemeente", "Municipality"),
            t("Budget", "Budget"),
            t("Sleutel", "Key"),
            t("Budgetaandeel", "Budget share"),
          ]}
          rows={rows.map((r) => {
            const share = r.budget && total.gt(0) ? r.budget.value.div(total) : undefined;
            return {
              key: r.municipality as string,
              label: r.municipality as string,
              cells: [
                { text: r.budget ? nbsp(formatEuro(r.budget.value)) : "—" },
                {
                  text: r.key ? statedKey(r.key.value) : "—",
                  testId: `current-${r.municipality}`,
                },
                { text: share ? computedKey(share) : "—", testId: `share-${r.municipality}` },
              ],
            };
          })}
        />
      ) : (
        <p className={styles.lead}>{t(`${name} heeft geen sleutels.`, `${name} has no keys.`)}</p>
      )}
    </section>
  );
}
