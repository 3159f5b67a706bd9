/**
 * The reminders' behaviour over the database: which alarms to keep, what to notify, what the
 * badge shows, what a click or a button does; the pure rules are lib/followup/reminders.ts. The
 * browser APIs come in as ports, so unit tests drive it with fakes and fake-indexeddb;
 * ./reminders.ts plugs in chrome.*.
 */
import { itemRef, parseItemRef } from '../../lib/annotation/item-ref';
import type { AnnotationPatch, ItemAnnotation } from '../../lib/annotation/model';
import { shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { saveAnnotation } from '../../lib/db/annotations';
import { getMeta, REMINDED_META_KEY, setMeta } from '../../lib/db/meta';
import { currentItem } from '../../lib/db/notices';
import type { DubanDatabase } from '../../lib/db/database';
import { itemReminder, MAX_SINGLE_REMINDERS, summaryReminder, type ReminderMessage, type ReminderNotice } from '../../lib/followup/notification';
import {
  countOverdue,
  DAILY_ALARM,
  dueReminders,
  FOLLOW_UP_ALARM_PREFIX,
  DUE_ALARM,
  itemUrl,
  nextDailyTick,
  planAlarms,
  pruneReminded,
  snoozeDay,
  type ActiveFollowUp,
  type RemindedDays,
} from '../../lib/followup/reminders';

export interface ReminderPorts {
  getAlarms(): Promise<{ name: string; scheduledTime: number }[]>;
  createAlarm(name: string, info: { when: number; periodInMinutes?: number }): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  notify(id: string, message: ReminderMessage): Promise<void>;
  clearNotification(id: string): Promise<void>;
  /** Shows the number of overdue follow-ups on the toolbar icon (0: nothing). */
  setBadge(overdue: number): Promise<void>;
  /** Opens (or focuses) a tab at the URL. */
  openUrl(url: string): Promise<void>;
  /** The overview page's URL with a query, e.g. `?followUp=due`. */
  overviewUrl(query: string): string;
}

interface ReminderEngineOptions {
  db: DubanDatabase;
  ports: ReminderPorts;
  now?: () => number;
  /** Saves an edit the way the message handler does (history, other tabs); defaults to a plain save. */
  save?: (patch: AnnotationPatch) => Promise<unknown>;
}

const ITEM_ID_PREFIX = 'duban-item:';
const SUMMARY_ID = 'duban-due-summary';

export function itemNotificationId(noticeKey: string, itemKey: string): string {
  return ITEM_ID_PREFIX + itemRef(noticeKey, itemKey);
}

/**
 * Every follow-up day still to do, from the popup's digests (one small record per notice, kept in
 * step with every annotation write: lib/db/records.ts) rather than an index on the annotations,
 * which every save and import would pay for. A digest lists exactly the active ones: a day set, not done.
 */
async function activeFollowUps(db: DubanDatabase): Promise<ActiveFollowUp[]> {
  return (await db.summaryDigests.toArray()).flatMap(({ key, followUps: f }) =>
    f.itemKey.map((itemKey, i) => ({ noticeKey: key, itemKey, status: f.status[i], followUp: f.day[i] })),
  );
}

export function createReminderEngine({ db, ports, now = () => Date.now(), save }: ReminderEngineOptions) {
  // One operation at a time: a sync must not interleave with the notifying it would re-plan.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };

  async function reminded(active: ActiveFollowUp[]): Promise<RemindedDays> {
    return pruneReminded((await getMeta<RemindedDays>(db, REMINDED_META_KEY)) ?? {}, active);
  }

  /** Makes the alarms match the database, makes sure the daily tick exists, refreshes the badge. */
  async function syncNow(): Promise<void> {
    const t = now();
    const active = await activeFollowUps(db);
    const stored = (await getMeta<RemindedDays>(db, REMINDED_META_KEY)) ?? {};
    const done = pruneReminded(stored, active);
    // A reminder shown for a day the item no longer has (set anew, cleared, done) is withdrawn:
    // it would say what is no longer so, and its buttons would act on the new day.
    const stale = Object.keys(stored).filter((ref) => !(ref in done));
    for (const ref of stale) await ports.clearNotification(ITEM_ID_PREFIX + ref);
    if (stale.length) await setMeta(db, REMINDED_META_KEY, done);
    const plan = planAlarms(active, t, done);
    const alarms = await ports.getAlarms();
    const existing = new Map(alarms.filter((a) => a.name.startsWith(FOLLOW_UP_ALARM_PREFIX)).map((a) => [a.name, a.scheduledTime]));
    const wanted = new Set(plan.map((p) => p.name));
    for (const name of existing.keys()) if (!wanted.has(name)) await ports.clearAlarm(name);
    for (const p of plan) {
      const at = existing.get(p.name);
      // The due alarm fires at once whenever it was set; a day's alarm moves only if its time did.
      if (at === undefined || (p.name !== DUE_ALARM && Math.abs(at - p.when) > 1000)) await ports.createAlarm(p.name, { when: p.when });
    }
    if (!alarms.some((a) => a.name === DAILY_ALARM)) {
      await ports.createAlarm(DAILY_ALARM, { when: nextDailyTick(t), periodInMinutes: 24 * 60 });
    }
    await ports.setBadge(countOverdue(active, shanghaiDayOf(t)));
  }

  /** Notifies every follow-up whose time has come and was not yet reminded of for its day. */
  async function notifyDueNow(): Promise<ActiveFollowUp[]> {
    const t = now();
    const today = shanghaiDayOf(t);
    const active = await activeFollowUps(db);
    const done = await reminded(active);
    const due = dueReminders(active, t, done);
    if (!due.length) return due;
    const notices = new Map<string, ReminderNotice>();
    for (const key of new Set(due.map((a) => a.noticeKey))) {
      const n = await db.notices.get(key);
      if (n) notices.set(key, n);
    }
    if (due.length > MAX_SINGLE_REMINDERS) {
      await ports.notify(SUMMARY_ID, summaryReminder(due, notices));
    } else {
      for (const a of due) await ports.notify(itemNotificationId(a.noticeKey, a.itemKey), itemReminder(a, notices.get(a.noticeKey), today));
    }
    for (const a of due) done[itemRef(a.noticeKey, a.itemKey)] = a.followUp;
    await setMeta(db, REMINDED_META_KEY, done);
    return due;
  }

  async function saveFollowUp(annotation: ItemAnnotation, followUp: string | null): Promise<void> {
    const patch: AnnotationPatch = { noticeKey: annotation.noticeKey, itemKey: annotation.itemKey, fingerprint: annotation.fingerprint, followUp };
    if (save) await save(patch);
    else {
      await saveAnnotation(db, patch, now());
      await syncNow();
    }
  }

  /** The item a notification names, by today's keys (one shown before a move names the old: version 8, a re-keyed notice). */
  async function notifiedItem(id: string): Promise<{ noticeKey: string; itemKey: string } | undefined> {
    const item = parseItemRef(id.slice(ITEM_ID_PREFIX.length));
    return item && currentItem(db, item);
  }

  return {
    /** Rebuilds alarms and badge from the database (startup, install, after saves, daily). */
    sync: () => serial(syncNow),

    /** An alarm fired: remind of what is due, then re-plan. Ignores alarms that are not ours. */
    onAlarm: (name: string) =>
      serial(async () => {
        if (name !== DAILY_ALARM && !name.startsWith(FOLLOW_UP_ALARM_PREFIX)) return [];
        const due = await notifyDueNow();
        await syncNow();
        return due;
      }),

    /** The notification's body was clicked: open the notice at the item (or the overview). */
    onNotificationClicked: (id: string) =>
      serial(async () => {
        if (id === SUMMARY_ID) {
          await ports.openUrl(ports.overviewUrl('?followUp=due'));
        } else if (id.startsWith(ITEM_ID_PREFIX)) {
          const item = await notifiedItem(id);
          if (!item) return;
          const notice = await db.notices.get(item.noticeKey);
          const url = notice?.sourceUrl ?? notice?.urls[0];
          await ports.openUrl(
            url
              ? itemUrl(url, item.itemKey)
              : ports.overviewUrl(`?notice=${encodeURIComponent(item.noticeKey)}&item=${encodeURIComponent(item.itemKey)}`),
          );
        } else return;
        await ports.clearNotification(id);
      }),

    /** A button: 0 snoozes to tomorrow, 1 marks the follow-up done (clears its day). */
    onButtonClicked: async (id: string, index: number) => {
      if (!id.startsWith(ITEM_ID_PREFIX)) return;
      const item = await notifiedItem(id);
      if (!item) return;
      const annotation = await db.annotations.get([item.noticeKey, item.itemKey]);
      // The day it reminded of, when duban has not yet withdrawn it after a change: a day set since stays.
      const remindedDay = ((await getMeta<RemindedDays>(db, REMINDED_META_KEY)) ?? {})[itemRef(item.noticeKey, item.itemKey)];
      const current = remindedDay === undefined || remindedDay === annotation?.followUp;
      if (annotation && current) await saveFollowUp(annotation, index === 0 ? snoozeDay('tomorrow', now()) : null);
      await ports.clearNotification(id);
    },
  };
}

