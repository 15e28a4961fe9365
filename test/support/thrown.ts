import { PlanInputError } from "../../src/core/errors";

/** The PlanInputError a call throws; fails the test when it throws nothing or something else. */
export function thrownInputError(call: () => unknown): PlanInputError {
  try {
    call();
  } catch (e) {
    if (e instanceof PlanInputError) return e;
    throw e;
  }
  throw new Error("expected a PlanInputError");
}
