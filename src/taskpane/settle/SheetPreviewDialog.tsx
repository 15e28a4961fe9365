import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { cellText } from "../../report/cells";
import type { Report } from "../../report/report";
import { useTableStyles } from "../ChangeTable";
import { useT } from "../i18n";

const useStyles = makeStyles({
  scroll: { maxHeight: "45vh", overflow: "auto" },
  figure: { whiteSpace: "nowrap", padding: "1px 4px", verticalAlign: "top", textAlign: "right" },
  text: { padding: "1px 4px", verticalAlign: "top", minWidth: "7em" },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * What a new sheet will hold, before anything is written: its name and its rows. Nothing of
 * the workbook is overwritten; the insert can be undone with "Laatste wijziging terugzetten".
 */
export function SheetPreviewDialog(props: {
  report: Report | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { report, onConfirm, onCancel } = props;
  const t = useT();
  const styles = useStyles();
  const table = useTableStyles();
  // The settlement is one sheet; its rows as the sheet will hold them.
  const sheet = report?.sheets[0];
  const name = sheet?.name ?? "";
  const rows = sheet?.rows.filter((r) => r.style !== "blank") ?? [];
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  return (
    <Dialog open={report !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>
            {t("Voorbeeld van het nieuwe blad", "Preview of the new sheet")}
          </DialogTitle>
          <DialogContent>
            <p>
              {t(
                `UP voegt een nieuw blad "${name}" toe (of "${name} (2)" als die naam bestaat) met ${rows.length} regels. Bestaande bladen en cellen blijven zoals ze zijn; "Laatste wijziging terugzetten" verwijdert het blad weer.`,
                `UP adds a new sheet "${name}" (or "${name} (2)" if that name is taken) with ${rows.length} rows. Existing sheets and cells stay as they are; "Restore last change" removes the sheet again.`
              )}
            </p>
            <div
              className={styles.scroll}
              role="region"
              aria-label={t("Inhoud van het blad", "Contents of the sheet")}
              tabIndex={0}
            >
              <table className={table.table}>
                <tbody>
                  {rows.map((r, i) => (
                    <tr
                      key={i}
                      className={
                        r.style === "header" || r.style === "total" || r.style === "title"
                          ? styles.strong
                          : undefined
                      }
                    >
                      {r.cells.map((c, j) => (
                        <td
                          key={j}
                          // A row's last text takes the columns it leaves, so titles and sentences wrap.
                          colSpan={
                            j === r.cells.length - 1 && typeof c.value === "string"
                              ? width - j
                              : undefined
                          }
                          className={typeof c.value === "string" ? styles.text : styles.figure}
                        >
                          {cellText(c)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel}>{t("Annuleren", "Cancel")}</Button>
            <Button appearance="primary" onClick={onConfirm}>
              {t("Blad invoegen", "Insert sheet")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
