import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTICE_A, NOTICE_B, NOTICE_C } from '../../tests/fixtures/overview-rows';
import { writeRecords } from '../../lib/db/records';
import { DubanDatabase } from '../../lib/db/database';
import { createService } from './router';
import { DEFAULT_SORT, expandOverview, sortRows, type OverviewData } from '../../lib/followup/overview';

let db: DubanDatabase;
beforeEach(async () => {
  await Dexie.delete('duban-followup-service-test');
  db = new DubanDatabase('duban-followup-service-test');
});
afterEach(() => db.close());

describe('getOverview', () => {
  it('answers every item of each annotated notice, joined with its text; items nobody annotated say so', async () => {
    await db.notices.bulkPut([NOTICE_A, NOTICE_B]);
    const { handle } = createService(db, () => 1000);
    await handle('saveAnnotation', { noticeKey: NOTICE_A.key, itemKey: '3', fingerprint: 'a3', status: 'behind', followUp: '2024-07-01' });
    await handle('saveAnnotation', { noticeKey: NOTICE_B.key, itemKey: '1', fingerprint: 'b1', note: '年初谋划' });
    const res = await handle('getOverview', {});
    expect(res.ok).toBe(true);
    const rows = res.ok ? expandOverview(res.value as OverviewData) : [];
    expect(rows.map((r) => [r.noticeKey, r.itemKey, r.leader, r.status])).toEqual([
      [NOTICE_A.key, '3', '黄飞常务副区长', 'behind'],
      [NOTICE_B.key, '1', '冯晶区长', 'not_started'],
      [NOTICE_A.key, '1', '冯晶区长', 'not_started'],
      [NOTICE_A.key, '2', '冯晶区长', 'not_started'],
      [NOTICE_A.key, '4', '黄飞常务副区长', 'not_started'],
    ]);
    expect(rows.map((r) => r.noUpdate ?? false)).toEqual([false, false, true, true, true]);
    expect(rows[2]).toMatchObject({ fingerprint: 'a1', note: '', text: NOTICE_A.items[0].text });
    expect(rows[0].text).toContain('城市大脑');
    expect(rows[1]).toMatchObject({ docNo: NOTICE_B.docNo, year: 2025, url: NOTICE_B.sourceUrl, noticeTitle: NOTICE_B.title });
  });
  it("answers a first screen of the whole answer's first rows, leaving the count to the whole answer", async () => {
    // As duban writes notices: with their digests. NOTICE_C is known but nobody annotated it.
    await db.transaction('rw', db.tables, () => writeRecords(db, { notices: [NOTICE_A, NOTICE_B, NOTICE_C] }));
    const { handle } = createService(db, () => 1000);
    await handle('saveAnnotation', { noticeKey: NOTICE_A.key, itemKey: '1', fingerprint: 'a1', status: 'behind' });
    await handle('saveAnnotation', { noticeKey: NOTICE_A.key, itemKey: '3', fingerprint: 'a3', note: '已开工' });
    await handle('saveAnnotation', { noticeKey: NOTICE_B.key, itemKey: '1', fingerprint: 'b1', note: '年初谋划' });
    const all = await handle('getOverview', {});
    const whole = all.ok ? (all.value as OverviewData) : undefined;
    const rows = whole ? expandOverview(whole) : [];
    expect(rows).toHaveLength(NOTICE_A.items.length + NOTICE_B.items.length);
    expect(whole?.total).toBe(rows.length);
    const ids = new Set(rows.map((r) => `${r.noticeKey} ${r.itemKey} ${r.status} ${r.note}`));
    for (const limit of [1, 2]) {
      const first = await handle('getOverview', { limit });
      const screen = first.ok ? (first.value as OverviewData) : undefined;
      // Not a guess: the overview says 载入中… until the whole answer counts the rows.
      expect(screen?.total, `limit ${limit}`).toBeNull();
      const shown = screen ? expandOverview(screen) : [];
      expect(shown.length).toBeGreaterThanOrEqual(limit);
      for (const r of shown) expect(ids.has(`${r.noticeKey} ${r.itemKey} ${r.status} ${r.note}`)).toBe(true);
    }
  });

  it('answers as the first screen the rows the whole answer shows first: item 2 before item 10, unannotated items too', async () => {
    // Twelve items: the database orders their keys as text ('1', '10', '11', '12', '2' …).
    const long = {
      ...NOTICE_A,
      items: Array.from({ length: 12 }, (_, i) => ({ ...NOTICE_A.items[i % 4], key: String(i + 1), number: i + 1, fingerprint: `a${i + 1}` })),
    };
    await db.transaction('rw', db.tables, () => writeRecords(db, { notices: [long, NOTICE_B] }));
    const { handle } = createService(db, () => 1000);
    for (const n of [1, 2, 3, 5, 8, 9, 10, 11, 12]) await handle('saveAnnotation', { noticeKey: long.key, itemKey: String(n), fingerprint: `a${n}`, note: `第${n}项` });
    await handle('saveAnnotation', { noticeKey: NOTICE_B.key, itemKey: '1', fingerprint: 'b1', note: '年初谋划' });
    const order = (data: OverviewData) => sortRows(expandOverview(data), DEFAULT_SORT).map((r) => `${r.noticeKey} ${r.itemKey} ${r.note}`);
    const all = await handle('getOverview', {});
    const whole = order(all.ok ? (all.value as OverviewData) : { notices: [], items: [], total: 0 });
    for (const limit of [5, 12, 13]) {
      const first = await handle('getOverview', { limit });
      const screen = order(first.ok ? (first.value as OverviewData) : { notices: [], items: [], total: 0 });
      expect(screen.length, `limit ${limit}`).toBeGreaterThanOrEqual(limit);
      expect(screen, `limit ${limit}`).toEqual(whole.slice(0, screen.length));
    }
  });

  it('answers from memory until the database changes, whoever changes it', async () => {
    await db.notices.bulkPut([NOTICE_A]);
    const { handle } = createService(db, () => 1000);
    await handle('saveAnnotation', { noticeKey: NOTICE_A.key, itemKey: '1', fingerprint: 'a1', status: 'behind' });
    const first = await handle('getOverview', {});
    const second = await handle('getOverview', {});
    expect(second.ok && second.value).toBe(first.ok && first.value); // the same object: from memory
    const items = async () => {
      const r = await handle('getOverview', {});
      return r.ok ? (r.value as OverviewData).items.map((i) => `${i.itemKey}:${i.status}`) : [];
    };
    // A save through the service (Dexie) drops the answer.
    await handle('saveAnnotation', { noticeKey: NOTICE_A.key, itemKey: '1', fingerprint: 'a1', status: 'done' });
    expect(await items()).toEqual(['1:done', '2:not_started', '3:not_started', '4:not_started']);
    // A write to the meta table does not.
    const before = await handle('getOverview', {});
    await db.meta.put({ key: 'x', value: 1 });
    const after = await handle('getOverview', {});
    expect(after.ok && after.value).toBe(before.ok && before.value);
    // A write made around Dexie (plain IndexedDB) is caught by the stamp.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('duban-followup-service-test');
      open.onsuccess = () => {
        const tx = open.result.transaction('annotations', 'readwrite');
        tx.objectStore('annotations').put({ noticeKey: NOTICE_A.key, itemKey: '2', status: 'paused', note: '', fingerprint: 'a2', createdAt: 5, updatedAt: 5 });
        tx.oncomplete = () => (open.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    expect(await items()).toEqual(['1:done', '2:paused', '3:not_started', '4:not_started']);
  });
  it('refuses a malformed request', async () => {
    const { handle } = createService(db);
    expect(await handle('getOverview', 'all')).toMatchObject({ ok: false });
  });
});
