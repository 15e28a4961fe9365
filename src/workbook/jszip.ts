import JSZip from "#jszip";

/*
 * The one place UP loads JSZip from (package.json `imports`). Node gets lib/vendor/jszip.node.js,
 * the module ExcelJS's Node build itself uses (webpack.cli.config.js): the reading limits open the
 * zip with the same code that then loads it, once. The pane bundles the single-file build, which
 * is what the package's browser field gives it anyway.
 */
export default JSZip;
