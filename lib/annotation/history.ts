/**
 * An item's timeline in words: each append-only history entry (status from → to, note edited,
 * follow-up set or cleared, progress, import) as one line, zh_CN first with English beside it.
 */
import type { HistoryEntry } from './model';
// Zod-free: the overview page's bundle stays small.
import { ITEM_STATUSES, STATUS_LABELS, type ItemStatus } from './status';

export interface ChangeText {
  zh: string;
  en: string;
}

const isStatus = (v: unknown): v is ItemStatus => typeof v === 'string' && (ITEM_STATUSES as readonly string[]).includes(v);
const status = (v: unknown, lang: 'zh' | 'en') => (isStatus(v) ? STATUS_LABELS[v][lang] : String(v ?? '—'));
const none = (v: unknown) => v === null || v === undefined || v === '';

export function describeChange(e: HistoryEntry): ChangeText {
  switch (e.field) {
    case 'created':
      return { zh: '开始跟踪', en: 'started tracking' };
    case 'import':
      return { zh: '从文件导入', en: 'imported from a file' };
    case 'status':
      return { zh: `状态：${status(e.from, 'zh')} → ${status(e.to, 'zh')}`, en: `status: ${status(e.from, 'en')} → ${status(e.to, 'en')}` };
    case 'note': {
      const from = Number(e.from ?? 0);
      const to = Number(e.to ?? 0);
      if (!to) return { zh: '清空备注', en: 'note cleared' };
      if (!from) return { zh: `写了备注（${to} 字）`, en: `note written (${to} chars)` };
      return { zh: `修改备注（${from} → ${to} 字）`, en: `note edited (${from} → ${to} chars)` };
    }
    case 'followUp':
      if (none(e.to)) return { zh: `取消跟进日期（原 ${e.from}）`, en: `follow-up cleared (was ${e.from})` };
      if (none(e.from)) return { zh: `设定跟进日期 ${e.to}`, en: `follow-up set for ${e.to}` };
      return { zh: `跟进日期：${e.from} → ${e.to}`, en: `follow-up moved: ${e.from} → ${e.to}` };
    case 'noteCopy':
      if (e.to === 'appended') return { zh: '冲突副本并入备注', en: 'conflict copy appended to the note' };
      if (e.to === 'dismissed') return { zh: `舍弃冲突副本（${e.from} 字）`, en: `conflict copy dismissed (${e.from} chars)` };
      if (none(e.from)) return { zh: `保留冲突副本（${e.to} 字）`, en: `conflict copy kept (${e.to} chars)` };
      return { zh: `更新冲突副本（${e.from} → ${e.to} 字）`, en: `conflict copy updated (${e.from} → ${e.to} chars)` };
    case 'progress':
      if (none(e.to)) return { zh: '清除进度', en: 'progress cleared' };
      return { zh: `进度：${none(e.from) ? '—' : `${e.from}%`} → ${e.to}%`, en: `progress: ${none(e.from) ? '—' : `${e.from}%`} → ${e.to}%` };
  }
}

/** Newest first, for a timeline a reader scans from the top. */
export function newestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries.map((e, i) => ({ e, i })).sort((a, b) => b.e.at - a.e.at || b.i - a.i).map((x) => x.e);
}
