import { browser, defineBackground } from '#imports';
import { DubanDatabase } from '../../lib/db/database';
import { setMeta } from '../../lib/db/annotations';
import { createService } from '../../lib/db/service';
import { isOfficialUrl } from '../../lib/notice/notice-key';
import type { ItemAnnotation } from '../../lib/annotation/model';
import { checkAccess, requestSchemas, senderKind, type ProtocolMap, type SenderInfo } from '../../lib/protocol';
import { onMessage, sendMessage } from '../../utils/messaging';
import { openPage, setupReminders } from './reminders';
import { createEditorPorts } from './editor-ports';
import { createTabBindings } from './tab-bindings';
import { createTabHandlers, TAB_REQUESTS, type TabRequest } from './tab-handlers';

type Name = keyof typeof requestSchemas;
type Answer<K extends Name> = ReturnType<ProtocolMap[K]>;

export default defineBackground(() => {
  const db = new DubanDatabase();
  const bindings = createTabBindings();
  // A tab's content script hears when its editor frame can take an item.
  const editors = createEditorPorts((tabId) => void sendMessage('editorChanged', { type: 'ready' }, { tabId, frameId: 0 }).catch(() => {}));
  // Snooze / done from a notification saves like a message does (history, every tab told).
  const reminders = setupReminders(db, (patch) => service.handle('saveAnnotation', patch), (url) => bindings.tabAt(url));
  const service = createService(db, Date.now, {
    onAnnotationSaved: (noticeKey, annotation) => {
      // Every tab showing the notice (the saving one too) hears of the change: tabs stay in step.
      void broadcastChange(noticeKey, annotation);
      reminders.onAnnotationSaved();
    },
  });
  const tabHandlers = createTabHandlers(service, bindings, editors, (url) => openPage(url, (u) => bindings.tabAt(u)));

  for (const name of Object.keys(requestSchemas) as Name[]) {
    onMessage(name, async ({ data, sender }): Promise<Answer<typeof name>> => {
      const s = sender as SenderInfo;
      const kind = senderKind(s, browser.runtime.id, isOfficialUrl);
      if (!kind) return { ok: false, error: 'untrusted sender' } as Answer<typeof name>;
      const tabId = kind === 'page' ? undefined : s.tab?.id;
      const binding = tabId === undefined ? undefined : await bindings.get(tabId);
      const denied = checkAccess(name, kind, data, binding?.noticeKey);
      if (denied) return { ok: false, error: `refused: ${denied}` } as Answer<typeof name>;
      if ((TAB_REQUESTS as readonly string[]).includes(name)) {
        return tabHandlers.handle(name as TabRequest, data, { tabId: tabId as number, frameId: s.frameId ?? 0, url: s.url! }) as Promise<Answer<typeof name>>;
      }
      return service.handle(name as Exclude<Name, TabRequest>, data) as Promise<Answer<typeof name>>;
    });
  }

  async function broadcastChange(noticeKey: string, annotation: ItemAnnotation) {
    for (const [tabId] of await bindings.tabsOf(noticeKey)) {
      sendMessage('annotationChanged', { noticeKey, annotation }, tabId).catch(() => {});
      editors.changed(tabId, noticeKey, annotation);
    }
  }

  // Ask once that the browser never evicts the notes; record what it said.
  void (async () => {
    const persisted = (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
    await setMeta(db, 'storagePersisted', { persisted, at: Date.now() });
  })().catch(() => {});
});
