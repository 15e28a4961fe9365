import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../support/runCli";

/*
 * `up help` and each command's own argument errors say the same usage: the help once listed
 * copies that lacked options added later (contribution's --pool and --pools, settle's --pool,
 * template's --force), and so did README's.
 */

const COMMANDS = ["check", "contribution", "keys", "template", "compare", "report", "settle"];

/** The usage a command prints after "Gebruik: " for an option it does not know, one form per line. */
async function ownUsage(command: string): Promise<string[]> {
  const r = await runCli([command, "--onbekende-optie"]);
  expect(r.code).toBe(2);
  const at = r.stderr.indexOf("Gebruik: ");
  expect(at).toBeGreaterThanOrEqual(0);
  return r.stderr
    .slice(at + "Gebruik: ".length)
    .trimEnd()
    .split("\n")
    .map((line) => line.trim());
}

test("up help lists every form of every command as the command itself gives it, in order", async () => {
  const help = await runCli(["help"]);
  expect(help.code).toBe(0);
  const listed = help.stdout
    .split("\n")
    .filter((line) => line.startsWith("  up "))
    .map((line) => line.trim());
  const own: string[] = [];
  for (const command of COMMANDS) own.push(...(await ownUsage(command)));
  expect(listed).toEqual(own);
  expect(listed.filter((l) => l.startsWith("up contribution")).join("\n")).toMatch(
    /--pool NAAM[\s\S]*--pools/
  );
});

test("up without a command shows the same help and exits 2", async () => {
  const [bare, help] = await Promise.all([runCli([]), runCli(["help"])]);
  expect(bare.code).toBe(2);
  expect(bare.stdout).toBe(help.stdout);
});

test("README's command-line block lists the same forms as up help", async () => {
  const help = await runCli(["help"]);
  const listed = help.stdout
    .split("\n")
    .filter((line) => line.startsWith("  up "))
    .map((line) => `npx ${line.trim()}`);
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8")
    .split("\n")
    .filter((line) => /^npx up [a-z]+ [[<]/.test(line));
  expect(readme).toEqual(listed);
});
