import JSZip from "jszip/dist/jszip.min.js";

/*
 * The one place UP loads JSZip from: its single-file build, which is what the pane bundles
 * anyway (the package's browser field). Node requires it in a quarter of the CPU time of the
 * package's main entry (lib/ with readable-stream, pako, lie and setimmediate as separate
 * files), and the reading limits load it for every workbook the command line opens.
 */
export default JSZip;
