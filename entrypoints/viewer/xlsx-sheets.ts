/**
 * An .xlsx's sheets as text with merged ranges (lib/attachment/sheet.ts makes them the viewer's
 * document), read with the same CSP-safe exceljs bundle the ledger uses (utils/exceljs.ts), once
 * its zip was checked (./xlsx.ts). What the sheet worker (./xlsx-worker.ts) runs: no browser API,
 * no UI words. Values only: a formula shows its saved result, never computed; links, macros and
 * images are not read.
 */
import type { Cell, CellValue } from 'exceljs';
import type { SheetGrid, SheetMerge } from '../../lib/attachment/sheet';
import { LEDGER_LIMITS, type LedgerLimits } from '../../lib/transfer/ledger-limits';

/** The sheets of a workbook whose zip was checked: what the worker runs. */
export async function sheetsOf(bytes: Uint8Array, limits: LedgerLimits = LEDGER_LIMITS): Promise<SheetGrid[]> {
  const { Excel } = await import('../../utils/exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    if (sheets.length >= limits.maxSheets || ws.state !== 'visible') return;
    const rows: (string | null)[][] = [];
    const hiddenColumns = new Set<number>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.hidden) return;
      const cells: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > limits.maxColumns) return;
        if (ws.getColumn(c).hidden) hiddenColumns.add(c - 1);
        // A merged range's other cells repeat its value in exceljs: only its first cell holds it.
        cells[c - 1] = cell.isMerged && cell.master !== cell ? null : cellText(cell);
      });
      rows[r - 1] = Array.from(cells, (v) => v ?? null);
    });
    const merges = (ws.model.merges ?? []).map(mergeOf).filter((m): m is SheetMerge => m !== undefined);
    sheets.push(withoutHidden({ name: ws.name.slice(0, 100), rows: Array.from(rows, (r) => r ?? []), merges }, hiddenColumns));
  });
  return sheets;
}

/** `B3:D5` → rows 2–4, columns 1–3. */
function mergeOf(range: string): SheetMerge | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}

/** A hidden column (a ledger's key column, a helper column) is not what a reader sees. */
function withoutHidden(grid: SheetGrid, hidden: Set<number>): SheetGrid {
  if (!hidden.size || grid.merges.some((m) => [...hidden].some((c) => m.left <= c && c <= m.right))) return grid;
  const keep = (c: number) => !hidden.has(c);
  const shift = (c: number) => c - [...hidden].filter((h) => h < c).length;
  return {
    name: grid.name,
    rows: grid.rows.map((r) => r.filter((_, c) => keep(c))),
    merges: grid.merges.map((m) => ({ ...m, left: shift(m.left), right: shift(m.right) })),
  };
}

const day = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

/** A cell as a reader sees it: text, a number, a date as 2024年6月30日, a formula's saved result. */
function cellText(cell: Cell): string | null {
  const text = (v: CellValue): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : day(v);
    if (typeof v === 'object') {
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
      if ('formula' in v || 'sharedFormula' in v) return text((v as { result?: CellValue }).result ?? null);
      if ('text' in v && 'hyperlink' in v) return typeof v.text === 'string' ? v.text : text(v.text as CellValue);
      if ('error' in v) return null;
    }
    return null;
  };
  return text(cell.value)?.slice(0, 20_000) ?? null;
}
