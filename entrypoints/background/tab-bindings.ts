/**
 * Which notice each tab shows: bound when the tab's content script opens a notice, so that its
 * content script and its editor frame may touch that notice and nothing else (lib/protocol.ts
 * `checkAccess`). Kept in storage.session: it survives the service worker stopping (a frame typing
 * a note must not lose its rights when the worker wakes again) and goes with the browser session.
 * The same table tells the background where to send changes, without the `tabs` permission.
 */
import { browser } from '#imports';
import { pageIdentity } from '../../lib/summary/summary';

export interface TabBinding {
  noticeKey: string;
  /** The page's URL as the content script's sender reported it. */
  url: string;
  /** The page's items, in the notice's order: key and fingerprint of the text shown. */
  items: { key: string; fingerprint: string }[];
  year?: number;
  /** Items whose text on the page differs from the stored notice's (they say 原文已更改). */
  changed?: string[];
}

const PREFIX = 'tab:';

export function createTabBindings() {
  const area = browser.storage.session;
  const cache = new Map<number, TabBinding>();
  let loaded: Promise<void> | undefined;
  // One read of the whole area after a worker start; writes go to both.
  const load = () =>
    (loaded ??= area.get(null).then((all) => {
      for (const [k, v] of Object.entries(all)) if (k.startsWith(PREFIX) && !cache.has(Number(k.slice(PREFIX.length)))) cache.set(Number(k.slice(PREFIX.length)), v as TabBinding);
    }));

  browser.tabs.onRemoved.addListener((tabId) => void bindings.remove(tabId));

  const bindings = {
    async get(tabId: number): Promise<TabBinding | undefined> {
      await load();
      return cache.get(tabId);
    },
    async set(tabId: number, b: TabBinding): Promise<void> {
      await load();
      cache.set(tabId, b);
      // This worker answers from the cache; the write is for the next worker, and need not hold
      // up the page's answer.
      void area.set({ [PREFIX + tabId]: b }).catch((e: unknown) => console.error('duban: tab binding not kept', e));
    },
    async remove(tabId: number): Promise<void> {
      await load();
      cache.delete(tabId);
      await area.remove(PREFIX + tabId);
    },
    /** Every tab showing a notice. */
    async all(): Promise<[number, TabBinding][]> {
      await load();
      return [...cache];
    },
    /** Tabs showing notice `key`. */
    async tabsOf(key: string): Promise<[number, TabBinding][]> {
      await load();
      return [...cache].filter(([, b]) => b.noticeKey === key);
    },
    /** A tab showing the page at `url` (hash and query variants aside), if any. */
    async tabAt(url: string): Promise<number | undefined> {
      await load();
      const id = pageIdentity(url);
      return [...cache].find(([, b]) => pageIdentity(b.url) === id)?.[0];
    },
  };
  return bindings;
}

export type TabBindings = ReturnType<typeof createTabBindings>;
