#!/usr/bin/env node
/* global require, __dirname, console, process, module */
/*
 * Checks the shipped bundle: no test-only tool (HyperFormula is GPL-3 or commercial, jest,
 * fast-check, playwright, the Office mocks…) and no copyleft licence may end up in dist/.
 *
 *   node scripts/check-bundle-licences.js [dist] [--stats stats.json] [--list]
 *
 * Without --stats it scans the emitted files for the tools' traces; with webpack's stats
 * (webpack --json=stats.json) it also checks every bundled package against package-lock.json:
 * each must be a runtime dependency, with a licence that is not GPL, AGPL, LGPL or SSPL.
 * --list prints the bundled packages with version and licence. Exit 1 on a violation.
 */
const { existsSync, readdirSync, readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");

/** Traces that a test-only tool was bundled: names and strings its code carries. */
const TRACES = [
  { tool: "hyperformula", pattern: /hyperformula|handsoncode|gpl-v3/i },
  { tool: "fast-check", pattern: /fast-check|fc\.assert\(/ },
  { tool: "jest", pattern: /jest-environment|@jest\/|expect\.extend\(/ },
  { tool: "playwright", pattern: /playwright/i },
  { tool: "@axe-core", pattern: /axe-core/ },
  { tool: "@testing-library", pattern: /@testing-library|testing-library/ },
  { tool: "office-addin-mock", pattern: /office-addin-mock|OfficeMockObject/ },
];
const COPYLEFT = /\b(A?GPL|LGPL|SSPL)\b|GNU (Affero |Lesser )?General Public License/i;

function parseArgs(argv) {
  const out = { dist: join(ROOT, "dist"), stats: undefined, list: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--stats") out.stats = resolve(argv[++i]);
    else if (argv[i] === "--list") out.list = true;
    else out.dist = resolve(argv[i]);
  }
  return out;
}

/** Our own emitted files; dist/office is Microsoft's office.js, copied as published. */
function emittedFiles(dist) {
  return readdirSync(dist).filter((f) => /\.(js|html|txt|json)$/.test(f));
}

function scanTraces(dist) {
  const problems = [];
  for (const file of emittedFiles(dist)) {
    const text = readFileSync(join(dist, file), "utf8");
    for (const { tool, pattern } of TRACES) {
      const m = pattern.exec(text);
      if (m) problems.push(`${file}: contains '${m[0]}' (${tool}, a test-only tool)`);
    }
    if (file.endsWith(".LICENSE.txt")) {
      const m = COPYLEFT.exec(text);
      if (m) problems.push(`${file}: a bundled licence says '${m[0]}'`);
    }
  }
  return problems;
}

/** Runtime packages by name (from package-lock.json): every package not marked dev. */
function lockPackages() {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const runtime = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.startsWith("node_modules/")) continue;
    const name = path.slice(path.lastIndexOf("node_modules/") + 13);
    const known = runtime.get(name);
    const dev = Boolean(entry.dev || entry.devOptional);
    if (!known || (known.dev && !dev)) runtime.set(name, { dev, version: entry.version, path });
  }
  return runtime;
}

/** Modules that end up in an emitted chunk; child compilations (the HTML template) ship nothing. */
function moduleNames(stats) {
  const names = new Set();
  const visit = (m) => {
    if (m.name) names.add(m.name);
    for (const inner of m.modules ?? []) visit(inner);
  };
  for (const m of stats.modules ?? []) if ((m.chunks ?? [null]).length > 0) visit(m);
  for (const c of stats.chunks ?? []) for (const m of c.modules ?? []) visit(m);
  return names;
}

function licenceOf(pkgPath) {
  const file = join(ROOT, pkgPath, "package.json");
  if (!existsSync(file)) return "UNKNOWN";
  const pkg = JSON.parse(readFileSync(file, "utf8"));
  const l = pkg.license ?? pkg.licenses;
  if (typeof l === "string") return l;
  if (Array.isArray(l)) return l.map((x) => x.type ?? x).join(" OR ");
  return l?.type ?? "UNKNOWN";
}

/**
 * An SPDX expression that leaves no choice but a copyleft licence: "(MIT OR GPL-3.0-or-later)"
 * (JSZip) is used under MIT; "(MIT AND GPL-3.0)" or "GPL-3.0-only" (HyperFormula) is not.
 */
function copyleftOnly(licence) {
  return licence
    .replace(/[()]/g, "")
    .split(/\s+OR\s+/i)
    .every((choice) => choice.split(/\s+AND\s+/i).some((part) => COPYLEFT.test(part)));
}

function checkStats(statsFile) {
  const stats = JSON.parse(readFileSync(statsFile, "utf8"));
  const lock = lockPackages();
  const bundled = new Map();
  for (const name of moduleNames(stats)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(name.replace(/\\/g, "/"));
    if (m) bundled.set(m[1], true);
  }
  const problems = [];
  const rows = [];
  for (const name of [...bundled.keys()].sort()) {
    const entry = lock.get(name);
    const licence = entry ? licenceOf(entry.path) : "UNKNOWN";
    rows.push({ name, version: entry?.version ?? "?", licence });
    if (!entry) problems.push(`${name}: bundled but not in package-lock.json`);
    else if (entry.dev) problems.push(`${name}: bundled but only a development dependency`);
    if (copyleftOnly(licence)) problems.push(`${name}: bundled with the licence ${licence}`);
  }
  return { problems, rows };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.dist)) {
    console.error(`check-bundle-licences: ${args.dist} does not exist; run npm run build first`);
    process.exit(2);
  }
  const problems = scanTraces(args.dist);
  let rows = [];
  if (args.stats) {
    const checked = checkStats(args.stats);
    problems.push(...checked.problems);
    rows = checked.rows;
  }
  if (args.list) for (const r of rows) console.log(`${r.name}\t${r.version}\t${r.licence}`);
  if (problems.length > 0) {
    console.error(`check-bundle-licences: ${problems.length} problem(s) in ${args.dist}:`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(
    `check-bundle-licences: ${emittedFiles(args.dist).length} files in ${args.dist} clean` +
      (args.stats
        ? `; ${rows.length} bundled packages, all runtime dependencies, none copyleft`
        : "")
  );
}

if (require.main === module) main();

module.exports = { scanTraces, checkStats, copyleftOnly, TRACES, COPYLEFT };
