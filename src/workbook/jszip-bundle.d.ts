/** The single-file build has the package's API and types (src/workbook/jszip.ts). */
declare module "jszip/dist/jszip.min.js" {
  import JSZip from "jszip";
  export default JSZip;
}
