import { describe, expect, it } from 'vitest';
import { countByStatus, isFiltering, matchesFilter, NO_FILTER, orphanAnnotations, unitNames } from './filter';
import { describeHistory, formatTime } from './history-text';

const unit = (name: string, lead = false) => ({ name, lead });
const items = [
  { itemNo: 1, units: [unit('区政府办公室', true), unit('各街道办事处')] },
  { itemNo: 2, units: [unit('区发改经信局', true)] },
  { itemNo: 3, units: [unit('区财政局', true), unit('区政府办公室')] },
];

describe('notice bar arithmetic', () => {
  it('counts every status, zero included', () => {
    expect(countByStatus(['done', 'done', 'behind'])).toEqual({ not_started: 0, in_progress: 0, done: 2, behind: 1, paused: 0 });
  });

  it('lists units in page order with their item counts', () => {
    expect(unitNames(items)).toEqual([
      { name: '区政府办公室', count: 2 },
      { name: '各街道办事处', count: 1 },
      { name: '区发改经信局', count: 1 },
      { name: '区财政局', count: 1 },
    ]);
  });

  it('filters by status and by any listed unit', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(matchesFilter(items[0], 'done', NO_FILTER)).toBe(true);
    const f = { status: 'done' as const, unit: '区政府办公室' };
    expect(isFiltering(f)).toBe(true);
    expect(matchesFilter(items[2], 'done', f)).toBe(true);
    expect(matchesFilter(items[2], 'behind', f)).toBe(false);
    expect(matchesFilter(items[1], 'done', f)).toBe(false);
  });

  it('finds orphans: stored items the page does not show', () => {
    expect(orphanAnnotations([{ itemNo: 2 }, { itemNo: 200 }], new Set([1, 2, 3]))).toEqual([{ itemNo: 200 }]);
  });
});

describe('history lines', () => {
  it('says what changed, in Chinese then English', () => {
    expect(describeHistory({ field: 'status', from: 'not_started', to: 'in_progress' })).toBe(
      '状态 Status: 未开始 Not started → 推进中 In progress',
    );
    expect(describeHistory({ field: 'note', from: 0, to: 12 })).toContain('备注已编辑 Note edited');
    expect(describeHistory({ field: 'followUp', from: null, to: '2024-05-01' })).toBe('跟进日期 Follow-up: 2024-05-01');
    expect(describeHistory({ field: 'followUp', from: '2024-05-01', to: null })).toContain('已清除');
  });

  it('writes times in Shanghai', () => {
    expect(formatTime(Date.UTC(2024, 2, 7, 8, 38))).toBe('2024-03-07 16:38');
  });
});
