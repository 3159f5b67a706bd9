/**
 * What the background knows of the notice pages opened last: the notice each page read, its
 * items' fingerprints, which of their texts differ from the stored notice's, and, once the page
 * sent it, where its items are (lib/notice/page-map.ts). What a peek answers (./tab-handlers.ts).
 * Kept in memory, and in storage.local for the LIMIT pages opened last: Chromium stops an idle
 * worker after 30 seconds, and a page people come back to later is still known again, not read,
 * after that and after a browser restart. Annotations are kept in memory only (in step with every
 * write); a worker started again reads them from the database for its first peek.
 */
import type { ItemAnnotation } from '../../lib/annotation/model';
import type { ItemPlace, PageSignature } from '../../lib/notice/page-map';
import type { Notice } from '../../lib/notice/types';
import type { PeekedNotice } from '../../lib/protocol';

/** A page as kept: what a peek answers, but for the annotations. */
export interface KeptPage extends Omit<PeekedNotice, 'annotations' | 'known'> {
  notice: Notice;
  map?: { page: PageSignature; items: ItemPlace[] };
}

/** The part of browser.storage.local used here. */
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Pages kept, the last opened. */
export const LIMIT = 50;

declare const __DUBAN_READER__: string | undefined;
/**
 * The reader this build carries (a digest of its sources, scripts/reader-digest.ts): a page kept
 * by another reader (an earlier version of duban) is read again, not shown as that reader read it.
 */
export const READER = typeof __DUBAN_READER__ === 'string' ? __DUBAN_READER__ : 'unbuilt';
const PREFIX = 'page:';
/** The pages kept in the area, oldest first. */
const INDEX = 'pages';

const isKept = (v: unknown): v is KeptPage =>
  typeof v === 'object' && v !== null && typeof (v as KeptPage).noticeKey === 'string' && Array.isArray((v as KeptPage).items) && typeof (v as KeptPage).notice === 'object';

export function createPageMemory(area: KeyValueArea | undefined, limit = LIMIT, reader = READER) {
  const pages = new Map<string, KeptPage & { annotations?: ItemAnnotation[] }>();
  // The area's index, read once; writes one at a time, in order.
  let index: Promise<string[]> | undefined;
  const kept = () => (index ??= area ? area.get([INDEX]).then((r) => (Array.isArray(r[INDEX]) ? (r[INDEX] as string[]) : []), () => []) : Promise.resolve([]));
  let writing: Promise<void> = Promise.resolve();
  // `page` undefined: the page as kept already, only opened last now.
  const persist = (url: string, page: KeptPage | undefined) => {
    if (!area) return;
    writing = writing
      .then(async () => {
        const list = [...(await kept()).filter((u) => u !== url), url];
        const gone = list.slice(0, Math.max(0, list.length - limit));
        const now = list.slice(gone.length);
        index = Promise.resolve(now);
        await area.set(page ? { [PREFIX + url]: { ...page, reader }, [INDEX]: now } : { [INDEX]: now });
        if (gone.length) await area.remove(gone.map((u) => PREFIX + u));
      })
      .catch((e: unknown) => console.error('duban: notice page not kept', e));
  };

  return {
    /** The page at `url` as kept, from memory or, after a worker start, from the area. */
    async get(url: string): Promise<(KeptPage & { annotations?: ItemAnnotation[] }) | undefined> {
      const known = pages.get(url);
      if (known || !area || !(await kept()).includes(url)) return known;
      const stored = (await area.get([PREFIX + url]).catch((): Record<string, unknown> => ({})))[PREFIX + url];
      if (!isKept(stored) || (stored as { reader?: unknown }).reader !== reader || pages.has(url)) return pages.get(url);
      const { reader: _reader, ...page } = stored as KeptPage & { reader: string };
      pages.set(url, page);
      return page;
    },
    /**
     * Keeps the page at `url` (the last opened); its annotations in memory only. `unchanged`: the
     * page is as kept already but for its annotations (a page known again, opened): the area is
     * told only that it was opened last, not sent the page again (~100 KB on each visit).
     */
    set(url: string, page: KeptPage & { annotations?: ItemAnnotation[] }, unchanged = false): void {
      pages.delete(url);
      pages.set(url, page);
      if (pages.size > limit) pages.delete(pages.keys().next().value!);
      const { annotations: _inMemory, ...rest } = page;
      persist(url, unchanged ? undefined : rest);
    },
    /** The pages in memory: their annotations are kept in step with every write. */
    inMemory(): IterableIterator<KeptPage & { annotations?: ItemAnnotation[] }> {
      return pages.values();
    },
    /** Every write to the area so far done (tests). */
    settled: () => writing,
  };
}

export type PageMemory = ReturnType<typeof createPageMemory>;
