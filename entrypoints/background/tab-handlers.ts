/**
 * Requests that concern a tab rather than the database alone: a content script opening its
 * notice (which binds the tab to it), and the tab's one editor frame being attached, shown at an
 * item and closed. The frame learns its notice from here, from the sender's tab, never from its
 * URL or a postMessage; "show item N" travels content script → background → frame, so a page
 * script cannot steer the editor.
 */
import type { Notice, NoticeItem } from '../../lib/notice/types';
import { calls, describeZodError, type EditorContext, type EditorTarget, type ProtocolMap } from '../../lib/protocol';
import { noticeQuotesSeen } from '../../lib/db/notices';
import type { createService } from './router';
import { noticeAnnotations } from '../../lib/db/annotations';
import type { ItemAnnotation } from '../../lib/annotation/model';
import { pageAnnotation } from '../../lib/annotation/note-preview';
import { compareItemKeys } from '../../lib/notice/item-key';
import { sendMessage } from '../../utils/messaging';
import type { EditorPorts } from './editor-ports';
import type { TabBindings } from './tab-bindings';
import { createPageMemory, type PageMemory } from './page-memory';

export const TAB_REQUESTS = ['openNotice', 'peekNotice', 'noNoticeHere', 'saveNoticeQuotes', 'savePageMap', 'openEditor', 'attachEditor', 'closeEditor', 'sizeEditor', 'openPage', 'getPopupSummary'] as const;
export type TabRequest = (typeof TAB_REQUESTS)[number];

interface From {
  /** The sender's tab; undefined for duban's own pages. */
  tabId: number;
  frameId: number;
  url: string;
}

type Service = ReturnType<typeof createService>;

/**
 * A web page's notice is at the page's URL, and is never an attachment's: only duban's viewer names
 * a cover page (lib/notice/notice-key.ts), else a page could claim another site's attachment notice.
 */
function atSenderUrl(data: unknown, url: string): unknown {
  const isPage = /^https?:/.test(url);
  if (!isPage || typeof data !== 'object' || data === null) return data;
  const { attachment: _claimed, ...notice } = data as Record<string, unknown>;
  return { ...notice, sourceUrl: url };
}

function sameKeysAndTexts(a: readonly { key: string; text: string }[], b: readonly { key: string; text: string }[]): boolean {
  return a.length === b.length && a.every((x, i) => x.key === b[i]!.key && x.text === b[i]!.text);
}

/**
 * `opened`: a notice was opened on the web page at `url` (./known-notice-pages.ts keeps it);
 * `gone`: the notice script found none there.
 */
export function createTabHandlers(
  service: Service,
  bindings: TabBindings,
  editors: EditorPorts,
  openPage: (url: string) => Promise<void>,
  opened: (url: string) => void = () => {},
  pages: PageMemory = createPageMemory(undefined),
  gone: (url: string) => void = () => {},
) {
  const fail = (error: string) => ({ ok: false as const, error });
  // The notice last opened at each page, by the page's URL as the browser gave it: what peekNotice
  // answers (./page-memory.ts). With the notice's annotations as the page gets them, kept in step
  // with every write (annotationSaved, recordsReplaced): a peek answers from memory, where a read
  // of a large database took ~35 ms (npm run bench: load_overlay_ready_ms). openNotice's answer,
  // read from the database, follows every peek and has the last word. With the notice as the page
  // read it, and, once the page sent them (savePageMap), its signature then and where each item is:
  // a page whose signature is the same now need not be read again.
  async function handle(name: TabRequest, data: unknown, from: From): Promise<ReturnType<ProtocolMap[TabRequest]>> {
    switch (name) {
      case 'openNotice': {
        // The notice's key names its site (lib/notice/notice-key.ts): the page's URL is the one
        // the browser gives for the sender, not one the message carries.
        const r = await service.openNotice(atSenderUrl(data, from.url));
        if (r.ok) {
          const notice = data as { items: NoticeItem[]; year?: number };
          const { fingerprints } = r.value;
          await bindings.set(from.tabId, {
            noticeKey: r.value.noticeKey,
            url: from.url,
            items: notice.items.map((i, k) => ({ key: i.key, fingerprint: fingerprints[k]! })),
            ...(notice.year !== undefined ? { year: notice.year } : {}),
            ...(r.value.revision ? { changed: r.value.revision.differs } : {}),
          });
          opened(from.url);
          const before = await pages.get(from.url);
          // The page's rows show a preview of each note, and get no more (lib/annotation/note-preview.ts).
          const annotations = r.value.annotations.map(pageAnnotation);
          const items = notice.items.map((i, k) => ({ key: i.key, text: i.text, fingerprint: fingerprints[k]! }));
          // Where the items are stays known while the page reads the same (a page known again sends no new map).
          const sameItems = before?.noticeKey === r.value.noticeKey && sameKeysAndTexts(before.items, items);
          const changed = r.value.revision?.differs ?? [];
          // As the service took it: checked whole, or the very text of one checked before (a
          // second parse here would undo the router's skipping of it, lib/db/seen-notices.ts).
          const read = atSenderUrl(data, from.url) as Notice;
          const unchanged =
            sameItems &&
            changed.join('\n') === before.changed.join('\n') &&
            before.items.every((i, k) => i.fingerprint === items[k]!.fingerprint) &&
            JSON.stringify(before.notice) === JSON.stringify(read);
          pages.set(
            from.url,
            { noticeKey: r.value.noticeKey, items, changed, annotations, notice: read, ...(sameItems && before.map ? { map: before.map } : {}) },
            unchanged,
          );
          return { ok: true, value: { ...r.value, annotations } };
        }
        return r;
      }
      case 'peekNotice': {
        const page = await pages.get(from.url);
        if (!page) return { ok: true, value: null };
        // (Read again after an import or an undo; openNotice, which follows, keeps them again.)
        const annotations = page.annotations ?? (await noticeAnnotations(service.db, page.noticeKey)).map(pageAnnotation);
        const { notice, map, ...seen } = page;
        if (!map) return { ok: true, value: { ...seen, annotations } };
        // The page compares its signature now with the one then (lib/notice/page-map.ts).
        const items = notice.items.map((i, k) => ({ ...i, fingerprint: seen.items[k]!.fingerprint }));
        return { ok: true, value: { ...seen, items: [], annotations, known: { page: map.page, notice: { ...notice, items }, items: map.items } } };
      }
      case 'noNoticeHere': {
        const sent = calls.noNoticeHere.input.safeParse(data);
        if (!sent.success) return fail(`invalid request noNoticeHere: ${describeZodError(sent.error)}`);
        gone(from.url);
        return { ok: true, value: true };
      }
      case 'savePageMap': {
        // For the notice this tab opened at this very page, its items as it read them.
        const b = await bindings.get(from.tabId);
        const page = await pages.get(from.url);
        if (!b || b.url !== from.url || !page || page.noticeKey !== b.noticeKey) return fail('no notice is open in this tab');
        const sent = calls.savePageMap.input.safeParse(data);
        if (!sent.success) return fail(`invalid request savePageMap: ${describeZodError(sent.error)}`);
        const keys = sent.data.items.map((i) => i.key);
        if (keys.length !== page.items.length || keys.some((k, i) => k !== page.items[i]!.key)) return fail('the places are not the items of the notice opened');
        pages.set(from.url, { ...page, map: sent.data });
        return { ok: true, value: true };
      }
      case 'saveNoticeQuotes': {
        // For the notice this tab opened, from its page's URL as the browser gives it.
        const b = await bindings.get(from.tabId);
        if (!b) return fail('no notice is open in this tab');
        const sent = calls.saveNoticeQuotes.input.safeParse(data);
        if (!sent.success) return fail(`invalid request saveNoticeQuotes: ${describeZodError(sent.error)}`);
        const quotes = new Map(sent.data.quotes.map((q) => [q.key, q.quote]));
        const written = await noticeQuotesSeen(service.db, b.noticeKey, from.url, quotes, b.changed ?? []);
        return { ok: true, value: written };
      }
      case 'attachEditor': {
        const b = await bindings.get(from.tabId);
        if (!b) return fail('no notice is open in this tab');
        const annotations = await noticeAnnotations(service.db, b.noticeKey);
        const shown = new Set(b.items.map((i) => i.key));
        const orphaned = new Set(annotations.filter((a) => !shown.has(a.itemKey)).map((a) => a.itemKey));
        const stored = orphaned.size ? await service.db.notices.get(b.noticeKey) : undefined;
        const orphanTexts = Object.fromEntries((stored?.items ?? []).filter((i) => orphaned.has(i.key)).map((i) => [i.key, i.text]));
        const context: EditorContext = {
          noticeKey: b.noticeKey,
          items: b.items,
          ...(b.year !== undefined ? { year: b.year } : {}),
          changed: b.changed ?? [],
          annotations,
          ...(Object.keys(orphanTexts).length > 0 && { orphanTexts }),
        };
        return { ok: true, value: context };
      }
      case 'openEditor': {
        const b = await bindings.get(from.tabId);
        if (!b) return fail('no notice is open in this tab');
        const target = data as EditorTarget;
        if ('itemKey' in target && !b.items.some((i) => i.key === target.itemKey)) return fail(`no item ${target.itemKey} on this page`);
        return (await editors.show(from.tabId, target)) ? { ok: true, value: true } : fail('the editor is not ready');
      }
      case 'openPage': {
        await openPage((data as { url: string }).url);
        return { ok: true, value: true };
      }
      case 'getPopupSummary': {
        // The popup knows the active tab's id, not its URL (no `tabs` permission): the binding does.
        const { activeTabId, ...rest } = data as { activeTabId?: number; activeUrl?: string };
        const b = activeTabId === undefined ? undefined : await bindings.get(activeTabId);
        return service.handle('getPopupSummary', b ? { ...rest, activeUrl: b.url } : rest);
      }
      case 'closeEditor': {
        await sendMessage('editorChanged', { type: 'closed' }, { tabId: from.tabId, frameId: 0 }).catch(() => {});
        return { ok: true, value: true };
      }
      case 'sizeEditor': {
        await sendMessage('editorChanged', { type: 'tall', tall: (data as { tall: boolean }).tall }, { tabId: from.tabId, frameId: 0 }).catch(() => {});
        return { ok: true, value: true };
      }
    }
  }
  return {
    handle,
    /** An annotation was written: the pages of its notice peek at it as stored now. */
    annotationSaved(noticeKey: string, annotation: ItemAnnotation) {
      const preview = pageAnnotation(annotation);
      for (const page of pages.inMemory()) {
        if (page.noticeKey !== noticeKey || !page.annotations) continue;
        const list = page.annotations.filter((a) => a.itemKey !== annotation.itemKey);
        list.push(preview);
        page.annotations = list.sort((a, b) => compareItemKeys(a.itemKey, b.itemKey));
      }
    },
    /** Many annotations were rewritten (an import, an undo): the next peek reads them again. */
    recordsReplaced() {
      for (const page of pages.inMemory()) delete page.annotations;
    },
  };
}
