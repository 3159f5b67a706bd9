/**
 * Injected by the background (registration: 'runtime', not in the manifest) where the probe found
 * a likely notice or the user asked (entrypoints/background/page-injection.ts), once per page:
 * recognise the notice, or mark the page data-duban="none" and leave it alone; answer what it found
 * (PageRecognition). A page off government sites is a copy: its bar says 副本. On a notice: open it in the background (which binds this tab to it), mount the rows,
 * load the saved annotations, then mark <html data-duban="ready" data-duban-items="N">; in idle
 * time, make the one editor frame. This script never edits: it shows, and asks the background to
 * show the editor frame. The performance marks duban:start and duban:ready time it (npm run bench);
 * duban:recognised, duban:built and duban:rendered (every row drawn, in idle time) tell where the
 * time went.
 */
import { browser, defineContentScript } from '#imports';
import { createItemStore } from '../../lib/annotation/item-store';
import { timeProgress } from '../../lib/annotation/schedule';
import { shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { keyOfHash } from '../../lib/notice/item-key';
import { noticeKey } from '../../lib/notice/notice-key';
import { recogniseNotice } from '../../lib/notice/recognise';
import { isGovernmentUrl } from '../../lib/notice/government';
import type { EditorTarget, PageRecognition, Result } from '../../lib/protocol';
import { onMessage, removeAllListeners, sendMessage } from '../../utils/messaging';
import { createEditorFrame, type EditorFrame } from './editor-frame';
import { buildOverlays } from './mount';
import { sharedSheet } from './shadow';
import css from './styles.css?inline';

/** How long to wait for the background before showing the overlays without saved annotations. */
const ATTACH_WAIT = 300;
/** How long to wait for the saved annotations before calling the page ready without them. */
const OPEN_TIMEOUT = 10_000;

/**
 * What the first run in a page found, kept in duban's isolated world (which the page cannot
 * reach): a second injection answers it and draws nothing.
 */
const RUNNING = Symbol.for('duban.notice');
type Running = { [RUNNING]?: PageRecognition };

export default defineContentScript({
  // Built as a file and injected by the background: no `matches` in the manifest.
  registration: 'runtime',
  // WXT announces each start to the page with window.postMessage, naming the extension id, and
  // stops an older copy when it hears that again: a page replaying it would remove the overlays.
  noScriptStartedPostMessage: true,
  async main(ctx): Promise<PageRecognition> {
    const world = globalThis as Running;
    if (world[RUNNING]) return world[RUNNING];
    performance.mark('duban:start');
    const html = document.documentElement;
    const copy = !isGovernmentUrl(location.href);
    const found = recogniseNotice(document, {
      url: location.href,
      isVisible: (el) => el.checkVisibility?.() ?? true,
    });
    // Set before the first await: a second injection runs only after this one yields.
    world[RUNNING] = { verdict: found.ok ? 'notice' : 'none', copy };
    if (!found.ok) {
      html.setAttribute('data-duban', 'none');
      return world[RUNNING];
    }
    const { notice, anchors } = found;
    performance.mark('duban:recognised');
    const opened = withTimeout(sendMessage('openNotice', notice), OPEN_TIMEOUT);
    // The messenger hands the request to the browser one microtask later: let it go before the
    // build below keeps the thread busy, so the background works while the overlays are built.
    await Promise.resolve();

    // The page's copy of the stored annotations: shown, never edited here.
    const store = createItemStore({
      noticeKey: noticeKey(notice),
      items: notice.items,
      send: async () => ({ ok: false, error: 'the page does not save' }),
    });
    onMessage('annotationChanged', ({ data }) => {
      if (data.noticeKey === store.noticeKey) store.received(data.annotation);
    });

    const sheet = sharedSheet(document, css);
    let editor: EditorFrame | undefined;
    const openEditor = (target: EditorTarget, anchor: HTMLElement) => {
      editor ??= makeEditor();
      void editor.open(target, anchor);
    };
    const makeEditor = () => createEditorFrame(document, sheet, (t) => sendMessage('openEditor', t));
    onMessage('editorChanged', ({ data }) => {
      if (data.type === 'ready') editor?.attached();
      else if (editor) {
        const at = editor.openAt;
        editor.hide();
        overlays.focusRow(at && 'itemKey' in at ? at.itemKey : undefined);
      }
    });
    // A click elsewhere on the page puts the editor away (its fields save as they are left).
    document.addEventListener('mousedown', (e) => {
      if (editor?.openAt && e.target !== editor.host) editor.hide();
    }, true);

    const today = shanghaiDayOf(Date.now());
    const overlays = buildOverlays(document, {
      notice,
      anchors,
      store,
      today,
      expected: timeProgress(today, notice.year ?? Number(today.slice(0, 4))),
      openEditor,
      sheet,
      copy,
    });
    // A copy says so in its bar, and on the page for tests and styles (the page knows its host anyway).
    if (copy) html.setAttribute('data-duban-copy', '');

    performance.mark('duban:built');

    ctx.onInvalidated(() => {
      // Only a real end of this script (duban reloaded or removed) takes the overlays away; the
      // page cannot fake that, since runtime.id goes only with the extension.
      if (browser.runtime?.id) return;
      removeAllListeners();
      store.dispose();
      overlays.unmount();
      editor?.remove();
      html.removeAttribute('data-duban');
      html.removeAttribute('data-duban-items');
    });

    // Attached once the saved annotations are in (the page lays out once), or after a short wait
    // when the background is slow to wake; they fill in when they come.
    let attached = false;
    const attach = () => {
      if (attached) return;
      attached = true;
      overlays.flush();
      overlays.attach();
    };
    const attachAnyway = setTimeout(attach, ATTACH_WAIT);

    void opened
      .then((r) => {
        if (r.ok) {
          store.load(r.value.annotations, r.value.noticeKey);
          // The page's text differs from the stored notice's: those rows say 原文已更改.
          if (r.value.revision) store.markTextChanged(r.value.revision.differs);
        } else overlays.setLoadError(r.error);
      })
      .catch((e: unknown) => overlays.setLoadError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        clearTimeout(attachAnyway);
        attach();
        html.setAttribute('data-duban-items', String(overlays.items.size));
        html.setAttribute('data-duban', 'ready');
        performance.mark('duban:ready');
        // The editor frame loads in idle time, ready before the first click.
        const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 50));
        idle(() => (editor ??= makeEditor()));
        // Links from the popup, the overview and reminders end in #duban-item-<key>.
        jumpToHash();
        window.addEventListener('hashchange', jumpToHash);
      });
    return world[RUNNING];

    function jumpToHash() {
      const key = keyOfHash(location.hash);
      if (key !== undefined) overlays.jumpTo(key);
    }
  },
});

function withTimeout<T>(p: Promise<Result<T>>, ms: number): Promise<Result<T>> {
  return Promise.race([p, new Promise<Result<T>>((resolve) => setTimeout(() => resolve({ ok: false, error: `no answer in ${ms} ms` }), ms))]);
}
