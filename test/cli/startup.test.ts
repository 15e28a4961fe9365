import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * What a command-line process loads, from the built command line (bin/up.js → lib/, as npm ci
 * builds it): ExcelJS only for a command that reads or writes a workbook, and then its
 * single-file build, never the package's main entry with its streaming dependencies. The time
 * this saves is measured by `npm run bench`; here only what is loaded.
 */

const ROOT = join(__dirname, "..", "..");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "up-startup-"));
  writeFileSync(
    join(dir, "modules.js"),
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(join(dir, "loaded.json"))}, JSON.stringify(Object.keys(require.cache))));`
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The node_modules files a run of `up args` loaded, relative to node_modules/. */
function packagesLoaded(args: string[]): string[] {
  const r = spawnSync(process.execPath, ["-r", join(dir, "modules.js"), "bin/up.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect([0, 1]).toContain(r.status);
  const files = JSON.parse(readFileSync(join(dir, "loaded.json"), "utf8")) as string[];
  return files
    .filter((f) => f.includes("node_modules"))
    .map((f) => f.slice(f.lastIndexOf("node_modules") + "node_modules/".length));
}

test("up check without a file loads no ExcelJS, and of the packages only decimal.js", () => {
  expect(packagesLoaded(["check"])).toEqual(["decimal.js/decimal.js"]);
});

test("up check with a workbook loads ExcelJS's single-file build and nothing of its package's main", () => {
  const loaded = packagesLoaded(["check", join(ROOT, "examples", "up-2024-published.xlsx")]);
  expect(loaded.filter((f) => f.startsWith("exceljs/"))).toEqual([
    "exceljs/dist/exceljs.bare.min.js",
  ]);
  // jszip is loaded on purpose, its single-file build: the reading limits
  // (src/workbook/limits.ts) read the zip's directory before ExcelJS opens the file.
  // ExcelJS's own streaming dependencies stay out.
  expect(loaded.filter((f) => f.startsWith("jszip/"))).toEqual(["jszip/dist/jszip.min.js"]);
  expect(
    loaded.filter((f) => /^(unzipper|archiver|saxes|fast-csv|readable-stream|pako|lie)\//.test(f))
  ).toEqual([]);
});

test("a command other than check loads only its own module", () => {
  expect(packagesLoaded(["contribution", "Heerlen", "2025"])).toEqual(["decimal.js/decimal.js"]);
});

test("up report writes with ExcelJS's single-file build, loaded only for the writing", () => {
  const loaded = packagesLoaded(["report", "--out", join(dir, "verslag.xlsx")]);
  expect(loaded.filter((f) => f.startsWith("exceljs/"))).toEqual([
    "exceljs/dist/exceljs.bare.min.js",
  ]);
  // The built-in plan is not read from a zip: nothing of ExcelJS's package dependencies loads.
  expect(loaded.filter((f) => /^(unzipper|archiver|jszip|saxes|fast-csv)\//.test(f))).toEqual([]);
});

test("up settle on the built-in plan loads no ExcelJS, and of the packages only decimal.js", () => {
  expect(packagesLoaded(["settle", "--year", "2025", "--actual", "2250000"])).toEqual([
    "decimal.js/decimal.js",
  ]);
});
