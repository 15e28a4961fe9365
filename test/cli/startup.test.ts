import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * What a command-line process loads, from the built command line (bin/up.js → lib/, as npm ci
 * builds it): ExcelJS only for a command that reads or writes a workbook, and then its Node build
 * (lib/vendor/, webpack.cli.config.js), never the package's main entry with its streaming
 * dependencies nor the single-file build with its browser polyfills. The time this saves is
 * measured by `npm run bench`; here only what is loaded.
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

/** What a run of `up args` loaded: files of node_modules/ and of lib/vendor/ (the Node builds of ExcelJS and JSZip). */
function loaded(args: string[]): { packages: string[]; vendor: string[] } {
  const r = spawnSync(process.execPath, ["-r", join(dir, "modules.js"), "bin/up.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect([0, 1]).toContain(r.status);
  const files = JSON.parse(readFileSync(join(dir, "loaded.json"), "utf8")) as string[];
  const vendor = join(ROOT, "lib", "vendor") + "/";
  return {
    packages: files
      .filter((f) => f.includes("node_modules"))
      .map((f) => f.slice(f.lastIndexOf("node_modules") + "node_modules/".length)),
    vendor: files.filter((f) => f.startsWith(vendor)).map((f) => f.slice(vendor.length)),
  };
}

/** The node_modules files a run of `up args` loaded, relative to node_modules/. */
function packagesLoaded(args: string[]): string[] {
  return loaded(args).packages;
}

test("up check without a file loads no ExcelJS, and of the packages only decimal.js", () => {
  expect(packagesLoaded(["check"])).toEqual(["decimal.js/decimal.js"]);
});

test("up check with a workbook loads ExcelJS's Node build and no package of it", () => {
  const { packages, vendor } = loaded(["check", join(ROOT, "examples", "up-2024-published.xlsx")]);
  // The reading limits (src/workbook/limits.ts) open the zip with the JSZip ExcelJS then loads it with.
  expect(vendor.sort()).toEqual(["exceljs.node.js", "jszip.node.js"]);
  expect(packages).toEqual(["decimal.js/decimal.js"]);
});

test("a command other than check loads only its own module", () => {
  expect(packagesLoaded(["contribution", "Heerlen", "2025"])).toEqual(["decimal.js/decimal.js"]);
});

test("up report writes with ExcelJS's Node build, loaded only for the writing", () => {
  const { packages, vendor } = loaded(["report", "--out", join(dir, "verslag.xlsx")]);
  // JSZip is ExcelJS's zip layer; the built-in plan is not read from a zip.
  expect(vendor.sort()).toEqual(["exceljs.node.js", "jszip.node.js"]);
  expect(packages).toEqual(["decimal.js/decimal.js"]);
});

test("up settle on the built-in plan loads no ExcelJS, and of the packages only decimal.js", () => {
  expect(packagesLoaded(["settle", "--year", "2025", "--actual", "2250000"])).toEqual([
    "decimal.js/decimal.js",
  ]);
});
