import { spawnSync } from "node:child_process";
import { promises as fsp } from "node:fs";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { cliIn, scratch } from "./support";

/*
 * `up template` writes through a temp file and a rename, and refuses what is not a regular
 * file: docs/BAD-INPUT.md rows C16–C19.
 */

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

test("C16 onto a symlink, dangling or not, UP refuses and writes nowhere", async () => {
  const dir = scratch();
  const elsewhere = scratch();
  symlinkSync(join(elsewhere, "gevolgd.xlsx"), join(dir, "plan.xlsx"));
  for (const args of [[], ["--force"]]) {
    const r = await cliIn(dir, "template", "plan.xlsx", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "plan.xlsx is een symbolische koppeling (symlink), geen gewoon bestand: UP schrijft daar niet naartoe (ook niet met --force)"
    );
  }
  expect(readdirSync(elsewhere)).toEqual([]);
  expect(lstatSync(join(dir, "plan.xlsx")).isSymbolicLink()).toBe(true);
  expect(leftovers(dir)).toEqual([]);
});

test("C17 onto a FIFO or a device: refused at once, no hang", async () => {
  const dir = scratch();
  expect(spawnSync("mkfifo", [join(dir, "pijp.xlsx")]).status).toBe(0);
  const start = Date.now();
  const fifo = await cliIn(dir, "template", "pijp.xlsx", "--force");
  // Opening a FIFO for writing blocks until a reader comes, i.e. forever: any bound tells a hang
  // from a refusal. Starting the process alone took 9,5 s at load 16, so the bound is generous.
  expect(Date.now() - start).toBeLessThan(30000);
  expect([fifo.code, fifo.stderr]).toEqual([
    2,
    "up template: pijp.xlsx is een FIFO (named pipe), geen gewoon bestand: UP schrijft daar niet naartoe (ook niet met --force); kies een andere naam\n",
  ]);
  // A device under a workbook's name: /dev/null's own numbers (root makes it; CI runs as root).
  const made = spawnSync("mknod", [join(dir, "apparaat.xlsx"), "c", "1", "3"]).status === 0;
  if (made) {
    const dev = await cliIn(dir, "template", "apparaat.xlsx", "--force");
    expect(dev.code).toBe(2);
    expect(dev.stderr).toContain("apparaat.xlsx is een apparaat, geen gewoon bestand");
  }
  expect(leftovers(dir)).toEqual([]);
}, 60000);

test("C18 a directory or a missing directory is named, never ENOENT/EISDIR", async () => {
  const dir = scratch();
  mkdirSync(join(dir, "map.xlsx"));
  const isDir = await cliIn(dir, "template", "map.xlsx", "--force");
  expect([isDir.code, isDir.stderr]).toEqual([
    2,
    "up template: map.xlsx is een map, geen gewoon bestand: UP schrijft daar niet naartoe (ook niet met --force); kies een andere naam\n",
  ]);
  const missing = await cliIn(dir, "template", "bestaat/niet/plan.xlsx");
  expect([missing.code, missing.stderr]).toEqual([
    2,
    "up template: De map bestaat/niet bestaat niet\n",
  ]);
  writeFileSync(join(dir, "bestand"), "x");
  const notDir = await cliIn(dir, "template", "bestand/plan.xlsx");
  expect(notDir.stderr).toBe("up template: bestand is geen map\n");
  expect(`${isDir.stderr}${missing.stderr}`).not.toMatch(/ENOENT|EISDIR|onverwachte/);
});

test("C19 a full disk while writing: the old file stays whole, no temp file is left", async () => {
  const dir = scratch({ "plan.xlsx": "mijn eigen werk" });
  const open = fsp.open;
  // The disk fills up while the new workbook is written.
  const spy = jest.spyOn(fsp, "open").mockImplementation(async (...args) => {
    const handle = await open(...(args as Parameters<typeof open>));
    handle.writeFile = async () => {
      throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    };
    return handle;
  });
  try {
    const r = await cliIn(dir, "template", "plan.xlsx", "--force");
    expect([r.code, r.stderr]).toEqual([
      2,
      "up template: plan.xlsx kon niet worden geschreven (de schijf is vol); er is niets veranderd\n",
    ]);
  } finally {
    spy.mockRestore();
  }
  expect(readFileSync(join(dir, "plan.xlsx"), "utf8")).toBe("mijn eigen werk");
  expect(leftovers(dir)).toEqual([]);
});

test("C19 --force replaces the file whole, through a rename (a new inode)", async () => {
  const dir = scratch({ "plan.xlsx": "oud" });
  const before = lstatSync(join(dir, "plan.xlsx")).ino;
  const r = await cliIn(dir, "template", "plan.xlsx", "--force");
  expect(r.code).toBe(0);
  expect(lstatSync(join(dir, "plan.xlsx")).ino).not.toBe(before);
  expect(readFileSync(join(dir, "plan.xlsx")).subarray(0, 2).toString()).toBe("PK");
  expect(leftovers(dir)).toEqual([]);
  expect(existsSync(join(dir, "plan.xlsx"))).toBe(true);
});
