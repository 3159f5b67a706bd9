/**
 * The editor frame's dealings with the background: attach (learn the tab's notice), save as the
 * user types, hear "show item N", other tabs' changes, imports and undos. One item store serves every item.
 */
import { createItemStore, type ItemStore } from '../../lib/annotation/item-store';
import { browser } from '#imports';
import { EDITOR_PORT, type EditorContext, type EditorPortMessage, type EditorTarget, type Result } from '../../lib/protocol';
import { sendMessage } from '../../utils/messaging';

export interface EditorConnection {
  /** Resolves once attached; retried while the background wakes. */
  ready: Promise<{ context: EditorContext; store: ItemStore }>;
  /** Called when the background asks to show a target; answered once it is drawn. */
  onShow(fn: (target: EditorTarget) => Promise<void>): void;
  close(): Promise<unknown>;
  loadHistory(itemKey: string): ReturnType<typeof sendMessage<'getItemHistory'>>;
  /** The history was opened or closed: the frame takes the room it may have, or its own height. */
  sizeFor(historyOpen: boolean): void;
  /** Appends a conflict copy to the note or dismisses it; the answer updates the store. */
  resolveCopy(itemKey: string, copyId: string, action: 'append' | 'dismiss'): Promise<void>;
}

const ATTEMPTS = 20;

export function connectEditor(): EditorConnection {
  let show: ((t: EditorTarget) => Promise<void>) | undefined;
  let key = '';
  const ready = (async () => {
    let r: Result<EditorContext> | undefined;
    for (let i = 0; i < ATTEMPTS && !r?.ok; i++) {
      r = await sendMessage('attachEditor', {}).catch((e: Error) => ({ ok: false as const, error: e.message }));
      if (!r.ok) await new Promise((res) => setTimeout(res, 100 * (i + 1)));
    }
    if (!r?.ok) throw new Error(r?.error ?? 'attach failed');
    const context = r.value;
    key = context.noticeKey;
    // No delay: each change leaves at once; edits made while one is in flight go with the next.
    const store = createItemStore({
      noticeKey: context.noticeKey,
      items: context.items,
      send: (patch) => sendMessage('saveAnnotation', patch),
      session: crypto.randomUUID(),
      delay: 0,
    });
    store.load(context.annotations);
    store.markTextChanged(context.changed);
    connect(store);
    // Whatever is typed goes out before the page does.
    addEventListener('pagehide', () => store.flush({ force: true }));
    return { context, store };
  })();
  /**
   * The background's line to this frame (tabs.sendMessage does not reach an extension frame):
   * "show item N" and other tabs' changes come this way. Opened again whenever the service worker
   * stopped, which also tells the page's content script the frame is ready.
   */
  function connect(store: ItemStore) {
    const port = browser.runtime.connect({ name: EDITOR_PORT });
    port.onMessage.addListener(async (m: EditorPortMessage) => {
      if (m.type === 'changed' && m.noticeKey === key) store.received(m.annotation);
      // An import or an undo: older versions too; what the user is typing stays on top.
      else if (m.type === 'replaced' && m.noticeKey === key) store.replaceAll(m.annotations);
      else if (m.type === 'show') {
        await show?.(m.target);
        port.postMessage({ type: 'shown', id: m.id } satisfies EditorPortMessage);
      }
    });
    port.onDisconnect.addListener(() => setTimeout(() => connect(store), 50));
  }
  return {
    ready,
    onShow: (fn) => (show = fn),
    close: () => sendMessage('closeEditor', {}),
    sizeFor: (historyOpen) => void sendMessage('sizeEditor', { tall: historyOpen }).catch(() => {}),
    loadHistory: (itemKey) => sendMessage('getItemHistory', { noticeKey: key, itemKey }),
    async resolveCopy(itemKey, copyId, action) {
      const { store } = await ready;
      const r = await sendMessage('resolveNoteCopy', { noticeKey: key, itemKey, copyId, action });
      if (r.ok) store.received(r.value);
    },
  };
}
