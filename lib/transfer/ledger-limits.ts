/**
 * What one ledger may be, checked before the spreadsheet library reads a byte (./ledger-zip.ts):
 * an .xlsx is a zip, so a small file can expand to gigabytes (a zip bomb) or list a million rows.
 * Zod-free: the pages check a chosen file with it.
 */
import { message, type Message } from '../message';
import { IMPORT_LIMITS } from './limits';

export const LEDGER_LIMITS = {
  maxBytes: IMPORT_LIMITS.maxBytes,
  /** Files in the zip: a workbook has a few dozen. */
  maxEntries: 1_000,
  /** Bytes all files expand to together, counted while inflating (declared sizes can lie). */
  maxExpandedBytes: 150 * 1024 * 1024,
  /** Rows of all sheets together (one row per item; an import brings at most IMPORT_LIMITS.maxItems). */
  maxRows: IMPORT_LIMITS.maxItems,
  maxColumns: 100,
  maxSheets: 200,
} as const;

export type LedgerLimits = { readonly [K in keyof typeof LEDGER_LIMITS]: number };

/** Not a spreadsheet duban can read (not a zip, no workbook, encrypted). */
export const NOT_XLSX: Message = message('ledger.notXlsx');
