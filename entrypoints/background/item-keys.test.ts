/**
 * Items known by key through the real router and database: a notice whose numbering starts again
 * in each section keeps one annotation per item, and a file written before keys imports by key.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DubanDatabase } from '../../lib/db/database';
import type { Notice, NoticeItem } from '../../lib/notice/types';
import { createService } from './router';

const NAME = 'duban-item-keys-test';
const URL_ = 'https://www.gongshu.gov.cn/art/2025/2/1/art_1229290402_5000001.html';
const DOC_NO = '拱政办发〔2025〕3号';
/** Today's keys (lib/notice/notice-key.ts) of the notice below and of the seed. */
const KEY = `${DOC_NO}@www.gongshu.gov.cn`;
const SEED = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
let db: DubanDatabase;
let clock = 1_740_000_000_000;
const now = () => clock;

beforeEach(async () => {
  await Dexie.delete(NAME);
  db = new DubanDatabase(NAME);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(NAME);
});

const item = (key: string, number: number, section: number, text: string): NoticeItem => ({
  key, number, text, section, units: [{ name: section === 1 ? '区发改局' : '区建设局', lead: true }], fingerprint: `fp-${key}`,
});

/** Numbering starts again under 二、: two items printed "1." are 一、1. and 二、1. */
const restarting: Notice = {
  docNo: DOC_NO,
  title: '2025年区政府工作报告重点工作责任分解',
  year: 2025,
  sourceUrl: URL_,
  sections: [
    { ordinal: 1, leader: '王明区长', heading: '一、王明区长牵头工作' },
    { ordinal: 2, leader: '李华副区长', heading: '二、李华副区长牵头工作' },
  ],
  items: [item('一、1.', 1, 1, '推进城市更新。'), item('一、2.', 2, 1, '发展数字经济。'), item('二、1.', 1, 2, '建设保障性住房。')],
  gaps: [],
};

describe('a notice whose numbering restarts in each section', () => {
  it('keeps one annotation and one history per item, though two share the printed number 1', async () => {
    const { handle } = createService(db, now);
    expect(await handle('openNotice', restarting)).toMatchObject({ ok: true, value: { noticeKey: KEY } });
    clock += 1000;
    expect(await handle('saveAnnotation', { noticeKey: KEY, itemKey: '一、1.', fingerprint: 'fp-一、1.', note: '第一部分第1项', status: 'in_progress' })).toMatchObject({ ok: true });
    clock += 1000;
    expect(await handle('saveAnnotation', { noticeKey: KEY, itemKey: '二、1.', fingerprint: 'fp-二、1.', note: '第二部分第1项', status: 'done' })).toMatchObject({ ok: true });

    expect(await db.annotations.count()).toBe(2);
    const opened = await handle('openNotice', restarting);
    expect(opened.ok && opened.value.annotations.map((a) => [a.itemKey, a.note, a.status])).toEqual([
      ['一、1.', '第一部分第1项', 'in_progress'],
      ['二、1.', '第二部分第1项', 'done'],
    ]);
    const history = await handle('getItemHistory', { noticeKey: KEY, itemKey: '二、1.' });
    expect(history.ok && history.value.map((h) => [h.itemKey, h.field])).toEqual([['二、1.', 'created'], ['二、1.', 'status'], ['二、1.', 'note']]);

    // The overview lists both, each with its own text, then the item nobody annotated.
    const overview = await handle('getOverview', {});
    expect(overview.ok && overview.value.items.map((r) => [r.itemKey, r.text, r.noUpdate ?? false])).toEqual([
      ['一、1.', '推进城市更新。', false],
      ['二、1.', '建设保障性住房。', false],
      ['一、2.', '发展数字经济。', true],
    ]);
  });

  it('exports each item by its key, and the file imports into another database as two items', async () => {
    const { handle } = createService(db, now);
    await handle('openNotice', restarting);
    await handle('saveAnnotation', { noticeKey: KEY, itemKey: '二、1.', fingerprint: 'fp-二、1.', note: '乙' });
    await handle('saveAnnotation', { noticeKey: KEY, itemKey: '一、1.', fingerprint: 'fp-一、1.', note: '甲' });

    const json = await handle('exportAnnotations', { format: 'json' });
    if (!json.ok) throw new Error(json.error);
    const file = JSON.parse(json.value.text);
    expect(file.version).toBe(4);
    expect(file.notices[0].items.map((i: { itemKey: string; note: string }) => [i.itemKey, i.note])).toEqual([['一、1.', '甲'], ['二、1.', '乙']]);
    const csv = await handle('exportAnnotations', { format: 'csv' });
    expect(csv.ok && csv.value.text).toMatch(/,一、1\.,[^\n]*甲[\s\S]*,二、1\.,[^\n]*乙/);
    const ld = await handle('exportAnnotations', { format: 'jsonld' });
    expect(ld.ok && JSON.parse(ld.value.text).first.items.map((a: { id: string }) => a.id)).toEqual([
      `urn:duban:annotation:${encodeURIComponent(KEY)}:${encodeURIComponent('一、1.')}`,
      `urn:duban:annotation:${encodeURIComponent(KEY)}:${encodeURIComponent('二、1.')}`,
    ]);

    const other = new DubanDatabase(`${NAME}-other`);
    try {
      const r = await createService(other, now).handle('applyImport', { text: json.value.text });
      expect(r).toMatchObject({ ok: true, value: { counts: { new: 2 } } });
      expect((await other.annotations.toArray()).map((a) => [a.itemKey, a.note])).toEqual([['一、1.', '甲'], ['二、1.', '乙']]);
    } finally {
      other.close();
      await Dexie.delete(`${NAME}-other`);
    }
  });
});

describe('a file written before items had keys (version 1, itemNo)', () => {
  const v1File = JSON.stringify({
    format: 'duban-annotations',
    version: 1,
    exportedAt: '2024-04-01T00:00:00.000Z',
    notices: [{
      key: '拱政办发〔2024〕2号',
      docNo: '拱政办发〔2024〕2号',
      url: 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html',
      title: '2024年区政府工作报告重点工作责任分解',
      items: [
        { itemNo: 12, fingerprint: 'fp12', text: '第12项。', section: 1, units: ['区发改经信局'], status: 'behind', note: '旧文件的备注', followUp: '2024-04-02', createdAt: '2024-03-08T00:00:00.000Z', updatedAt: '2024-03-09T00:00:00.000Z', history: [{ at: '2024-03-09T00:00:00.000Z', field: 'status', from: 'not_started', to: 'behind' }] },
        { itemNo: 3, fingerprint: 'fp3', status: 'done', note: '', createdAt: '2024-03-08T00:00:00.000Z', updatedAt: '2024-03-08T00:00:00.000Z' },
      ],
    }],
  });

  it('imports every item by its key, with its history, into the same notice', async () => {
    const { handle } = createService(db, now);
    const r = await handle('applyImport', { text: v1File });
    expect(r).toMatchObject({ ok: true, value: { counts: { new: 2 } } });
    // The file's key, the 文号 alone, is the notice's key today (its 文号 at its site): its notes land on the notice the page opens.
    expect(await db.annotations.get([SEED, '12'])).toMatchObject({ itemKey: '12', status: 'behind', note: '旧文件的备注', followUp: '2024-04-02' });
    expect(await db.annotations.get([SEED, '3'])).toMatchObject({ itemKey: '3', status: 'done' });
    const history = await handle('getItemHistory', { noticeKey: SEED, itemKey: '12' });
    expect(history.ok && history.value.filter((h) => h.field === 'status').map((h) => [h.itemKey, h.from, h.to])).toEqual([['12', 'not_started', 'behind']]);
    expect((await db.notices.get(SEED))!.items.map((i) => [i.key, i.number, i.text])).toEqual([['12', 12, '第12项。']]);
    // Importing the same file again changes nothing.
    expect(await handle('applyImport', { text: v1File })).toMatchObject({ ok: true, value: { counts: { new: 0, unchanged: 2 } } });
  });

  it('refuses an old file whose item number is no key, and writes nothing', async () => {
    const { handle } = createService(db, now);
    const bad = v1File.replace('"itemNo":3', '"itemNo":0');
    const r = await handle('previewImport', { text: bad });
    expect(r.ok).toBe(false);
    expect(await db.annotations.count()).toBe(0);
  });
});
