/*
 * Each command's usage, said by its own argument errors and by `up help` alike: the help once
 * kept copies of these that left out options added later (--pool, --pools, --force).
 */
const LINES = {
  check: ["up check [plan.xlsx] [--json] [--lang nl|en] [--allow-partial]"],
  contribution: [
    "up contribution <gemeente> <jaar> [--pool NAAM] [--file plan.xlsx] [--source computed|stated] [--json] [--lang nl|en]",
    "up contribution <gemeente> [<jaar>] --pools [--file plan.xlsx] [--source computed|stated] [--json] [--lang nl|en]",
  ],
  keys: [
    "up keys <componenten.csv|.xlsx> [--weights gelijk=25,jongeren=25,toekenningen=25,declaraties=25] [--total N [--table]] [--unit 1|0.01] [--json]",
  ],
  template: ["up template <uit.xlsx> [--empty | --pools] [--force]"],
  compare: [
    "up compare <oud.xlsx|--year J1> <nieuw.xlsx|--year J2> [--source computed|stated] [--json] [--lang nl|en] [--explain]",
  ],
  report: ["up report [plan.xlsx] --out <verslag.xlsx> [--force] [--lang nl|en] [--allow-partial]"],
  settle: [
    "up settle [plan.xlsx] --year J --actual N [--pool NAAM] [--keys componenten.csv|.xlsx] [--weights gelijk=25,…] [--unit 1|0.01] [--json] [--lang nl|en] [--explain]",
  ],
} as const;

export type CommandName = keyof typeof LINES;

/** A command's usage after "Gebruik: ", its further forms on lines of their own. */
export function usage(command: CommandName): string {
  return LINES[command].join("\n       ");
}

/** Every command's usage, in the order `up help` lists them, one form per line. */
export function allUsageLines(): string[] {
  return Object.values(LINES).flat();
}
