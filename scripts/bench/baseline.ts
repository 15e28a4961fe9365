import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import webpack, { Configuration } from "webpack";

/*
 * The baseline page for pane start: office.js from the build, then the smallest React + Fluent
 * task pane (baseline/pane.tsx), built with webpack in production mode and the project's
 * loaders and browser targets. Rebuilt only when its source or the installed packages are newer.
 */

const ROOT = resolve(__dirname, "../..");
const SOURCE = join(__dirname, "baseline", "pane.tsx");
const OUT = join(ROOT, "test-output", "bench-baseline");
const BUNDLE = join(OUT, "baseline.js");

function newer(file: string, than: string[]): boolean {
  const t = statSync(file).mtimeMs;
  return than.every((f) => !existsSync(f) || statSync(f).mtimeMs < t);
}

/** The project's webpack configuration (webpack.config.js), for its loaders and targets. */
async function projectConfig(): Promise<Configuration> {
  const make = require(join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>,
    options: { mode: string }
  ) => Promise<Configuration>;
  // A host keeps it from warning about the manifest, which this build does not emit.
  return make({ host: "https://baseline.invalid/" }, { mode: "production" });
}

/** The baseline with the project's loaders, resolution and browser targets, nothing else. */
async function compile(): Promise<void> {
  const project = await projectConfig();
  const compiler = webpack({
    mode: "production",
    target: project.target,
    context: ROOT,
    entry: SOURCE,
    output: { path: OUT, filename: "baseline.js" },
    resolve: project.resolve,
    module: project.module,
    performance: { hints: false },
  });
  return new Promise((done, fail) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return fail(error);
      if (stats?.hasErrors()) return fail(new Error(stats.toString("errors-only")));
      done();
    })
  );
}

/** The baseline page's script, built if needed. */
export async function baselineScript(): Promise<string> {
  const inputs = [
    SOURCE,
    __filename,
    join(ROOT, "webpack.config.js"),
    join(ROOT, "node_modules", ".package-lock.json"),
  ];
  if (!existsSync(BUNDLE) || !newer(BUNDLE, inputs)) await compile();
  return readFileSync(BUNDLE, "utf8");
}

/** The baseline page: the same office.js as taskpane.html, then the baseline script. */
export const BASELINE_HTML = `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>basislijn / baseline</title>
<script defer src="/bench/baseline.js"></script>
<script src="/office/office.js"></script></head><body><div id="root"></div></body></html>`;
