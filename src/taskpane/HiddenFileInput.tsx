import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

/** What the pane reads: .xlsx workbooks. */
export const XLSX_FILES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  // Out of sight but not display:none, so a button's click() still opens the browser's picker.
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
  },
});

export interface HiddenFileInputProps {
  /** File types, as the input's `accept`. */
  accept: string;
  /** What the input is for, read out by screen readers. */
  label: string;
  id?: string;
  onPick(file: File): void;
}

/**
 * The browser's file picker behind a button of the caller's (`ref.current.click()`). Each pick
 * is read, also the same file picked again after it was changed.
 */
export const HiddenFileInput = React.forwardRef<HTMLInputElement, HiddenFileInputProps>(
  function HiddenFileInput({ accept, label, id, onPick }, ref) {
    const styles = useStyles();
    return (
      <input
        ref={ref}
        id={id}
        type="file"
        accept={accept}
        className={styles.input}
        tabIndex={-1}
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onPick(file);
        }}
      />
    );
  }
);
