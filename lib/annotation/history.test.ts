import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './model';
import { describeChange, newestFirst } from './history';
import { shanghaiDateTimeOf } from './shanghai-time';

const e = (field: HistoryEntry['field'], from?: string | number | null, to?: string | number | null, at = 0): HistoryEntry => ({
  noticeKey: 'k',
  itemKey: '1',
  at,
  field,
  from,
  to,
});

describe('history in words', () => {
  it('describes each kind of change as a message the UI words (history.* in locales/)', () => {
    const status = (s: string) => ({ code: `status.${s}` });
    expect(describeChange(e('created'))).toEqual({ code: 'history.created' });
    expect(describeChange(e('status', 'not_started', 'in_progress'))).toEqual({ code: 'history.status', params: { from: status('not_started'), to: status('in_progress') } });
    expect(describeChange(e('status', 'not_started', 'urgent')).params?.to).toBe('urgent');
    expect(describeChange(e('note', 0, 15))).toEqual({ code: 'history.noteWritten', count: 15 });
    expect(describeChange(e('note', 15, 30))).toEqual({ code: 'history.noteEdited', params: { from: 15, to: 30 } });
    expect(describeChange(e('note', 15, 0))).toEqual({ code: 'history.noteCleared' });
    expect(describeChange(e('followUp', null, '2024-04-15'))).toEqual({ code: 'history.followUpSet', params: { to: '2024-04-15' } });
    expect(describeChange(e('followUp', '2024-04-15', '2024-04-16'))).toEqual({ code: 'history.followUpMoved', params: { from: '2024-04-15', to: '2024-04-16' } });
    expect(describeChange(e('followUp', '2024-04-15', null))).toEqual({ code: 'history.followUpCleared', params: { from: '2024-04-15' } });
    expect(describeChange(e('progress', null, 40))).toEqual({ code: 'history.progressSet', params: { to: 40 } });
    expect(describeChange(e('progress', 30, 40))).toEqual({ code: 'history.progressChanged', params: { from: 30, to: 40 } });
    expect(describeChange(e('progress', 40, null))).toEqual({ code: 'history.progressCleared' });
    expect(describeChange(e('import'))).toEqual({ code: 'history.imported' });
    expect(describeChange(e('noteCopy', null, 12))).toEqual({ code: 'history.copyKept', count: 12 });
    expect(describeChange(e('noteCopy', 12, 14))).toEqual({ code: 'history.copyUpdated', params: { from: 12, to: 14 } });
    expect(describeChange(e('noteCopy', 14, 'dismissed'))).toEqual({ code: 'history.copyDismissed', count: 14 });
    expect(describeChange(e('noteCopy', 14, 'appended'))).toEqual({ code: 'history.copyAppended' });
  });
  it('formats instants in Shanghai time and lists newest first (ties: later written first)', () => {
    expect(shanghaiDateTimeOf(Date.UTC(2024, 3, 15, 16, 5))).toBe('2024-04-16 00:05');
    const list = [e('created', undefined, undefined, 1), e('status', 'a', 'b', 1), e('note', 0, 1, 2)];
    expect(newestFirst(list).map((x) => x.field)).toEqual(['note', 'status', 'created']);
  });
});
