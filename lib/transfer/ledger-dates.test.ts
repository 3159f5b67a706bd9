import { describe, expect, it } from 'vitest';
import { dayOfText, serialOfWallClock, wallClockOfSerial } from './ledger-dates';
import { inEachZone } from './test/zones';

describe('Excel date serials, both ways', () => {
  it('writes a day and a wall-clock time as the number Excel holds, and reads it back the same, in any time zone', async () => {
    await inEachZone((zone) => {
      expect([serialOfWallClock('2026-11-25'), serialOfWallClock('2026-11-25 16:30:05')], zone).toEqual([46351, 46351 + (16 * 3600 + 30 * 60 + 5) / 86400]);
      expect(wallClockOfSerial(46351 + (16 * 3600 + 30 * 60 + 5) / 86400), zone).toBe('2026-11-25T16:30:05');
      for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 0, 1); t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        const serial = serialOfWallClock(day);
        if (wallClockOfSerial(serial!) !== `${day}T00:00:00`) expect([day, serial, wallClockOfSerial(serial!)], zone).toBe('the same day back');
      }
    });
  });

  it('keeps Excel\'s 1900 leap-year bug: serial 60 is a 29 February 1900 that never was, the days before it one later', () => {
    expect([1, 59, 60, 61].map((n) => wallClockOfSerial(n))).toEqual(['1900-01-01T00:00:00', '1900-02-28T00:00:00', '1900-02-29T00:00:00', '1900-03-01T00:00:00']);
    expect(['1900-01-01', '1900-02-28', '1900-03-01'].map(serialOfWallClock)).toEqual([1, 59, 61]);
    // A time alone is day 0, which Excel shows as 1900-01-00; a day before 1900 has no serial (written as text).
    expect(wallClockOfSerial(0.5)).toBe('1900-01-00T12:00:00');
    expect([wallClockOfSerial(-1), serialOfWallClock('1899-12-31')]).toEqual([undefined, undefined]);
    // The 1904 system (old Mac workbooks) counts from 1904-01-01, without the bug.
    expect([wallClockOfSerial(0, true), wallClockOfSerial(44889, true)]).toEqual(['1904-01-01T00:00:00', '2026-11-25T00:00:00']);
  });

  it('rounds a serial to the second, as Excel shows it (a value saved with 15 digits keeps its time)', () => {
    const at = 46351 + (7 * 3600 + 59 * 60 + 56) / 86400;
    expect([wallClockOfSerial(at - 1e-9), wallClockOfSerial(at + 4e-6), wallClockOfSerial(Number(at.toPrecision(15)))]).toEqual(Array(3).fill('2026-11-25T07:59:56'));
  });

  it('reads a day typed as text in the ways offices write one, and nothing else', () => {
    expect(['2026-11-28', '2026/11/28', '2026.11.28', '2026年11月28日', '2026-1-5', ' ２０２６年１１月２８日 '].map(dayOfText)).toEqual([
      '2026-11-28', '2026-11-28', '2026-11-28', '2026-11-28', '2026-01-05', '2026-11-28',
    ]);
    expect(['2026年2月30日', '2026年6月底前', '年内持续推进', '2026-11-28 16:30', '2026年11月28日前', ''].map(dayOfText)).toEqual(Array(6).fill(undefined));
  });
});
