import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_PAGE } from '../../tests/fixtures/seed-dump';
import { recogniseNotice } from '../notice/recognise';
import type { Notice } from '../notice/types';
import { isTrustedSender } from '../protocol';
import { isOfficialUrl } from '../notice/notice-key';
import { DubanDatabase } from './database';
import { createService } from './service';

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
  await Dexie.delete('duban-test');
  db = new DubanDatabase('duban-test');
});
afterEach(() => db.close());

describe('the background service', () => {
  it('keeps one notice across URL variants, keyed by its 文号', async () => {
    const { handle } = createService(db, now);
    const a = await handle('openNotice', seedNotice());
    const b = await handle('openNotice', seedNotice('http://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html?from=wx'));
    expect(a).toMatchObject({ ok: true, value: { noticeKey: '拱政办发〔2024〕2号' } });
    expect(b).toMatchObject({ ok: true, value: { noticeKey: '拱政办发〔2024〕2号' } });
    const record = await db.notices.get('拱政办发〔2024〕2号');
    expect(record?.urls).toHaveLength(2);
    expect(record?.items).toHaveLength(156);
  });

  it('saves edits, answers them on the next open, and logs each change in history', async () => {
    const { handle } = createService(db, now);
    const notice = seedNotice();
    const key = '拱政办发〔2024〕2号';
    const fp = notice.items[4].fingerprint;
    await handle('openNotice', notice);
    expect(await handle('saveAnnotation', { noticeKey: key, itemNo: 5, fingerprint: fp, status: 'in_progress' })).toMatchObject({ ok: true });
    clock += 1000;
    await handle('saveAnnotation', { noticeKey: key, itemNo: 5, fingerprint: fp, note: '一季度 GDP 增长 5.8%', followUp: '2024-04-15' });
    clock += 1000;
    await handle('saveAnnotation', { noticeKey: key, itemNo: 5, fingerprint: fp, status: 'done', followUp: null });

    const opened = await handle('openNotice', notice);
    expect(opened.ok && opened.value.annotations).toEqual([
      expect.objectContaining({ itemNo: 5, status: 'done', note: '一季度 GDP 增长 5.8%', createdAt: 1_700_000_000_000, updatedAt: clock }),
    ]);
    expect(opened.ok && 'followUp' in opened.value.annotations[0]).toBe(false);

    const history = await handle('getItemHistory', { noticeKey: key, itemNo: 5 });
    expect(history.ok && history.value.map((h) => [h.field, h.from, h.to])).toEqual([
      ['created', undefined, undefined],
      ['status', 'not_started', 'in_progress'],
      ['note', 0, 15],
      ['followUp', null, '2024-04-15'],
      ['status', 'in_progress', 'done'],
      ['followUp', '2024-04-15', null],
    ]);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const { handle } = createService(db, now);
    await handle('saveAnnotation', { noticeKey: 'k', itemNo: 1, fingerprint: 'f', status: 'done' });
    const before = await db.history.count();
    await handle('saveAnnotation', { noticeKey: 'k', itemNo: 1, fingerprint: 'f', status: 'done' });
    expect(await db.history.count()).toBe(before);
  });

  it('refuses malformed requests with a message naming the field, and writes nothing', async () => {
    const { handle } = createService(db, now);
    const bad = [
      { noticeKey: 'k', itemNo: 1, fingerprint: 'f', status: 'finished' },
      { noticeKey: 'k', itemNo: '1', fingerprint: 'f' },
      { noticeKey: 'k', itemNo: 1, fingerprint: 'f', followUp: '2024-02-30' },
      { noticeKey: 'k', itemNo: 1, fingerprint: 'f', progress: 140 },
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

describe('who may talk to the background', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const trusted = (s: Parameters<typeof isTrustedSender>[0]) => isTrustedSender(s, id, isOfficialUrl);
  it('accepts duban pages and its content scripts on the official site', () => {
    expect(trusted({ id, url: `chrome-extension://${id}/popup.html` })).toBe(true);
    expect(trusted({ id, url: URL_, tab: { id: 3, url: URL_ } })).toBe(true);
  });
  it('refuses other extensions, other hosts and look-alike hosts', () => {
    expect(trusted({ id: 'other', url: `chrome-extension://other/popup.html` })).toBe(false);
    expect(trusted({ id, url: 'https://example.com/art/1.html', tab: { id: 3, url: 'https://example.com/art/1.html' } })).toBe(false);
    expect(trusted({ id, url: 'https://www.gongshu.gov.cn.evil.com/art/1.html', tab: { id: 3 } })).toBe(false);
    expect(trusted({ id, url: 'https://www.gongshu.gov.cn/col/1.html', tab: { id: 3 } })).toBe(false);
    expect(trusted({})).toBe(false);
  });
});
