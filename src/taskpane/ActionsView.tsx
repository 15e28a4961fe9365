import * as React from "react";
import { useEffect, useState } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { BackupBatch } from "../excel/write/backup";
import { buildReport, Report } from "../report/report";
import { PaneHost } from "./host";
import { useT } from "./i18n";
import { useTask } from "./useTask";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** What a write changed: its cells, or the sheet it added. */
function batchSize(b: BackupBatch): { nl: string; en: string } {
  const sheets = b.addedSheets.map((n) => `"${n}"`).join(", ");
  if (b.cells === 0) return { nl: `blad ${sheets} toegevoegd`, en: `sheet ${sheets} added` };
  return { nl: `${b.cells} cellen`, en: `${b.cells} cells` };
}

/** The date-stamped file name of a downloaded report. */
export function reportFileName(workbook: string, date: Date): string {
  const base = workbook.replace(/\.xlsx$/i, "").replace(/[^\p{L}\p{N}_ -]+/gu, "_") || "plan";
  return `Controleverslag ${base} ${date.toISOString().slice(0, 10)}.xlsx`;
}

export function ActionsView(props: {
  host: PaneHost;
  task: ReturnType<typeof useTask>;
  workbookName?: string;
  /** The report of the last check, or null before a check; made with the builder given. */
  report(build: typeof buildReport): Report | null;
  /** Called after an action changed the workbook's plan. */
  onChanged(): void;
}) {
  const { host, task, report, onChanged, workbookName } = props;
  const t = useT();
  const styles = useStyles();
  const [notice, setNotice] = useState<string | null>(null);
  const [backup, setBackup] = useState<BackupBatch | null>(null);
  const excel = host.mode === "excel" ? host.excel : undefined;

  useEffect(() => {
    if (excel) void excel.lastBackup().then(setBackup, () => setBackup(null));
  }, [excel]);

  const r = report(buildReport);

  const download = () =>
    void task.run(t("Verslag maken…", "Making the report…"), async () => {
      if (!r || host.mode !== "browser") return;
      const { reportXlsx } = await import("../report/xlsxReport");
      const data = await reportXlsx(r);
      const name = reportFileName(workbookName ?? "plan", new Date());
      host.download(name, data);
      setNotice(t(`Verslag gedownload als "${name}".`, `Report downloaded as "${name}".`));
    });

  if (!excel) {
    return (
      <section aria-label={t("Verslag", "Report")} className={styles.group}>
        <p className={styles.hint}>
          {t(
            "Het controleverslag is om te versturen: per gemeente de sleutel en de bijdrage per jaar, elk bedrag dat niet klopt gemarkeerd met het verwachte ernaast, en op een tweede blad elke controle met haar bevindingen; opgemaakt voor A4.",
            "The check report is made to be sent: per municipality its key and contribution per year, each wrong amount marked with the expected one beside it, and on a second sheet every check with its findings; formatted for A4."
          )}
        </p>
        <Button appearance="primary" onClick={download} disabled={!r || task.running}>
          {t("Controleverslag downloaden (.xlsx)", "Download check report (.xlsx)")}
        </Button>
        {notice && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    );
  }

  const act = (label: string, work: () => Promise<string>, changed = false) =>
    void task.run(label, async () => {
      setNotice(await work());
      setBackup(await excel.lastBackup());
      if (changed) onChanged();
    });

  return (
    <section aria-label={t("Acties", "Actions")}>
      <div className={styles.group}>
        <Button
          appearance="primary"
          disabled={!r || task.running}
          onClick={() =>
            act(t("Controleverslag schrijven…", "Writing the check report…"), async () => {
              const name = await excel.writeReport(r as Report);
              return t(
                `Blad "${name}" gemaakt, klaar om af te drukken op A4.`,
                `Sheet "${name}" created, ready to print on A4.`
              );
            })
          }
        >
          {t("Controleverslag", "Check report")}
        </Button>
        {!r && (
          <p className={styles.hint}>{t("Controleer eerst het plan.", "Check the plan first.")}</p>
        )}
        <Button
          disabled={task.running}
          onClick={() =>
            act(t("Kopie met waarden maken…", "Making a copy with values…"), async () => {
              const c = await excel.valuesCopy();
              return t(
                `Kopie geopend in een nieuw venster: ${c.replaced} UP-formules vervangen door hun waarde.${c.withoutResult.length ? ` Zonder berekende waarde: ${c.withoutResult.join(", ")}.` : ""}${c.notice ? ` ${c.notice.nl}` : ""}`,
                `Copy opened in a new window: ${c.replaced} UP formulas replaced by their value.${c.withoutResult.length ? ` Without a calculated value: ${c.withoutResult.join(", ")}.` : ""}${c.notice ? ` ${c.notice.en}` : ""}`
              );
            })
          }
        >
          {t("Kopie met waarden", "Copy with values")}
        </Button>
        <p className={styles.hint}>
          {t(
            "Voor gemeenten zonder de invoegtoepassing: zij zien anders #NAAM? bij de UP-formules.",
            "For municipalities without the add-in: they would see #NAME? at the UP formulas."
          )}
        </p>
      </div>
      <div className={styles.group}>
        <Button
          disabled={task.running}
          onClick={() =>
            act(
              t("Sjabloon invoegen…", "Inserting template…"),
              async () => {
                await excel.insertTemplate(false);
                return t("Lege UP-sjabloonbladen ingevoegd.", "Empty UP template sheets inserted.");
              },
              true
            )
          }
        >
          {t("Sjabloon invoegen (leeg)", "Insert template (empty)")}
        </Button>
        <Button
          disabled={task.running}
          onClick={() =>
            act(
              t("Sjabloon invoegen…", "Inserting template…"),
              async () => {
                await excel.insertTemplate(true);
                return t(
                  "UP-sjabloonbladen met het plan 2024 ingevoegd.",
                  "UP template sheets with the 2024 plan inserted."
                );
              },
              true
            )
          }
        >
          {t("Sjabloon invoegen met plan 2024", "Insert template with the 2024 plan")}
        </Button>
      </div>
      <div className={styles.group}>
        <Button
          disabled={!backup || task.running}
          onClick={() =>
            act(
              t("Terugzetten…", "Restoring…"),
              async () => {
                const b = await excel.restore();
                return b
                  ? t(
                      `"${b.label}" teruggezet (${batchSize(b).nl}).`,
                      `"${b.label}" restored (${batchSize(b).en}).`
                    )
                  : t("Er was niets om terug te zetten.", "There was nothing to restore.");
              },
              true
            )
          }
        >
          {t("Laatste wijziging terugzetten", "Restore last change")}
        </Button>
        <p className={styles.hint}>
          {backup
            ? t(
                `Laatste wijziging: "${backup.label}", ${batchSize(backup).nl}.`,
                `Last change: "${backup.label}", ${batchSize(backup).en}.`
              )
            : t("Nog geen wijzigingen door UP.", "No changes by UP yet.")}
        </p>
      </div>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
