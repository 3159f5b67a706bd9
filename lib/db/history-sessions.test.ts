/**
 * History keeps the words: one entry per editing session of a field (until the field is left or
 * saves stop for a few minutes), with the text it replaced and the text it left, each status and
 * progress change its old and new value, all with their author; an item keeps at most
 * MAX_HISTORY_PER_ITEM entries, the oldest dropped first and counted.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../../entrypoints/background/router';
import { MAX_HISTORY_PER_ITEM } from '../annotation/status';
import { nameLocalAuthor } from './authors';
import { DubanDatabase } from './database';

const NAME = 'duban-history-sessions';
const K = '拱政办发〔2024〕2号';
let db: DubanDatabase;
let clock = Date.UTC(2026, 10, 20);
beforeEach(async () => {
  await Dexie.delete(NAME);
  db = new DubanDatabase(NAME);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(NAME);
});

const service = () => createService(db, () => clock);
const save = async (fields: object, after = 1000) => {
  clock += after;
  const r = await service().handle('saveAnnotation', { noticeKey: K, itemKey: '1', fingerprint: 'fp', session: 'ed-1', ...fields });
  if (!r.ok) throw new Error(r.error);
};
const history = async () => {
  const r = await service().handle('getItemHistory', { noticeKey: K, itemKey: '1' });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('history sessions', () => {
  it('keeps one entry per visit of the note field, with the text it replaced and the text it left', async () => {
    const me = await nameLocalAuthor(db, '张三', '区发改局', clock);
    await save({ note: '已召开', fieldVisit: 0 });
    await save({ note: '已召开专题会', fieldVisit: 0 });
    // The field was left: the next typing is another entry.
    await save({ note: '已召开专题会，方案待定', fieldVisit: 1 });
    await save({ note: '已召开专题会，方案已定', fieldVisit: 1 });
    const notes = (await history()).filter((h) => h.field === 'note');
    expect(notes.map((h) => [h.fromText, h.toText, h.from, h.to])).toEqual([
      ['', '已召开专题会', 0, 6],
      ['已召开专题会', '已召开专题会，方案已定', 6, 11],
    ]);
    for (const h of notes) expect(h).toMatchObject({ author: me.id, by: { name: '张三', unit: '区发改局', me: true } });
  });

  it('starts a new entry when saves stop for a few minutes, and drops a session that changed nothing', async () => {
    await save({ note: '第一稿', fieldVisit: 0 });
    await save({ note: '第二稿', fieldVisit: 0 }, 10 * 60_000);
    // Same length, other words: still a change.
    await save({ note: '第三稿', fieldVisit: 0 });
    await save({ note: '临时', fieldVisit: 1 });
    await save({ note: '第三稿', fieldVisit: 1 });
    expect((await history()).filter((h) => h.field === 'note').map((h) => [h.fromText, h.toText])).toEqual([
      ['', '第一稿'],
      ['第一稿', '第三稿'],
    ]);
  });

  it('records each status and progress change with its old and new value', async () => {
    await save({ status: 'in_progress', progress: 20, fieldVisit: 0 });
    await save({ status: 'done', fieldVisit: 1 });
    await save({ progress: 100, fieldVisit: 2 });
    const h = await history();
    expect(h.filter((e) => e.field !== 'created').map((e) => [e.field, e.from, e.to])).toEqual([
      ['status', 'not_started', 'in_progress'],
      ['progress', null, 20],
      ['status', 'in_progress', 'done'],
      ['progress', 20, 100],
    ]);
  });
});

describe('history cap', () => {
  it('keeps the newest entries of an item, and counts the oldest it dropped', async () => {
    const statuses = ['in_progress', 'done'] as const;
    const changes = MAX_HISTORY_PER_ITEM + 25;
    // Each change in its own field visit: one entry each (plus `created` for the first).
    for (let i = 0; i < changes; i++) await save({ status: statuses[i % 2], fieldVisit: i });
    const h = await history();
    expect(h).toHaveLength(MAX_HISTORY_PER_ITEM);
    const trimmed = h.filter((e) => e.field === 'trimmed');
    expect(trimmed).toHaveLength(1);
    expect(trimmed[0].to).toBe(changes + 1 - (MAX_HISTORY_PER_ITEM - 1));
    // The count stands where the dropped entries were: before every entry kept.
    expect(Math.max(...h.filter((e) => e.field !== 'trimmed').map((e) => e.at)) > trimmed[0].at).toBe(true);
    for (const e of h) if (e !== trimmed[0]) expect(e.at).toBeGreaterThan(trimmed[0].at);
    expect(h.at(-1)).toMatchObject({ field: 'status', to: statuses[(changes - 1) % 2] });
  });
});
