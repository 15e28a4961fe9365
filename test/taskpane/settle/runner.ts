import { errorText } from "../../../src/taskpane/useTask";

/** The pane's useTask in small, for a view's `run` prop: runs the step, keeps a failure's message. */
export function runner() {
  const errors: string[] = [];
  const run = async <T>(_label: string, work: () => Promise<T>) => {
    try {
      return await work();
    } catch (e) {
      errors.push(errorText(e, "nl"));
      return undefined;
    }
  };
  return { run, errors };
}
