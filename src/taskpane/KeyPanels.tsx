import * as React from "react";
import { BudgetShareKeys } from "./BudgetShareKeys";
import { KeyView, KeyViewProps } from "./KeyView";
import { PoolPanels } from "./PoolPanels";

/**
 * The Verdeelsleutel tab: the key view of each cost pool, a pool distributed by budget share
 * with the budgets its keys come from instead of weights to change.
 */
export function KeyPanels({ plan, onComparison, ...view }: KeyViewProps) {
  return (
    <PoolPanels plan={plan} onReport={onComparison}>
      {(pool, report) =>
        pool.method === "budget-share" ? (
          <BudgetShareKeys pool={pool} />
        ) : (
          <KeyView {...view} plan={pool.plan} onComparison={report} />
        )
      }
    </PoolPanels>
  );
}
