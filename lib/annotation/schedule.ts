/**
 * Days and 序时进度 (time-proportional progress). Follow-ups are calendar days in Asia/Shanghai,
 * where the notice's readers live, whatever the computer's clock zone says.
 */

export const TIME_ZONE = 'Asia/Shanghai';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Shanghai at an instant. */
export function dayAt(instant: number): string {
  return dayFormat.format(new Date(instant));
}

const instantFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2024-03-07 16:38`, Shanghai time: how duban shows an instant (history, exports, imports). */
export function formatInstant(at: number): string {
  return instantFormat.format(new Date(at));
}

/** Whole days from a to b (b later: positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** 序时进度: the share of the year elapsed by the end of `day`, in percent (0–100). */
export function timeProgress(day: string, year: number): number {
  const start = `${year}-01-01`;
  const length = daysBetween(start, `${year + 1}-01-01`);
  const elapsed = daysBetween(start, day) + 1;
  return Math.max(0, Math.min(100, (elapsed / length) * 100));
}

export type ProgressGrade = 'on_track' | 'slightly_behind' | 'behind';

/** How far under 序时进度 counts as red; anything under it is at least yellow. */
export const BEHIND_MARGIN = 10;

/** Supervision offices grade a task by its progress against 序时进度: green, yellow, red. */
export function gradeProgress(progress: number, expected: number, margin = BEHIND_MARGIN): ProgressGrade {
  if (progress >= expected) return 'on_track';
  return expected - progress > margin ? 'behind' : 'slightly_behind';
}

export type FollowUpState = 'overdue' | 'today' | 'soon' | 'later';

/** Where a follow-up day stands on `today`: soon means within the next 7 days. */
export function followUpState(followUp: string, today: string): FollowUpState {
  const d = daysBetween(today, followUp);
  if (d < 0) return 'overdue';
  if (d === 0) return 'today';
  return d <= 7 ? 'soon' : 'later';
}
