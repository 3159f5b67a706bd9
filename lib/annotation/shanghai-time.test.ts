import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantOfShanghai, shanghaiDateTimeOf, shanghaiDayOf } from './shanghai-time';

// The zone database's own answer, to check the fixed offset against.
const intl = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const instants = fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2200, 0, 1) });

describe('Shanghai time', () => {
  it('agrees with the time-zone database for any instant since 1992', () => {
    fc.assert(
      fc.property(instants, (t) => {
        const wall = intl.format(new Date(t));
        expect(shanghaiDateTimeOf(t)).toBe(wall);
        expect(shanghaiDayOf(t)).toBe(wall.slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });

  it('goes from a day and a time to an instant and back', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (t, hh, mm) => {
        const day = shanghaiDayOf(t);
        const at = instantOfShanghai(day, hh, mm);
        expect(shanghaiDateTimeOf(at)).toBe(`${day} ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`);
      }),
      { numRuns: 500 },
    );
    // Midnight in Shanghai is 16:00 UTC the day before.
    expect(instantOfShanghai('2026-11-26')).toBe(Date.UTC(2026, 10, 25, 16));
  });

  it('counts calendar days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
  });
});
