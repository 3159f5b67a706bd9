/**
 * exceljs as duban's pages may run it: its bare bundle, after the regenerator runtime. The default
 * browser bundle carries a regenerator runtime that calls Function() and fails under the pages'
 * CSP (script-src 'self'; exceljs#2345). Imported only by modules the pages load on demand (the
 * ledger, utils/ledger-workbook.ts; the viewer's sheets, entrypoints/viewer/xlsx.ts): never by the
 * content script or the background.
 */
import 'regenerator-runtime/runtime';
import * as ExcelBundle from 'exceljs/dist/exceljs.bare.min.js';

export const Excel = ((ExcelBundle as unknown as { default?: typeof ExcelBundle }).default ?? ExcelBundle) as typeof import('exceljs');
