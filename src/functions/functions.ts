import { PlanInputError } from "../core/errors";
import { Plan } from "../core/model";
import * as answers from "./answers";
import { planFeed } from "./planFeed";

/*
 * The UP.* custom functions. custom-functions-metadata-plugin reads the JSDoc below into
 * functions.json and appends the CustomFunctions.associate calls to this file at build time.
 *
 * Functions that read the plan stream: they answer at once from the plan in memory and
 * answer again whenever the plan changes, so a cell is never stale and never #BUSY! once
 * the workbook has been read. KEYS and ALLOCATE depend on their arguments only.
 */

/** Dutch unless Excel speaks another language. */
function language(): "nl" | "en" {
  try {
    const display = typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
    return !display || /^nl\b/i.test(display) ? "nl" : "en";
  } catch {
    return "nl";
  }
}

/** The Excel error for anything a function throws: the user's mistake or, never silently, ours. */
export function excelError(e: unknown): CustomFunctions.Error {
  if (e instanceof PlanInputError) {
    const code =
      e.code === "notAvailable"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.text(language()));
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    language() === "nl" ? `Interne fout in UP: ${detail}` : `Internal error in UP: ${detail}`
  );
}

/** Answers now if the plan is known, and again on every change of the plan. */
function stream<T>(invocation: CustomFunctions.StreamingInvocation<T>, answer: (plan: Plan) => T) {
  const feed = planFeed();
  const push = (): void => {
    const problem = feed.problem();
    if (problem) {
      invocation.setResult(
        new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, problem[language()])
      );
      return;
    }
    const plan = feed.current();
    if (!plan) return;
    let result: T | CustomFunctions.Error;
    try {
      result = answer(plan);
    } catch (e) {
      result = excelError(e);
    }
    invocation.setResult(result);
  };
  invocation.onCanceled = feed.subscribe(push);
  push();
}

/**
 * Code a function loads on its first call, so that the runtime registers the functions without
 * it: the first call waits for it, later calls answer at once.
 */
class OnFirstCall<Code> {
  private code: Code | undefined;
  constructor(private readonly importCode: () => Promise<Code>) {}

  async load(): Promise<Code> {
    this.code ??= await this.importCode();
    return this.code;
  }

  /** As `stream`, once the code is there; a call cancelled meanwhile is not answered. */
  stream<T>(
    invocation: CustomFunctions.StreamingInvocation<T>,
    answer: (code: Code, plan: Plan) => T
  ): void {
    const code = this.code;
    if (code) {
      stream(invocation, (plan) => answer(code, plan));
      return;
    }
    let cancelled = false;
    invocation.onCanceled = () => {
      cancelled = true;
    };
    this.load().then(
      (loaded) => {
        if (!cancelled) stream(invocation, (plan) => answer(loaded, plan));
      },
      (e: unknown) => invocation.setResult(excelError(e))
    );
  }
}

// The settlement core, the check's rules and the comparison: only UP.SETTLEMENT, UP.CHECK and
// UP.CHANGE need them.
const settlementCode = new OnFirstCall(
  () => import(/* webpackChunkName: "settlement" */ "./settlement")
);
const checkCode = new OnFirstCall(() => import(/* webpackChunkName: "check" */ "./check"));
const changeCode = new OnFirstCall(() => import(/* webpackChunkName: "change" */ "./change"));

/** Loads what UP.SETTLEMENT, UP.CHECK and UP.CHANGE load on their first call (for engines that cannot wait). */
export async function loadOnFirstCallCode(): Promise<void> {
  await Promise.all([settlementCode.load(), checkCode.load(), changeCode.load()]);
}

/** Runs a function of the arguments alone; errors become Excel errors. */
function direct<T>(answer: () => T): T {
  try {
    return answer();
  } catch (e) {
    throw excelError(e);
  }
}

/**
 * The municipality's contribution to the execution costs in a year, in euros: the Tabel 4 total distributed with the distribution keys (largest remainder, adds up exactly), or the amount stated in Tabel 6.
 * @customfunction CONTRIBUTION CONTRIBUTION
 * @param municipality Name of a participating municipality, e.g. "Heerlen".
 * @param year Year of the plan, e.g. 2025.
 * @param [source] "computed" (default): key × total, allocated in whole euros; "stated": the amount written in Tabel 6.
 * @param [pool] In a plan with several cost pools, the pool's name, e.g. "beleid"; empty for the total over all pools.
 * @param invocation Streaming invocation.
 * @returns Contribution in euros.
 */
export function contribution(
  municipality: unknown,
  year: unknown,
  source: unknown,
  pool: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  stream(invocation, (plan) => answers.contribution(plan, municipality, year, source, pool));
}

/**
 * How much a municipality's contribution changes from one year to another, or the part of that change caused by the total or by the key.
 * @customfunction CHANGE CHANGE
 * @param municipality Name of a participating municipality, e.g. "Heerlen".
 * @param year1 The earlier year, e.g. 2024.
 * @param year2 The later year, e.g. 2025.
 * @param [part] "difference" (default), "total" (effect of the change of the total) or "key" (effect of the change of the key).
 * @param [source] "computed" (default): contributions computed from keys and totals; "stated": the amounts written in Tabel 6.
 * @param [pool] In a plan with several cost pools, the pool's name, e.g. "beleid"; empty for the change over all pools.
 * @param invocation Streaming invocation.
 * @returns Change in euros.
 */
export function change(
  municipality: unknown,
  year1: unknown,
  year2: unknown,
  part: unknown,
  source: unknown,
  pool: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  changeCode.stream(invocation, (code, plan) =>
    code.change(plan, municipality, year1, year2, part, source, pool)
  );
}

/**
 * The municipality's distribution key as a fraction (format the cell as %).
 * @customfunction KEY KEY
 * @param municipality Name of a participating municipality, e.g. "Heerlen".
 * @param [year] Year of the plan; only checked, the key is the same for every year of a plan.
 * @param [pool] In a plan with several cost pools, the pool's name, e.g. "verwerving": each pool has its own key.
 * @param invocation Streaming invocation.
 * @returns Distribution key, e.g. 0.1197.
 */
export function key(
  municipality: unknown,
  year: unknown,
  pool: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  stream(invocation, (plan) => answers.key(plan, municipality, year, pool));
}

/**
 * Tabel 4 of the plan: what the municipalities pay together in a year.
 * @customfunction TOTAL TOTAL
 * @param year Year of the plan, e.g. 2025.
 * @param [part] "formatie" (staff costs youth), "materieel" (material costs youth) or "totaal" (default).
 * @param [pool] In a plan with several cost pools, the pool's name, e.g. "beleid"; empty for the sum over all pools.
 * @param invocation Streaming invocation.
 * @returns Amount in euros.
 */
export function total(
  year: unknown,
  part: unknown,
  pool: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  stream(invocation, (plan) => answers.total(plan, year, part, pool));
}

/**
 * Tabel 1 of the plan: the team's FTE in a year, or the FTE of one role.
 * @customfunction FTE FTE
 * @param year Year of the plan, e.g. 2025.
 * @param [role] A role as written in Tabel 1, e.g. "Inkopers"; empty for the whole team.
 * @param invocation Streaming invocation.
 * @returns FTE.
 */
export function fte(
  year: unknown,
  role: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  stream(invocation, (plan) => answers.fte(plan, year, role));
}

/**
 * Tabel 2 of the plan: staff costs of a year.
 * @customfunction STAFFCOST STAFFCOST
 * @param year Year of the plan, e.g. 2025.
 * @param [domain] "jeugd" (youth care), "wmo" (social support) or "totaal" (default).
 * @param invocation Streaming invocation.
 * @returns Amount in euros.
 */
export function staffCost(
  year: unknown,
  domain: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  stream(invocation, (plan) => answers.staffCost(plan, year, domain));
}

/**
 * Tabel 3 of the plan: material costs of a year, of one cost line or of a domain.
 * @customfunction MATERIALCOST MATERIALCOST
 * @param year Year of the plan, e.g. 2025.
 * @param [line] A cost line as written in Tabel 3, e.g. "ICT licenties"; empty for the subtotal.
 * @param [domain] "jeugd" (youth care), "wmo" (social support) or "totaal" (default); only without a line.
 * @param invocation Streaming invocation.
 * @returns Amount in euros.
 */
export function materialCost(
  year: unknown,
  line: unknown,
  domain: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  stream(invocation, (plan) => answers.materialCost(plan, year, line, domain));
}

/**
 * The participating municipalities of the plan, one per row.
 * @customfunction MUNICIPALITIES MUNICIPALITIES
 * @param invocation Streaming invocation.
 * @returns Municipality names, spilled down.
 */
export function municipalities(invocation: CustomFunctions.StreamingInvocation<string[][]>): void {
  stream(invocation, (plan) => answers.municipalities(plan) as string[][]);
}

/**
 * Distribution keys computed from key components: equal share, young people, care allocations and claims, weighted 25% each unless weights are given.
 * @customfunction KEYS KEYS
 * @param components Range with the municipality in the first column and one column per component, with or without a header row.
 * @param [weights] Weights in percent, one per component, or one more first for the equal share; together 100%.
 * @returns One key per row of the range, as fractions, spilled.
 */
export function keys(components: unknown[][], weights?: unknown[][]): unknown[][] {
  return direct(() => answers.keys(components, weights));
}

/**
 * Distributes a total over keys in whole euros (or cents) that add up to the total exactly: largest remainder method.
 * @customfunction ALLOCATE ALLOCATE
 * @param total The amount to distribute, a whole number of euros (or cents).
 * @param keys One column or one row of keys (fractions or any non-negative weights).
 * @param [unit] 1 for whole euros (default) or 0.01 for cents.
 * @returns One amount per key, spilled in the shape of the keys.
 */
export function allocate(total: unknown, keys: unknown[][], unit?: unknown): unknown[][] {
  return direct(() => answers.allocateTotal(total, keys, unit));
}

/**
 * Checks the plan: the number of error findings of the consistency rules. Updates when the plan changes.
 * @customfunction CHECK CHECK
 * @param invocation Streaming invocation.
 * @returns Number of errors; 0 when the plan is consistent.
 */
export function check(invocation: CustomFunctions.StreamingInvocation<number>): void {
  checkCode.stream(invocation, (code, plan) => code.check(plan));
}

/**
 * Settlement after the annual accounts: what the municipality pays (positive) or gets back (negative) for a year, the actual costs distributed with the final key minus the advance in Tabel 6; or one part of it.
 * @customfunction SETTLEMENT SETTLEMENT
 * @param municipality Name of a participating municipality, e.g. "Heerlen".
 * @param year The year settled, e.g. 2025; its Tabel 6 amounts are the advances.
 * @param actual The year's actual costs from the annual accounts, in euros.
 * @param [components] Range with the final key: the municipality and its components (jongeren, toekenningen, declaraties), or a column "sleutel" with the keys; empty for the provisional key.
 * @param [part] "settlement" (default), "advance", "final", "cost" (cost effect) or "key" (key effect).
 * @param [weights] Weights in percent for the components, as for KEYS; empty for the plan's weights, else 25% each.
 * @param [pool] In a plan with several cost pools, the pool settled, e.g. "beleid": each pool has its own actual costs and key.
 * @param invocation Streaming invocation.
 * @returns Amount in euros: positive the municipality pays, negative it gets back.
 */
export function settlement(
  municipality: unknown,
  year: unknown,
  actual: unknown,
  components: unknown[][],
  part: unknown,
  weights: unknown[][],
  pool: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  settlementCode.stream(invocation, (code, plan) =>
    code.settlement(plan, municipality, year, actual, components, part, weights, pool)
  );
}
