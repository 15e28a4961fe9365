import type { ApiSet } from "./apiSets";

/*
 * Apart from apiSets.ts, whose tables (where each set exists, the set of every member) only the
 * pane's messages and the tests need: the functions' runtime asks this one question, and a
 * module it shares with the pane would carry every table the pane uses into runtime.js.
 */

/** Whether the Excel UP runs in has the set; outside Office (tests, the browser page) false. */
export function supports(set: ApiSet): boolean {
  const [name, version] = set.split(" ");
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported(name, version);
}
