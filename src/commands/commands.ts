import { requestCheck } from "../runtime/bridge";

/*
 * Ribbon commands. In the shared runtime they run in the pane's page: "Controleer plan" opens
 * the pane and asks it to run the check; "UP-paneel" is a plain ShowTaskpane in the manifest.
 */

/** Opens the pane and asks it to check the plan; `completed` is always called. */
export async function checkPlanCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
    requestCheck();
  } catch {
    // The pane could not be shown (e.g. an old Excel): the check still runs when it is opened.
    requestCheck();
  } finally {
    event.completed();
  }
}

export function registerCommands(): void {
  Office.actions.associate("checkPlan", checkPlanCommand);
}
