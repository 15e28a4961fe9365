import { PlanInputError } from "../core/errors";
import { own } from "../core/own";
import { CliIO, Command, EXIT_OK, EXIT_UNUSABLE } from "./io";
import { terminalSafe } from "./terminal";
import { allUsageLines } from "./usage";

/*
 * Each command's module loads when it is asked for: a process that starts for one command
 * parses no other (start-up is most of what `up check` costs; docs/BENCHMARKS.md).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./check")).checkCommand,
  contribution: async () => (await import("./contribution")).contributionCommand,
  keys: async () => (await import("./keys")).keysCommand,
  template: async () => (await import("./template")).templateCommand,
  compare: async () => (await import("./compare")).compareCommand,
  report: async () => (await import("./report")).reportCommand,
  settle: async () => (await import("./settle")).settleCommand,
};

const HELP = `up — controle van het Uitvoeringsplan / checks the execution plan

${allUsageLines()
  .map((line) => `  ${line}`)
  .join("\n")}

Zonder bestand gebruikt up het ingebouwde Uitvoeringsplan 2024.
Exit: 0 geen fouten, 1 fouten in het plan, 2 kon niet draaien (melding op stderr).
`;

/** Runs one `up` command; never throws: every failure becomes a message and exit code 2. */
export async function main(argv: string[], raw: CliIO): Promise<number> {
  const io: CliIO = {
    stdout: (t) => raw.stdout(terminalSafe(t)),
    stderr: (t) => raw.stderr(terminalSafe(t)),
    cwd: raw.cwd,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(HELP);
    return name === undefined ? EXIT_UNUSABLE : EXIT_OK;
  }
  const load = own(COMMANDS, name);
  if (!load) {
    io.stderr(`Onbekend commando '${name}' / unknown command\n\n${HELP}`);
    return EXIT_UNUSABLE;
  }
  const lang = requestedLang(rest);
  try {
    const command = await load();
    return await command(rest, io);
  } catch (e) {
    if (e instanceof PlanInputError) {
      io.stderr(`up ${name}: ${e.text(lang)}\n`);
    } else {
      const detail = e instanceof Error ? e.message : String(e);
      io.stderr(`up ${name}: onverwachte fout / unexpected error: ${detail}\n`);
    }
    return EXIT_UNUSABLE;
  }
}

/** The --lang of the arguments, read before parsing so even argument errors come in that language. */
function requestedLang(args: string[]): "nl" | "en" {
  const i = args.indexOf("--lang");
  const value = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--lang="))?.slice(7);
  return value === "en" ? "en" : "nl";
}
