import * as React from "react";
import { PoolPanels } from "../PoolPanels";
import { SettlementView, SettlementViewProps } from "./SettlementView";

/** The Afrekening tab's view per cost pool: each pool has its own advances, actual costs and key. */
export function PooledSettlement({ plan, onSettlement, ...view }: SettlementViewProps) {
  return (
    <PoolPanels plan={plan} onReport={onSettlement}>
      {(pool, report) => <SettlementView {...view} plan={pool.plan} onSettlement={report} />}
    </PoolPanels>
  );
}
