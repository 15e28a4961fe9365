import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliIn, ROOT, scratch, TEMPLATE } from "./support";

/*
 * Names a user types are looked up in maps without prototypes, and exit codes mean what the
 * README says on every path: docs/BAD-INPUT.md rows A13–A15 and C15.
 */

const BIN = join(ROOT, "bin", "up.js");

test.each([["constructor"], ["toString"], ["__proto__"], ["hasOwnProperty"]])(
  "A13 a command named after an Object property: up %s",
  async (name) => {
    const r = await cliIn(scratch(), name);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^Onbekend commando '${name}' / unknown command`));
  }
);

test("A13 the real binary: up constructor exits 2 with the message, no stack", () => {
  const r = spawnSync(process.execPath, [BIN, "constructor"], { encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("Onbekend commando 'constructor'");
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test("C15 a workbook whose name ends in .constructor is read like any other", async () => {
  const dir = scratch();
  copyFileSync(TEMPLATE, join(dir, "plan.constructor"));
  const r = await cliIn(dir, "check", "plan.constructor", "--json");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout).source.name).toBe("plan.constructor");
});

test("A14 a CSV column headed __proto__ is a component of that name", async () => {
  const dir = scratch({ "c.csv": "gemeente;__proto__\nBeek;1\nStein;3\n" });
  const r = await cliIn(dir, "keys", "c.csv", "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(Object.keys(json.weights)).toEqual(["__proto__"]);
  expect(json.rows.map((x: { key: string }) => x.key)).toEqual(["0.25", "0.75"]);
  expect(r.stdout).not.toContain("[object Object]");
});

describe("A15 an unexpected error is exit 2 with 'onverwachte fout' and no stack", () => {
  // A preload that breaks what the command line relies on, as a bug would.
  const run = (script: string, ...args: string[]) => {
    const dir = scratch();
    writeFileSync(join(dir, "break.js"), script);
    return spawnSync(process.execPath, ["--require", join(dir, "break.js"), BIN, ...args], {
      cwd: dir,
      encoding: "utf8",
    });
  };

  test("A15 an error thrown inside a command", () => {
    const r = run(
      `const w = process.stdout.write.bind(process.stdout);
       process.stdout.write = (t) => { if (String(t).includes("Controle")) throw new TypeError("stuk"); return w(t); };`,
      "check"
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("up check: onverwachte fout / unexpected error: stuk\n");
  });

  test("A15 an error thrown in a callback, outside the command's promise", () => {
    const r = run(`setImmediate(() => { throw new RangeError("los"); });`, "check");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("up: onverwachte fout / unexpected error: los\n");
  });
});

test("the binary's exit codes: 0 help, 1 findings, 2 could not run", () => {
  expect(() => execFileSync(process.execPath, [BIN, "help"])).not.toThrow();
  expect(spawnSync(process.execPath, [BIN, "check"]).status).toBe(1);
  expect(spawnSync(process.execPath, [BIN, "check", "geen.xlsx"]).status).toBe(2);
});
