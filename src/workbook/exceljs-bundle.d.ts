/** Both builds #exceljs names have the package's API and types (src/workbook/exceljs.ts). */
declare module "#exceljs" {
  export * from "exceljs";
}
