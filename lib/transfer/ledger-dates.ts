/**
 * Days and times in a ledger's cells. A spreadsheet keeps a date as a serial number (days since
 * 1899-12-30, the time of day its fraction) shown through a date number format; the number has no
 * time zone. duban writes its days (跟进日期) and Shanghai wall-clock times (更新时间) as such
 * numbers and reads them back by UTC arithmetic alone, so that no day moves by one wherever the
 * computer is. Zod-free: the pages' workbook writer uses it, and so does the cell reader.
 */

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system (1899-12-30), in days since 1970; and of the 1904 system (1904-01-01). */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = EPOCH_1900 - 1462;
/**
 * Excel's 1900 system counts a 29 February 1900 that never was (serial 60, kept from Lotus 1-2-3):
 * the days before it are one later than counting from 1899-12-30 gives (serial 1 is 1900-01-01).
 */
const LEAP_DAY = 60;

/** Number formats of the ledger's date cells: a day, and a day with its time (更新时间, to the second). */
export const DAY_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * The serial number of a day (`2026-11-25`) or a wall-clock time (`2026-11-25 16:30:05`), as a
 * date cell holds it; undefined for another text or a day before 1900, which no serial names.
 */
export function serialOfWallClock(s: string): number | undefined {
  const m = WALL_CLOCK.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map((v) => Number(v ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  // Date.UTC rolls 2026-02-30 over to March: not the day written.
  if (new Date(ms).getUTCDate() !== d || new Date(ms).getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || se > 59) return undefined;
  const serial = ms / MS_PER_DAY + EPOCH_1900;
  // 1900-01-01 is serial 1 (two days after day 0), up to 1900-02-28; 1899 has none.
  if (serial < 2) return undefined;
  return serial < LEAP_DAY + 1 ? serial - 1 : serial;
}

/**
 * The wall-clock a date cell's number shows, `YYYY-MM-DDTHH:MM:SS`, to the nearest second (as
 * Excel shows it). A serial Excel shows as no real day is named as Excel shows it: 1900-02-29
 * (serial 60), 1900-01-00 (a time alone), so that a day column refuses it. Undefined for a
 * negative serial (Excel shows ####).
 */
export function wallClockOfSerial(n: number, date1904 = false): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  const whole = Math.round(n * 86_400) / 86_400;
  if (!date1904 && whole < LEAP_DAY + 1) {
    const day = Math.floor(whole);
    const time = clockOf(whole - day);
    if (day === 0) return `1900-01-00T${time}`;
    if (day === LEAP_DAY) return `1900-02-29T${time}`;
    return iso(whole + 1 - EPOCH_1900);
  }
  return iso(whole - (date1904 ? EPOCH_1904 : EPOCH_1900));
}

/** `HH:MM:SS` of a fraction of a day. */
function clockOf(fraction: number): string {
  return new Date(Math.round(fraction * MS_PER_DAY)).toISOString().slice(11, 19);
}

/** Days since 1970 as `YYYY-MM-DDTHH:MM:SS`, or undefined beyond what a Date holds. */
function iso(days: number): string | undefined {
  const d = new Date(Math.round(days * MS_PER_DAY));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 19);
}

/**
 * A date cell's `t="d"` text (ISO 8601, written by some programs instead of a serial) as the
 * wall-clock it names: taken as written, never through the computer's zone (`2026-11-25T00:00:00`
 * would be the evening before in UTC on a computer in Shanghai).
 */
export function wallClockOfIso(s: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) return undefined;
  const wall = `${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
  const d = new Date(`${wall}Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === wall ? wall : undefined;
}

/** A calendar day YYYY-MM-DD typed as text: 2026-11-28, 2026/11/28, 2026.11.28, 2026年11月28日; else undefined. */
export function dayOfText(text: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : undefined;
}
