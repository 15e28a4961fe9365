import { lazy, Suspense, useState } from "react";
import type { SettlementViewProps } from "./SettlementView";

const PooledSettlement = lazy(() =>
  import("./PooledSettlement").then((m) => ({ default: m.PooledSettlement }))
);

/**
 * The Afrekening tab's panel: its view (per cost pool) is loaded when the tab is first shown, and then stays
 * (hidden) while another tab is shown, so the year, the actual costs and the components typed
 * or picked are still there when the user comes back.
 */
export function SettlementTab({ shown, ...view }: SettlementViewProps & { shown: boolean }) {
  const [opened, setOpened] = useState(shown);
  if (shown && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <div hidden={!shown}>
      <Suspense fallback={null}>
        <PooledSettlement {...view} />
      </Suspense>
    </div>
  );
}
