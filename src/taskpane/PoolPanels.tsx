import * as React from "react";
import { useMemo, useRef, useState } from "react";
import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { CostPool, Plan } from "../core/model";
import { hasPools, poolsOf } from "../core/pools";
import { useT } from "./i18n";

const useStyles = makeStyles({
  choice: { marginBottom: tokens.spacingVerticalM, minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
});

export interface PoolPanelsProps<T> {
  plan: Plan;
  /** What the report gets from the panel the user worked in last; null when none. */
  onReport?(value: T | null): void;
  /** One pool's panel, reporting through `report`. */
  children(pool: CostPool, report: ((value: T | null) => void) | undefined): React.ReactNode;
}

/**
 * A view that works on one cost pool at a time (the key, the settlement): a merged plan gets a
 * choice of pool above it, and a panel per pool that keeps what was typed in it while another
 * pool is shown. A plan of one pool gets its one panel and no choice.
 */
export function PoolPanels<T>({ plan, onReport, children }: PoolPanelsProps<T>) {
  const t = useT();
  const styles = useStyles();
  const pools = poolsOf(plan);
  const [chosen, setChosen] = useState(pools[0].name);
  const owner = useRef<string | undefined>(undefined);
  // One stable reporter per pool: a hidden panel that reports nothing does not clear what the
  // panel the user worked in put in the report.
  const reporters = useMemo(
    () =>
      new Map(
        poolsOf(plan).map((p) => [
          p.name,
          (value: T | null) => {
            if (value !== null) owner.current = p.name;
            else if (owner.current !== undefined && owner.current !== p.name) return;
            else owner.current = undefined;
            onReport?.(value);
          },
        ])
      ),
    [plan, onReport]
  );
  const report = (name: string) => (onReport ? reporters.get(name) : undefined);
  if (!hasPools(plan)) return <>{children(pools[0], report(pools[0].name))}</>;
  return (
    <>
      <Field className={styles.choice} label={t("Kostenpool", "Cost pool")}>
        <Select className={styles.select} value={chosen} onChange={(_, d) => setChosen(d.value)}>
          {pools.map((p) => (
            <option key={p.name} value={p.name}>
              {`${p.name} · ${p.title}`}
            </option>
          ))}
        </Select>
      </Field>
      {pools.map((p) => (
        <div key={p.name} hidden={p.name !== chosen} data-pool={p.name}>
          {children(p, report(p.name))}
        </div>
      ))}
    </>
  );
}
