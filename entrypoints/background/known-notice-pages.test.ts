// The pages the browser runs the notice script on by itself, against a registry that behaves as
// Chromium's scripting API does: an id registered twice, or updated before it is registered, throws.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { matchPattern } from '../../lib/notice/match-pattern';
import { createKnownNoticePages, KNOWN_LIMIT, KNOWN_NOTICES_SCRIPT, KNOWN_PAGE_SCRIPT, type ContentScriptRegistry } from './known-notice-pages';

const SCRIPT = 'content-scripts/notice.js';
const GOV = 'https://www.xihu.gov.cn/art/2024/3/7/art_1_2.html';

function fakeRegistry() {
  const scripts = new Map<string, { id: string; matches: string[]; js: string[]; persistAcrossSessions: boolean; allFrames: boolean }>();
  const registry: ContentScriptRegistry = {
    async getRegisteredContentScripts({ ids }) {
      return ids.flatMap((id) => (scripts.has(id) ? [structuredClone(scripts.get(id)!)] : []));
    },
    registerContentScripts: vi.fn(async (list) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, structuredClone(s));
      }
    }),
    updateContentScripts: vi.fn(async (list) => {
      for (const s of list) {
        if (!scripts.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
        if (!s.matches.length) throw new Error('Script must specify at least one match');
        scripts.set(s.id, structuredClone(s));
      }
    }),
    unregisterContentScripts: vi.fn(async ({ ids }) => {
      for (const id of ids) {
        if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        scripts.delete(id);
      }
    }),
  };
  /** Whether the browser would run the registered notice script on `url`. */
  const runsOn = (url: string) => {
    const s = scripts.get(KNOWN_NOTICES_SCRIPT);
    return !!s && s.js.includes(SCRIPT) && s.matches.some((p) => matchPattern(p)(new URL(url)));
  };
  return { registry, scripts, runsOn };
}

let fake: ReturnType<typeof fakeRegistry>;
beforeEach(() => {
  fake = fakeRegistry();
});

describe('pages where a notice was opened', () => {
  it('get the notice script from the browser on their next load, query and hash variants too, in the top frame, kept across sessions', async () => {
    const known = createKnownNoticePages(fake.registry, SCRIPT);
    expect(fake.runsOn(GOV)).toBe(false);
    await known.add(`${GOV}?from=wx#duban-item-3`);
    for (const url of [GOV, `${GOV}?a=1`, GOV.replace('https:', 'http:')]) expect(fake.runsOn(url), url).toBe(true);
    expect(fake.runsOn('https://www.xihu.gov.cn/art/2024/3/7/art_1_3.html')).toBe(false);
    expect(fake.scripts.get(KNOWN_NOTICES_SCRIPT)).toMatchObject({ allFrames: false, persistAcrossSessions: true });
    expect(await known.has(`${GOV}#top`)).toBe(true);
    expect(await known.has('https://www.xihu.gov.cn/art/2024/3/7/art_1_3.html')).toBe(false);
  });

  it('are forgotten once the notice script finds no notice there: the probe looks at them again', async () => {
    const known = createKnownNoticePages(fake.registry, SCRIPT);
    const other = 'https://www.hangzhou.gov.cn/art/2024/1/1/art_9.html';
    await known.add(GOV);
    await known.add(other);
    await known.remove(`${GOV}?from=wx`);
    expect(fake.runsOn(GOV)).toBe(false);
    expect(fake.runsOn(other)).toBe(true);
    expect(await known.has(GOV)).toBe(false);
    // The last one gone: no script is left registered (the browser refuses one with no page).
    await known.remove(other);
    expect(fake.scripts.has(KNOWN_NOTICES_SCRIPT)).toBe(false);
    // Forgetting a page not kept changes nothing; one kept again is registered anew.
    await known.remove(other);
    await known.add(other);
    expect(fake.runsOn(other)).toBe(true);
  });

  it('are registered once: the same page again changes nothing, another is added to the same script', async () => {
    const known = createKnownNoticePages(fake.registry, SCRIPT);
    await known.add(GOV);
    await known.add(`${GOV}?again=1`);
    expect(fake.registry.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(fake.registry.updateContentScripts).not.toHaveBeenCalled();
    await known.add('https://www.hangzhou.gov.cn/art/2024/1/1/art_9.html');
    expect(fake.registry.updateContentScripts).toHaveBeenCalledTimes(1);
    expect(fake.runsOn(GOV)).toBe(true);
    expect(fake.runsOn('https://www.hangzhou.gov.cn/art/2024/1/1/art_9.html')).toBe(true);
  });

  it('never include a page off government sites (a copy) or a page that is not a web page', async () => {
    const known = createKnownNoticePages(fake.registry, SCRIPT);
    for (const url of ['https://copy.example.com/a/notice.html', 'chrome-extension://abc/viewer.html', 'https://www.xihu.gov.cn:8443/a.html']) await known.add(url);
    expect(fake.scripts.size).toBe(0);
    expect(await known.has('https://copy.example.com/a/notice.html')).toBe(false);
  });

  it('keep the last pages opened, up to the limit', async () => {
    const known = createKnownNoticePages(fake.registry, SCRIPT);
    const page = (i: number) => `https://www.xihu.gov.cn/art/${i}.html`;
    for (let i = 0; i <= KNOWN_LIMIT; i++) await known.add(page(i));
    expect(fake.scripts.get(KNOWN_NOTICES_SCRIPT)!.matches).toHaveLength(KNOWN_LIMIT);
    expect(fake.runsOn(page(0))).toBe(false);
    expect(fake.runsOn(page(1))).toBe(true);
    expect(fake.runsOn(page(KNOWN_LIMIT))).toBe(true);
  });

  it('are read back from the browser by a new worker, which adds to them rather than registering again', async () => {
    await createKnownNoticePages(fake.registry, SCRIPT).add(GOV);
    const next = createKnownNoticePages(fake.registry, SCRIPT);
    expect(await next.has(GOV)).toBe(true);
    await next.add('https://www.hangzhou.gov.cn/art/2024/1/1/art_9.html');
    expect(fake.runsOn(GOV) && fake.runsOn('https://www.hangzhou.gov.cn/art/2024/1/1/art_9.html')).toBe(true);
  });

  it('mark the page as known before the notice script runs there (it then asks whether the page is the one it read)', async () => {
    await createKnownNoticePages(fake.registry, SCRIPT).add(GOV);
    expect(fake.scripts.get(KNOWN_NOTICES_SCRIPT)!.js).toEqual([KNOWN_PAGE_SCRIPT, SCRIPT]);
  });

  it('registered by an older duban (the notice script alone), get the mark too, their pages kept, a page added meanwhile too', async () => {
    const old = 'https://www.hangzhou.gov.cn/art/2024/1/1/art_9.html';
    await fake.registry.registerContentScripts([{ id: KNOWN_NOTICES_SCRIPT, matches: [`*://www.hangzhou.gov.cn/art/2024/1/1/art_9.html*`], js: [SCRIPT], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true }]);
    const known = createKnownNoticePages(fake.registry, SCRIPT);
    // A page already kept changes nothing itself; it waits for the writes before it.
    await known.add(old);
    expect(fake.scripts.get(KNOWN_NOTICES_SCRIPT)!.js).toEqual([KNOWN_PAGE_SCRIPT, SCRIPT]);
    expect(fake.runsOn(old)).toBe(true);
    // A new worker reading it as an add comes: both pages kept.
    const next = createKnownNoticePages(fake.registry, SCRIPT);
    await next.add(GOV);
    await next.add(GOV);
    expect(fake.runsOn(old) && fake.runsOn(GOV)).toBe(true);
  });

  it('a failed registration leaves the page to the probe, and the next page is registered still', async () => {
    const known = createKnownNoticePages(fake.registry, SCRIPT);
    vi.mocked(fake.registry.registerContentScripts).mockRejectedValueOnce(new Error('quota'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await known.add(GOV);
    expect(await known.has(GOV)).toBe(false);
    await known.add('https://www.hangzhou.gov.cn/art/2024/1/1/art_9.html');
    expect(fake.runsOn('https://www.hangzhou.gov.cn/art/2024/1/1/art_9.html')).toBe(true);
  });
});
