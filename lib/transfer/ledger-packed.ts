/**
 * The ledger (./ledger-export.ts) as getLedger sends it from the background to the page that
 * writes the .xlsx. Zod-free and small: the page unpacks it in the workbook writer's chunk.
 */
import { STATUS_LABELS } from '../annotation/status';
import type { Ledger, LedgerNoticeSheet, LedgerRow } from './ledger-export';

/**
 * The columns a row carries on its way to the page (getLedger), in order: 序号 is the key and 状态
 * the status's label, so neither travels. Rows as arrays, not objects: the message is half the
 * size without the names repeated in every row, and a message's cost grows with its size.
 */
const PACKED = ['task', 'leaders', 'lead', 'co', 'deadline', 'deadlineDay', 'statusId', 'progress', 'note', 'followUp', 'updatedAt', 'author', 'colleagues', 'key'] as const;
type PackedId = (typeof PACKED)[number];
export type PackedLedgerRow = LedgerRow[PackedId][];
export type PackedLedger = Omit<Ledger, 'sheets'> & { sheets: (Omit<LedgerNoticeSheet, 'rows'> & { rows: PackedLedgerRow[] })[] };

/** The ledger as the background sends it. */
export function packLedger(ledger: Ledger): PackedLedger {
  return { ...ledger, sheets: ledger.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => PACKED.map((id) => r[id])) })) };
}

/** The ledger a page received. */
export function unpackLedger(packed: PackedLedger): Ledger {
  const rows = (rows: PackedLedgerRow[]) =>
    rows.map((values): LedgerRow => {
      const r = Object.fromEntries(PACKED.map((id, i) => [id, values[i]])) as Omit<LedgerRow, 'no' | 'status'>;
      return { ...r, no: r.key, status: STATUS_LABELS[r.statusId].zh };
    });
  return { ...packed, sheets: packed.sheets.map((s) => ({ ...s, rows: rows(s.rows) })) };
}
