import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './model';
import { describeChange, newestFirst } from './history';
import { shanghaiDateTimeOf } from './shanghai-time';

const e = (field: HistoryEntry['field'], from?: string | number | null, to?: string | number | null, at = 0): HistoryEntry => ({
  noticeKey: 'k',
  itemNo: 1,
  at,
  field,
  from,
  to,
});

describe('history in words', () => {
  it('describes each kind of change, zh_CN with English', () => {
    expect(describeChange(e('created'))).toEqual({ zh: '开始跟踪', en: 'started tracking' });
    expect(describeChange(e('status', 'not_started', 'in_progress'))).toEqual({ zh: '状态：未开始 → 推进中', en: 'status: Not started → In progress' });
    expect(describeChange(e('note', 0, 15)).zh).toBe('写了备注（15 字）');
    expect(describeChange(e('note', 15, 30)).zh).toBe('修改备注（15 → 30 字）');
    expect(describeChange(e('note', 15, 0)).zh).toBe('清空备注');
    expect(describeChange(e('followUp', null, '2024-04-15'))).toEqual({ zh: '设定跟进日期 2024-04-15', en: 'follow-up set for 2024-04-15' });
    expect(describeChange(e('followUp', '2024-04-15', '2024-04-16')).zh).toBe('跟进日期：2024-04-15 → 2024-04-16');
    expect(describeChange(e('followUp', '2024-04-15', null)).zh).toBe('取消跟进日期（原 2024-04-15）');
    expect(describeChange(e('progress', null, 40)).zh).toBe('进度：— → 40%');
    expect(describeChange(e('progress', 40, null)).zh).toBe('清除进度');
    expect(describeChange(e('import')).zh).toBe('从文件导入');
    expect(describeChange(e('noteCopy', null, 12))).toEqual({ zh: '保留冲突副本（12 字）', en: 'conflict copy kept (12 chars)' });
    expect(describeChange(e('noteCopy', 12, 14)).zh).toBe('更新冲突副本（12 → 14 字）');
    expect(describeChange(e('noteCopy', 14, 'dismissed')).zh).toBe('舍弃冲突副本（14 字）');
    expect(describeChange(e('noteCopy', 14, 'appended')).zh).toBe('冲突副本并入备注');
  });
  it('formats instants in Shanghai time and lists newest first (ties: later written first)', () => {
    expect(shanghaiDateTimeOf(Date.UTC(2024, 3, 15, 16, 5))).toBe('2024-04-16 00:05');
    const list = [e('created', undefined, undefined, 1), e('status', 'a', 'b', 1), e('note', 0, 1, 2)];
    expect(newestFirst(list).map((x) => x.field)).toEqual(['note', 'status', 'created']);
  });
});
