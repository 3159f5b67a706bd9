/**
 * The viewer's sheet worker: an .xlsx whose zip the viewer checked (./xlsx.ts) read with exceljs
 * off the viewer's thread, as the docx worker reads a .docx, so a large sheet never freezes the
 * page. It answers the sheets' cells and merged ranges, or the error.
 */
import type { LedgerLimits } from '../../lib/transfer/ledger-limits';
import type { SheetsAnswer } from './xlsx';
import { sheetsOf } from './xlsx-sheets';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; bytes: Uint8Array; limits: LedgerLimits }>) => void) | null;
  postMessage(m: SheetsAnswer): void;
};

scope.onmessage = async ({ data: { id, bytes, limits } }) => {
  try {
    scope.postMessage({ id, ok: true, sheets: await sheetsOf(bytes, limits) });
  } catch (e) {
    scope.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
