/**
 * The background's line to each tab's editor frame. Messages to a tab (tabs.sendMessage) reach
 * its content scripts, not an extension page framed in it, so the frame holds a port open to the
 * background (and opens it again whenever the service worker stopped). The port's sender is
 * checked like any message's: only duban's editor frame in a tab gets one.
 */
import { browser } from '#imports';
import type { ItemAnnotation } from '../../lib/annotation/model';
import { EDITOR_PORT, senderKind, type EditorPortMessage, type EditorTarget, type SenderInfo } from '../../lib/protocol';
import { isOfficialUrl } from '../../lib/notice/notice-key';

type Port = ReturnType<typeof browser.runtime.connect>;

/** How long the frame may take to draw an item before "open" is given up. */
const SHOW_TIMEOUT = 5_000;

/** `onReady(tabId)`: a tab's frame has connected (and so has attached). */
export function createEditorPorts(onReady: (tabId: number) => void) {
  const ports = new Map<number, Port>();
  const waiting = new Map<number, (ok: boolean) => void>();
  let next = 1;

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EDITOR_PORT) return;
    const sender = port.sender as SenderInfo | undefined;
    const tabId = sender?.tab?.id;
    if (!sender || senderKind(sender, browser.runtime.id, isOfficialUrl) !== 'editor' || tabId === undefined) {
      port.disconnect();
      return;
    }
    ports.set(tabId, port);
    port.onMessage.addListener((m: EditorPortMessage) => {
      if (m?.type === 'shown' && typeof m.id === 'number') waiting.get(m.id)?.(true);
    });
    port.onDisconnect.addListener(() => {
      if (ports.get(tabId) === port) ports.delete(tabId);
    });
    onReady(tabId);
  });

  function post(tabId: number, message: EditorPortMessage) {
    try {
      ports.get(tabId)?.postMessage(message);
    } catch {
      // the frame went away: it reconnects when it comes back (and attaches with the stored annotations)
    }
  }

  return {
    has: (tabId: number) => ports.has(tabId),
    /** Asks the tab's frame to show `target`; true once it has drawn it. */
    show(tabId: number, target: EditorTarget): Promise<boolean> {
      const port = ports.get(tabId);
      if (!port) return Promise.resolve(false);
      const id = next++;
      return new Promise<boolean>((resolve) => {
        const done = (ok: boolean) => {
          waiting.delete(id);
          clearTimeout(timer);
          resolve(ok);
        };
        const timer = setTimeout(() => done(false), SHOW_TIMEOUT);
        waiting.set(id, done);
        try {
          port.postMessage({ type: 'show', id, target } satisfies EditorPortMessage);
        } catch {
          done(false);
        }
      });
    },
    /** Tells the tab's frame of a saved change (another tab's, a reminder's). */
    changed(tabId: number, noticeKey: string, annotation: ItemAnnotation) {
      post(tabId, { type: 'changed', noticeKey, annotation });
    },
    /** Tells the tab's frame of the notice's annotations as stored after an import or an undo. */
    replaced(tabId: number, noticeKey: string, annotations: ItemAnnotation[]) {
      post(tabId, { type: 'replaced', noticeKey, annotations });
    },
  };
}

export type EditorPorts = ReturnType<typeof createEditorPorts>;
