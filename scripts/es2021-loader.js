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
  // What Safari 14 lacks of ES2022 lives in classes (fields, private members, static blocks):
  // a module without one passes unparsed. The build test parses every shipped chunk anyway.
  if (!/\bclass\b/.test(source)) return source;
  // An ES module has a line that starts with import or export; anything else is a script.
  if (parses(source, /^\s*(import|export)\b/m.test(source) ? "module" : "script")) return source;
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
