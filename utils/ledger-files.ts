/**
 * The ledger (督办台账, .xlsx) in duban's pages: written from the background's data and read for
 * import, with the spreadsheet library loaded only when a ledger is made or chosen (dynamic
 * imports: the popup's own bundle does not carry it, the content script never loads it).
 */
import { message, type Message } from '../lib/message';
import { LEDGER_LIMITS } from '../lib/transfer/ledger-limits';
import { REFUSED, tooLarge } from '../lib/transfer/limits';
import type { LedgerPreview } from '../lib/protocol';
import type { LedgerGrid } from '../lib/transfer/ledger-grid';
import type { Failure, Result } from '../lib/util/result';
import { failure } from '../lib/util/result';
import { sendMessage } from './messaging';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether a chosen file is a spreadsheet (by its name or type), not duban's JSON. */
export const isLedgerFile = (file: Pick<File, 'name' | 'type'>) => /\.xlsx$/i.test(file.name) || file.type === XLSX_MIME;

/** Saves bytes or text as a file through the browser's download (an <a download> on a blob URL). */
export function saveFile(filename: string, mimeType: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download time to start before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Exports the ledger of `noticeKeys` (default: every annotated notice); answers the file's name and rows. */
export async function exportLedger(noticeKeys?: string[]): Promise<Result<{ filename: string; items: number }>> {
  const [r, workbook] = await Promise.all([sendMessage('getLedger', noticeKeys ? { noticeKeys } : {}), import('./ledger-workbook')]);
  if (!r.ok) return r;
  saveFile(r.value.filename, XLSX_MIME, (await workbook.writeLedgerWorkbook(r.value)) as BlobPart);
  return { ok: true, value: { filename: r.value.filename, items: r.value.items } };
}

/**
 * A chosen ledger's preview: its size, its zip (entries, expanded size, rows) checked before the
 * spreadsheet library parses it, its cells read, then matched and previewed by the background.
 * Answers the cells too: applying sends them again (applyLedgerImport).
 */
export async function previewLedger(file: File): Promise<Result<LedgerPreview & { grid: LedgerGrid }>> {
  if (file.size > LEDGER_LIMITS.maxBytes) return refused(tooLarge(file.size));
  // The background reads what the ledger will be matched against while the page parses the file.
  void sendMessage('prepareLedgerImport', {}).catch(() => {});
  // The spreadsheet library's chunk loads while the file is read and checked; it parses nothing before the checks pass.
  const library = import('./ledger-workbook');
  library.catch(() => {});
  const [bytes, { checkLedgerZip }] = await Promise.all([file.arrayBuffer().then((b) => new Uint8Array(b)), import('../lib/transfer/ledger-zip')]);
  const checked = checkLedgerZip(bytes);
  if (!checked.ok) return refused(checked.error);
  const { readLedgerWorkbook } = await library;
  let grid;
  try {
    grid = await readLedgerWorkbook(bytes);
  } catch (e) {
    return refused(message('ledger.unreadable', { detail: String((e as Error)?.message ?? e).slice(0, 200) }));
  }
  const r = await sendMessage('previewLedgerImport', grid);
  return r.ok ? { ok: true, value: { ...r.value, grid } } : r;
}

const refused = (m: Message): Failure => failure(REFUSED, [m]);
