// exceljs's bare browser bundle: the library without its regenerator runtime (imported first by
// ./exceljs.ts), so nothing calls Function() under the extension pages' CSP (exceljs#2345).
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import * as ExcelJS from 'exceljs';
  export = ExcelJS;
}
