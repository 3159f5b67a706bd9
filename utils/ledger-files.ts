/**
 * The ledger (督办台账, .xlsx) in duban's pages: written from the background's data and read for
 * import, with the spreadsheet library loaded only when a ledger is made or chosen (dynamic
 * imports: the popup's own bundle does not carry it, the content script never loads it).
 */
import { LEDGER_LIMITS } from '../lib/transfer/ledger-limits';
import { REFUSED } from '../lib/transfer/limits';
import type { LedgerPreview } from '../lib/protocol';
import type { LedgerGrid } from '../lib/transfer/ledger-grid';
import type { Result } from '../lib/util/result';
import { failure } from '../lib/util/result';
import { readLedgerGrid, XLSX_MIME } from './import-files';
import { sendMessage } from './messaging';
import { sendLarge } from './page-channel';

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
  // The background reads what the ledger will be matched against while the page reads the file.
  if (file.size <= LEDGER_LIMITS.maxBytes) void sendMessage('prepareLedgerImport', {}).catch(() => {});
  const read = await readLedgerGrid(file);
  if (!read.ok) return failure(REFUSED, [read.error]);
  const r = await sendLarge('previewLedgerImport', read.grid);
  return r.ok ? { ok: true, value: { ...r.value, grid: read.grid } } : r;
}
