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
} from "@fluentui/react-components";
import { formatCell } from "../core/address";
import { CellRef } from "../core/model";
import { ChangeTable } from "./ChangeTable";
import { useT } from "./i18n";

export interface PreviewRow {
  where: string;
  from: string;
  to: string;
}

export interface PendingWrite {
  label: string;
  preview: PreviewRow[];
  /** Set after a first attempt found formulas in these target cells. */
  formulaCells?: CellRef[];
}

const useStyles = makeStyles({
  scroll: { maxHeight: "40vh", overflowY: "auto" },
});

/**
 * Preview before anything is written; a second question when formulas would be overwritten.
 */
export function WriteDialog(props: {
  pending: PendingWrite | null;
  /** A write is running: the buttons wait for it. */
  busy?: boolean;
  onConfirm(overwriteFormulas: boolean): void;
  onCancel(): void;
}) {
  const { pending, busy, onConfirm, onCancel } = props;
  const t = useT();
  const styles = useStyles();
  const formulas = pending?.formulaCells ?? [];
  return (
    <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>
            {formulas.length > 0
              ? t("Formules overschrijven?", "Overwrite formulas?")
              : t("Voorbeeld van de wijziging", "Preview of the change")}
          </DialogTitle>
          <DialogContent>
            {pending && pending.preview.length === 0 ? (
              <p>
                {t(
                  "Er is niets te wijzigen: alles staat al goed.",
                  "Nothing to change: everything is already right."
                )}
              </p>
            ) : formulas.length > 0 ? (
              <>
                <p>
                  {t(
                    `${formulas.length} van deze cellen bevatten een formule. Als u doorgaat, wordt de formule vervangen door een vaste waarde. De vorige inhoud wordt bewaard en kan worden teruggezet.`,
                    `${formulas.length} of these cells hold a formula. If you continue, the formula is replaced by a fixed value. The previous content is kept and can be restored.`
                  )}
                </p>
                <p>{formulas.map(formatCell).join(", ")}</p>
              </>
            ) : (
              <>
                <p>
                  {t(
                    `${pending?.preview.length === 1 ? "1 cel wordt" : `${pending?.preview.length ?? 0} cellen worden`} gewijzigd. De vorige waarden worden bewaard in een verborgen blad; "Laatste wijziging terugzetten" zet ze terug.`,
                    `${pending?.preview.length === 1 ? "1 cell" : `${pending?.preview.length ?? 0} cells`} will change. The previous values are kept in a hidden sheet; "Restore last change" puts them back.`
                  )}
                </p>
                <div className={styles.scroll}>
                  <ChangeTable
                    columns={[t("Cel", "Cell"), t("Nu", "Now"), t("Wordt", "Becomes")]}
                    rows={(pending?.preview ?? []).map((p) => ({
                      key: p.where,
                      label: p.where,
                      cells: [{ text: p.from }, { text: p.to }],
                    }))}
                  />
                </div>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel} disabled={busy}>
              {t("Annuleren", "Cancel")}
            </Button>
            {pending && pending.preview.length > 0 && (
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => onConfirm(formulas.length > 0)}
              >
                {formulas.length > 0
                  ? t("Formules overschrijven", "Overwrite formulas")
                  : t("Wijzigen", "Change")}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
