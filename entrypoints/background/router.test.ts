import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_PAGE } from '../../tests/fixtures/seed-dump';
import { recogniseNotice } from '../../lib/notice/recognise';
import type { Notice } from '../../lib/notice/types';
import { checkAccess, senderKind, type SenderInfo } from '../../lib/protocol';
import { isOfficialUrl } from '../../lib/notice/notice-key';
import { DubanDatabase } from '../../lib/db/database';
import { createService } from './router';

const URL_ = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html';
function seedNotice(url = URL_): Notice {
  const r = recogniseNotice(parseHTML(readFileSync(SEED_PAGE, 'utf8')).document as unknown as Document, { url });
  if (!r.ok) throw new Error(r.reason);
  return r.notice;
}

let db: DubanDatabase;
let clock = 1_700_000_000_000;
const now = () => clock;

beforeEach(async () => {
  clock = 1_700_000_000_000;
  await Dexie.delete('duban-test');
  db = new DubanDatabase('duban-test');
});
afterEach(() => db.close());

describe('the background service', () => {
  it('keeps one notice across URL variants, keyed by its 文号 at its site', async () => {
    const { handle } = createService(db, now);
    const a = await handle('openNotice', seedNotice());
    const b = await handle('openNotice', seedNotice('http://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html?from=wx'));
    expect(a).toMatchObject({ ok: true, value: { noticeKey: '拱政办发〔2024〕2号@www.gongshu.gov.cn' } });
    expect(b).toMatchObject({ ok: true, value: { noticeKey: '拱政办发〔2024〕2号@www.gongshu.gov.cn' } });
    const record = await db.notices.get('拱政办发〔2024〕2号@www.gongshu.gov.cn');
    expect(record?.urls).toHaveLength(2);
    expect(record?.items).toHaveLength(156);
  });

  it('answers a page that sends its notice again as stored, with the notes saved since, and sees a notice written since', async () => {
    const { openNotice, handle } = createService(db, now);
    const notice = seedNotice();
    const key = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
    expect(await openNotice(notice)).toMatchObject({ ok: true, value: { noticeKey: key, annotations: [], revision: null } });
    expect(await openNotice(notice)).toMatchObject({ ok: true, value: { noticeKey: key, revision: null } });
    await handle('saveAnnotation', { noticeKey: key, itemKey: '5', fingerprint: notice.items[4].fingerprint, note: '已开工' });
    const again = await openNotice(notice);
    expect(again.ok && again.value.annotations.map((a) => [a.itemKey, a.note])).toEqual([['5', '已开工']]);
    // Another text stored for the notice meanwhile (the user accepted a revision, an import):
    // the same page now differs from it, and says so.
    const stored = (await db.notices.get(key))!;
    await db.notices.put({ ...stored, items: stored.items.map((i, n) => (n === 2 ? { ...i, text: `${i.text}（修订）`, fingerprint: 'changed' } : i)) });
    const after = await openNotice(notice);
    expect(after.ok && after.value.revision?.differs).toEqual([notice.items[2].key]);
  });

  it('fingerprints the items a page sends without them, stores and answers those, and keeps fingerprints sent', async () => {
    const { openNotice } = createService(db, now);
    const read = seedNotice();
    const unprinted = recogniseNotice(parseHTML(readFileSync(SEED_PAGE, 'utf8')).document as unknown as Document, { url: URL_, fingerprints: false });
    if (!unprinted.ok) throw new Error(unprinted.reason);
    expect(unprinted.notice.items.every((i) => i.fingerprint === '')).toBe(true);
    const key = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
    const first = await openNotice(unprinted.notice);
    // What the page would have made itself, item for item.
    const made = read.items.map((i) => i.fingerprint);
    expect(new Set(made).size).toBeGreaterThan(150);
    expect(first.ok && first.value.fingerprints).toEqual(made);
    expect((await db.notices.get(key))!.items.map((i) => i.fingerprint)).toEqual(made);
    // Sent again as before: answered without a second check, with the same fingerprints.
    const again = await openNotice(unprinted.notice);
    expect(again.ok && again.value.fingerprints).toEqual(made);
    // A notice that carries its own keeps them.
    const own = { ...read, items: read.items.map((i, n) => (n === 0 ? { ...i, fingerprint: 'own-0' } : i)) };
    const answered = await openNotice(own);
    expect(answered.ok && answered.value.fingerprints[0]).toBe('own-0');
  });

  it('writes when a notice was last seen once an hour, though its page sends the same notice', async () => {
    const { openNotice } = createService(db, now);
    const notice = seedNotice();
    const key = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
    const first = clock;
    await openNotice(notice);
    await openNotice(notice);
    clock += 30 * 60 * 1000;
    await openNotice(notice);
    expect((await db.notices.get(key))?.lastSeenAt).toBe(first);
    clock += 31 * 60 * 1000;
    await openNotice(notice);
    expect((await db.notices.get(key))?.lastSeenAt).toBe(clock);
  });

  it('checks a notice sent again with anything changed as a new one: a forged item is refused', async () => {
    const { openNotice } = createService(db, now);
    const notice = seedNotice();
    await openNotice(notice);
    const forged = { ...notice, items: notice.items.map((i, n) => (n === 0 ? { ...i, key: '<script>' } : i)) };
    expect(await openNotice(forged)).toMatchObject({ ok: false });
  });

  it('saves edits, answers them on the next open, and logs each change in history', async () => {
    const { handle } = createService(db, now);
    const notice = seedNotice();
    const key = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
    const fp = notice.items[4].fingerprint;
    await handle('openNotice', notice);
    expect(await handle('saveAnnotation', { noticeKey: key, itemKey: '5', fingerprint: fp, status: 'in_progress' })).toMatchObject({ ok: true });
    clock += 1000;
    await handle('saveAnnotation', { noticeKey: key, itemKey: '5', fingerprint: fp, note: '一季度 GDP 增长 5.8%', followUp: '2024-04-15' });
    clock += 1000;
    await handle('saveAnnotation', { noticeKey: key, itemKey: '5', fingerprint: fp, status: 'done', followUp: null });

    const opened = await handle('openNotice', notice);
    expect(opened.ok && opened.value.annotations).toEqual([
      expect.objectContaining({ itemKey: '5', status: 'done', note: '一季度 GDP 增长 5.8%', createdAt: 1_700_000_000_000, updatedAt: clock }),
    ]);
    expect(opened.ok && 'followUp' in opened.value.annotations[0]).toBe(false);

    const history = await handle('getItemHistory', { noticeKey: key, itemKey: '5' });
    expect(history.ok && history.value.map((h) => [h.field, h.from, h.to])).toEqual([
      ['created', undefined, undefined],
      ['status', 'not_started', 'in_progress'],
      ['note', 0, 15],
      ['followUp', null, '2024-04-15'],
      ['status', 'in_progress', 'done'],
      ['followUp', '2024-04-15', null],
    ]);
  });

  it('tells open pages after an import, a batch and an undo have committed, not after a preview or a refused file', async () => {
    let told = 0;
    const { handle } = createService(db, now, { onRecordsReplaced: () => told++ });
    const notice = seedNotice();
    const key = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
    await handle('openNotice', notice);
    await handle('saveAnnotation', { noticeKey: key, itemKey: '5', fingerprint: notice.items[4].fingerprint, note: '一季度 GDP 增长 5.8%' });
    const exported = await handle('exportAnnotations', { format: 'json' });
    if (!exported.ok) throw new Error(exported.error);
    // The same item, changed later elsewhere.
    const file = JSON.parse(exported.value.text);
    const later = new Date(clock + 60_000).toISOString();
    Object.assign(file.notices[0].items[0], { note: '上半年 GDP 增长 6.1%', updatedAt: later, noteUpdatedAt: later });
    const text = JSON.stringify(file);
    await handle('previewImport', { text });
    await handle('previewImportBatch', { files: [{ fileName: 'a.json', text }] });
    expect(await handle('applyImport', { text: '{"not": "a duban file"}' })).toMatchObject({ ok: false });
    expect(told).toBe(0);
    expect(await handle('applyImport', { text })).toMatchObject({ ok: true });
    expect(told).toBe(1);
    const last = await handle('getLastImport', {});
    expect(await handle('undoLastImport', { id: (last as any).value.id })).toMatchObject({ ok: true });
    expect(told).toBe(2);
    expect(await handle('applyImportBatch', { files: [{ fileName: 'a.json', text }], importId: 'b1' })).toMatchObject({ ok: true });
    expect(told).toBe(3);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const { handle } = createService(db, now);
    await handle('saveAnnotation', { noticeKey: 'k', itemKey: '1', fingerprint: 'f', status: 'done' });
    const before = await db.history.count();
    await handle('saveAnnotation', { noticeKey: 'k', itemKey: '1', fingerprint: 'f', status: 'done' });
    expect(await db.history.count()).toBe(before);
  });

  it('refuses malformed requests with a message naming the field, and writes nothing', async () => {
    const { handle } = createService(db, now);
    const bad = [
      { noticeKey: 'k', itemKey: '1', fingerprint: 'f', status: 'finished' },
      { noticeKey: 'k', itemKey: 1, fingerprint: 'f' },
      { noticeKey: 'k', itemKey: '一、', fingerprint: 'f' },
      { noticeKey: 'k', itemKey: '1', fingerprint: 'f', followUp: '2024-02-30' },
      { noticeKey: 'k', itemKey: '1', fingerprint: 'f', progress: 140 },
      null,
    ];
    for (const data of bad) {
      const r = await handle('saveAnnotation', data);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/invalid request saveAnnotation: \S+/);
    }
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('history of one editing session', () => {
  const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
  const save = (handle: ReturnType<typeof createService>['handle'], fields: object, session?: string) => {
    clock += 500;
    return handle('saveAnnotation', { noticeKey: KEY, itemKey: '9', fingerprint: 'fp', ...fields, ...(session ? { session } : {}) });
  };
  const entries = async () => (await db.history.toArray()).filter((h) => h.field !== 'created').map((h) => [h.field, h.from, h.to]);

  it('is one entry per field: saves as typed fold together, a value put back leaves none', async () => {
    const { handle } = createService(db, now);
    // Status arrowed through 推进中 to 已完成; progress typed 4, 45; a note typed key by key.
    await save(handle, { status: 'in_progress' }, 'tab-a');
    await save(handle, { status: 'done' }, 'tab-a');
    await save(handle, { progress: 4 }, 'tab-a');
    await save(handle, { progress: 45 }, 'tab-a');
    for (const note of ['已', '已联', '已联系']) await save(handle, { note }, 'tab-a');
    expect(await entries()).toEqual([
      ['status', 'not_started', 'done'],
      ['progress', null, 45],
      ['note', 0, 3],
    ]);
    // A progress typed and put back (a value past 100 restores it) leaves no entry.
    await save(handle, { progress: 15 }, 'tab-a');
    await save(handle, { progress: 45 }, 'tab-a');
    expect(await entries()).toHaveLength(3);
  });

  it('keeps separate entries for another session, a save without one, and the same session later on', async () => {
    const { handle } = createService(db, now);
    await save(handle, { status: 'in_progress' }, 'tab-a');
    await save(handle, { status: 'done' }, 'tab-b');
    await save(handle, { status: 'behind' });
    clock += 3 * 60_000 + 1;
    await save(handle, { status: 'done' }, 'tab-b');
    expect(await entries()).toEqual([
      ['status', 'not_started', 'in_progress'],
      ['status', 'in_progress', 'done'],
      ['status', 'done', 'behind'],
      ['status', 'behind', 'done'],
    ]);
  });
});

describe('who may talk to the background', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const kind = (s: SenderInfo) => senderKind(s, id, isOfficialUrl);
  it('knows duban pages, its editor frame and its content scripts on the official site', () => {
    expect(kind({ id, url: `chrome-extension://${id}/popup.html` })).toBe('page');
    expect(kind({ id, url: `chrome-extension://${id}/overview.html`, frameId: 0, tab: { id: 4 } })).toBe('page');
    expect(kind({ id, url: URL_, frameId: 0, tab: { id: 3, url: URL_ } })).toBe('content');
    // use_dynamic_url: the editor's host is a per-session id, its sender id is duban's.
    expect(kind({ id, url: 'chrome-extension://0f3c9d2e-1111-2222-3333-444455556666/editor.html', frameId: 7, tab: { id: 3 } })).toBe('editor');
  });
  it('refuses other extensions, other hosts, look-alike hosts, subframes and framed duban pages', () => {
    expect(kind({ id: 'other', url: `chrome-extension://other/popup.html` })).toBe(null);
    expect(kind({ id, url: 'https://example.com/art/1.html', frameId: 0, tab: { id: 3, url: 'https://example.com/art/1.html' } })).toBe(null);
    expect(kind({ id, url: 'https://www.gongshu.gov.cn.evil.com/art/1.html', frameId: 0, tab: { id: 3 } })).toBe(null);
    expect(kind({ id, url: 'https://www.gongshu.gov.cn/col/1.html', frameId: 0, tab: { id: 3 } })).toBe(null);
    expect(kind({ id, url: URL_, frameId: 2, tab: { id: 3 } })).toBe(null);
    expect(kind({ id, url: `chrome-extension://${id}/overview.html`, frameId: 5, tab: { id: 3 } })).toBe(null);
    expect(kind({ id, url: `chrome-extension://${id}/editor.html`, frameId: 0, tab: { id: 3 } })).toBe(null);
    expect(kind({})).toBe(null);
  });
  it('lets a content script and the editor frame touch only the notice bound to their tab', () => {
    const save = { noticeKey: 'A', itemKey: '1', fingerprint: 'x', note: 'n' };
    expect(checkAccess('saveAnnotation', 'editor', save, 'A')).toBe(null);
    expect(checkAccess('saveAnnotation', 'editor', { ...save, noticeKey: 'B' }, 'A')).toMatch(/this tab's notice/);
    expect(checkAccess('saveAnnotation', 'editor', save, undefined)).toMatch(/no notice/);
    expect(checkAccess('getItemHistory', 'editor', { noticeKey: 'B', itemKey: '1' }, 'A')).toMatch(/this tab's notice/);
    // The content script only opens its notice and asks for the editor: it saves nothing itself.
    expect(checkAccess('saveAnnotation', 'content', save, 'A')).toMatch(/may not/);
    for (const name of ['getOverview', 'exportAnnotations', 'applyImport', 'previewImport', 'undoLastImport', 'getPopupSummary', 'openPage', 'acceptNoticeRevision', 'getNoticeRevisions'] as const) {
      expect(checkAccess(name, 'content', {}, 'A')).toMatch(/may not/);
      expect(checkAccess(name, 'editor', {}, 'A')).toMatch(/may not/);
      expect(checkAccess(name, 'page', {}, undefined)).toBe(null);
    }
    expect(checkAccess('saveAnnotation', 'page', { ...save, noticeKey: 'B' }, undefined)).toBe(null);
    expect(checkAccess('openNotice', 'page', {}, undefined)).toMatch(/may not/);
  });
  it('knows the document viewer in its own tab: it opens its notice like a content script and may do what pages do', () => {
    expect(kind({ id, url: `chrome-extension://${id}/viewer.html?src=x`, frameId: 0, tab: { id: 9 } })).toBe('viewer');
    // Framed, without a tab, or another extension's: not the viewer.
    expect(kind({ id, url: `chrome-extension://${id}/viewer.html`, frameId: 3, tab: { id: 9 } })).toBe(null);
    expect(kind({ id, url: `chrome-extension://${id}/viewer.html` })).toBe('page');
    expect(kind({ id: 'other', url: `chrome-extension://other/viewer.html`, frameId: 0, tab: { id: 9 } })).toBe(null);
    expect(checkAccess('openNotice', 'viewer', {}, undefined)).toBe(null);
    expect(checkAccess('openEditor', 'viewer', { itemKey: '1' }, 'A')).toBe(null);
    expect(checkAccess('getOverview', 'viewer', {}, undefined)).toBe(null);
    expect(checkAccess('saveAnnotation', 'viewer', { noticeKey: 'B' }, 'A')).toBe(null);
    // Only a content script on a cover page asks to open an attachment; the editor frame never.
    expect(checkAccess('openAttachment', 'content', {}, undefined)).toBe(null);
    expect(checkAccess('openAttachment', 'editor', {}, 'A')).toMatch(/may not/);
    expect(checkAccess('openAttachment', 'probe', {}, undefined)).toMatch(/may not/);
  });
});
