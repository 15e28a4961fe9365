/* eslint-disable no-undef */
const fs = require("node:fs");
const ts = require("typescript");

/*
 * Lets Node require the TypeScript sources directly, so the benchmarks measure src/ as it is
 * (not a lib/ that may be stale) and modules that locate files by __dirname still find them.
 * Transpiling only: `npm run typecheck` is the type check.
 */

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
  resolveJsonModule: true,
};

for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}
