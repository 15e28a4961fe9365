/** The single-file build has the package's API and types (src/workbook/exceljs.ts). */
declare module "exceljs/dist/exceljs.bare.min.js" {
  export * from "exceljs";
}
