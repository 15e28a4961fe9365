import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { join, relative } from "node:path";

/*
 * One production build (`npm run build`'s configuration) for the build, e2e and network tests
 * and `npm run bench`: each build costs a minute on two shared cores. It is kept under
 * test-output/builds/<hash of its sources>/ and reused while those sources are unchanged. A
 * build goes to a folder of its own and is renamed into place when complete, so a test reading
 * one build is never disturbed by another run building newer sources; a lock file per hash keeps
 * two jest workers (or two jest runs) from building the same sources at once.
 */

const ROOT = join(__dirname, "..", "..");
const BUILDS = join(ROOT, "test-output", "builds");

/** What a production build is made of; a change to any of these means a new build. */
const INPUTS = [
  "src",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "scripts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "node_modules/.package-lock.json",
];

const BUILD_TIMEOUT = 280_000;
/** A waiting worker gives up only after the one holding the lock must have finished. */
const LOCK_WAIT = BUILD_TIMEOUT + 30_000;
/** For the jest hook that awaits sharedBuild(): a wait for the lock, then a build of its own. */
export const SHARED_BUILD_TIMEOUT = LOCK_WAIT + BUILD_TIMEOUT + 30_000;

/** Builds of other sources are kept while recently used (another run may be reading them). */
const KEEP = 3;
const UNUSED_FOR = 30 * 60_000;

export interface ProductionBuild {
  /** The emitted files, as `npm run build` leaves them in dist/. */
  dist: string;
  /** webpack's `--json` stats of that build. */
  statsFile: string;
  /** False when an earlier build of the same sources was reused. */
  built: boolean;
}

/** `webpack --mode production` with the given arguments, in the project's folder. */
export function runWebpack(args: string[], timeoutMs = BUILD_TIMEOUT): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", ...args],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        done();
        return;
      }
      const why = signal
        ? `was stopped after ${timeoutMs / 1000} s (${signal})`
        : `exited with ${code}`;
      fail(
        new Error(`webpack --mode production ${args.join(" ")} ${why}:\n${output}${errors(args)}`)
      );
    });
  });
}

/** With `--json=file` webpack prints its errors only into the stats. */
function errors(args: string[]): string {
  const json = args.find((a) => a.startsWith("--json="));
  if (!json) return "";
  try {
    const stats = JSON.parse(readFileSync(json.slice("--json=".length), "utf8"));
    return (stats.errors as { message: string }[]).map((e) => `\n${e.message}`).join("");
  } catch {
    return "";
  }
}

/** sha256 of every input file's path and content (a deleted or added file changes it too). */
function sourceHash(): string {
  const hash = createHash("sha256");
  const add = (path: string): void => {
    let content: Buffer;
    try {
      if (statSync(path).isDirectory()) {
        for (const name of readdirSync(path).sort()) add(join(path, name));
        return;
      }
      content = readFileSync(path);
    } catch (e) {
      // Removed while being read: the next run sees the tree without it.
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    hash.update(`${relative(ROOT, path)}\0${content.length}\0`);
    hash.update(content);
  };
  for (const input of INPUTS) add(join(ROOT, input));
  return hash.digest("hex").slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid a lock file names, or undefined while it is being written. */
function holder(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Left by a process that died, or older than any build may take (its pid reused since). */
function stale(lock: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return false;
  }
  const pid = holder(lock);
  if (pid === undefined) return age > 10_000;
  return !alive(pid) || age > LOCK_WAIT;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock(lock: string, work: () => Promise<void>): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (stale(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() - started > LOCK_WAIT) {
      throw new Error(
        `Waited ${LOCK_WAIT / 1000} s for ${lock}, held by process ${holder(lock)}: ` +
          "delete the file if no production build is running."
      );
    }
    await sleep(500);
  }
  try {
    await work();
  } finally {
    if (holder(lock) === process.pid) rmSync(lock, { force: true });
  }
}

/** Removes builds of other sources not used for a while, and folders of builds that died. */
function prune(current: string): void {
  const builds: { path: string; used: number }[] = [];
  for (const name of readdirSync(BUILDS)) {
    const path = join(BUILDS, name);
    const partial = /\.tmp-(\d+)$/.exec(name);
    if (partial) {
      if (!alive(Number(partial[1]))) rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (name === current || !/^[0-9a-f]{16}$/.test(name)) continue;
    try {
      builds.push({ path, used: statSync(path).mtimeMs });
    } catch {
      // Pruned by another run meanwhile.
    }
  }
  builds.sort((a, b) => b.used - a.used);
  for (const { path, used } of builds.slice(KEEP - 1)) {
    if (Date.now() - used > UNUSED_FOR) rmSync(path, { recursive: true, force: true });
  }
}

/** Marks a build as in use, so that no other run prunes it; false if there is none. */
function markUsed(dir: string): boolean {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}

async function buildOnce(): Promise<ProductionBuild> {
  mkdirSync(BUILDS, { recursive: true });
  const key = sourceHash();
  const dir = join(BUILDS, key);
  // The folder only ever appears complete, by the rename below.
  const complete = () => existsSync(join(dir, "stats.json"));
  let built = false;
  if (!markUsed(dir) || !complete()) {
    await withLock(join(BUILDS, `${key}.lock`), async () => {
      if (complete()) return;
      const partial = join(BUILDS, `${key}.tmp-${process.pid}`);
      rmSync(partial, { recursive: true, force: true });
      mkdirSync(partial);
      try {
        await runWebpack([
          "--output-path",
          join(partial, "dist"),
          `--json=${join(partial, "stats.json")}`,
        ]);
        try {
          renameSync(partial, dir);
          built = true;
        } catch (e) {
          // A run that found the lock stale built the same sources first.
          if (!complete()) throw e;
        }
      } finally {
        rmSync(partial, { recursive: true, force: true });
      }
    });
  }
  markUsed(dir);
  prune(key);
  return { dist: join(dir, "dist"), statsFile: join(dir, "stats.json"), built };
}

let pending: Promise<ProductionBuild> | undefined;

/**
 * The production build of the sources as they are now: reused when already built, else built
 * once while any other worker asking for it waits.
 */
export function sharedBuild(): Promise<ProductionBuild> {
  pending ??= buildOnce();
  return pending;
}
