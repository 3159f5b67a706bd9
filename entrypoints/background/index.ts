import { browser, defineBackground } from '#imports';
import { DB_NAME, DubanDatabase } from '../../lib/db/database';
import { setMeta } from '../../lib/db/meta';
import { noticeAnnotations } from '../../lib/db/annotations';
import { createService } from './router';
import { pageAnnotation } from '../../lib/annotation/note-preview';
import type { ItemAnnotation } from '../../lib/annotation/model';
import { checkAccess, requestSchemas, type ProtocolMap, type SenderInfo } from '../../lib/protocol';
import { onMessage, sendMessage } from '../../utils/messaging';
import { openPage, setupReminders } from './reminders';
import { attachmentAt } from '../../lib/db/attachments';
import { viewerQuery } from '../../lib/attachment/viewer-link';
import { VIEWER_PATH } from '../../lib/protocol';
import { createEditorPorts } from './editor-ports';
import { createTabBindings } from './tab-bindings';
import { createTabHandlers, TAB_REQUESTS, type TabRequest } from './tab-handlers';
import { createPageMemory } from './page-memory';
import { classifySender, createPageGrants } from './page-grants';
import { createPageInjection, listenForRecogniseCommand, NOTICE_SCRIPT } from './page-injection';
import { createKnownNoticePages } from './known-notice-pages';
import { listenToPages } from './page-channel';
import { t } from '../../utils/i18n';

type Name = keyof typeof requestSchemas;
type Answer<K extends Name> = ReturnType<ProtocolMap[K]>;

export default defineBackground(() => {
  // Durability, measured in Chromium 156 (ext4): a one-record commit takes ~0.8 ms relaxed,
  // ~1.7 ms strict (an fsync; far more on a slow disk). A relaxed commit is handed to the OS before
  // the save is answered, so it survives the browser or the worker closing
  // (tests/e2e/close-durability.e2e.ts); only a power cut in the next moments could lose it.
  // Single edits come once per keystroke: relaxed. Imports and undo are one confirmed action each,
  // after which the user may delete the file: strict, through a second instance (Dexie sets
  // durability per instance).
  const db = new DubanDatabase(DB_NAME, { chromeTransactionDurability: 'relaxed' });
  const durable = new DubanDatabase(DB_NAME, { chromeTransactionDurability: 'strict' });
  const bindings = createTabBindings();
  const viewerUrl = (query: string) => browser.runtime.getURL(VIEWER_PATH as '/viewer.html') + query;
  // A notice read from an attachment has the file's URL: it opens in the viewer, from the kept
  // file. A file from disk (file:///<name>) that is no longer kept opens the empty viewer: duban
  // may not open files itself.
  const locate = async (url: string) => {
    const kept = await attachmentAt(db, url).catch(() => undefined);
    if (kept) return viewerUrl(viewerQuery({ noticeKey: kept.noticeKey }, /#.*$/.exec(url)?.[0] ?? ''));
    return url.startsWith('file:') ? viewerUrl('') : url;
  };
  // A tab's content script hears when its editor frame can take an item.
  const editors = createEditorPorts((tabId) => void sendMessage('editorChanged', { type: 'ready' }, { tabId, frameId: 0 }).catch(() => {}));
  // Snooze / done from a notification saves like a message does (history, every tab told).
  const reminders = setupReminders(db, (patch) => service.handle('saveAnnotation', patch), (url) => bindings.tabAt(url), locate);
  const service = createService(db, Date.now, {
    onAnnotationSaved: (noticeKey, annotation) => {
      tabHandlers.annotationSaved(noticeKey, annotation);
      // Every tab showing the notice (the saving one too) hears of the change: tabs stay in step.
      void broadcastChange(noticeKey, annotation);
      reminders.onAnnotationSaved();
    },
    onRecordsReplaced: () => {
      tabHandlers.recordsReplaced();
      void broadcastRecords().catch(() => {});
      reminders.onAnnotationSaved();
    },
  }, { durable, listSeparator: t('common.listSeparator'), allNotices: t('export.allNotices') });
  // A ledger's cells and rows come and go by postMessage (lib/protocol.ts PAGE_CHANNEL_CALLS).
  listenToPages(self as unknown as Parameters<typeof listenToPages>[0], service);
  // Pages beyond the registry's sites that may open their notice: asked about, or found likely.
  // Pages where a notice was opened: the browser runs the notice script there itself next time.
  const known = createKnownNoticePages(browser.scripting, NOTICE_SCRIPT.slice(1));
  const grants = createPageGrants(known);
  const injection = createPageInjection(browser.scripting, grants, known);
  listenForRecogniseCommand(injection);
  // The notice pages opened last, kept across worker and browser restarts (./page-memory.ts).
  const memory = createPageMemory(browser.storage.local);
  const tabHandlers = createTabHandlers(service, bindings, editors, (url) => openPage(url, (u) => bindings.tabAt(u), locate), (url) => void known.add(url), memory, (url) => void known.remove(url));

  for (const name of Object.keys(requestSchemas) as Name[]) {
    onMessage(name, async ({ data, sender }): Promise<Answer<typeof name>> => {
      const s = sender as SenderInfo;
      const kind = await classifySender(s, browser.runtime.id, grants);
      if (!kind) return { ok: false, error: 'untrusted sender' } as Answer<typeof name>;
      const tabId = kind === 'page' ? undefined : s.tab?.id;
      const binding = tabId === undefined ? undefined : await bindings.get(tabId);
      const denied = checkAccess(name, kind, data, binding?.noticeKey);
      if (denied) return { ok: false, error: `refused: ${denied}` } as Answer<typeof name>;
      if (name === 'noticeLikely') return injection.noticeLikely(tabId as number, s.url, s.documentId, (data as { late?: true }).late) as Promise<Answer<typeof name>>;
      if (name === 'loadReader') return injection.loadReader(tabId as number, s.frameId ?? 0) as Promise<Answer<typeof name>>;
      if (name === 'recognisePage') {
        const asked = requestSchemas.recognisePage.safeParse(data);
        if (!asked.success) return { ok: false, error: 'invalid request recognisePage' } as Answer<typeof name>;
        return injection.recognisePage(asked.data.tabId) as Promise<Answer<typeof name>>;
      }
      if (name === 'openAttachment') {
        const asked = requestSchemas.openAttachment.safeParse(data);
        if (!asked.success) return { ok: false, error: 'invalid request openAttachment' } as Answer<typeof name>;
        await browser.tabs.create({ url: viewerUrl(viewerQuery({ attachment: asked.data })) });
        return { ok: true, value: true } as Answer<typeof name>;
      }
      if ((TAB_REQUESTS as readonly string[]).includes(name)) {
        return tabHandlers.handle(name as TabRequest, data, { tabId: tabId as number, frameId: s.frameId ?? 0, url: s.url! }) as Promise<Answer<typeof name>>;
      }
      return service.handle(name as Exclude<Name, TabRequest | 'noticeLikely' | 'recognisePage' | 'openAttachment' | 'loadReader'>, data) as Promise<Answer<typeof name>>;
    });
  }

  async function broadcastChange(noticeKey: string, annotation: ItemAnnotation) {
    // The page gets a preview of the note, its editor frame the whole (lib/annotation/note-preview.ts).
    const preview = pageAnnotation(annotation);
    for (const [tabId] of await bindings.tabsOf(noticeKey)) {
      sendMessage('annotationChanged', { noticeKey, annotation: preview }, tabId).catch(() => {});
      editors.changed(tabId, noticeKey, annotation);
    }
  }

  /** Every tab showing a notice, and its editor frame, gets the notice's annotations as stored now (after an import or undo). */
  async function broadcastRecords() {
    const byNotice = new Map<string, number[]>();
    for (const [tabId, b] of await bindings.all()) byNotice.set(b.noticeKey, [...(byNotice.get(b.noticeKey) ?? []), tabId]);
    for (const [noticeKey, tabIds] of byNotice) {
      const annotations = await noticeAnnotations(db, noticeKey);
      const previews = annotations.map(pageAnnotation);
      for (const tabId of tabIds) {
        sendMessage('annotationsReplaced', { noticeKey, annotations: previews }, tabId).catch(() => {});
        editors.replaced(tabId, noticeKey, annotations);
      }
    }
  }

  // Ask once that the browser never evicts the notes; record what it said.
  void (async () => {
    const persisted = (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
    await setMeta(db, 'storagePersisted', { persisted, at: Date.now() });
  })().catch(() => {});
});
