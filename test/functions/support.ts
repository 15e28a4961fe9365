import { Message, Plan } from "../../src/core/model";
import { PlanFeed } from "../../src/functions/planFeed";

/** What Excel's CustomFunctions.Error carries; installed as the global the functions use. */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: ExcelError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}

/** A streaming invocation that records every result pushed to its cell. */
export class Cell<T = unknown> {
  results: (T | ExcelError)[] = [];
  onCanceled?: () => void;
  setResult = (value: T | CustomFunctions.Error): void => {
    // The installed CustomFunctions.Error is ExcelError.
    this.results.push(value as T | ExcelError);
  };
  get last(): T | ExcelError | undefined {
    return this.results[this.results.length - 1];
  }
}

/**
 * Calls a streaming function and returns its first answer. As Excel does, every declared
 * parameter is passed, null for one left out, so a parameter added at the end leaves calls
 * written before it as they were.
 */
export function streamed<T>(fn: (...args: never[]) => void, ...args: unknown[]): T | ExcelError {
  const cell = new Cell<T>();
  const declared = Array.from({ length: fn.length - 1 }, (_, i) => args[i] ?? null);
  (fn as (...a: unknown[]) => void)(...declared, cell);
  cell.onCanceled?.();
  if (cell.results.length === 0) throw new Error("the function gave no answer");
  return cell.results[0];
}

/** A plan feed a test controls. */
export class TestFeed implements PlanFeed {
  private listeners = new Set<() => void>();
  constructor(
    public plan: Plan | undefined,
    public trouble?: Message
  ) {}
  current(): Plan | undefined {
    return this.plan;
  }
  problem(): Message | undefined {
    return this.trouble;
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get subscribers(): number {
    return this.listeners.size;
  }
  set(plan: Plan | undefined, trouble?: Message): void {
    this.plan = plan;
    this.trouble = trouble;
    this.listeners.forEach((l) => l());
  }
}
