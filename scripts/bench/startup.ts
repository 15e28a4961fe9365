import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { sample, Sample } from "./stats";

/*
 * What a command-line user waits for: whole `up` processes, started the way a shell starts
 * them, against a bare `node -e 0` started the same way; and, in fresh processes, what the
 * first calls cost before anything is warm.
 */

const ROOT = resolve(__dirname, "../..");
const CPU_AT_EXIT = join(__dirname, "cpuAtExit.js");
const COLD_CALLS = join(__dirname, "coldCalls.js");

export interface ProcessCommand {
  label: string;
  /** Arguments to node (after the CPU hook), run in the project's folder. */
  args: string[];
  /** Exit codes that mean the command did its work (`up check` exits 1 on findings). */
  exitCodes: number[];
}

export interface ProcessTiming {
  command: ProcessCommand;
  /** Wall time from spawn to exit, ms. */
  wall: Sample;
  /** CPU time of the process, all threads, ms. */
  cpu: Sample;
  /** CPU time / the first command's, per round. */
  cpuRatio: Sample;
  /** Wall time / the first command's, per round. */
  wallRatio: Sample;
}

function runOnce(command: ProcessCommand): { wall: number; cpu: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["-r", CPU_AT_EXIT, ...command.args], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  const wall = performance.now() - t;
  if (r.status === null || !command.exitCodes.includes(r.status)) {
    throw new Error(`${command.label}: exit ${r.status ?? r.signal}: ${r.stderr}`);
  }
  const cpu = Number(r.output[3]);
  if (!Number.isFinite(cpu)) throw new Error(`${command.label}: no CPU time reported`);
  return { wall, cpu };
}

/**
 * Runs every command once per round, `rounds` times, the order rotating from round to round so
 * that none always runs right after another; ratios are to `commands[0]` within each round.
 */
export function processTimings(commands: ProcessCommand[], rounds: number): ProcessTiming[] {
  for (const c of commands) runOnce(c); // file cache and node's own first start
  const runs = commands.map(() => [] as { wall: number; cpu: number }[]);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (k + r) % commands.length;
      runs[i].push(runOnce(commands[i]));
    }
  }
  return commands.map((command, i) => ({
    command,
    wall: sample(runs[i].map((x) => x.wall)),
    cpu: sample(runs[i].map((x) => x.cpu)),
    cpuRatio: sample(runs[i].map((x, r) => x.cpu / runs[0][r].cpu)),
    wallRatio: sample(runs[i].map((x, r) => x.wall / runs[0][r].wall)),
  }));
}

/** The steps of scripts/bench/coldCalls.js, in the order it takes them. */
export const COLD_STEPS = {
  beforeMain: "node's own start, up to the first line of the script",
  requireCli: "require lib/cli/up.js (the command table)",
  requireCore: "require the core (checkPlan, its rules, decimal.js)",
  plan2024: "build the built-in 2024 plan",
  checkFirst: "first checkPlan (2024 plan)",
  checkSecond: "second checkPlan (2024 plan)",
  requireExcelJS: "require ExcelJS (its Node build lib/vendor/exceljs.node.js, with JSZip)",
  requireReader: "require the workbook reader",
  readFirst: "first read of examples/up-2024-published.xlsx",
  readSecond: "second read of the same bytes",
  checkReadFirst: "first checkPlan of the plan read",
} as const;

export type ColdStep = keyof typeof COLD_STEPS;

/** Each step's CPU time over `processes` fresh processes. */
export function coldCalls(processes: number): Record<ColdStep, Sample> {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < processes; i++) {
    const r = spawnSync(process.execPath, [COLD_CALLS], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`coldCalls.js: exit ${r.status}: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout) as Record<string, number>);
  }
  const out = {} as Record<ColdStep, Sample>;
  for (const step of Object.keys(COLD_STEPS) as ColdStep[]) {
    out[step] = sample(runs.map((r) => r[step]));
  }
  return out;
}
