// Version 11: a database as version 10 wrote it (an attachment's notice keyed by a 文号 field made
// of the cover's 文号, issuer and the title, at the file's host; the kept file under that field)
// opens with the notice under its key of today, the cover's 文号 at the cover's site plus the
// title, and nothing lost: notes, history (own and in packs), the restore point (still undoable),
// reminded days, the kept file; the viewer then opens it with its notes.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../../entrypoints/background/router';
import { itemRef } from '../annotation/item-ref';
import { ItemAnnotation } from '../annotation/model';
import { noticeKey } from '../notice/notice-key';
import { deriveDigests } from '../summary/digests';
import { seedNotice } from '../transfer/test/fixtures';
import { keptAttachment } from './attachments';
import { DubanDatabase, NOTICE_KEY_MOVES_META_KEY, REMINDED_META_KEY } from './database';
import { getMeta } from './meta';
import { V10_STORES } from '../../tests/fixtures/db-stores';

const NAME = 'duban-attachment-keys-test';
beforeEach(() => Dexie.delete(NAME));
afterEach(() => Dexie.delete(NAME));


describe('a version-10 database with notices read from attachments', () => {
  const COVER = { url: 'http://www.zhonglou.gov.cn/art/2021/3/18/art_1229_3251.html', title: '关于印发分解表的通知', docNo: '常钟政办〔2021〕3号', issuer: '常州市钟楼区人民政府办公室' };
  const DOWNLOAD = 'http://www.zhonglou.gov.cn/module/download/downfile.jsp?classid=0&filename=2103181620.docx';
  const TITLE = '1.2021年重大民生实事项目目标任务责任分解表';
  // What version 10 made of them.
  const OLD_FIELD = `${COVER.docNo} ${COVER.issuer} 附件：2021年重大民生实事项目目标任务责任分解表`;
  const OLD = `${OLD_FIELD}@www.zhonglou.gov.cn`;
  const NEW = '常钟政办〔2021〕3号@www.zhonglou.gov.cn 附件：2021年重大民生实事项目目标任务责任分解表';
  // A file from disk with its own 文号: its key stays, it gets its attachment.
  const LOCAL_FIELD = '高政字〔2024〕5号 附件：分解表';
  const seed = seedNotice();
  const items = seed.items.slice(0, 3);
  const notice = (key: string, docNo: string, sourceUrl: string) => ({ key, ...seed, docNo, issuer: '别的', items, sourceUrl, urls: [sourceUrl], firstSeenAt: 1, lastSeenAt: 2 });
  const ann = (key: string, itemKey: string, fields: object = {}) => ({
    noticeKey: key, itemKey, fingerprint: items.find((i) => i.key === itemKey)!.fingerprint, status: 'in_progress', note: `备注${itemKey}`, createdAt: 1, updatedAt: 2, ...fields,
  });
  const at = 1_709_800_060_000;
  const file = (noticeKey: string, url: string, title: string, cover?: typeof COVER) => ({ noticeKey, url, title, ...(cover && { cover }), kind: 'docx', size: 3, bytes: new Blob([new Uint8Array([1, 2, 3])]), savedAt: 5 });

  async function writeV10(): Promise<void> {
    const v10 = new Dexie(NAME);
    v10.version(10).stores(V10_STORES);
    await v10.table('notices').bulkPut([notice(OLD, OLD_FIELD, DOWNLOAD), notice(LOCAL_FIELD, LOCAL_FIELD, 'file:///a.docx')]);
    await v10.table('annotations').bulkPut([ann(OLD, '1', { followUp: '2024-04-01' }), ann(OLD, '2'), ann(LOCAL_FIELD, '1')]);
    await v10.table('history').add({ noticeKey: OLD, itemKey: '1', at, field: 'status', from: 'not_started', to: 'in_progress' });
    await v10.table('historyPacks').add({ noticeKey: OLD, at, entries: [{ noticeKey: OLD, itemKey: '2', at, field: 'import', from: null, to: 'created' }] });
    const id = await v10.table('restorePoints').add({
      at, notices: [{ key: OLD, before: null, after: notice(OLD, OLD_FIELD, DOWNLOAD) }], annotations: [{ key: [OLD, '2'], before: ann(OLD, '2', { note: '导入前' }), after: ann(OLD, '2') }], packIds: [1],
    });
    await v10.table('meta').bulkPut([
      { key: 'importUndoStack', value: [{ id, at, counts: { new: 0, updated: 1, unchanged: 0, conflict: 0 } }] },
      { key: REMINDED_META_KEY, value: { [itemRef(OLD, '1')]: '2024-04-01' } },
    ]);
    await v10.table('attachments').bulkPut([file(OLD_FIELD, DOWNLOAD, TITLE, COVER), file(LOCAL_FIELD, 'file:///a.docx', '分解表')]);
    v10.close();
  }

  it('moves the notice, its notes, history, packs, restore point, reminded day and kept file to the cover’s key', async () => {
    await writeV10();
    const db = new DubanDatabase(NAME);
    await db.open();
    expect((await db.notices.toArray()).map((n) => n.key).sort()).toEqual([LOCAL_FIELD, NEW].sort());
    const moved = (await db.notices.get(NEW))!;
    expect(moved).toMatchObject({ docNo: COVER.docNo, issuer: COVER.issuer, sourceUrl: DOWNLOAD, attachment: { title: TITLE, cover: COVER.url } });
    expect(noticeKey(moved)).toBe(NEW);
    expect((await db.notices.get(LOCAL_FIELD))!).toMatchObject({ docNo: '高政字〔2024〕5号', attachment: { title: '分解表' } });
    expect((await db.annotations.toArray()).map((a) => [a.noticeKey, a.itemKey, a.note, a.followUp])).toEqual([
      [NEW, '1', '备注1', '2024-04-01'], [NEW, '2', '备注2', undefined], [LOCAL_FIELD, '1', '备注1', undefined],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    for (const a of await db.annotations.toArray()) expect(ItemAnnotation.safeParse(a).error).toBeUndefined();
    expect((await db.history.toArray()).map((h) => h.noticeKey)).toEqual([NEW]);
    expect((await db.historyPacks.toArray()).map((p) => [p.noticeKey, p.entries.map((e) => e.noticeKey)])).toEqual([[NEW, [NEW]]]);
    expect(await getMeta(db, REMINDED_META_KEY)).toEqual({ [itemRef(NEW, '1')]: '2024-04-01' });
    expect(await getMeta(db, NOTICE_KEY_MOVES_META_KEY)).toEqual({ [OLD]: NEW });
    expect((await keptAttachment(db, NEW))?.cover).toEqual(COVER);
    expect(await keptAttachment(db, LOCAL_FIELD)).toBeDefined();
    expect(await db.attachments.count()).toBe(2);
    const digests = deriveDigests(await db.notices.toArray(), await db.annotations.toArray());
    expect((await db.summaryDigests.toArray()).map((d) => d.key).sort()).toEqual(digests.summaries.map((d) => d.key).sort());
    db.close();
  });

  it('still undoes the import made before, and the viewer’s notice opens with its notes', async () => {
    await writeV10();
    const db = new DubanDatabase(NAME);
    await db.open();
    const service = createService(db, () => 1_709_900_000_000);
    expect(await service.handle('undoLastImport', { id: 1 })).toMatchObject({ ok: true });
    expect((await db.annotations.get([NEW, '2']))!.note).toBe('导入前');
    // What the viewer sends for the same attachment today: the cover's 文号 and issuer, the file's URL.
    const opened = await service.handle('openNotice', { ...seed, items, docNo: COVER.docNo, issuer: COVER.issuer, sourceUrl: DOWNLOAD, attachment: { title: TITLE, cover: COVER.url } });
    expect(opened).toMatchObject({ ok: true, value: { noticeKey: NEW } });
    expect(opened.ok && opened.value.annotations.map((a) => [a.itemKey, a.note])).toEqual([['1', '备注1'], ['2', '导入前']]);
    db.close();
  });
});
