// The notice pages the background knows outlive its worker: kept in an area that behaves as
// storage.local does (values cloned in and out), a new worker knows the pages opened last, up to
// the limit, without their annotations (read again from the database).
import { describe, expect, it, vi } from 'vitest';
import { createPageMemory, LIMIT, type KeptPage, type KeyValueArea } from './page-memory';

function fakeArea() {
  const data = new Map<string, unknown>();
  const area: KeyValueArea = {
    get: vi.fn(async (keys: string[]) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]))),
    set: vi.fn(async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    }),
    remove: vi.fn(async (keys: string[]) => {
      for (const k of keys) data.delete(k);
    }),
  };
  return { area, data };
}

const page = (n: number): KeptPage => ({
  noticeKey: `拱政办发〔2024〕${n}号@www.gongshu.gov.cn`,
  items: [{ key: '1', text: `第${n}项`, fingerprint: 'f'.repeat(14) }],
  changed: [],
  notice: { title: `通知${n}`, sourceUrl: url(n), sections: [], items: [], gaps: [] },
  map: { page: { hash: `fnv:${'0'.repeat(16)}`, length: n, nodes: n, figures: `fnv:${'1'.repeat(16)}`, counters: [] }, items: [{ key: '1', nodes: [n, 1], units: [], placement: 'after-text' }] },
});
const url = (n: number) => `https://www.gongshu.gov.cn/art/2024/3/7/art_${n}.html`;

describe('the notice pages the background knows', () => {
  it('are known to a worker started again, as kept, without their annotations', async () => {
    const { area } = fakeArea();
    const first = createPageMemory(area);
    first.set(url(1), { ...page(1), annotations: [] });
    await first.settled();
    const next = createPageMemory(area);
    expect(await next.get(url(1))).toEqual(page(1));
    expect(await next.get(url(2))).toBeUndefined();
    // Read once: then from memory.
    await next.get(url(1));
    expect(vi.mocked(area.get).mock.calls.filter(([keys]) => keys.includes(`page:${url(1)}`))).toHaveLength(1);
  });

  it('made by another build\'s reader are read again: an update may read them otherwise', async () => {
    const { area, data } = fakeArea();
    const before = createPageMemory(area, LIMIT, 'reader-a');
    before.set(url(1), page(1));
    await before.settled();
    // The same reader knows it; the reader of an update does not, nor a worker of a build before readers were told apart.
    expect(await createPageMemory(area, LIMIT, 'reader-a').get(url(1))).toEqual(page(1));
    expect(await createPageMemory(area, LIMIT, 'reader-b').get(url(1))).toBeUndefined();
    data.set(`page:${url(2)}`, page(2));
    data.set('pages', [url(1), url(2)]);
    expect(await createPageMemory(area, LIMIT, 'reader-a').get(url(2))).toBeUndefined();
  });

  it('keep the last pages opened, up to the limit, in memory and in the area', async () => {
    const { area, data } = fakeArea();
    const memory = createPageMemory(area, 3);
    for (let n = 1; n <= 5; n++) memory.set(url(n), page(n));
    memory.set(url(3), page(3)); // opened again: the last now
    await memory.settled();
    expect([...memory.inMemory()].map((p) => p.notice.title)).toEqual(['通知4', '通知5', '通知3']);
    expect([...data.keys()].filter((k) => k.startsWith('page:')).sort()).toEqual([url(3), url(4), url(5)].map((u) => `page:${u}`).sort());
    const next = createPageMemory(area, 3);
    for (const n of [1, 2]) expect(await next.get(url(n))).toBeUndefined();
    for (const n of [3, 4, 5]) expect((await next.get(url(n)))?.notice.title).toBe(`通知${n}`);
  });

  it('answer from memory alone where there is no area (tests, and a failed write loses nothing else)', async () => {
    const memory = createPageMemory(undefined);
    memory.set(url(1), page(1));
    expect(await memory.get(url(1))).toEqual(page(1));
    const { area } = fakeArea();
    vi.mocked(area.set).mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = createPageMemory(area);
    failing.set(url(1), page(1));
    failing.set(url(2), page(2));
    await failing.settled();
    expect(await failing.get(url(1))).toEqual(page(1));
    expect(await createPageMemory(area).get(url(2))).toEqual(page(2));
  });

  it('ignore what is not a kept page in the area', async () => {
    const { area } = fakeArea();
    await area.set({ pages: [url(1)], [`page:${url(1)}`]: { noticeKey: 3 } });
    expect(await createPageMemory(area).get(url(1))).toBeUndefined();
  });

  it('are not written again when opened again unchanged: only their place among the last opened', async () => {
    const { area, data } = fakeArea();
    const memory = createPageMemory(area, 2);
    memory.set(url(1), page(1));
    memory.set(url(2), page(2));
    await memory.settled();
    vi.mocked(area.set).mockClear();
    memory.set(url(1), { ...page(1), annotations: [] }, true);
    await memory.settled();
    expect(vi.mocked(area.set).mock.calls).toEqual([[{ pages: [url(2), url(1)] }]]);
    memory.set(url(3), page(3));
    await memory.settled();
    expect([...data.keys()].filter((k) => k.startsWith('page:')).sort()).toEqual([`page:${url(1)}`, `page:${url(3)}`]);
    expect(await createPageMemory(area, 2).get(url(1))).toEqual(page(1));
  });
});
