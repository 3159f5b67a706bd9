/**
 * A colleague's edits of a duban ledger, made with exceljs in Node the way Excel, WPS or
 * LibreOffice would save them (unit tests and tests/e2e/ledger.e2e.ts share them).
 */
import type ExcelJS from 'exceljs';

/** Column number of a header in the header row (3). */
export function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(3).eachCell((c, n) => {
    if (c.value === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The data row of an item, by its hidden key. */
export function rowOf(ws: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  const k = col(ws, '条目键');
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(k).value === key) return ws.getRow(r);
  throw new Error(`no row ${key}`);
}

/** Rows reversed, 状态 moved first and 进度 last, a column added with two of its cells merged. */
export function reorder(ws: ExcelJS.Worksheet) {
  ws.unMergeCells('A1:L1');
  ws.unMergeCells('A2:L2');
  const width = ws.columnCount;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 4; r <= ws.rowCount; r++) rows.push(Array.from({ length: width }, (_, c) => ws.getRow(r).getCell(c + 1).value));
  rows.reverse().forEach((values, i) => {
    const row = ws.getRow(4 + i);
    values.forEach((v, c) => (row.getCell(c + 1).value = v ?? null));
  });
  const status = ws.getColumn(col(ws, '状态')).values as ExcelJS.CellValue[];
  ws.spliceColumns(col(ws, '状态'), 1);
  ws.spliceColumns(1, 0, status.slice(1));
  const progress = ws.getColumn(col(ws, '进度 (%)')).values as ExcelJS.CellValue[];
  ws.spliceColumns(col(ws, '进度 (%)'), 1);
  ws.spliceColumns(ws.columnCount + 1, 0, progress.slice(1));
  const added = ws.columnCount + 1;
  ws.getRow(3).getCell(added).value = '督查意见';
  ws.getRow(4).getCell(added).value = '请加快';
  ws.mergeCells(4, added, 5, added);
}

/** Progress as Excel keeps a percent: the fraction, shown by a percent number format. */
export function setPercent(cell: ExcelJS.Cell, percent: number) {
  cell.value = percent / 100;
  setFormat(cell, '0%');
}

/**
 * One cell's number format, as a user sets it: exceljs shares a style object among the cells a
 * loaded workbook gave one style, so `cell.numFmt = …` would change every one of them.
 */
export function setFormat(cell: ExcelJS.Cell, numFmt: string) {
  cell.style = { ...cell.style, numFmt };
}
