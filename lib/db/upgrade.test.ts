import Dexie from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { V1_ANNOTATIONS, V1_HISTORY, writeV1Database } from '../../tests/fixtures/db-v1';
import { HistoryEntry, ItemAnnotation } from '../annotation/model';
import { NoticeSchema } from '../notice/schema';
import { DubanDatabase } from './database';

const NAME = 'duban-upgrade-test';
beforeEach(() => Dexie.delete(NAME));
afterEach(() => Dexie.delete(NAME));

it('opens a database written by the first schema with every annotation and history entry intact', async () => {
  await writeV1Database(NAME);
  const db = new DubanDatabase(NAME);
  await db.open();
  expect(db.verno).toBeGreaterThan(1);

  const annotations = await db.annotations.toArray();
  expect(annotations).toHaveLength(V1_ANNOTATIONS.length);
  // Every stored record must satisfy today's model: a schema change without its upgrade fails here.
  for (const a of annotations) expect(ItemAnnotation.safeParse(a).error).toBeUndefined();
  expect(annotations.find((a) => a.itemNo === 1)).toMatchObject({ note: '已召开专题会', followUp: '2024-04-01', status: 'in_progress' });
  expect('followUp' in annotations.find((a) => a.itemNo === 22)!).toBe(false);

  const history = await db.history.toArray();
  expect(history.map(({ id: _id, ...h }) => h)).toEqual(V1_HISTORY);
  for (const h of history) expect(HistoryEntry.safeParse(h).error).toBeUndefined();
  for (const n of await db.notices.toArray()) expect(NoticeSchema.safeParse(n).error).toBeUndefined();

  // The version-2 follow-up index works on upgraded rows.
  expect(await db.annotations.where('followUp').equals('2024-04-01').count()).toBe(1);
  db.close();
});

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
  expect(db.verno).toBeGreaterThanOrEqual(4);
  expect(await db.historyPacks.toArray()).toEqual([{ id: 1, noticeKey: 'K', at: 5, entries }]);
  expect(await db.restorePoints.count()).toBe(0);
  db.close();
});
