import { spawnSync } from "node:child_process";
import { join } from "node:path";

/*
 * The command line in a child process, with what it cost: peak resident memory and CPU time
 * as the child itself measures them at exit (process.resourceUsage), and the wall-clock time.
 * CPU time is what a budget can rely on here: wall time grows with the machine's other load.
 */

const ENTRY = join(__dirname, "..", "..", "lib", "cli", "up.js");

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssMB: number;
  cpuSeconds: number;
  wallSeconds: number;
}

const CHILD = `
const { main } = require(${JSON.stringify(ENTRY)});
let out = "", err = "";
main(process.argv.slice(1), { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd() })
  .then((code) => {
    const u = process.resourceUsage();
    process.stdout.write(JSON.stringify({ code, out, err, maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });
`;

export function measureCli(cwd: string, ...args: string[]): Measured {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-e", CHILD, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    timeout: 120_000,
  });
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 || !r.stdout) throw new Error(`child failed: ${r.status} ${r.stderr}`);
  const j = JSON.parse(r.stdout) as {
    code: number;
    out: string;
    err: string;
    maxRSS: number;
    cpu: number;
  };
  return {
    code: j.code,
    stdout: j.out,
    stderr: j.err,
    maxRssMB: j.maxRSS / 1024,
    cpuSeconds: j.cpu,
    wallSeconds,
  };
}
