/**
 * The ledger (督办台账, .xlsx) in duban's pages: written from the background's data and read for
 * import, with the spreadsheet library loaded only when a ledger is made or chosen (dynamic
 * imports: the popup's own bundle does not carry it, the content script never loads it).
 */
import type { Message } from '../lib/message';
import { LEDGER_LIMITS } from '../lib/transfer/ledger-limits';
import { REFUSED, tooLarge } from '../lib/transfer/limits';
import type { LedgerPreview } from '../lib/protocol';
import type { LedgerGrid } from '../lib/transfer/ledger-grid';
import type { Failure, Result } from '../lib/util/result';
import { failure } from '../lib/util/result';
import { sendMessage } from './messaging';
import { sendLarge } from './page-channel';

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
  const [r, workbook] = await Promise.all([sendLarge('getLedger', noticeKeys ? { noticeKeys } : {}), import('./ledger-workbook')]);
  if (!r.ok) return r;
  saveFile(r.value.filename, XLSX_MIME, (await workbook.writePackedLedger(r.value)) as BlobPart);
  return { ok: true, value: { filename: r.value.filename, items: r.value.items } };
}

/**
 * A chosen ledger's preview: its size, its zip (entries, expanded size, rows) checked before
 * anything parses it, its cells read from the files the check inflated (lib/transfer/ledger-cells.ts),
 * then matched and previewed by the background. Answers the cells too: applying sends them again
 * (applyLedgerImport).
 */
export async function previewLedger(file: File): Promise<Result<LedgerPreview & { grid: LedgerGrid }>> {
  if (file.size > LEDGER_LIMITS.maxBytes) return refused(tooLarge(file.size));
  // The background reads what the ledger will be matched against while the page reads the file.
  void sendMessage('prepareLedgerImport', {}).catch(() => {});
  const [bytes, { readLedgerFile }] = await Promise.all([file.arrayBuffer().then((b) => new Uint8Array(b)), import('../lib/transfer/ledger-cells')]);
  const read = readLedgerFile(bytes);
  if (!read.ok) return refused(read.error);
  const r = await sendLarge('previewLedgerImport', read.grid);
  return r.ok ? { ok: true, value: { ...r.value, grid: read.grid } } : r;
}

const refused = (m: Message): Failure => failure(REFUSED, [m]);
