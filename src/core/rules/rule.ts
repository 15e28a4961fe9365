import { CellRef, Finding, Message, Plan, RuleId, Severity } from "../model";

/** A consistency rule of PLAN-MODEL.md ("How the tables must agree"). */
export interface Rule {
  id: RuleId;
  /** One line on what must hold, for the report. */
  title: Message;
  /** False when the plan lacks the tables the rule needs. */
  applies(plan: Plan): boolean;
  run(plan: Plan): Finding[];
}

/** Builds a finding with the fields every rule fills the same way. */
export function finding(
  f: Omit<Finding, "cells" | "year" | "municipality" | "line" | "cell"> &
    Partial<Pick<Finding, "cells" | "year" | "municipality" | "line" | "cell">>
): Finding {
  const cell = f.cell ?? null;
  const cells = f.cells ?? (cell ? [cell] : []);
  return {
    year: null,
    municipality: null,
    line: null,
    ...f,
    cell: cell ?? cells[0] ?? null,
    cells,
  };
}

export function definedCells(...cells: (CellRef | undefined)[]): CellRef[] {
  return cells.filter((c): c is CellRef => c !== undefined);
}

export type { Severity };
