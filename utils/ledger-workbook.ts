/**
 * The 督办台账 written as an .xlsx, with exceljs. Loaded on demand (a dynamic import) by duban's
 * pages only: never by the content script, and not in the popup's own bundle; exceljs's CSP-safe
 * bundle comes from ./exceljs.ts. A ledger is read back without it (lib/transfer/ledger-cells.ts).
 * Every cell is written as a value: text that looks like a formula (=, +, -, @) stays text. Days
 * and times are date cells (a serial number shown yyyy-mm-dd), so that Excel, WPS and LibreOffice
 * sort, filter and count with them: 跟进日期, 更新时间, and a 完成时限 that is a day (one that names
 * no single day, 2024年6月底前 or 年内持续推进, stays the notice's words).
 */
import type { Style, Workbook, Worksheet } from 'exceljs';
import { ITEM_STATUSES, STATUS_LABELS } from '../lib/annotation/status';
import { LEDGER_COLUMN_IDS, LEDGER_COLUMNS, ledgerHeader, STATUS_FILLS, SUMMARY_SHEET, type LedgerColumnId } from '../lib/transfer/ledger-columns';
import type { Ledger, LedgerCount, LedgerNoticeSheet, LedgerRow } from '../lib/transfer/ledger-export';
import { unpackLedger, type PackedLedger } from '../lib/transfer/ledger-packed';
import { DATE_TIME_FORMAT, dayOfText, DAY_FORMAT, serialOfWallClock } from '../lib/transfer/ledger-dates';
import { Excel } from './exceljs';

/** Rows above the header: the notice's title, its 文号. */
const HEADER_ROW = 3;
const LAST_VISIBLE = LEDGER_COLUMN_IDS.length - 1;
const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9D9D9' } };
const WRAP = { wrapText: true, vertical: 'top' as const };
const TEXT_COLUMNS = new Set<string>(['key', 'no']);
/**
 * The columns of days and times, with their number format: their cells also wait formatted, so
 * that a day typed into an empty one (or a row added) is a date shown the same way.
 */
const DATE_COLUMNS: Partial<Record<LedgerColumnId, string>> = { deadline: DAY_FORMAT, deadlineDay: DAY_FORMAT, followUp: DAY_FORMAT, updatedAt: DATE_TIME_FORMAT };
const A4 = 9;
const BODY = { alignment: WRAP, border: BORDER };
/**
 * Each body cell's style, per status, one object per column shared by every row: exceljs looks a
 * style object up by identity before working out its style id, so shared objects spare it 140,000
 * look-ups by value (a third of a 10,000-row export's time). Being shared, a body cell's style is
 * never changed in place (cell.font = … would change every row's).
 */
const CELL_STYLES = Object.fromEntries(
  ITEM_STATUSES.map((status) => [
    status,
    LEDGER_COLUMN_IDS.map((id) =>
      id === 'status'
        ? { ...BODY, fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: STATUS_FILLS[status] } } }
        : // Keys such as 12 and dates typed in later stay text in Excel and WPS.
          TEXT_COLUMNS.has(id)
          ? { ...BODY, numFmt: '@' }
          : DATE_COLUMNS[id]
            ? { ...BODY, numFmt: DATE_COLUMNS[id] }
            : BODY,
    ),
  ]),
) as Record<(typeof ITEM_STATUSES)[number], Partial<Style>[]>;

const PROGRESS = LEDGER_COLUMN_IDS.indexOf('progress');
/**
 * A progress under 1 % is written as a percent cell (0.5 as 0.005, shown 0.5%): a plain 0.5 is read
 * back as 50 %, as Excel reads a fraction typed in a percent column (lib/transfer/ledger-values.ts).
 */
const FRACTION_STYLES = Object.fromEntries(
  ITEM_STATUSES.map((status) => [status, { ...CELL_STYLES[status][PROGRESS], numFmt: '0.##%' }]),
) as Record<(typeof ITEM_STATUSES)[number], Partial<Style>>;

/**
 * Points per wrapped line of 11-point text. LibreOffice draws Chinese in Noto Sans CJK, whose line
 * is 1.45 em (16 points), and clips the last line of a row any shorter; Excel's and WPS's Chinese
 * fonts take less.
 */
const LINE_HEIGHT = 16;
/** The title's line: 14-point bold, 1.45 em. */
const TITLE_LINE_HEIGHT = 21;
/** Room above and below a row's lines. */
const ROW_PADDING = 3;
const rowHeight = (lines: number) => lines * LINE_HEIGHT + ROW_PADDING;

/** How many lines a text wraps to in a column `width` wide (a Chinese character is two of its units). */
function textLines(text: string, width: number): number {
  const room = width - 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let units = 0;
    for (let i = 0; i < paragraph.length; i++) units += paragraph.charCodeAt(i) >= 0x2e80 ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / room));
  }
  return lines;
}

/**
 * How many lines a row's wrapped texts take in their columns' widths. Written as the row's height,
 * one line too: LibreOffice shows a row without one as a single line of its default 15 points,
 * whatever its cells wrap, and Excel and WPS take the height as given.
 */
export function rowLines(r: Pick<LedgerRow, LedgerColumnId>): number {
  let most = 1;
  for (const id of LEDGER_COLUMN_IDS) {
    const v = r[id];
    if (typeof v !== 'string' || !v || LEDGER_COLUMNS[id].hidden) continue;
    most = Math.max(most, textLines(v, LEDGER_COLUMNS[id].width));
  }
  return Math.min(most, MAX_LINES);
}
/** Excel's tallest row is 409 points. */
const MAX_LINES = Math.floor((409 - ROW_PADDING) / LINE_HEIGHT);

/** The ledger as the background sent it (getLedger), as .xlsx bytes. */
export const writePackedLedger = (packed: PackedLedger) => writeLedgerWorkbook(unpackLedger(packed));

/** The ledger as .xlsx bytes. */
export async function writeLedgerWorkbook(ledger: Ledger): Promise<Uint8Array> {
  const wb = new Excel.Workbook();
  wb.creator = 'duban';
  const filters = ledger.sheets.map((sheet, i) => noticeSheet(wb, sheet, i));
  summarySheet(wb, ledger);
  withSheetNames(wb, filters);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function printSetup(ws: Worksheet) {
  Object.assign(ws.pageSetup, {
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  });
  ws.headerFooter.oddFooter = '&P / &N';
}

/** The title over the sheet, then the 文号 and, at the right, when the ledger was exported. */
function titleRows(ws: Worksheet, title: string, docNoLine: string, lastColumn: string, width: number, exported?: { line: string; from: number }) {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { wrapText: true, vertical: 'middle' };
  ws.mergeCells(`A1:${lastColumn}1`);
  // The title's characters are 14 points, a column's units 11: it wraps in less of them.
  const lines = textLines(title, Math.floor((width * 11) / 14));
  ws.getRow(1).height = Math.max(36, lines * TITLE_LINE_HEIGHT + 6);
  ws.getRow(2).height = rowHeight(1);
  ws.getCell('A2').value = docNoLine;
  if (!exported) {
    ws.mergeCells(`A2:${lastColumn}2`);
    return;
  }
  const from = columnLetter(exported.from);
  ws.mergeCells(`A2:${columnLetter(exported.from - 1)}2`);
  const at = ws.getCell(`${from}2`);
  at.value = exported.line;
  at.alignment = { horizontal: 'right' };
  ws.mergeCells(`${from}2:${lastColumn}2`);
}

function headerRow(ws: Worksheet, headers: readonly string[]) {
  const row = ws.getRow(HEADER_ROW);
  // Each header is a word or two that fits its column.
  row.height = rowHeight(1);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
}

function noticeSheet(wb: Workbook, sheet: LedgerNoticeSheet, index: number): SheetName {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const lastVisible = columnLetter(LAST_VISIBLE - 1);
  ws.columns = LEDGER_COLUMN_IDS.map((id) => ({
    key: id,
    width: LEDGER_COLUMNS[id].width,
    hidden: LEDGER_COLUMNS[id].hidden ?? false,
    // Keys such as 12 and dates typed in later stay text in Excel and WPS.
    ...(TEXT_COLUMNS.has(id) && { style: { numFmt: '@' } }),
    ...(DATE_COLUMNS[id] && { style: { numFmt: DATE_COLUMNS[id] } }),
  }));
  // The time at the right, over the 进展情况 column and after it: the 文号 keeps the width it needs.
  const width = LEDGER_COLUMN_IDS.reduce((sum, id) => sum + (LEDGER_COLUMNS[id].hidden ? 0 : LEDGER_COLUMNS[id].width), 0);
  titleRows(ws, sheet.title, sheet.docNoLine, lastVisible, width, { line: sheet.exportedLine, from: LEDGER_COLUMN_IDS.indexOf('note') });
  // The notice's key, in the hidden column: matches the sheet to its notice when no 文号 is shown.
  ws.getCell(1, LEDGER_COLUMN_IDS.length).value = sheet.noticeKey;
  headerRow(ws, LEDGER_COLUMN_IDS.map(ledgerHeader));
  for (const r of sheet.rows) {
    const row = ws.addRow(LEDGER_COLUMN_IDS.map((id) => (r[id] === '' ? null : DATE_COLUMNS[id] ? dateCell(r[id] as string, id) : r[id])));
    const styles = CELL_STYLES[r.statusId];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.style = styles[c - 1];
    });
    if (r.progress !== null && r.progress > 0 && r.progress < 1) {
      const cell = row.getCell(PROGRESS + 1);
      cell.value = r.progress / 100;
      cell.style = FRACTION_STYLES[r.statusId];
    }
    row.height = rowHeight(rowLines(r));
  }
  // The filter over every row: one over the header alone filters nothing in LibreOffice.
  const lastRow = HEADER_ROW + sheet.rows.length;
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastRow, column: LAST_VISIBLE } };
  printSetup(ws);
  return { name: '_xlnm._FilterDatabase', localSheetId: index, ranges: [`'${sheet.name.replace(/'/g, "''")}'!$A$${HEADER_ROW}:$${lastVisible}$${lastRow}`] };
}

/** A name of one sheet, as exceljs's workbook model holds the print titles it writes. */
interface SheetName {
  name: string;
  localSheetId: number;
  ranges: string[];
}

/**
 * Adds sheet-local names to the names exceljs writes. The filter's range is one: Excel writes it
 * beside each filter (_xlnm._FilterDatabase), and LibreOffice makes no filter without it; exceljs
 * names only whole workbooks' ranges, so they join the model its writer reads.
 */
function withSheetNames(wb: Workbook, names: SheetName[]) {
  const model = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(wb), 'model');
  if (!model?.get) return;
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get() {
      const m = model.get!.call(wb) as { definedNames: unknown[] };
      return { ...m, definedNames: [...m.definedNames, ...names] };
    },
  });
}

function summarySheet(wb: Workbook, ledger: Ledger) {
  const ws = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const headers = (by: string) => [by, ...ITEM_STATUSES.map((s) => STATUS_LABELS[s].zh), '合计'];
  const last = columnLetter(ITEM_STATUSES.length + 1);
  const NAME_WIDTH = 24;
  const COUNT_WIDTH = 9;
  ws.columns = [{ width: NAME_WIDTH }, ...ITEM_STATUSES.map(() => ({ width: COUNT_WIDTH })), { width: COUNT_WIDTH }];
  const sheets = ledger.sheets;
  titleRows(ws, sheets.length === 1 ? `${sheets[0].title} 汇总` : '督办台账 汇总', sheets.length === 1 ? sheets[0].docNoLine : '', last, NAME_WIDTH + (ITEM_STATUSES.length + 1) * COUNT_WIDTH);
  headerRow(ws, headers('牵头单位'));
  const table = (counts: LedgerCount[]) => {
    for (const c of counts) {
      const row = ws.addRow([c.name, ...ITEM_STATUSES.map((s) => c.counts[s]), c.total]);
      row.height = rowHeight(textLines(c.name, NAME_WIDTH));
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = BORDER;
        cell.alignment = WRAP;
      });
    }
  };
  table(ledger.summary.byLeadUnit);
  ws.addRow([]);
  const leaderHeader = ws.addRow(headers('牵头领导'));
  leaderHeader.height = rowHeight(1);
  leaderHeader.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  table(ledger.summary.byLeader);
  printSetup(ws);
}

/**
 * A day or time column's value: the serial number of the day (2026-11-28) or Shanghai wall-clock
 * time (2026-11-25 16:30:05) it holds, shown by the column's date format; a 完成时限 is the day when
 * its words are one (2024年12月31日), else its words.
 */
function dateCell(text: string, id: LedgerColumnId): number | string {
  return serialOfWallClock(id === 'deadline' ? (dayOfText(text) ?? '') : text) ?? text;
}

/** A (0) … Z, AA …: a column's letters. */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
