// A web page opens its notice at its own URL and can never claim to be an attachment's notice:
// only duban's viewer names a cover page, else a page could open another site's attachment notes.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DubanDatabase } from '../../lib/db/database';
import { dispose, freshDb, SEED_KEY, SEED_URL, seedNotice } from '../../lib/transfer/test/fixtures';
import { createService } from './router';
import { createTabHandlers } from './tab-handlers';
import type { TabBinding, TabBindings } from './tab-bindings';
import type { EditorPorts } from './editor-ports';
import { createPageMemory } from './page-memory';
import type { OpenedNotice, PeekedNotice } from '../../lib/protocol';
import type { Result } from '../../lib/util/result';

let db: DubanDatabase;
beforeEach(async () => {
  db = await freshDb('tab-handlers');
});
afterEach(() => dispose(db));

/** The service and the tab handlers wired as the worker wires them (./index.ts): every write reaches what a peek answers. */
function wiredTabs() {
  const bindings = { set: async () => {} } as unknown as TabBindings;
  const service = createService(db, Date.now, {
    onAnnotationSaved: (key, annotation) => tabs.annotationSaved(key, annotation),
    onRecordsReplaced: () => tabs.recordsReplaced(),
  });
  const tabs = createTabHandlers(service, bindings, {} as EditorPorts, async () => {});
  return { service, tabs };
}

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

it('tells where a notice was opened, once it is opened there (the browser runs the notice script there next time)', async () => {
  const opened: string[] = [];
  const bindings = { set: async () => {} } as unknown as TabBindings;
  const tabs = createTabHandlers(createService(db), bindings, {} as EditorPorts, async () => {}, (url) => opened.push(url));
  expect(await tabs.handle('openNotice', { items: [] }, { tabId: 1, frameId: 0, url: SEED_URL })).toMatchObject({ ok: false });
  expect(opened).toEqual([]);
  expect((await tabs.handle('openNotice', seedNotice(), { tabId: 1, frameId: 0, url: `${SEED_URL}?from=wx` })).ok).toBe(true);
  expect(opened).toEqual([`${SEED_URL}?from=wx`]);
});

it('tells where the notice script found no notice, by the page\'s address as the browser gives it (the browser stops running it there)', async () => {
  const gone: string[] = [];
  const tabs = createTabHandlers(createService(db), { set: async () => {} } as unknown as TabBindings, {} as EditorPorts, async () => {}, () => {}, undefined, (url) => gone.push(url));
  expect(await tabs.handle('noNoticeHere', { url: 'https://www.other.gov.cn/' }, { tabId: 1, frameId: 0, url: SEED_URL })).toMatchObject({ ok: false });
  expect(await tabs.handle('noNoticeHere', {}, { tabId: 1, frameId: 0, url: SEED_URL })).toEqual({ ok: true, value: true });
  expect(gone).toEqual([SEED_URL]);
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

it('keeps the quotes the page at the notice’s link sends after its rows are ready, for its tab’s notice only', async () => {
  const bound = new Map<number, TabBinding>();
  const bindings = {
    set: async (tab: number, b: TabBinding) => void bound.set(tab, b),
    get: async (tab: number) => bound.get(tab),
  } as unknown as TabBindings;
  const tabs = createTabHandlers(createService(db), bindings, {} as EditorPorts, async () => {});
  const notice = seedNotice();
  const quotes = notice.items.map((i) => ({ key: i.key, quote: i.quote! }));
  expect(quotes.every((q) => q.quote)).toBe(true);
  // No notice opened in the tab yet: refused.
  expect(await tabs.handle('saveNoticeQuotes', { quotes }, { tabId: 1, frameId: 0, url: SEED_URL })).toMatchObject({ ok: false });
  const sent = { ...notice, items: notice.items.map(({ quote: _q, ...i }) => i) };
  expect((await tabs.handle('openNotice', sent, { tabId: 1, frameId: 0, url: SEED_URL })).ok).toBe(true);
  expect((await db.notices.get(SEED_KEY))!.items.some((i) => i.quote)).toBe(false);
  expect(await tabs.handle('saveNoticeQuotes', { quotes }, { tabId: 1, frameId: 0, url: SEED_URL })).toEqual({ ok: true, value: true });
  expect((await db.notices.get(SEED_KEY))!.items.map((i) => i.quote)).toEqual(notice.items.map((i) => i.quote));
  // The same again writes nothing; a malformed quote is refused whole.
  expect(await tabs.handle('saveNoticeQuotes', { quotes }, { tabId: 1, frameId: 0, url: SEED_URL })).toEqual({ ok: true, value: false });
  const bad = [{ key: '1', quote: { ...quotes[0]!.quote, end: 1 } }];
  expect(await tabs.handle('saveNoticeQuotes', { quotes: bad }, { tabId: 1, frameId: 0, url: SEED_URL })).toMatchObject({ ok: false });
  expect((await db.notices.get(SEED_KEY))!.items[0]!.quote).toEqual(notice.items[0]!.quote);
});

it('peeks at the notice last opened at the sender’s own page only: its items as that page read, its annotations as saved now', async () => {
  const { service, tabs } = wiredTabs();
  const notice = seedNotice();
  const sent = { ...notice, items: notice.items.map((i) => ({ ...i, fingerprint: '' })) };
  // Nothing opened there yet: nothing to show before the page is read.
  expect(await tabs.handle('peekNotice', {}, { tabId: 1, frameId: 0, url: SEED_URL })).toEqual({ ok: true, value: null });
  const opened = (await tabs.handle('openNotice', sent, { tabId: 1, frameId: 0, url: SEED_URL })) as Result<OpenedNotice>;
  if (!opened.ok) throw new Error(opened.error);
  const saved = await service.handle('saveAnnotation', { noticeKey: SEED_KEY, itemKey: notice.items[2]!.key, fingerprint: opened.value.fingerprints[2]!, status: 'done', note: '已办结' });
  expect(saved).toMatchObject({ ok: true });
  // Another tab at the same page (a reload) is told; the items are the page's, with the fingerprints made for them.
  const peek = (await tabs.handle('peekNotice', {}, { tabId: 2, frameId: 0, url: SEED_URL })) as Result<PeekedNotice | null>;
  if (!peek.ok || !peek.value) throw new Error('no peek');
  expect(peek.value.noticeKey).toBe(SEED_KEY);
  expect(peek.value.items.map((i) => i.text)).toEqual(notice.items.map((i) => i.text));
  expect(peek.value.items.map((i) => i.fingerprint)).toEqual(opened.value.fingerprints);
  expect(peek.value.annotations).toMatchObject([{ itemKey: notice.items[2]!.key, status: 'done', note: '已办结' }]);
  // Any other page of the site, even one naming the same notice in its query, learns nothing.
  expect(await tabs.handle('peekNotice', {}, { tabId: 1, frameId: 0, url: `${SEED_URL}?from=wx` })).toEqual({ ok: true, value: null });
  expect(await tabs.handle('peekNotice', {}, { tabId: 1, frameId: 0, url: 'https://www.gongshu.gov.cn/art/2024/1/1/art_1_1.html' })).toEqual({ ok: true, value: null });
});

it('gives a page a preview of each note, and keeps what a peek answers in step with every write', async () => {
  const { service, tabs } = wiredTabs();
  const notice = seedNotice();
  const from = { tabId: 1, frameId: 0, url: SEED_URL };
  const first = (await tabs.handle('openNotice', notice, from)) as Result<OpenedNotice>;
  if (!first.ok) throw new Error(first.error);
  const [one, two] = notice.items;
  const long = `进展：${'已召开专题会，明确时间表。'.repeat(40)}`;
  const save = (itemKey: string, fields: object) =>
    service.handle('saveAnnotation', { noticeKey: SEED_KEY, itemKey, fingerprint: first.value.fingerprints[notice.items.findIndex((i) => i.key === itemKey)]!, ...fields });
  expect(await save(two!.key, { status: 'in_progress', note: long })).toMatchObject({ ok: true });
  expect(await save(one!.key, { status: 'done', note: '已办结' })).toMatchObject({ ok: true });
  // What an answer to the page (a peek, or openNotice's) carries of each annotation.
  const notes = (answer: unknown) => {
    const r = answer as Result<{ annotations: { itemKey: string; status: string; note: string }[] } | null>;
    return r.ok && r.value ? r.value.annotations.map((a) => [a.itemKey, a.status, a.note]) : r;
  };
  const preview = `${long.slice(0, 140)}…`;
  // The database keeps the whole note; the page's answers carry the row's preview, in item order.
  expect((await db.annotations.get([SEED_KEY, two!.key]))!.note).toBe(long);
  const expected = [[one!.key, 'done', '已办结'], [two!.key, 'in_progress', preview]];
  expect(notes(await tabs.handle('peekNotice', {}, from))).toEqual(expected);
  expect(notes(await tabs.handle('openNotice', notice, from))).toEqual(expected);
  // An edit after the page opened: the next peek has it.
  expect(await save(one!.key, { status: 'behind' })).toMatchObject({ ok: true });
  expect(notes(await tabs.handle('peekNotice', {}, from))).toEqual([[one!.key, 'behind', '已办结'], [two!.key, 'in_progress', preview]]);
  // Records rewritten at once (an import, an undo): the next peek reads them as stored.
  await db.annotations.update([SEED_KEY, two!.key], { status: 'done', note: '导入的备注' });
  tabs.recordsReplaced();
  expect(notes(await tabs.handle('peekNotice', {}, from))).toEqual([[one!.key, 'behind', '已办结'], [two!.key, 'done', '导入的备注']]);
});

it('knows where the items of a page are once it sent them, and tells that page only, with its signature then', async () => {
  const bound = new Map<number, TabBinding>();
  const bindings = { set: async (tab: number, b: TabBinding) => void bound.set(tab, b), get: async (tab: number) => bound.get(tab) } as unknown as TabBindings;
  const tabs = createTabHandlers(createService(db), bindings, {} as EditorPorts, async () => {});
  const notice = { ...seedNotice(), items: seedNotice().items.map((i) => ({ ...i, fingerprint: '' })) };
  const from = { tabId: 1, frameId: 0, url: SEED_URL };
  const page = { hash: `sha256:${'0a'.repeat(32)}`, length: 24413, nodes: 1766, figures: `fnv:${'0b'.repeat(8)}`, counters: [3] };
  const items = notice.items.map((i, k) => ({ key: i.key, nodes: [2 * k, 1], units: [], placement: 'after-item' as const }));
  const peek = async (url = SEED_URL) => (await tabs.handle('peekNotice', {}, { ...from, url })) as Result<PeekedNotice | null>;
  // Nothing opened at the page: nothing is kept for it.
  expect(await tabs.handle('savePageMap', { page, items }, from)).toMatchObject({ ok: false });
  expect((await tabs.handle('openNotice', notice, from)).ok).toBe(true);
  const before = await peek();
  expect(before.ok && before.value?.known).toBeUndefined();
  // Not another tab's notice, nor another page's; not places of other items; nothing malformed.
  expect(await tabs.handle('savePageMap', { page, items }, { ...from, tabId: 2 })).toMatchObject({ ok: false });
  expect(await tabs.handle('savePageMap', { page, items }, { ...from, url: `${SEED_URL}?from=wx` })).toMatchObject({ ok: false });
  expect(await tabs.handle('savePageMap', { page, items: items.slice(1) }, from)).toMatchObject({ ok: false });
  expect(await tabs.handle('savePageMap', { page, items: [{ ...items[0], placement: 'anywhere' }, ...items.slice(1)] }, from)).toMatchObject({ ok: false });
  expect(await tabs.handle('savePageMap', { page: { ...page, hash: 'sha256:x' }, items }, from)).toMatchObject({ ok: false });
  // A signature without its figures would know the page again whatever its items' figures now say.
  expect(await tabs.handle('savePageMap', { page: { hash: page.hash, length: page.length, nodes: page.nodes }, items }, from)).toMatchObject({ ok: false });
  expect(await tabs.handle('savePageMap', { page, items }, from)).toEqual({ ok: true, value: true });

  const known = await peek();
  if (!known.ok || !known.value?.known) throw new Error('not known');
  expect(known.value.known.page).toEqual(page);
  expect(known.value.known.items).toEqual(items);
  expect(known.value.known.notice.items.map((i) => [i.key, i.text, i.units])).toEqual(notice.items.map((i) => [i.key, i.text, i.units]));
  expect(known.value.known.notice.sourceUrl).toBe(SEED_URL);
  // Its items carry the fingerprints the background made (the page sent none), and are not sent twice.
  const made = (await db.notices.get(SEED_KEY))!.items.map((i) => i.fingerprint);
  expect(known.value.known.notice.items.map((i) => i.fingerprint)).toEqual(made);
  expect(known.value.items).toEqual([]);
  expect(await peek(`${SEED_URL}?from=wx`)).toEqual({ ok: true, value: null });

  // Opened again with the same items (the page known again): still known; with an item changed: read again.
  expect((await tabs.handle('openNotice', notice, from)).ok).toBe(true);
  const again = await peek();
  expect(again.ok && again.value?.known?.items).toEqual(items);
  const edited = { ...notice, items: notice.items.map((i, k) => (k === 4 ? { ...i, text: i.text + '（修订）' } : i)) };
  expect((await tabs.handle('openNotice', edited, from)).ok).toBe(true);
  const after = await peek();
  expect(after.ok && after.value?.known).toBeUndefined();
});

it('still knows where a page’s items are after the worker stopped (kept in storage.local), with the annotations read again', async () => {
  const data = new Map<string, unknown>();
  const area = {
    get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))])),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (keys: string[]) => void keys.forEach((k) => data.delete(k)),
  };
  const bound = new Map<number, TabBinding>();
  const bindings = { set: async (tab: number, b: TabBinding) => void bound.set(tab, b), get: async (tab: number) => bound.get(tab) } as unknown as TabBindings;
  const service = createService(db);
  const memory = createPageMemory(area);
  const tabs = createTabHandlers(service, bindings, {} as EditorPorts, async () => {}, () => {}, memory);
  const notice = { ...seedNotice(), items: seedNotice().items.map((i) => ({ ...i, fingerprint: '' })) };
  const from = { tabId: 1, frameId: 0, url: SEED_URL };
  const opened = (await tabs.handle('openNotice', notice, from)) as Result<OpenedNotice>;
  if (!opened.ok) throw new Error(opened.error);
  const page = { hash: `fnv:${'1'.repeat(16)}`, length: 100, nodes: 10, figures: `fnv:${'2'.repeat(16)}`, counters: [] };
  const items = notice.items.map((i, k) => ({ key: i.key, nodes: [k, 1], units: [], placement: 'after-text' as const }));
  expect(await tabs.handle('savePageMap', { page, items }, from)).toEqual({ ok: true, value: true });
  await service.handle('saveAnnotation', { noticeKey: SEED_KEY, itemKey: '3', fingerprint: opened.value.fingerprints[2]!, status: 'done', note: '停了也在' });
  await memory.settled();

  const restarted = createTabHandlers(createService(db), bindings, {} as EditorPorts, async () => {}, () => {}, createPageMemory(area));
  const peek = (await restarted.handle('peekNotice', {}, from)) as Result<PeekedNotice | null>;
  if (!peek.ok || !peek.value?.known) throw new Error('not known after a restart');
  expect(peek.value.known.page).toEqual(page);
  expect(peek.value.known.items).toEqual(items);
  expect(peek.value.annotations).toMatchObject([{ itemKey: '3', status: 'done', note: '停了也在' }]);
});
