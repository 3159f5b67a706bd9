import { describe, expect, it } from 'vitest';
import { deadlineDay } from './deadline';

describe('deadlineDay: the last day a written deadline allows', () => {
  it.each([
    ['2024年6月底前', undefined, '2024-06-30'],
    ['6月底前', 2024, '2024-06-30'],
    ['2月底前', 2024, '2024-02-29'],
    ['2024年12月31日前', undefined, '2024-12-31'],
    ['2024年3月15日前完成', 2023, '2024-03-15'],
    ['年底前', 2024, '2024-12-31'],
    ['2022年12月底前完成', undefined, '2022-12-31'],
    ['一季度', 2024, '2024-03-31'],
    ['第二季度', 2024, '2024-06-30'],
    ['三季度末', 2024, '2024-09-30'],
    ['上半年', 2024, '2024-06-30'],
    ['下半年完成', 2024, '2024-12-31'],
    ['十月底前', 2024, '2024-10-31'],
    ['２０２４年９月底前', undefined, '2024-09-30'],
    ['2024年6月底前完成初稿，9月底前完成', undefined, '2024-09-30'],
    ['2025年完成', 2024, '2025-12-31'],
    ['年内完成', 2024, '2024-12-31'],
  ])('%s (notice year %s) → %s', (text, year, day) => {
    expect(deadlineDay(text, year)).toBe(day);
  });

  it.each([
    ['年内持续推进', 2024],
    ['长期坚持', 2024],
    ['持续推进', 2024],
    ['2024年持续推进', 2024],
    ['6月底前', undefined], // no year on the page: no date
    ['13月底前', 2024],
    ['2月30日前', 2024],
    ['', 2024],
    [undefined, 2024],
  ])('%s names no date', (text, year) => {
    expect(deadlineDay(text, year)).toBeUndefined();
  });
});
