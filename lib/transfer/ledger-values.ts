/**
 * A ledger cell's value as duban's field: status words as offices type them (已完成, 推进中…),
 * progress as 60%, 0.6 in a percent cell, or 60, days as dates or text. Each answers the value, or
 * `undefined` for an empty cell, or a `Bad` naming what was wrong.
 */
import { ITEM_STATUSES, MAX_NOTE_LENGTH, STATUS_LABELS, type ItemStatus } from '../annotation/status';
import type { LedgerCell } from './ledger-grid';
import { instantOfLedgerDateTime } from './ledger-columns';
import { dayOfText } from './ledger-dates';

export interface Bad {
  bad: 'status' | 'progress' | 'day' | 'text' | 'formula';
}
const bad = (what: Bad['bad']): Bad => ({ bad: what });
export const isBad = (v: unknown): v is Bad => typeof v === 'object' && v !== null && 'bad' in v;

/** Words for each status, beyond the labels duban writes (STATUS_LABELS, zh and en) and its ids. */
const STATUS_WORDS: Record<ItemStatus, readonly string[]> = {
  not_started: ['未开始', '未启动', '尚未开始', '未推进'],
  in_progress: ['推进中', '进行中', '正在推进', '在办', '办理中', '正在办理', '序时推进', '按序时推进', '持续推进'],
  done: ['已完成', '完成', '已办结', '办结', '已落实'],
  behind: ['滞后', '进度滞后', '延期', '逾期', '超期', '未按时完成'],
  paused: ['暂缓', '暂停', '搁置', '缓办'],
};

const word = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const STATUS_OF = new Map<string, ItemStatus>(
  ITEM_STATUSES.flatMap((s) => [s, STATUS_LABELS[s].zh, STATUS_LABELS[s].en, ...STATUS_WORDS[s]].map((w) => [word(w), s] as const)),
);

/** The words the status column accepts, for the message that refuses another. */
export const STATUS_WORDS_SHOWN = ITEM_STATUSES.map((s) => STATUS_LABELS[s].zh).join('、');

const formula = (c: LedgerCell) => typeof c === 'object' && c !== null && 'formula' in c;

export function statusOf(c: LedgerCell | undefined): ItemStatus | undefined | Bad {
  if (c === null || c === undefined || c === '') return undefined;
  if (formula(c)) return bad('formula');
  if (typeof c !== 'string') return bad('status');
  return word(c) ? (STATUS_OF.get(word(c)) ?? bad('status')) : undefined;
}

/**
 * Percent, 0–100: a percent cell's value (0.6 shown as 60% is 60), a number (60), text `60%` or `60`.
 * A plain number under 1 is a fraction (0.5 is 50), as Excel's own percent entry reads it: no one
 * types 0.5 in a 进度 (%) column meaning half a percent, and duban writes such a value as a percent
 * cell (utils/ledger-workbook.ts), which comes back as written.
 */
export function progressOf(c: LedgerCell | undefined): number | undefined | Bad {
  if (c === null || c === undefined) return undefined;
  let n: number;
  if (typeof c === 'number') n = asPercent(c);
  else if (typeof c === 'string') {
    const s = c.normalize('NFKC').replace(/\s+/g, '');
    if (!s) return undefined;
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(s);
    if (!m) return bad('progress');
    n = m[2] ? Number(m[1]) : asPercent(Number(m[1]));
  } else if (typeof c === 'object' && 'pct' in c) n = c.pct;
  else return formula(c) ? bad('formula') : bad('progress');
  if (!Number.isFinite(n) || n < 0 || n > 100) return bad('progress');
  return Math.round(n * 100) / 100;
}

const asPercent = (n: number) => (n > 0 && n < 1 ? n * 100 : n);

/**
 * A calendar day YYYY-MM-DD from a date cell (its day, whatever its time; a day Excel shows that
 * never was, 1900-02-29, refused) or text (2026-11-28, 2026/11/28, 2026年11月28日).
 */
export function dayOf(c: LedgerCell | undefined): string | undefined | Bad {
  if (c === null || c === undefined) return undefined;
  let s: string;
  if (typeof c === 'string') s = c;
  else if (typeof c === 'object' && 'date' in c) s = c.date.slice(0, 10);
  else return formula(c) ? bad('formula') : bad('day');
  if (!s.trim()) return undefined;
  return dayOfText(s) ?? bad('day');
}

/** A text cell (a number typed in it reads as written). */
export function textOf(c: LedgerCell | undefined, max = MAX_NOTE_LENGTH): string | Bad {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c.length > max ? bad('text') : c;
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if ('pct' in c) return `${c.pct}%`;
  if ('date' in c) return c.date.replace('T', ' ');
  return 'formula' in c ? bad('formula') : bad('text');
}

/** The instant a 更新时间 cell names (Shanghai wall-clock time), if it names one. */
export function instantOf(c: LedgerCell | undefined): number | undefined {
  if (typeof c === 'string') return instantOfLedgerDateTime(c);
  if (typeof c === 'object' && c !== null && 'date' in c) return instantOfLedgerDateTime(c.date.replace('T', ' ').slice(0, 19));
  return undefined;
}
