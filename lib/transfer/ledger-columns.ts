/**
 * The 督办台账's columns (one row per item of a notice), as duban writes them and as it recognises
 * them in a ledger a colleague edited: a column is found by its header, wherever it moved, under
 * the words offices commonly use for it. Zod-free: the pages' workbook writer reads the widths.
 */
import type { ItemStatus } from '../annotation/status';

export const LEDGER_COLUMN_IDS = [
  'no', 'task', 'leaders', 'lead', 'co', 'deadline', 'deadlineDay', 'status', 'progress', 'note', 'followUp', 'updatedAt', 'author', 'colleagues', 'key',
] as const;
export type LedgerColumnId = (typeof LEDGER_COLUMN_IDS)[number];

interface LedgerColumn {
  /** The header duban writes (the page's own words). */
  header: string;
  /** Other headers a ledger may use for it (compared as normalised by headerWord). */
  aliases?: readonly string[];
  /** Width in characters. */
  width: number;
  hidden?: true;
}

export const LEDGER_COLUMNS: Record<LedgerColumnId, LedgerColumn> = {
  no: { header: '序号', aliases: ['编号'], width: 7 },
  task: { header: '工作任务', aliases: ['任务', '事项', '重点任务', '工作事项', '任务内容'], width: 48 },
  leaders: { header: '牵头领导', aliases: ['责任领导', '分管领导'], width: 10 },
  lead: { header: '牵头单位', aliases: ['责任单位'], width: 18 },
  co: { header: '配合单位', aliases: ['协同单位', '配合部门'], width: 18 },
  deadline: { header: '完成时限', aliases: ['时限', '完成时间'], width: 12 },
  /**
   * The day the 完成时限 allows (2024年6月底前 → 2024-06-30; none for 年内持续推进), a date cell: the
   * column a ledger sorts and filters by deadline with, the notice's words kept beside it. Written,
   * never read back: it is the notice's, not the colleague's.
   */
  deadlineDay: { header: '时限日期', aliases: ['截止日期'], width: 12 },
  status: { header: '状态', aliases: ['办理状态', '完成状态', '进度状态'], width: 8 },
  progress: { header: '进度', aliases: ['完成进度', '进度(%)'], width: 8 },
  note: { header: '进展情况', aliases: ['进展', '推进情况', '工作进展', '进展情况说明'], width: 40 },
  followUp: { header: '跟进日期', aliases: ['跟进'], width: 12 },
  updatedAt: { header: '更新时间', width: 18 },
  author: { header: '填报人', width: 10 },
  /**
   * Colleagues' notes on the item (imported from their files), each named: what an office that
   * collected its units' files passes on. Written, never read back: a note is imported from 进展情况.
   */
  colleagues: { header: '同事备注', aliases: ['各单位备注'], width: 36 },
  /** The item's key (`12`, `二、3.`), as text: matches a row to its item wherever rows moved. */
  key: { header: '条目键', aliases: ['key'], width: 10, hidden: true },
};

/** The header as written: 进度 (%) says the unit. */
export const ledgerHeader = (id: LedgerColumnId) => (id === 'progress' ? '进度 (%)' : LEDGER_COLUMNS[id].header);

/** A header cell's words compared: full-width folded, no spaces, no unit in brackets. */
export function headerWord(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/\((?:%|％)\)$/, '').replace(/[:：]$/, '').toLowerCase();
}

const HEADER_IDS = new Map<string, LedgerColumnId>(
  LEDGER_COLUMN_IDS.flatMap((id) => [LEDGER_COLUMNS[id].header, ...(LEDGER_COLUMNS[id].aliases ?? [])].map((h) => [headerWord(h), id] as const)),
);

/** The column a header names, if any. */
export const columnOfHeader = (s: string): LedgerColumnId | undefined => HEADER_IDS.get(headerWord(s));

/** The label duban writes above the header: 文号：拱政办发〔2024〕2号. */
export const DOC_NO_LABEL = '文号：';
/**
 * The label of the cell beside the 文号 that says when the ledger was exported: a row the ledger
 * left blank (an item nobody had written on then) was as it is here at that time.
 */
export const EXPORTED_LABEL = '导出时间：';
/** The summary sheet. */
export const SUMMARY_SHEET = '汇总';

/** Fill of a status cell (ARGB), the overlay's colours lightened for print. */
export const STATUS_FILLS: Record<ItemStatus, string> = {
  not_started: 'FFEFEFEF',
  in_progress: 'FFDCEBFF',
  done: 'FFDDF3E0',
  behind: 'FFFCE0DE',
  paused: 'FFFFF1CC',
};

/** `2026-11-25 16:30:05`: an instant as Shanghai wall-clock time to the second (the 更新时间 column). */
export function ledgerDateTime(instant: number): string {
  const s = new Date(instant + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

/** The instant a 更新时间 cell names (seconds optional), or undefined. */
export function instantOfLedgerDateTime(s: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, se || 0) - 8 * 3_600_000;
  return Number.isNaN(ms) ? undefined : ms;
}
