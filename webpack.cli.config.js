/* eslint-disable no-undef */
const path = require("path");

/*
 * The command line's Node builds of ExcelJS and JSZip (lib/vendor/, built by `npm run build:cli`,
 * which `npm ci` runs). ExcelJS's single-file build carries browserify polyfills (buffer, crypto,
 * stream) that Node evaluates at every start; its package's main entry is ~290 files with the
 * streaming reader and writer. This is its own lib/exceljs.bare.js (Workbook: xlsx.load,
 * xlsx.writeBuffer, csv.read) as one minified file on Node's built-ins, and the JSZip the reading
 * limits open every workbook with is the same module instance ExcelJS uses. package.json's
 * `imports` (#exceljs, #jszip) give Node these files and the browser the single-file builds.
 */

const out = path.resolve(__dirname, "lib", "vendor");

const node = (name, entry, externals) => ({
  name,
  mode: "production",
  target: "node20",
  entry: require.resolve(entry),
  output: { path: out, filename: `${name}.node.js`, library: { type: "commonjs2" } },
  externals,
  devtool: false,
  performance: { hints: false },
  stats: "errors-warnings",
});

module.exports = [
  // JSZip on Node's stream, as its own package.json maps readable-stream for the browser.
  node("jszip", "jszip/lib/index.js", { "readable-stream": "commonjs stream" }),
  node("exceljs", "exceljs/lib/exceljs.bare.js", { jszip: "commonjs ./jszip.node.js" }),
];
