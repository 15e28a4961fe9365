import { main } from "../../src/cli/up";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `up` in-process, as bin/up.js does, capturing its output. */
export async function runCli(args: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
  });
  return { code, stdout, stderr };
}
