/* eslint-disable no-undef */
const acorn = require("acorn");
const ts = require("typescript");

/*
 * webpack loader for dependencies: Excel on older Macs runs the add-in in Safari 14's WebKit,
 * which has no class fields, static blocks or private methods (ES2022). A module that parses as
 * ES2021 is passed on untouched; one that does not (tabster, under Fluent UI, has class static
 * blocks) is transpiled to ES2020 by TypeScript, which the project has anyway: no Babel.
 */

const TARGET = 2021;

function parses(source, sourceType) {
  try {
    acorn.parse(source, { ecmaVersion: TARGET, sourceType, allowHashBang: true });
    return true;
  } catch {
    return false;
  }
}

module.exports = function es2021Loader(source) {
  if (parses(source, "module") || parses(source, "script")) return source;
  const { outputText, diagnostics } = ts.transpileModule(source, {
    fileName: this.resourcePath,
    reportDiagnostics: true,
    compilerOptions: {
      allowJs: true,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      // Class fields keep their define semantics when they become constructor code.
      useDefineForClassFields: true,
      sourceMap: false,
    },
  });
  if (diagnostics && diagnostics.length > 0) {
    const text = ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n");
    this.emitError(new Error(`${this.resourcePath}: could not transpile to ES2020: ${text}`));
  }
  return outputText;
};

module.exports.parses = parses;
