/**
 * When follow-ups come back. Pure scheduling over calendar days in Asia/Shanghai: a follow-up is
 * a day (YYYY-MM-DD), its reminder is 09:00 Shanghai time on that day, whatever the computer's
 * own time zone. No browser API here: the background's alarms and notifications use the answers.
 */
import type { ItemAnnotation } from '../annotation/model';
import { itemRef } from '../annotation/item-ref';
import { compareItemKeys, itemHash } from '../notice/item-key';
import { addDays, instantOfShanghai, shanghaiDayOf } from '../annotation/shanghai-time';

/** Reminders come at 09:00 Shanghai time on the follow-up day. */
const REMINDER_HOUR = 9;

/** Every follow-up alarm's name starts with this; the rest is the day, or `due`. */
export const FOLLOW_UP_ALARM_PREFIX = 'duban-followup:';
/** The alarm for reminders whose time has already come (overdue, or today after 09:00). */
export const DUE_ALARM = `${FOLLOW_UP_ALARM_PREFIX}due`;
/** Just after midnight in Shanghai, every day: the overdue count changes with the date. */
export const DAILY_ALARM = 'duban-daily';
/** Chrome allows 500 active alarms per extension; the nearest days get one, later ones wait. */
const MAX_DAY_ALARMS = 400;

/** When a follow-up on `day` comes back: 09:00 Shanghai time that day. */
export function reminderTime(day: string): number {
  return instantOfShanghai(day, REMINDER_HOUR);
}

/** The next daily tick after `now`: 00:01 of the next Shanghai day. */
export function nextDailyTick(now: number): number {
  return instantOfShanghai(addDays(shanghaiDayOf(now), 1), 0, 1);
}

/** What reminders read of an annotation: the background has them from the popup's digests. */
export type FollowUpFacts = Pick<ItemAnnotation, 'noticeKey' | 'itemKey' | 'status' | 'followUp'>;

export type ActiveFollowUp = FollowUpFacts & { followUp: string };

/** A follow-up still to do: a day is set and the item is not 已完成 (done). */
export function isActiveFollowUp(a: FollowUpFacts): a is ActiveFollowUp {
  return typeof a.followUp === 'string' && a.followUp !== '' && a.status !== 'done';
}

/** Overdue: the follow-up day is before `today` (a day, not an instant). */
export function isOverdue(a: FollowUpFacts, today: string): boolean {
  return isActiveFollowUp(a) && a.followUp < today;
}

/** What the toolbar badge shows: follow-ups whose day is past. */
export function countOverdue(annotations: readonly FollowUpFacts[], today: string): number {
  let n = 0;
  for (const a of annotations) if (isOverdue(a, today)) n++;
  return n;
}

/** Which follow-up day each item was last reminded of: item key → day. */
export type RemindedDays = Record<string, string>;

/** Keeps only the records whose item still has that follow-up day (snoozed or cleared ones go). */
export function pruneReminded(reminded: RemindedDays, annotations: readonly FollowUpFacts[]): RemindedDays {
  const out: RemindedDays = {};
  for (const a of annotations) {
    const key = itemRef(a.noticeKey, a.itemKey);
    if (isActiveFollowUp(a) && reminded[key] === a.followUp) out[key] = a.followUp;
  }
  return out;
}

const byDayThenItem = (a: ActiveFollowUp, b: ActiveFollowUp) =>
  a.followUp < b.followUp ? -1 : a.followUp > b.followUp ? 1 : a.noticeKey < b.noticeKey ? -1 : a.noticeKey > b.noticeKey ? 1 : compareItemKeys(a.itemKey, b.itemKey);

/**
 * The follow-ups to remind of at `now`: active, their 09:00 has come, and not yet reminded of for
 * that day. Each day comes back once; snoozing sets a new day, which comes back again.
 */
export function dueReminders(annotations: readonly FollowUpFacts[], now: number, reminded: RemindedDays): ActiveFollowUp[] {
  const due: ActiveFollowUp[] = [];
  for (const a of annotations) {
    if (!isActiveFollowUp(a) || reminderTime(a.followUp) > now) continue;
    if (reminded[itemRef(a.noticeKey, a.itemKey)] !== a.followUp) due.push(a);
  }
  return due.sort(byDayThenItem);
}

interface AlarmPlan {
  name: string;
  /** Epoch ms; `now` for reminders whose time has already come. */
  when: number;
}

/**
 * The alarms that should exist at `now`: one per follow-up day still to remind of, at 09:00 that
 * day; days already come (overdue, or today after 09:00) share one alarm that fires at once.
 * Sorted by time and capped: the daily tick re-plans as days pass.
 */
export function planAlarms(
  annotations: readonly FollowUpFacts[],
  now: number,
  reminded: RemindedDays,
  max = MAX_DAY_ALARMS,
): AlarmPlan[] {
  const days = new Set<string>();
  let dueNow = false;
  for (const a of annotations) {
    if (!isActiveFollowUp(a) || reminded[itemRef(a.noticeKey, a.itemKey)] === a.followUp) continue;
    if (reminderTime(a.followUp) <= now) dueNow = true;
    else days.add(a.followUp);
  }
  const plan: AlarmPlan[] = [...days].sort().map((day) => ({ name: `${FOLLOW_UP_ALARM_PREFIX}${day}`, when: reminderTime(day) }));
  if (dueNow) plan.unshift({ name: DUE_ALARM, when: now });
  return plan.slice(0, max);
}

type SnoozeChoice = 'tomorrow' | 'next_week';
const SNOOZE_DAYS: Record<SnoozeChoice, number> = { tomorrow: 1, next_week: 7 };

/** The day a snooze moves a follow-up to: counted from today in Shanghai, not from the old day. */
export function snoozeDay(choice: SnoozeChoice, now: number): string {
  return addDays(shanghaiDayOf(now), SNOOZE_DAYS[choice]);
}

/** The page URL that opens the notice scrolled to the item (the overlay honours the hash). */
export function itemUrl(url: string, itemKey: string): string {
  const i = url.indexOf('#');
  return `${i < 0 ? url : url.slice(0, i)}${itemHash(itemKey)}`;
}

/** The badge text: nothing when none is overdue. */
export function badgeText(overdue: number): string {
  return overdue <= 0 ? '' : overdue > 999 ? '999+' : String(overdue);
}
