import "../functions/functions";
import { registerCommands } from "../commands/commands";
import { PlanSource } from "../excel/planSource";
import { embeddedFeed, setPlanFeed } from "../functions/planFeed";
import { readPlan } from "../reader";
import { setSharedPlanSource } from "./bridge";

/*
 * The shared runtime's one page: the functions register first (the import above; the build
 * appends the associate calls), then the workbook is read, then the pane is loaded lazily so
 * that React and Fluent never delay the functions.
 */

const source = new PlanSource({ readPlan });
// Until Office says where we run, functions wait for the workbook rather than answer from
// the built-in plan and change their figure a moment later.
setPlanFeed(source);

function mountPane(): void {
  const root = document.getElementById("root");
  if (!root) return;
  import(/* webpackChunkName: "pane" */ "../taskpane/mount")
    .then(({ mountPane }) => mountPane(root))
    .catch((e: unknown) => {
      const detail = e instanceof Error ? e.message : String(e);
      root.textContent = `Het UP-paneel kon niet laden / The UP pane could not load: ${detail}`;
    });
}

Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) {
    setSharedPlanSource(source);
    registerCommands();
    void source.start();
  } else {
    setPlanFeed(embeddedFeed);
  }
  mountPane();
});
