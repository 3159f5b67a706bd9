/**
 * Reads an .xlsx attachment's sheets (./xlsx-sheets.ts, with exceljs) in the viewer's sheet worker
 * (./xlsx-worker.ts), off the page's thread, loaded only when a file is a sheet. Before exceljs
 * parses a byte, the zip is checked here as a chosen ledger is (lib/transfer/ledger-zip.ts:
 * entries, what they expand to counted while inflating, rows): exceljs would inflate a lying
 * entry whole.
 */
import type { SheetGrid } from '../../lib/attachment/sheet';
import { UnsafeZip } from '../../lib/attachment/zip';
import { MAX_ATTACHMENT_BYTES } from '../../lib/notice/attachment-key';
import { LEDGER_LIMITS, type LedgerLimits } from '../../lib/transfer/ledger-limits';
import { checkLedgerZip } from '../../lib/transfer/ledger-zip';
import { say } from '../../utils/i18n';
import { workerClient } from './worker-client';
import { sheetsOf } from './xlsx-sheets';

const LIMITS = { ...LEDGER_LIMITS, maxBytes: MAX_ATTACHMENT_BYTES };

/** A sheet worker's answer to request `id`. */
export type SheetsAnswer = { id: number; ok: true; sheets: SheetGrid[] } | { id: number; ok: false; message: string };

const sheets = workerClient(
  () => new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module' }),
  (a: SheetsAnswer) => (a.ok ? a.sheets : new Error(a.message)),
);

/**
 * Starts the viewer's sheet worker (./xlsx-worker.ts, one of duban's own files), once, while the
 * file is fetched: exceljs loads there, and a large sheet is parsed off the page's thread.
 */
export const warmSheets = (): Worker => sheets.warm();

/** The zip checked here (its refusal in the UI's words), then the sheets read in the worker. */
export async function readSheetsInWorker(bytes: Uint8Array, limits: LedgerLimits = LIMITS): Promise<SheetGrid[]> {
  checkZip(bytes, limits);
  return sheets.request(bytes, { limits });
}

function checkZip(bytes: Uint8Array, limits: LedgerLimits) {
  const checked = checkLedgerZip(bytes, limits);
  if (!checked.ok) throw new UnsafeZip(say(checked.error));
}

/** The zip checked, then the sheets read, here (unit tests; the viewer reads them in its worker). */
export async function readSheets(bytes: Uint8Array, limits: LedgerLimits = LIMITS): Promise<SheetGrid[]> {
  checkZip(bytes, limits);
  return sheetsOf(bytes, limits);
}
