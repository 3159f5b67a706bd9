// A web page opens its notice at its own URL and can never claim to be an attachment's notice:
// only duban's viewer names a cover page, else a page could open another site's attachment notes.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DubanDatabase } from '../../lib/db/database';
import { dispose, freshDb, SEED_KEY, SEED_URL, seedNotice } from '../../lib/transfer/test/fixtures';
import { createService } from './router';
import { createTabHandlers } from './tab-handlers';
import type { TabBindings } from './tab-bindings';
import type { EditorPorts } from './editor-ports';

let db: DubanDatabase;
beforeEach(async () => {
  db = await freshDb('tab-handlers');
});
afterEach(() => dispose(db));

it('keys a web page’s notice by the page, whatever attachment and cover its message names', async () => {
  const bound: unknown[] = [];
  const bindings = { set: async (_tab: number, b: unknown) => void bound.push(b) } as unknown as TabBindings;
  const tabs = createTabHandlers(createService(db), bindings, {} as EditorPorts, async () => {});
  const claim = { ...seedNotice(), attachment: { title: '分解表', cover: 'http://www.other.gov.cn/art/1.html' } };
  const r = await tabs.handle('openNotice', claim, { tabId: 1, frameId: 0, url: SEED_URL });
  expect(r).toMatchObject({ ok: true, value: { noticeKey: SEED_KEY } });
  expect((await db.notices.get(SEED_KEY))?.attachment).toBeUndefined();
  expect(await db.notices.count()).toBe(1);
});

it('binds the tab to the items with the fingerprints the background made, where the page sent none', async () => {
  const bound: { items: { key: string; fingerprint: string }[] }[] = [];
  const bindings = { set: async (_tab: number, b: (typeof bound)[number]) => void bound.push(b) } as unknown as TabBindings;
  const tabs = createTabHandlers(createService(db), bindings, {} as EditorPorts, async () => {});
  const notice = seedNotice();
  const sent = { ...notice, items: notice.items.map((i) => ({ ...i, fingerprint: '' })) };
  const r = await tabs.handle('openNotice', sent, { tabId: 1, frameId: 0, url: SEED_URL });
  expect(r.ok).toBe(true);
  const made = (await db.notices.get(SEED_KEY))!.items.map((i) => ({ key: i.key, fingerprint: i.fingerprint }));
  expect(made.every((i) => i.fingerprint.length === 14)).toBe(true);
  expect(bound[0]!.items).toEqual(made);
});
