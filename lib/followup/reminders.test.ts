import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ItemAnnotation } from '../annotation/model';
import { itemRef, parseItemRef } from '../annotation/item-ref';
import { instantOfShanghai, shanghaiDayOf } from '../annotation/shanghai-time';
import {
  badgeText,
  countOverdue,
  DUE_ALARM,
  dueReminders,
  FOLLOW_UP_ALARM_PREFIX,
  isOverdue,
  itemUrl,
  nextDailyTick,
  planAlarms,
  pruneReminded,
  reminderTime,
  snoozeDay,
} from './reminders';

const K = '拱政办发〔2024〕2号';
function ann(itemNo: number, followUp?: string, status: ItemAnnotation['status'] = 'in_progress', noticeKey = K): ItemAnnotation {
  return { noticeKey, itemKey: String(itemNo), status, note: '', fingerprint: 'f', createdAt: 0, updatedAt: 0, ...(followUp ? { followUp } : {}) };
}
/** An instant given as Shanghai wall-clock time. */
const sh = (day: string, hh: number, mm = 0) => instantOfShanghai(day, hh, mm);

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('reminder times are 09:00 in Shanghai on the follow-up day', () => {
  it('is 01:00 UTC that day', () => {
    expect(new Date(reminderTime('2026-11-26')).toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(new Date(reminderTime('2024-02-29')).toISOString()).toBe('2024-02-29T01:00:00.000Z');
  });
  it('does not depend on the computer’s time zone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(reminderTime('2026-03-08')).toBe(Date.UTC(2026, 2, 8, 1));
      expect(shanghaiDayOf(Date.UTC(2026, 2, 7, 16, 30))).toBe('2026-03-08');
      expect(snoozeDay('tomorrow', Date.UTC(2026, 2, 7, 16, 30))).toBe('2026-03-09');
    }
  });
  it('the daily tick is 00:01 of the next Shanghai day', () => {
    // 23:59 on the 25th in Shanghai → 00:01 on the 26th.
    expect(nextDailyTick(sh('2026-11-25', 23, 59))).toBe(sh('2026-11-26', 0, 1));
    // 00:30 on the 26th (still the 25th in UTC) → 00:01 on the 27th.
    expect(nextDailyTick(Date.UTC(2026, 10, 25, 16, 30))).toBe(sh('2026-11-27', 0, 1));
  });
});

describe('due and overdue for a given clock (days, not instants)', () => {
  const items = [ann(1, '2026-11-24'), ann(2, '2026-11-25'), ann(3, '2026-11-26'), ann(4), ann(5, '2026-11-20', 'done')];

  it('overdue means the day is before today in Shanghai', () => {
    const today = '2026-11-25';
    expect(items.map((a) => isOverdue(a, today))).toEqual([true, false, false, false, false]);
    // 2026-11-24 16:30 UTC is already the 25th in Shanghai: item 1 is overdue there, not in UTC.
    const t = Date.UTC(2026, 10, 24, 16, 30);
    expect(countOverdue(items, shanghaiDayOf(t))).toBe(1);
    expect(countOverdue(items, new Date(t).toISOString().slice(0, 10))).toBe(0);
  });

  it('a day comes due at 09:00 Shanghai, not at midnight and not at 09:00 UTC', () => {
    expect(dueReminders(items, sh('2026-11-25', 8, 59), {}).map((a) => a.itemKey)).toEqual(['1']);
    expect(dueReminders(items, sh('2026-11-25', 9, 0), {}).map((a) => a.itemKey)).toEqual(['1', '2']);
    expect(dueReminders(items, sh('2026-11-25', 23, 59), {}).map((a) => a.itemKey)).toEqual(['1', '2']);
    expect(dueReminders(items, sh('2026-11-26', 9, 0), {}).map((a) => a.itemKey)).toEqual(['1', '2', '3']);
  });

  it('a done item or one without a day never comes due', () => {
    const due = dueReminders(items, sh('2027-01-01', 12), {}).map((a) => a.itemKey);
    expect(due).not.toContain('4');
    expect(due).not.toContain('5');
  });

  it('each day is reminded of once; a new day comes back again', () => {
    const reminded = { [itemRef(K, '1')]: '2026-11-24' };
    expect(dueReminders(items, sh('2026-11-25', 10), reminded).map((a) => a.itemKey)).toEqual(['2']);
    const snoozed = [ann(1, '2026-11-26'), ...items.slice(1)];
    // Item 1 was snoozed to the 26th: the record of the 24th no longer holds.
    expect(pruneReminded(reminded, snoozed)).toEqual({});
    expect(dueReminders(snoozed, sh('2026-11-26', 9), pruneReminded(reminded, snoozed)).map((a) => a.itemKey)).toEqual(['2', '1', '3']); // by day
  });

  it('agrees with the Shanghai calendar for any instant and any day (property)', () => {
    const dayArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const instantArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) });
    fc.assert(
      fc.property(dayArb, instantArb, (day, now) => {
        const today = shanghaiDayOf(now);
        const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(now));
        const due = dueReminders([ann(1, day)], now, {}).length === 1;
        expect(due).toBe(day < today || (day === today && hour >= 9));
        expect(isOverdue(ann(1, day), today)).toBe(day < today);
      }),
      { numRuns: 500 },
    );
  });
});

describe('alarm plan', () => {
  it('one alarm per day still to come, at 09:00 Shanghai, in time order', () => {
    const now = sh('2026-11-25', 8);
    const plan = planAlarms([ann(1, '2026-12-01'), ann(2, '2026-11-26'), ann(3, '2026-12-01'), ann(4, '2026-11-25')], now, {});
    expect(plan).toEqual([
      { name: `${FOLLOW_UP_ALARM_PREFIX}2026-11-25`, when: sh('2026-11-25', 9) },
      { name: `${FOLLOW_UP_ALARM_PREFIX}2026-11-26`, when: sh('2026-11-26', 9) },
      { name: `${FOLLOW_UP_ALARM_PREFIX}2026-12-01`, when: sh('2026-12-01', 9) },
    ]);
  });
  it('days already come share one alarm that fires now (startup after a day off)', () => {
    const now = sh('2026-11-25', 10);
    const plan = planAlarms([ann(1, '2026-11-20'), ann(2, '2026-11-25'), ann(3, '2026-11-27')], now, {});
    expect(plan).toEqual([
      { name: DUE_ALARM, when: now },
      { name: `${FOLLOW_UP_ALARM_PREFIX}2026-11-27`, when: sh('2026-11-27', 9) },
    ]);
  });
  it('skips reminded days and done items, and keeps under Chrome’s 500-alarm limit', () => {
    const now = sh('2026-11-25', 10);
    expect(planAlarms([ann(1, '2026-11-20')], now, { [itemRef(K, '1')]: '2026-11-20' })).toEqual([]);
    expect(planAlarms([ann(1, '2026-11-28', 'done')], now, {})).toEqual([]);
    const many = Array.from({ length: 800 }, (_, i) => ann(i + 1, new Date(Date.UTC(2027, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)));
    const plan = planAlarms(many, now, {});
    expect(plan).toHaveLength(400);
    expect(plan[0].name).toBe(`${FOLLOW_UP_ALARM_PREFIX}2027-01-01`);
  });
});

describe('snooze, links, badge', () => {
  it('snoozes from today in Shanghai, not from the old day', () => {
    const now = sh('2026-11-25', 0, 30); // still the 24th in UTC
    expect(snoozeDay('tomorrow', now)).toBe('2026-11-26');
    expect(snoozeDay('next_week', now)).toBe('2026-12-02');
    expect(snoozeDay('tomorrow', sh('2026-12-31', 23, 59))).toBe('2027-01-01');
  });
  it('links to the item with #duban-item-N, replacing any hash', () => {
    expect(itemUrl('https://www.gongshu.gov.cn/art/2024/3/7/a.html', '12')).toBe('https://www.gongshu.gov.cn/art/2024/3/7/a.html#duban-item-12');
    expect(itemUrl('https://x.cn/a.html?x=1#top', '3')).toBe('https://x.cn/a.html?x=1#duban-item-3');
  });
  it('round-trips item keys and rejects others', () => {
    expect(parseItemRef(itemRef(K, '7'))).toEqual({ noticeKey: K, itemKey: '7' });
    expect(parseItemRef('nope')).toBeUndefined();
    expect(parseItemRef('["a", "b"]')).toBeUndefined();
  });
  it('badge text', () => {
    expect([0, 1, 42, 1000].map(badgeText)).toEqual(['', '1', '42', '999+']);
  });
});
