import ExcelJS from "#exceljs";

/*
 * The one place UP loads ExcelJS from (package.json `imports`). Node gets lib/vendor/exceljs.node.js
 * (webpack.cli.config.js): ExcelJS's own lib/exceljs.bare.js built as one file on Node's built-ins,
 * required in about half the CPU time of the single-file build, whose browserify polyfills Node
 * would evaluate at every start, and in a fraction of the package's main entry (~290 files with
 * the streaming reader and writer UP never uses). The pane bundles the single-file build without
 * polyfills. Neither has file system access: callers read and write the bytes themselves (load,
 * writeBuffer, csv.read).
 */
export default ExcelJS;
