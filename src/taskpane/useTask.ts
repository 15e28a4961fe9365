import { useCallback, useRef, useState } from "react";
import { PlanInputError } from "../core/errors";
import type { Lang } from "./i18n";

/** After this long a running task shows its progress label. */
export const PROGRESS_DELAY_MS = 300;

/**
 * A failure in words. In Excel an unexpected failure also says the workbook was not changed;
 * the browser page never changes the user's file, so there it says nothing of the kind.
 */
export function errorText(e: unknown, lang: Lang, mode: "excel" | "browser" = "excel"): string {
  if (e instanceof PlanInputError) return e.text(lang);
  const detail = e instanceof Error ? e.message : String(e);
  if (mode === "browser") {
    return lang === "nl"
      ? `Er ging iets mis (technische melding: ${detail}). Probeer het opnieuw of kies het bestand opnieuw.`
      : `Something went wrong (technical message: ${detail}). Try again or choose the file again.`;
  }
  return lang === "nl"
    ? `Er ging iets mis (technische melding: ${detail}). Uw werkmap is niet gewijzigd door deze fout.`
    : `Something went wrong (technical message: ${detail}). Your workbook was not changed by this error.`;
}

/**
 * Runs the pane's tasks: shows a task's label when it takes longer than 300 ms (the task may
 * change the label as it goes) and turns any failure into a message in words. Tasks may
 * overlap (an action that re-checks the plan); the progress shows the latest one and ends when
 * all have.
 */
export function useTask(lang: Lang, mode: "excel" | "browser" = "excel") {
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const active = useRef(0);

  const run = useCallback(
    async <T>(
      label: string,
      work: (relabel: (label: string) => void) => Promise<T>
    ): Promise<T | undefined> => {
      setError(null);
      setRunning(true);
      active.current++;
      let current = label;
      let shown = false;
      const timer = setTimeout(() => {
        shown = true;
        setProgress(current);
      }, PROGRESS_DELAY_MS);
      const relabel = (next: string) => {
        current = next;
        if (shown) setProgress(next);
      };
      try {
        return await work(relabel);
      } catch (e) {
        // An unexpected failure keeps its stack in the console for whoever supports the user.
        if (!(e instanceof PlanInputError)) console.error(e);
        setError(errorText(e, lang, mode));
        return undefined;
      } finally {
        clearTimeout(timer);
        if (--active.current === 0) {
          setProgress(null);
          setRunning(false);
        }
      }
    },
    [lang, mode]
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, progress, error, running, clearError };
}
