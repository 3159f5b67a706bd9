/**
 * 序时进度 (time-proportional progress) and where a follow-up day stands. Days are Shanghai
 * calendar days (./shanghai-time.ts).
 */
import { daysBetween } from './shanghai-time';

/** 序时进度: the share of the year elapsed by the end of `day`, in percent (0–100). */
export function timeProgress(day: string, year: number): number {
  const start = `${year}-01-01`;
  const length = daysBetween(start, `${year + 1}-01-01`);
  const elapsed = daysBetween(start, day) + 1;
  return Math.max(0, Math.min(100, (elapsed / length) * 100));
}

export type ProgressGrade = 'on_track' | 'slightly_behind' | 'behind';

/** How far under 序时进度 counts as red; anything under it is at least yellow. */
const BEHIND_MARGIN = 10;

/** Supervision offices grade a task by its progress against 序时进度: green, yellow, red. */
export function gradeProgress(progress: number, expected: number, margin = BEHIND_MARGIN): ProgressGrade {
  if (progress >= expected) return 'on_track';
  return expected - progress > margin ? 'behind' : 'slightly_behind';
}

/**
 * An item's grade, where it has one: a progress, a 序时进度 to hold it against, and not done (an
 * item done is done, whatever progress was last typed: the popup's behind list leaves it out too).
 */
export function itemGrade(item: { status: string; progress?: number }, expected: number | undefined): ProgressGrade | undefined {
  if (item.progress === undefined || expected === undefined || item.status === 'done') return undefined;
  return gradeProgress(item.progress, expected);
}

export type FollowUpState = 'overdue' | 'today' | 'soon' | 'later';

/** Where a follow-up day stands on `today`: soon means within the next 7 days. */
export function followUpState(followUp: string, today: string): FollowUpState {
  const d = daysBetween(today, followUp);
  if (d < 0) return 'overdue';
  if (d === 0) return 'today';
  return d <= 7 ? 'soon' : 'later';
}
