/**
 * A spreadsheet's cells as the pages' workbook reader (utils/ledger-workbook.ts) hands them to the
 * background: per sheet, rows of cell values, read by their number format (a percent cell is a
 * percent, a date cell a date), formulas marked and never evaluated. Checked here whole.
 */
import { z } from 'zod';
import { LEDGER_LIMITS } from './ledger-limits';

export const LedgerCell = z.union([
  z.string().max(60_000),
  z.number(),
  z.boolean(),
  z.null(),
  /** A number shown as a percent (0.6 shown as 60%): 60. */
  z.object({ pct: z.number() }).strict(),
  /** A date or date and time, as the sheet shows it (no zone): `2026-11-25` or `2026-11-25T16:30:05`. */
  z.object({ date: z.string().max(30) }).strict(),
  /** A formula (its text; duban never runs it). */
  z.object({ formula: z.string().max(1000) }).strict(),
  z.object({ error: z.string().max(100) }).strict(),
]);
export type LedgerCell = z.infer<typeof LedgerCell>;

export const LedgerGridSheet = z.object({
  name: z.string().max(100),
  /** Row r of the sheet (from 1) at index r-1; null for an empty row. */
  rows: z.array(z.array(LedgerCell).max(LEDGER_LIMITS.maxColumns).nullable()).max(LEDGER_LIMITS.maxRows + 100),
});

export const LedgerGrid = z.object({ sheets: z.array(LedgerGridSheet).max(LEDGER_LIMITS.maxSheets) });
export type LedgerGrid = z.infer<typeof LedgerGrid>;
export type LedgerGridSheet = z.infer<typeof LedgerGridSheet>;
