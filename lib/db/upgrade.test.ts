import Dexie from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { V1_ANNOTATIONS, V1_HISTORY, V1_NOTICE, writeV1Database } from '../../tests/fixtures/db-v1';
import { HistoryEntry, ItemAnnotation } from '../annotation/model';
import { NoticeSchema } from '../notice/schema';
import { summariseDirectly } from '../summary/test/summary-oracle';
import { DubanDatabase } from './database';
import { createService } from '../../entrypoints/background/router';

const NAME = 'duban-upgrade-test';
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

  const history = await db.history.toArray();
  expect(history.map(({ id: _id, ...h }) => h)).toEqual(V1_HISTORY);
  for (const h of history) expect(HistoryEntry.safeParse(h).error).toBeUndefined();
  for (const n of await db.notices.toArray()) expect(NoticeSchema.safeParse(n).error).toBeUndefined();

  // The version-2 follow-up index works on upgraded rows.
  expect(await db.annotations.where('followUp').equals('2024-04-01').count()).toBe(1);
  await expectDigests(db);
  db.close();
});

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
  v3.version(3).stores({
    notices: 'key, docNo, lastSeenAt',
    annotations: '[noticeKey+itemNo], noticeKey, status, updatedAt, followUp',
    history: '++id, [noticeKey+itemNo], at',
    meta: 'key',
    historyPacks: '++id, noticeKey',
  });
  const entries = [{ noticeKey: 'K', itemNo: 1, at: 5, field: 'import', from: null, to: 'created' }];
  await v3.table('historyPacks').add({ noticeKey: 'K', at: 5, entries });
  v3.close();

  const db = new DubanDatabase(NAME);
  await db.open();
  expect(await db.historyPacks.toArray()).toEqual([{ id: 1, noticeKey: 'K', at: 5, entries }]);
  expect(await db.restorePoints.count()).toBe(0);
  db.close();
});

it('gives a version-4 database (no digests) the digests of its notices and annotations, orphans included', async () => {
  const v4 = new Dexie(NAME);
  v4.version(4).stores({
    notices: 'key, docNo, lastSeenAt',
    annotations: '[noticeKey+itemNo], noticeKey, status, updatedAt, followUp',
    history: '++id, [noticeKey+itemNo], at',
    meta: 'key',
    historyPacks: '++id, noticeKey',
    restorePoints: '++id',
  });
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
