/**
 * Shanghai time, the one place duban turns instants into days and back. The notice's readers live
 * in Asia/Shanghai: follow-ups are Shanghai calendar days (YYYY-MM-DD), reminders come at a
 * Shanghai hour, and duban shows instants as Shanghai wall-clock time, whatever the computer's own
 * zone says. Functions are named for their direction: `shanghaiDayOf(instant)` gives a day,
 * `instantOfShanghai(day, hour, minute)` an instant (epoch milliseconds).
 *
 * Shanghai has kept UTC+8 without daylight saving since 1991, so both directions are the same
 * fixed offset: exact inverses of each other, and cheap enough for 10,000 rows.
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Shanghai wall clock at an instant, as an ISO string read in UTC. */
const wallClock = (instant: number) => new Date(instant + SHANGHAI_OFFSET_MS).toISOString();

/** The calendar day (YYYY-MM-DD) in Shanghai at an instant. */
export function shanghaiDayOf(instant: number): string {
  return wallClock(instant).slice(0, 10);
}

/** `2024-03-07 16:38`: the Shanghai date and time of an instant, as duban shows it (history, exports, imports). */
export function shanghaiDateTimeOf(instant: number): string {
  const s = wallClock(instant);
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** The instant of `hour:minute` on `day` (YYYY-MM-DD) in Shanghai. */
export function instantOfShanghai(day: string, hour = 0, minute = 0): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d, hour, minute) - SHANGHAI_OFFSET_MS;
}

/** Whole days from day a to day b (b later: positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
