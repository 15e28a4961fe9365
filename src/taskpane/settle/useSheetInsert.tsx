import * as React from "react";
import { useState } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Report } from "../../report/report";
import { useT } from "../i18n";
import { SheetPreviewDialog } from "./SheetPreviewDialog";

/**
 * A sheet UP computed, inserted in Excel only after its preview: `propose(report)` opens the
 * preview, its yes inserts the sheet under a free name and says which. `dialog` and `notice` are
 * the caller's to place.
 */
export function useSheetInsert(
  /** Excel: inserts the sheet (kept for restore) and returns its name. */
  insertSheet: ((report: Report, label: string) => Promise<string>) | undefined,
  /** Runs a step with the pane's progress and error display. */
  run: (<T>(label: string, work: () => Promise<T>) => Promise<T | undefined>) | undefined,
  /** What "Laatste wijziging terugzetten" names the insert by. */
  label: string
) {
  const t = useT();
  const [preview, setPreview] = useState<Report | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const confirm = () => {
    const report = preview;
    setPreview(null);
    if (!report || !insertSheet || !run) return;
    void run(t("Blad invoegen…", "Inserting the sheet…"), async () => {
      const name = await insertSheet(report, label);
      setNotice(
        t(
          `Blad "${name}" ingevoegd. "Laatste wijziging terugzetten" (Acties) verwijdert het weer.`,
          `Sheet "${name}" inserted. "Restore last change" (Actions) removes it again.`
        )
      );
    });
  };

  return {
    propose: setPreview,
    dialog: (
      <SheetPreviewDialog report={preview} onConfirm={confirm} onCancel={() => setPreview(null)} />
    ),
    notice: notice && (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{notice}</MessageBarBody>
      </MessageBar>
    ),
  };
}
