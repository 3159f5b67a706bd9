import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotation, NOTICE_A } from '../../tests/fixtures/overview-rows';
import type { ItemAnnotation } from '../../lib/annotation/model';
import { instantOfShanghai } from '../../lib/annotation/shanghai-time';
import { itemHistory } from '../../lib/db/annotations';
import { DubanDatabase, NOTICE_KEY_MOVES_META_KEY } from '../../lib/db/database';
import { recordTables, writeRecords } from '../../lib/db/records';
import { createService } from './router';
import type { ReminderMessage } from '../../lib/followup/notification';
import { createReminderEngine, itemNotificationId, type ReminderPorts } from './reminder-engine';
import { DAILY_ALARM, DUE_ALARM, FOLLOW_UP_ALARM_PREFIX } from '../../lib/followup/reminders';

/** Records what the engine asks of the browser. */
function fakePorts() {
  const alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  const calls = {
    notified: [] as { id: string; message: ReminderMessage }[],
    cleared: [] as string[],
    badge: [] as number[],
    opened: [] as string[],
  };
  const ports: ReminderPorts = {
    getAlarms: async () => [...alarms.values()],
    createAlarm: async (name, info) => void alarms.set(name, { name, scheduledTime: info.when, periodInMinutes: info.periodInMinutes }),
    clearAlarm: async (name) => void alarms.delete(name),
    notify: async (id, message) => void calls.notified.push({ id, message }),
    clearNotification: async (id) => void calls.cleared.push(id),
    setBadge: async (n) => void calls.badge.push(n),
    openUrl: async (url) => void calls.opened.push(url),
    overviewUrl: (q) => `chrome-extension://duban/overview.html${q}`,
  };
  return { ports, alarms, calls };
}

const K = NOTICE_A.key;
let db: DubanDatabase;
let clock = instantOfShanghai('2024-06-30', 8, 30);
const now = () => clock;

/** Writes annotations as every write path does: with the digests the reminders read. */
async function put(...list: ItemAnnotation[]) {
  await db.transaction('rw', recordTables(db), () => writeRecords(db, { annotations: list }));
}

beforeEach(async () => {
  await Dexie.delete('duban-reminders-test');
  db = new DubanDatabase('duban-reminders-test');
  await db.transaction('rw', recordTables(db), () => writeRecords(db, { notices: [NOTICE_A] }));
  clock = instantOfShanghai('2024-06-30', 8, 30);
});
afterEach(() => db.close());

describe('reminder engine', () => {
  it('builds alarms from the database, with the daily tick, and shows the overdue count', async () => {
    await put(
      annotation(K, 1, { followUp: '2024-06-28' }),
      annotation(K, 2, { followUp: '2024-06-30' }),
      annotation(K, 3, { followUp: '2024-07-05' }),
      annotation(K, 4, { followUp: '2024-06-01', status: 'done' }),
    );
    const { ports, alarms, calls } = fakePorts();
    await createReminderEngine({ db, ports, now }).sync();
    expect([...alarms.keys()].sort()).toEqual([DAILY_ALARM, DUE_ALARM, `${FOLLOW_UP_ALARM_PREFIX}2024-06-30`, `${FOLLOW_UP_ALARM_PREFIX}2024-07-05`].sort());
    expect(alarms.get(`${FOLLOW_UP_ALARM_PREFIX}2024-06-30`)!.scheduledTime).toBe(instantOfShanghai('2024-06-30', 9));
    expect(alarms.get(DAILY_ALARM)).toMatchObject({ scheduledTime: instantOfShanghai('2024-07-01', 0, 1), periodInMinutes: 1440 });
    expect(calls.badge).toEqual([1]);
  });

  it('on the alarm, notifies the notice and the item (number and start of text), once per day', async () => {
    await put(annotation(K, 1, { followUp: '2024-06-28' }), annotation(K, 3, { followUp: '2024-07-05' }));
    const { ports, alarms, calls } = fakePorts();
    const engine = createReminderEngine({ db, ports, now });
    await engine.sync();
    await engine.onAlarm(DUE_ALARM);
    expect(calls.notified).toHaveLength(1);
    const { id, message } = calls.notified[0];
    expect(id).toBe(itemNotificationId(K, '1'));
    expect(message.title).toEqual({ code: 'reminder.titleLate', params: { itemKey: '1' }, count: 2 });
    expect(message.lines).toEqual(['坚持政治引领，担当勤政。旗帜鲜明讲政治。']);
    expect(message.contextMessage).toContain('拱政办发〔2024〕2号');
    expect(message.buttons.map((b) => b.code)).toEqual(['reminder.tomorrow', 'reminder.done']);
    // Reminded: the due alarm is gone and a restart does not remind again.
    expect(alarms.has(DUE_ALARM)).toBe(false);
    await engine.sync();
    await engine.onAlarm(DUE_ALARM);
    expect(calls.notified).toHaveLength(1);

    // On 5 July at 09:00 the next one comes.
    clock = instantOfShanghai('2024-07-05', 9);
    await engine.onAlarm(`${FOLLOW_UP_ALARM_PREFIX}2024-07-05`);
    expect(calls.notified.map((n) => n.id)).toEqual([itemNotificationId(K, '1'), itemNotificationId(K, '3')]);
    expect(calls.badge.at(-1)).toBe(1); // item 1 is still overdue until done or snoozed
  });

  it('ignores alarms that are not its own', async () => {
    await put(annotation(K, 1, { followUp: '2024-06-28' }));
    const { ports, calls } = fakePorts();
    expect(await createReminderEngine({ db, ports, now }).onAlarm('someone-else')).toEqual([]);
    expect(calls.notified).toEqual([]);
  });

  it('many due at once come as one summary that opens the overview', async () => {
    await put(...[1, 2, 3, 4].map((n) => annotation(K, n, { followUp: '2024-06-20' })));
    const { ports, calls } = fakePorts();
    const engine = createReminderEngine({ db, ports, now });
    await engine.onAlarm(DUE_ALARM);
    expect(calls.notified).toHaveLength(1);
    expect(calls.notified[0].message.title).toEqual({ code: 'reminder.summaryTitle', count: 4 });
    expect(calls.notified[0].message.lines).toHaveLength(4); // three items and "1 more"
    await engine.onNotificationClicked(calls.notified[0].id);
    expect(calls.opened).toEqual(['chrome-extension://duban/overview.html?followUp=due']);
  });

  it('a click opens the notice at the item; without a stored notice, the overview', async () => {
    const { ports, calls } = fakePorts();
    const engine = createReminderEngine({ db, ports, now });
    await engine.onNotificationClicked(itemNotificationId(K, '3'));
    await engine.onNotificationClicked(itemNotificationId('无此文号', '2'));
    expect(calls.opened).toEqual([
      `${NOTICE_A.sourceUrl}#duban-item-3`,
      `chrome-extension://duban/overview.html?notice=${encodeURIComponent('无此文号')}&item=2`,
    ]);
    expect(calls.cleared).toEqual([itemNotificationId(K, '3'), itemNotificationId('无此文号', '2')]);
  });

  it('a notification shown before database version 8 moved its notice’s key still opens, snoozes and clears its item', async () => {
    const OLD = '衢政办发〔2024〕旧';
    await db.meta.put({ key: NOTICE_KEY_MOVES_META_KEY, value: { [OLD]: K } });
    await put(annotation(K, 2, { followUp: '2024-06-29' }));
    const { ports, calls } = fakePorts();
    const engine = createReminderEngine({ db, ports, now });
    await engine.onNotificationClicked(itemNotificationId(OLD, '3'));
    expect(calls.opened).toEqual([`${NOTICE_A.sourceUrl}#duban-item-3`]);
    await engine.onButtonClicked(itemNotificationId(OLD, '2'), 0);
    expect((await db.annotations.get([K, '2']))?.followUp).toBe('2024-07-01');
    expect(await db.annotations.get([OLD, '2'])).toBeUndefined();
    expect(calls.cleared).toEqual([itemNotificationId(OLD, '3'), itemNotificationId(OLD, '2')]);
  });

  it('buttons snooze to tomorrow or mark the follow-up done, through the service (history kept)', async () => {
    const { ports, alarms, calls } = fakePorts();
    const saved: string[] = [];
    const service = createService(db, now, { onAnnotationSaved: (_k, a) => void saved.push(`${a.itemKey}:${a.followUp ?? '-'}`) });
    const engine = createReminderEngine({ db, ports, now, save: (p) => service.handle('saveAnnotation', p) });
    await service.handle('saveAnnotation', { noticeKey: K, itemKey: '1', fingerprint: 'a1', followUp: '2024-06-28' });
    await service.handle('saveAnnotation', { noticeKey: K, itemKey: '2', fingerprint: 'a2', followUp: '2024-06-29' });
    await engine.onButtonClicked(itemNotificationId(K, '1'), 0);
    await engine.onButtonClicked(itemNotificationId(K, '2'), 1);
    expect((await db.annotations.get([K, '1']))?.followUp).toBe('2024-07-01');
    expect((await db.annotations.get([K, '2']))?.followUp).toBeUndefined();
    expect(saved).toEqual(['1:2024-06-28', '2:2024-06-29', '1:2024-07-01', '2:-']);
    expect((await itemHistory(db, K, '1')).map((h) => [h.field, h.from, h.to])).toEqual([
      ['created', undefined, undefined],
      ['followUp', null, '2024-06-28'],
      ['followUp', '2024-06-28', '2024-07-01'],
    ]);
    expect(calls.cleared).toEqual([itemNotificationId(K, '1'), itemNotificationId(K, '2')]);
    await engine.sync();
    expect(calls.badge.at(-1)).toBe(0);
    expect(alarms.has(`${FOLLOW_UP_ALARM_PREFIX}2024-07-01`)).toBe(true);
  });

  it('a reminder whose day changed since is withdrawn, and its buttons change nothing meanwhile', async () => {
    await put(annotation(K, 1, { followUp: '2024-06-28' }), annotation(K, 2, { followUp: '2024-06-29' }));
    const { ports, calls } = fakePorts();
    const engine = createReminderEngine({ db, ports, now });
    await engine.onAlarm(DUE_ALARM);
    expect(calls.notified.map((n) => n.id)).toEqual([itemNotificationId(K, '1'), itemNotificationId(K, '2')]);
    // The user sets other days (a half-typed day first, say) before answering the reminders.
    await put(annotation(K, 1, { followUp: '2024-07-28' }), annotation(K, 2, { followUp: '2024-07-29' }));
    // Item 2's 已跟进 pressed before duban heard of the change: the new day stays.
    await engine.onButtonClicked(itemNotificationId(K, '2'), 1);
    expect((await db.annotations.get([K, '2']))?.followUp).toBe('2024-07-29');
    // The next sync (after every save) takes item 1's stale reminder away.
    await engine.sync();
    expect(calls.cleared).toContain(itemNotificationId(K, '1'));
    expect((await db.annotations.get([K, '1']))?.followUp).toBe('2024-07-28');
    // Its new day comes back on its day.
    clock = instantOfShanghai('2024-07-28', 9, 1);
    await engine.onAlarm(DUE_ALARM);
    expect(calls.notified.map((n) => n.id)).toContain(itemNotificationId(K, '1'));
    expect(calls.notified.length).toBe(3);
  });

  it('without a save hook, saves itself and re-plans', async () => {
    await put(annotation(K, 1, { followUp: '2024-06-28' }));
    const { ports, alarms } = fakePorts();
    const engine = createReminderEngine({ db, ports, now });
    await engine.onButtonClicked(itemNotificationId(K, '1'), 0);
    expect((await db.annotations.get([K, '1']))?.followUp).toBe('2024-07-01');
    expect([...alarms.keys()]).toContain(`${FOLLOW_UP_ALARM_PREFIX}2024-07-01`);
  });

  it('moves or removes alarms when days change, and leaves other alarms alone', async () => {
    await put(annotation(K, 1, { followUp: '2024-07-10' }));
    const { ports, alarms } = fakePorts();
    await ports.createAlarm('not-ours', { when: 1 });
    const engine = createReminderEngine({ db, ports, now });
    await engine.sync();
    expect(alarms.has(`${FOLLOW_UP_ALARM_PREFIX}2024-07-10`)).toBe(true);
    await put(annotation(K, 1, { followUp: '2024-07-11' }));
    await engine.sync();
    expect(alarms.has(`${FOLLOW_UP_ALARM_PREFIX}2024-07-10`)).toBe(false);
    expect(alarms.has(`${FOLLOW_UP_ALARM_PREFIX}2024-07-11`)).toBe(true);
    await put(annotation(K, 1, { followUp: '2024-07-11', status: 'done' }));
    await engine.sync();
    expect([...alarms.keys()].sort()).toEqual([DAILY_ALARM, 'not-ours']);
  });
});
