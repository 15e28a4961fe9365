import ExcelJS from "exceljs/dist/exceljs.bare.min.js";

/*
 * The one place UP loads ExcelJS from: its single-file build without polyfills. Node requires
 * it in a fifth of the time of the package's main entry (which loads unzipper, archiver and
 * other streaming packages UP never uses); the pane bundles the same file. It has no file
 * system access: callers read and write the bytes themselves (load, writeBuffer, csv.read).
 */
export default ExcelJS;
