import { useCallback, useRef, useState } from "react";
import { PlanInputError } from "../core/errors";
import type { Lang } from "./i18n";

/** After this long a running task shows its progress label. */
export const PROGRESS_DELAY_MS = 300;

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof PlanInputError) return e.text(lang);
  const detail = e instanceof Error ? e.message : String(e);
  return lang === "nl"
    ? `Er ging iets mis: ${detail}. Uw werkmap is niet gewijzigd door deze fout.`
    : `Something went wrong: ${detail}. Your workbook was not changed by this error.`;
}

/**
 * Runs the pane's tasks: shows a task's label when it takes longer than 300 ms and turns any
 * failure into a message in words. Tasks may overlap (an action that re-checks the plan);
 * the progress shows the latest one and ends when all have.
 */
export function useTask(lang: Lang) {
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const active = useRef(0);

  const run = useCallback(
    async <T>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
      setError(null);
      setRunning(true);
      active.current++;
      const timer = setTimeout(() => setProgress(label), PROGRESS_DELAY_MS);
      try {
        return await work();
      } catch (e) {
        // An unexpected failure keeps its stack in the console for whoever supports the user.
        if (!(e instanceof PlanInputError)) console.error(e);
        setError(errorText(e, lang));
        return undefined;
      } finally {
        clearTimeout(timer);
        if (--active.current === 0) {
          setProgress(null);
          setRunning(false);
        }
      }
    },
    [lang]
  );
  return { run, progress, error, running, clearError: () => setError(null) };
}
