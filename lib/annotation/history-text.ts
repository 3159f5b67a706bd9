/** One line per history entry, zh_CN first with English next to it. */
import type { HistoryEntry } from './model';
import { TIME_ZONE } from './schedule';
import { STATUS_LABELS, type ItemStatus } from './status';

const timeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 2024-03-07 16:38, in Shanghai time. */
export function formatTime(at: number): string {
  const p = Object.fromEntries(timeFormat.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const statusText = (s: unknown) => {
  const l = STATUS_LABELS[s as ItemStatus];
  return l ? `${l.zh} ${l.en}` : String(s);
};

export function describeHistory(e: Pick<HistoryEntry, 'field' | 'from' | 'to'>): string {
  switch (e.field) {
    case 'created':
      return '开始批注 Annotation created';
    case 'status':
      return `状态 Status: ${statusText(e.from)} → ${statusText(e.to)}`;
    case 'note':
      return `备注已编辑 Note edited (${e.from ?? 0} → ${e.to ?? 0} 字 chars)`;
    case 'followUp':
      return e.to == null ? '跟进日期已清除 Follow-up cleared' : `跟进日期 Follow-up: ${e.to}`;
    case 'progress':
      return e.to == null ? '进度已清除 Progress cleared' : `进度 Progress: ${e.to}%`;
    case 'import':
      return '导入 Imported';
  }
}
