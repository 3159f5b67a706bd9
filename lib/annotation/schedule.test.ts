import { describe, expect, it } from 'vitest';
import { followUpState, gradeProgress, timeProgress } from './schedule';
import { addDays, shanghaiDayOf } from './shanghai-time';

describe('calendar days in Asia/Shanghai', () => {
  it('turns an instant into the Shanghai day, not the UTC one', () => {
    // 2026-11-25 17:30 UTC is already 26 November in Shanghai.
    expect(shanghaiDayOf(Date.UTC(2026, 10, 25, 17, 30))).toBe('2026-11-26');
    expect(shanghaiDayOf(Date.UTC(2026, 10, 25, 15, 59))).toBe('2026-11-25');
  });
  it('adds days across months and years', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
  it('tells overdue, today, soon and later apart', () => {
    expect(followUpState('2026-11-24', '2026-11-25')).toBe('overdue');
    expect(followUpState('2026-11-25', '2026-11-25')).toBe('today');
    expect(followUpState('2026-12-02', '2026-11-25')).toBe('soon');
    expect(followUpState('2026-12-03', '2026-11-25')).toBe('later');
  });
});

describe('序时进度', () => {
  it('is the share of the year elapsed', () => {
    expect(timeProgress('2024-12-31', 2024)).toBe(100);
    expect(timeProgress('2024-07-01', 2024)).toBeCloseTo((183 / 366) * 100, 5);
    expect(timeProgress('2026-11-25', 2024)).toBe(100);
    expect(timeProgress('2023-12-01', 2024)).toBe(0);
  });
  it('grades progress green, yellow or red against it', () => {
    expect(gradeProgress(60, 50)).toBe('on_track');
    expect(gradeProgress(45, 50)).toBe('slightly_behind');
    expect(gradeProgress(30, 50)).toBe('behind');
  });
});
