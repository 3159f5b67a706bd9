import { describe, expect, it } from 'vitest';
import { countByStatus, isFiltering, matchesFilter, NO_FILTER, orphanAnnotations, unitNames } from './filter';

const unit = (name: string, lead = false) => ({ name, lead });
const items = [
  { itemKey: '1', units: [unit('区政府办公室', true), unit('各街道办事处')] },
  { itemKey: '2', units: [unit('区发改经信局', true)] },
  { itemKey: '3', units: [unit('区财政局', true), unit('区政府办公室')] },
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

  it('filters to overdue items, alone or with the other filters', () => {
    const f = { status: '' as const, unit: '', overdue: true };
    expect(isFiltering(f)).toBe(true);
    expect(matchesFilter(items[0], 'behind', f, true)).toBe(true);
    expect(matchesFilter(items[0], 'behind', f, false)).toBe(false);
    expect(matchesFilter(items[1], 'behind', { ...f, unit: '区政府办公室' }, true)).toBe(false);
  });

  it('finds orphans: stored items the page does not show', () => {
    expect(orphanAnnotations([{ itemKey: '2' }, { itemKey: '200' }], new Set(['1', '2', '3']))).toEqual([{ itemKey: '200' }]);
  });
});

