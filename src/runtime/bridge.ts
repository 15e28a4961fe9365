import type { PlanSource, Reading } from "../excel/planSource";

/*
 * What the parts of the shared runtime hand each other: the ribbon command asks the pane to
 * run the check, and the pane finds the plan source the functions answer from. Both live
 * in the one page of the shared runtime, so a module-level variable is the channel.
 */

let checkHandler: (() => void) | undefined;
let checkPending = false;

/**
 * The ribbon's "Controleer plan": runs the pane's check now, or as soon as the pane
 * registers (the pane mounts after the button opened it).
 */
export function requestCheck(): void {
  if (checkHandler) checkHandler();
  else checkPending = true;
}

/** For the pane: `run` is called on every "Controleer plan"; returns the unsubscribe. */
export function onCheckRequest(run: () => void): () => void {
  checkHandler = run;
  if (checkPending) {
    checkPending = false;
    run();
  }
  return () => {
    if (checkHandler === run) checkHandler = undefined;
  };
}

let source: PlanSource<Reading> | undefined;

export function setSharedPlanSource(next: PlanSource<Reading> | undefined): void {
  source = next;
}

/** The workbook's plan source in Excel; undefined outside Excel (the built-in plan answers). */
export function sharedPlanSource(): PlanSource<Reading> | undefined {
  return source;
}
