import { Message, Plan } from "../core/model";
import { plan2024 } from "../core/plan2024";

/**
 * Where the functions get their plan. In Excel the runtime installs the workbook's plan
 * source; anywhere else (tests, a formula engine) the built-in 2024 plan answers.
 */
export interface PlanFeed {
  /** The plan to answer from; undefined while the workbook is still being read. */
  current(): Plan | undefined;
  /** Why there is no plan to answer from (the workbook's plan could not be read). */
  problem(): Message | undefined;
  /** Called after every change of the plan; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

let embedded: Plan | undefined;

/** The built-in 2024 plan, built once: it never changes. */
export const embeddedFeed: PlanFeed = {
  current: () => (embedded ??= plan2024()),
  problem: () => undefined,
  subscribe: () => () => undefined,
};

let feed: PlanFeed = embeddedFeed;

export function planFeed(): PlanFeed {
  return feed;
}

export function setPlanFeed(next: PlanFeed): void {
  feed = next;
}
