import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { V1_ANNOTATIONS, V1_HISTORY, V1_NOTICE, writeV1Database } from '../../tests/fixtures/db-v1';
import { HistoryEntry, ItemAnnotation } from '../annotation/model';
import { NoticeSchema } from '../notice/schema';
import { summariseDirectly } from '../summary/test/summary-oracle';
import { deriveDigests } from '../summary/digests';
import { V10_STORES, V13_STORES, V3_STORES, V4_STORES, V5_STORES, V7_STORES } from '../../tests/fixtures/db-stores';
import { itemRef } from '../annotation/item-ref';
import { DubanDatabase, NOTICE_KEY_MOVES_META_KEY, REMINDED_META_KEY } from './database';
import { SEED_URL, seedNotice } from '../transfer/test/fixtures';
import { getMeta } from './meta';
import { LOCAL_AUTHOR_KEY, localAuthor } from './authors';
import { createService } from '../../entrypoints/background/router';

const NAME = 'duban-upgrade-test';
/** The seed notice's key since version 8: its 文号 at its site (lib/notice/notice-key.ts). */
const SEED_KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
beforeEach(() => Dexie.delete(NAME));
afterEach(() => Dexie.delete(NAME));

it('opens a database written by the first schema with every annotation and history entry intact', async () => {
  await writeV1Database(NAME);
  const db = new DubanDatabase(NAME);
  await db.open();

  const annotations = await db.annotations.toArray();
  expect(annotations).toHaveLength(V1_ANNOTATIONS.length);
  // Every stored record must satisfy today's model: a schema change without its upgrade fails here.
  for (const a of annotations) expect(ItemAnnotation.safeParse(a).error).toBeUndefined();
  expect(annotations.find((a) => a.itemKey === '1')).toMatchObject({ note: '已召开专题会', followUp: '2024-04-01', status: 'in_progress' });
  expect('followUp' in annotations.find((a) => a.itemKey === '22')!).toBe(false);

  // Version 6: every item number became its key ("1"); version 8: the notice's key its 文号 at its site;
  // version 9: everything written here is the local author's.
  const me = (await localAuthor(db)).id;
  expect(annotations.every((a) => a.noticeKey === SEED_KEY)).toBe(true);
  const history = await db.history.toArray();
  expect(history.map(({ id: _id, ...h }) => h)).toEqual(V1_HISTORY.map(({ itemNo, ...h }) => ({ ...h, noticeKey: SEED_KEY, itemKey: String(itemNo), author: me })));
  expect(await db.history.where('[noticeKey+itemKey]').equals([SEED_KEY, '1']).count()).toBe(2);
  expect(await db.notices.get(V1_NOTICE.key)).toBeUndefined();
  expect((await db.notices.get(SEED_KEY))!.items.map((i) => [i.key, i.number, i.text])).toEqual([['1', 1, V1_NOTICE.items[0].text]]);
  for (const h of history) expect(HistoryEntry.safeParse(h).error).toBeUndefined();
  for (const n of await db.notices.toArray()) expect(NoticeSchema.safeParse(n).error).toBeUndefined();

  // The version-2 follow-up day still comes back: reminders read the days from the digests.
  expect(await followUpDays(db)).toEqual(['2024-04-01']);
  await expectDigests(db);
  db.close();
});

/** The follow-up days still to do, as the reminder engine reads them (entrypoints/background/reminder-engine.ts). */
async function followUpDays(db: DubanDatabase): Promise<string[]> {
  return (await db.summaryDigests.toArray()).flatMap((s) => s.followUps.day);
}

/**
 * The digests an upgrade wrote give the popup exactly the summary computed directly from every
 * notice and annotation (the oracle that reads no digest), orphans included.
 */
async function expectDigests(db: DubanDatabase) {
  const [notices, annotations] = await Promise.all([db.notices.toArray(), db.annotations.toArray()]);
  const summaries = await db.summaryDigests.toArray();
  expect(summaries.reduce((n, s) => n + s.annotated, 0)).toBe(annotations.length);
  const now = Date.UTC(2024, 3, 2);
  expect(await createService(db, () => now).handle('getPopupSummary', {})).toEqual({ ok: true, value: summariseDirectly({ notices, annotations, now }) });
}

it('opens a version-3 database (import packs, no restore points) with its packs intact and nothing to undo', async () => {
  const v3 = new Dexie(NAME);
  v3.version(3).stores(V3_STORES);
  const entries = [{ noticeKey: 'K', itemNo: 1, at: 5, field: 'import', from: null, to: 'created' }];
  await v3.table('historyPacks').add({ noticeKey: 'K', at: 5, entries });
  v3.close();

  const db = new DubanDatabase(NAME);
  await db.open();
  expect(await db.historyPacks.toArray()).toEqual([{ id: 1, noticeKey: 'K', at: 5, entries: [{ noticeKey: 'K', itemKey: '1', at: 5, field: 'import', from: null, to: 'created' }] }]);
  expect(await db.restorePoints.count()).toBe(0);
  db.close();
});

it('gives a version-4 database (no digests) the digests of its notices and annotations, orphans included', async () => {
  const v4 = new Dexie(NAME);
  v4.version(4).stores(V4_STORES);
  const notice = { ...V1_NOTICE, items: [...V1_NOTICE.items, { ...V1_NOTICE.items[0], itemNo: 2, section: 9, units: [] }] };
  await v4.table('notices').put(notice);
  await v4.table('annotations').bulkPut([
    { ...V1_ANNOTATIONS[0], progress: 10 },
    { ...V1_ANNOTATIONS[1], followUp: '2024-04-03', status: 'paused' },
    { ...V1_ANNOTATIONS[1], noticeKey: '拱政办发〔2024〕9号', itemNo: 5 },
  ]);
  v4.close();

  const db = new DubanDatabase(NAME);
  await db.open();
  expect(await db.summaryDigests.count()).toBe(2);
  await expectDigests(db);
  db.close();
});

it('derives a version-11 database\'s digests again: a notice whose sections are themes says so in the popup', async () => {
  const v11 = new Dexie(NAME);
  v11.version(11).stores(V10_STORES);
  const seed = seedNotice();
  const themed = { ...seed, key: SEED_KEY, urls: [seed.sourceUrl], firstSeenAt: 0, lastSeenAt: 0, sections: seed.sections.map((x) => ({ ...x, leader: x.heading })) };
  const annotation = { noticeKey: SEED_KEY, itemKey: '1', status: 'in_progress', note: '', fingerprint: seed.items[0].fingerprint, createdAt: 1, updatedAt: 1 };
  await v11.table('notices').put(themed);
  await v11.table('annotations').put(annotation);
  // Its digests as version 11 derived them: without the word.
  const old = deriveDigests([themed as never], [annotation as never]);
  await v11.table('noticeDigests').bulkPut(old.notices.map(({ themes: _t, ...d }) => d));
  await v11.table('annotationDigests').bulkPut(old.annotations);
  await v11.table('summaryDigests').bulkPut(old.summaries.map((d) => ({ ...d, notice: d.notice && (({ themes: _t, ...h }) => h)(d.notice) })));
  v11.close();

  const db = new DubanDatabase(NAME);
  await db.open();
  await expectDigests(db);
  const summary = await createService(db, () => Date.UTC(2024, 3, 2)).handle('getPopupSummary', {});
  expect(summary.ok && summary.value.notices[0].themes).toBe(true);
  db.close();
});

it('opens a version-12 database (annotations indexed by status and follow-up day) with every annotation, and its follow-ups still come back', async () => {
  const v12 = new Dexie(NAME);
  v12.version(12).stores(V10_STORES);
  const seed = seedNotice();
  const notice = { ...seed, key: SEED_KEY, urls: [seed.sourceUrl], firstSeenAt: 0, lastSeenAt: 0 };
  const ann = (itemKey: string, extra: object) => ({ noticeKey: SEED_KEY, itemKey, status: 'in_progress', note: `第${itemKey}项`, fingerprint: 'fp', createdAt: 1, updatedAt: 1, ...extra });
  const annotations = [ann('1', { followUp: '2024-04-01' }), ann('2', { followUp: '2024-03-01', status: 'done' }), ann('3', { progress: 40 })];
  await v12.table('notices').put(notice);
  await v12.table('annotations').bulkPut(annotations);
  const d = deriveDigests([notice as never], annotations as never[]);
  await v12.table('noticeDigests').bulkPut(d.notices);
  await v12.table('annotationDigests').bulkPut(d.annotations);
  await v12.table('summaryDigests').bulkPut(d.summaries);
  v12.close();

  const db = new DubanDatabase(NAME);
  await db.open();
  expect(await db.annotations.orderBy('[noticeKey+itemKey]').toArray()).toEqual(annotations);
  expect(await followUpDays(db)).toEqual(['2024-04-01']);
  await expectDigests(db);
  // A follow-up set after the upgrade comes back too, and one cleared no longer does.
  const service = createService(db, () => Date.UTC(2024, 3, 2));
  expect(await service.handle('saveAnnotation', { noticeKey: SEED_KEY, itemKey: '3', fingerprint: 'fp', followUp: '2024-05-06' })).toMatchObject({ ok: true });
  expect(await service.handle('saveAnnotation', { noticeKey: SEED_KEY, itemKey: '1', fingerprint: 'fp', followUp: null })).toMatchObject({ ok: true });
  expect(await followUpDays(db)).toEqual(['2024-05-06']);
  db.close();
});

/**
 * A database at `version` whose first item is due `deadline`, its digests as that version derived
 * them (`then`'s day), opened today: the deadline and day its digest holds now.
 */
async function deadlineDayAfterUpgrade(version: number, deadline: string, then: string): Promise<[string, string]> {
  const old = new Dexie(NAME);
  old.version(version).stores(V13_STORES);
  const seed = seedNotice();
  const notice = { ...seed, key: SEED_KEY, urls: [seed.sourceUrl], firstSeenAt: 0, lastSeenAt: 0, year: 2024 };
  const due = (d: string) => ({ ...notice, items: notice.items.map((it, i) => (i === 0 ? { ...it, deadline: d } : it)) });
  await old.table('notices').put(due(deadline));
  const digests = deriveDigests([due(then) as never], []);
  await old.table('noticeDigests').bulkPut(digests.notices.map((d) => ({ ...d, items: { ...d.items, deadline: d.items.deadline.map((t, i) => (i === 0 ? deadline : t)) } })));
  await old.table('summaryDigests').bulkPut(digests.summaries);
  old.close();

  const db = new DubanDatabase(NAME);
  await db.open();
  const [digest] = await db.noticeDigests.toArray();
  await expectDigests(db);
  db.close();
  return [digest.items.deadline[0], digest.items.deadlineDay[0]];
}

it('derives a version-14 database\'s digests again: an item due 10月前 is past its deadline from October, not November', async () => {
  // Version 14 read 10月前 as 10月底前.
  expect(await deadlineDayAfterUpgrade(14, '10月前', '10月底前')).toEqual(['10月前', '2024-09-30']);
});

it('derives a version-15 database\'s digests again: an item due 2024.6.30 has its deadline day', async () => {
  // Version 15 read a date in figures as no day, as it reads 持续推进.
  expect(await deadlineDayAfterUpgrade(15, '2024.6.30', '持续推进')).toEqual(['2024.6.30', '2024-06-30']);
});

it('derives a version-16 database\'s digests again: an item due 2024年底前完成，并长期坚持 is past its deadline from 2025', async () => {
  // Version 16 read a year's end beside ongoing work as no day, as it reads 持续推进.
  expect(await deadlineDayAfterUpgrade(16, '2024年底前完成，并长期坚持', '持续推进')).toEqual(['2024年底前完成，并长期坚持', '2024-12-31']);
});

it('derives a version-17 database\'s digests again: an item due 年中前 is past its deadline from July', async () => {
  // Version 17 read 年中 as no day, as it reads 持续推进.
  expect(await deadlineDayAfterUpgrade(17, '年中前', '持续推进')).toEqual(['年中前', '2024-06-30']);
});

/**
 * A database as version 5 (the schema before item keys) wrote it: items by number everywhere.
 * Opened today, every note, history entry, pack, restore point and reminder is there, keyed.
 */
describe('a version-5 database (items by number)', () => {
  const K = '拱政办发〔2024〕2号';
  const item = (itemNo: number) => ({ itemNo, text: `第${itemNo}项工作。`, section: 1, units: [{ name: '区发改局', lead: true }], fingerprint: `fp${itemNo}` });
  const notice = {
    ...V1_NOTICE,
    items: [item(1), item(2), item(10)],
    revisions: [{ id: 1, origin: 'page', url: V1_NOTICE.sourceUrl, firstSeenAt: 1, lastSeenAt: 2, title: 't', sections: [], items: [item(1), item(12)], gaps: [] }],
    revisionSeq: 2,
  };
  const copy = { id: 'c1', text: '另一版本', at: 1_709_800_200_000, kind: 'conflict' };
  const ann = (itemNo: number, fields: object = {}) => ({
    noticeKey: K, itemNo, status: 'in_progress', note: `备注${itemNo}`, fingerprint: `fp${itemNo}`, createdAt: 1_709_800_000_000, updatedAt: 1_709_800_100_000, ...fields,
  });
  const annotations = [ann(1, { followUp: '2024-04-01', noteCopies: [copy], noteRev: 2 }), ann(2, { progress: 30 }), ann(10, { status: 'done' }), ann(99)];
  const history = [
    { noticeKey: K, itemNo: 1, at: 1_709_800_000_000, field: 'created' },
    { noticeKey: K, itemNo: 10, at: 1_709_800_050_000, field: 'status', from: 'in_progress', to: 'done' },
  ];
  const packEntries = [{ noticeKey: K, itemNo: 2, at: 1_709_800_060_000, field: 'import', from: null, to: 'created' }];
  const point = {
    at: 1_709_800_060_000,
    notices: [{ key: K, before: { ...notice, items: [item(1)] }, after: notice }],
    annotations: [
      { key: [K, 2], before: null, after: annotations[1] },
      { key: [K, 1], before: ann(1, { note: '导入前' }), after: annotations[0] },
    ],
    packIds: [1],
  };

  async function writeV5(): Promise<void> {
    const v5 = new Dexie(NAME);
    v5.version(5).stores(V5_STORES);
    await v5.table('notices').put(notice);
    await v5.table('annotations').bulkPut(annotations);
    await v5.table('history').bulkAdd(history);
    await v5.table('historyPacks').add({ noticeKey: K, at: point.at, entries: packEntries });
    const id = await v5.table('restorePoints').add(point);
    await v5.table('meta').bulkPut([
      { key: 'importUndoStack', value: [{ id, at: point.at, counts: { new: 1, updated: 1, unchanged: 0, conflict: 0 } }] },
      { key: 'reminders.reminded', value: { [JSON.stringify([K, 1])]: '2024-04-01' } },
    ]);
    // Digests as version 5 derived them: columns of item numbers.
    await v5.table('annotationDigests').put({ noticeKey: K, itemNo: [1, 2, 10, 99], status: [], followUp: [], progress: [], updatedAt: [], note: [] });
    v5.close();
  }

  const keyed = ({ itemNo, ...rest }: { itemNo: number }) => ({ ...rest, itemKey: String(itemNo) });
  /** As version 9 leaves a record written here: the local author's (its note too, when it has one). */
  const owned = (me: string) => <T extends { itemNo: number }>(a: T) => ({ ...keyed(a), author: me, ...((a as { note?: string }).note && { noteAuthor: me }) });

  /** A record of K as it reads today: its items by key, its notice by today's key. */
  const today = <T extends { itemNo: number }>(r: T) => ({ ...keyed(r), noticeKey: SEED_KEY });

  it('keeps every note, history entry, pack, restore point and reminder, each item by its key, the notice by today’s key', async () => {
    await writeV5();
    const db = new DubanDatabase(NAME);
    await db.open();

    const me = (await getMeta<{ id: string }>(db, LOCAL_AUTHOR_KEY))!.id;
    const stored = await db.annotations.toArray();
    expect(stored).toHaveLength(annotations.length);
    for (const a of annotations) expect(await db.annotations.get([SEED_KEY, String(a.itemNo)])).toEqual({ ...owned(me)(a), noticeKey: SEED_KEY });
    for (const a of stored) expect(ItemAnnotation.safeParse(a).error).toBeUndefined();
    expect(await followUpDays(db)).toEqual(['2024-04-01']);

    expect((await db.history.toArray()).map(({ id: _id, ...h }) => h)).toEqual(history.map((h) => ({ ...today(h), author: me })));
    for (const h of await db.history.toArray()) expect(HistoryEntry.safeParse(h).error).toBeUndefined();
    expect((await db.historyPacks.toArray())[0]).toMatchObject({ noticeKey: SEED_KEY, entries: packEntries.map(today) });

    const n = (await db.notices.get(SEED_KEY))!;
    expect(NoticeSchema.safeParse(n).error).toBeUndefined();
    expect(n.items.map((i) => [i.key, i.number])).toEqual([['1', 1], ['2', 2], ['10', 10]]);
    expect(n.revisions![0].items.map((i) => [i.key, i.number])).toEqual([['1', 1], ['12', 12]]);

    const [p] = await db.restorePoints.toArray();
    expect(p.annotations.map((c) => [c.key, c.before?.itemKey ?? null, c.after.itemKey])).toEqual([[[SEED_KEY, '2'], null, '2'], [[SEED_KEY, '1'], '1', '1']]);
    expect(p.annotations[1].before).toEqual({ ...owned(me)(ann(1, { note: '导入前' })), noticeKey: SEED_KEY });
    expect(p.notices.map((c) => [c.key, c.before!.key, c.after.key])).toEqual([[SEED_KEY, SEED_KEY, SEED_KEY]]);
    expect(p.notices[0].after.items.map((i) => i.key)).toEqual(['1', '2', '10']);
    expect(p.notices[0].before!.items.map((i) => i.key)).toEqual(['1']);

    expect(await getMeta(db, REMINDED_META_KEY)).toEqual({ [itemRef(SEED_KEY, '1')]: '2024-04-01' });
    await expectDigests(db);
    // The digests were derived again: their columns hold keys.
    expect((await db.annotationDigests.get(SEED_KEY))!.itemKey).toEqual(['1', '2', '10', '99']);
    expect(await db.annotationDigests.get(K)).toBeUndefined();
    db.close();
  });

  it('undoes the import a restore point kept before the upgrade, and reads the history of an item by key', async () => {
    await writeV5();
    const db = new DubanDatabase(NAME);
    await db.open();
    const service = createService(db, () => 1_709_900_000_000);
    expect(await service.handle('undoLastImport', { id: 1 })).toMatchObject({ ok: true });
    expect(await db.annotations.get([SEED_KEY, '2'])).toBeUndefined();
    expect((await db.annotations.get([SEED_KEY, '1']))!.note).toBe('导入前');
    const h = await service.handle('getItemHistory', { noticeKey: SEED_KEY, itemKey: '10' });
    expect(h.ok && h.value.map((e) => [e.itemKey, e.field])).toEqual([['10', 'status']]);
    db.close();
  });
});

/**
 * A database as version 7 wrote it (items by key, notices by their 文号 alone, else host + path):
 * opened today, every record that names a notice names it by today's key (lib/notice/notice-key.ts),
 * nothing is lost, the import can still be undone, and the seed page and an old file find it.
 */
describe('a version-7 database (notices by their 文号 alone)', () => {
  const OLD = '拱政办发〔2024〕2号';
  /** A notice without a 文号: keyed by host and path then, by its URL now. */
  const PLAIN_URL = 'https://www.x.gov.cn/docDetail.jsp?docid=7';
  const PLAIN_OLD = 'www.x.gov.cn/docDetail.jsp';
  const PLAIN_KEY = 'www.x.gov.cn/docDetail.jsp?docid=7';
  const seed = seedNotice();
  const item = (key: string) => seed.items.find((i) => i.key === key)!;
  const seedRecord = { key: OLD, ...seed, sourceUrl: SEED_URL, urls: [SEED_URL], firstSeenAt: 1, lastSeenAt: 2 };
  const plainRecord = { key: PLAIN_OLD, title: '无文号的分解', sourceUrl: PLAIN_URL, urls: [PLAIN_URL], sections: [], items: [item('1')], gaps: [], firstSeenAt: 1, lastSeenAt: 2 };
  const ann = (noticeKey: string, itemKey: string, fields: object = {}) => ({
    noticeKey, itemKey, status: 'in_progress', note: `备注${itemKey}`, fingerprint: item(itemKey).fingerprint, createdAt: 1_709_800_000_000, updatedAt: 1_709_800_100_000, ...fields,
  });
  const annotations = [ann(OLD, '3', { followUp: '2024-04-01' }), ann(OLD, '12', { progress: 40 }), ann(PLAIN_OLD, '1'), ann('无记录〔2024〕1号', '5')];
  const at = 1_709_800_060_000;
  const point = {
    at,
    notices: [{ key: OLD, before: null, after: seedRecord }],
    annotations: [{ key: [OLD, '12'], before: ann(OLD, '12', { note: '导入前' }), after: annotations[1] }],
    packIds: [1],
  };

  async function writeV7(): Promise<void> {
    const v7 = new Dexie(NAME);
    v7.version(7).stores(V7_STORES);
    await v7.table('notices').bulkPut([seedRecord, plainRecord]);
    await v7.table('annotations').bulkPut(annotations);
    await v7.table('history').bulkAdd([
      { noticeKey: OLD, itemKey: '3', at: 1_709_800_000_000, field: 'status', from: 'not_started', to: 'in_progress' },
      { noticeKey: PLAIN_OLD, itemKey: '1', at: 1_709_800_000_000, field: 'created' },
    ]);
    await v7.table('historyPacks').add({ noticeKey: OLD, at, entries: [{ noticeKey: OLD, itemKey: '12', at, field: 'import', from: null, to: 'created' }] });
    const id = await v7.table('restorePoints').add(point);
    await v7.table('meta').bulkPut([
      { key: 'importUndoStack', value: [{ id, at, counts: { new: 0, updated: 1, unchanged: 0, conflict: 0 } }] },
      { key: REMINDED_META_KEY, value: { [itemRef(OLD, '3')]: '2024-04-01' } },
    ]);
    await v7.table('summaryDigests').put({ key: OLD });
    v7.close();
  }

  it('moves every note, history entry, pack, restore point and reminded day to the notice’s key today', async () => {
    await writeV7();
    const db = new DubanDatabase(NAME);
    await db.open();
    expect((await db.notices.toArray()).map((n) => n.key).sort()).toEqual([SEED_KEY, PLAIN_KEY].sort());
    expect((await db.notices.get(SEED_KEY))!.items).toEqual(seed.items);
    const moved = <T extends { noticeKey: string }>(a: T): T => ({ ...a, noticeKey: a.noticeKey === OLD ? SEED_KEY : a.noticeKey === PLAIN_OLD ? PLAIN_KEY : a.noticeKey });
    expect(await db.annotations.toArray()).toHaveLength(annotations.length);
    // …and, by version 9, the local author's.
    const me = (await localAuthor(db)).id;
    for (const a of annotations.map(moved)) expect(await db.annotations.get([a.noticeKey, a.itemKey])).toEqual({ ...a, author: me, ...(a.note && { noteAuthor: me }) });
    // A note whose notice is not stored keeps its key: there is no URL to tell the site.
    expect(await db.annotations.get(['无记录〔2024〕1号', '5'])).toBeDefined();
    expect((await db.history.toArray()).map((h) => [h.noticeKey, h.itemKey])).toEqual([[SEED_KEY, '3'], [PLAIN_KEY, '1']]);
    expect((await db.historyPacks.toArray()).map((p) => [p.noticeKey, p.entries.map((e) => e.noticeKey)])).toEqual([[SEED_KEY, [SEED_KEY]]]);
    expect(await getMeta(db, REMINDED_META_KEY)).toEqual({ [itemRef(SEED_KEY, '3')]: '2024-04-01' });
    expect(await getMeta(db, NOTICE_KEY_MOVES_META_KEY)).toEqual({ [OLD]: SEED_KEY, [PLAIN_OLD]: PLAIN_KEY });
    for (const a of await db.annotations.toArray()) expect(ItemAnnotation.safeParse(a).error).toBeUndefined();
    await expectDigests(db);
    expect(await db.summaryDigests.get(OLD)).toBeUndefined();
    db.close();
  });

  it('undoes the import its restore point kept, and the seed page opens the notice with its notes', async () => {
    await writeV7();
    const db = new DubanDatabase(NAME);
    await db.open();
    const service = createService(db, () => 1_709_900_000_000);
    expect(await service.handle('undoLastImport', { id: 1 })).toMatchObject({ ok: true });
    expect((await db.annotations.get([SEED_KEY, '12']))!.note).toBe('导入前');
    const opened = await service.handle('openNotice', seed);
    expect(opened).toMatchObject({ ok: true, value: { noticeKey: SEED_KEY, revision: null } });
    expect(opened.ok && opened.value.annotations.map((a) => [a.itemKey, a.note])).toEqual([['3', '备注3'], ['12', '导入前']]);
    db.close();
  });

  it('takes a file of version 3 keyed by the 文号 alone onto the moved notice', async () => {
    await writeV7();
    const db = new DubanDatabase(NAME);
    await db.open();
    const file = {
      format: 'duban-annotations',
      version: 3,
      exportedAt: '2024-04-02T00:00:00.000Z',
      notices: [{
        key: OLD, docNo: OLD, url: SEED_URL, title: seed.title,
        items: [{ itemKey: '3', fingerprint: item('3').fingerprint, status: 'done', note: '同事的备注', createdAt: '2024-03-08T00:00:00.000Z', updatedAt: '2024-04-01T00:00:00.000Z' }],
      }],
    };
    const r = await createService(db, () => 1_709_900_000_000).handle('applyImport', { text: JSON.stringify(file) });
    // Not a new notice or item: the colleague's item 3 meets the local one (both notes kept, marked).
    expect(r).toMatchObject({ ok: true, value: { counts: { new: 0 } } });
    const merged = (await db.annotations.get([SEED_KEY, '3']))!;
    expect(merged.status).toBe('done');
    // Both notes kept: this profile's as the note, the colleague's as its conflict copy.
    expect(merged.note).toBe('备注3');
    expect(merged.noteCopies?.map((c) => [c.kind, c.text])).toEqual([['conflict', '同事的备注']]);
    expect(await db.notices.get(OLD)).toBeUndefined();
    db.close();
  });
});

/**
 * A database as version 7 (the schema before authors) wrote it. Opened today, everything is kept,
 * and what was written here belongs to the local author (version 9), made once.
 */
describe('a version-7 database (before authors)', () => {
  const K = '拱政办发〔2024〕2号';
  // Frozen: the stores as version 7 left them.
  const T = 1_709_800_000_000;
  const item = (key: string) => ({ key, number: Number(key), text: `第${key}项工作。`, section: 1, units: [{ name: '区发改局', lead: true }], fingerprint: `fp${key}` });
  const notice = { ...V1_NOTICE, items: [item('1'), item('2'), item('3')] };
  const ann = (itemKey: string, fields: object = {}) => ({
    noticeKey: K, itemKey, status: 'in_progress', note: `备注${itemKey}`, fingerprint: `fp${itemKey}`, createdAt: T, updatedAt: T + 100, ...fields,
  });
  const annotations = [ann('1', { noteRev: 2 }), ann('2', { note: '', progress: 30 }), ann('3', { status: 'done' })];
  const history = [
    { noticeKey: K, itemKey: '1', at: T, field: 'created' },
    { noticeKey: K, itemKey: '1', at: T + 50, field: 'note', from: 0, to: 3 },
  ];
  const packEntries = [{ noticeKey: K, itemKey: '3', at: T + 60, field: 'import', from: null, to: 'created' }];
  const point = { at: T + 60, notices: [], annotations: [{ key: [K, '3'], before: null, after: annotations[2] }], packIds: [1] };
  /** Version 8 moved the notice to today's key (its 文号 at its site). */
  const moved = <R extends { noticeKey: string }>(r: R): R => ({ ...r, noticeKey: SEED_KEY });

  async function writeV7(): Promise<void> {
    const v7 = new Dexie(NAME);
    v7.version(7).stores(V7_STORES);
    await v7.table('notices').put(notice);
    await v7.table('annotations').bulkPut(annotations);
    await v7.table('history').bulkAdd(history);
    await v7.table('historyPacks').add({ noticeKey: K, at: point.at, entries: packEntries });
    const id = await v7.table('restorePoints').add(point);
    await v7.table('meta').put({ key: 'importUndoStack', value: [{ id, at: point.at, counts: { new: 1, updated: 0, unchanged: 0, conflict: 0 } }] });
    v7.close();
  }

  it('keeps every annotation, history entry and pack, and makes them the local author’s', async () => {
    await writeV7();
    const db = new DubanDatabase(NAME);
    await db.open();
    const me = await localAuthor(db);
    expect(me.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(me).toMatchObject({ name: '', unit: '' });
    expect(await localAuthor(db)).toEqual(me);

    const stored = await db.annotations.toArray();
    expect(stored).toEqual([
      { ...moved(annotations[0]), author: me.id, noteAuthor: me.id },
      // No note: nobody wrote one.
      { ...moved(annotations[1]), author: me.id },
      { ...moved(annotations[2]), author: me.id, noteAuthor: me.id },
    ]);
    for (const a of stored) expect(ItemAnnotation.safeParse(a).error).toBeUndefined();
    expect((await db.history.toArray()).map(({ id: _id, ...h }) => h)).toEqual(history.map((h) => ({ ...moved(h), author: me.id })));
    // Imported entries: who wrote them is not known.
    expect((await db.historyPacks.toArray())[0].entries).toEqual(packEntries.map(moved));
    expect(await db.authors.count()).toBe(0);
    db.close();
  });

  it('still undoes the import made before, and records the local author on the next edit', async () => {
    await writeV7();
    const db = new DubanDatabase(NAME);
    await db.open();
    const service = createService(db, () => T + 1000);
    expect(await service.handle('undoLastImport', { id: 1 })).toMatchObject({ ok: true });
    expect(await db.annotations.get([SEED_KEY, '3'])).toBeUndefined();

    const me = (await localAuthor(db)).id;
    await service.handle('saveAnnotation', { noticeKey: SEED_KEY, itemKey: '2', fingerprint: 'fp2', note: '新备注', session: 's1' });
    expect(await db.annotations.get([SEED_KEY, '2'])).toMatchObject({ note: '新备注', author: me, noteAuthor: me });
    const h = await service.handle('getItemHistory', { noticeKey: SEED_KEY, itemKey: '2' });
    expect(h.ok && h.value.map((e) => [e.field, e.author, e.fromText, e.toText])).toEqual([['note', me, '', '新备注']]);
    db.close();
  });
});
