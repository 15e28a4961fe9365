/** Both builds #jszip names have the package's API and types (src/workbook/jszip.ts). */
declare module "#jszip" {
  import JSZip from "jszip";
  export default JSZip;
}
