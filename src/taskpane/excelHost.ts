import { PlanInputError } from "../core/errors";
import * as acceptances from "../excel/write/acceptances";
import { selectCells, selectionNotice } from "../excel/write/select";
import { onCheckRequest, sharedPlanSource } from "../runtime/bridge";
import { ExcelPaneHost, LoadedPlan, ReadRemark } from "./host";
import type { Lang } from "./i18n";
import { LOOKED } from "../reader/looked";

/* The pane inside Excel: every action is one Excel.run around a function of src/excel/write. */

/** Writing with a backup, and the report sheet, load with their first use, not with the pane. */
const backup = () => import("../excel/write/backup");
/** Reading the selection loads with the Afrekening view's first use. */
const settlementSheet = () => import("../excel/write/settlementSheet");

const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
  Excel.run(batch);

async function loadWorkbook(): Promise<LoadedPlan> {
  const source = sharedPlanSource();
  if (!source) {
    throw new PlanInputError({
      nl: "De invoegtoepassing is nog niet klaar met starten; probeer het over een paar seconden opnieuw",
      en: "The add-in has not finished starting; try again in a few seconds",
    });
  }
  const state = await source.refresh();
  if (state.problem) throw new PlanInputError(state.problem);
  const reading = (state.reading ?? {}) as { notes?: ReadRemark[] };
  const { name, accepted } = await run(async (context) => {
    const wb = context.workbook;
    wb.load("name");
    const accepted = await acceptances.readAcceptances(context);
    return { name: wb.name, accepted };
  });
  return {
    plan: state.plan,
    remarks: reading.notes ?? [],
    looked: state.reading ? [...LOOKED] : [],
    formulaSource: state.origin,
    workbookName: name,
    accepted,
  };
}

export function excelHost(lang: Lang): ExcelPaneHost {
  return {
    mode: "excel",
    lang,
    loadWorkbook,
    onCheckRequest,
    excel: {
      select: async (cells) => selectionNotice(cells, await run((c) => selectCells(c, cells))),
      write: async (writes, options) => {
        const { writeWithBackup } = await backup();
        return run((c) => writeWithBackup(c, writes, options));
      },
      lastBackup: async () => run((await backup()).lastBackup),
      restore: async () => run((await backup()).restoreLastBackup),
      accept: (key, a) => run((c) => acceptances.saveAcceptance(c, key, a)),
      unaccept: (key) => run((c) => acceptances.removeAcceptance(c, key)),
      writeReport: async (report) => {
        const { writeReportSheet } = await import("../excel/write/reportSheet");
        return run((c) => writeReportSheet(c, report));
      },
      // The copy (zip patch, ExcelJS fallback) loads with its first use, not with the pane.
      valuesCopy: async () => (await import("../excel/write/workbookFile")).openValuesCopy(),
      readSelection: async () => {
        const { readSelection } = await settlementSheet();
        return run(readSelection);
      },
      insertSheet: async (report, label) => {
        const { insertSheet } = await import("../excel/write/addedSheet");
        return run((c) => insertSheet(c, report, label));
      },
      insertTemplate: async (withPlan) => {
        const [{ writeTemplateWorkbook }, { plan2024 }, { insertSheets }] = await Promise.all([
          import("../workbook/template"),
          import("../core/plan2024"),
          import("../excel/write/workbookFile"),
        ]);
        const xlsx = await writeTemplateWorkbook(withPlan ? plan2024() : null).xlsx.writeBuffer();
        await run((c) => insertSheets(c, new Uint8Array(xlsx)));
      },
    },
  };
}
