/**
 * Shows a recognised notice in a document: open it in the background (which binds the tab to
 * it), mount the rows, load the saved annotations, then mark <html data-duban="ready"
 * data-duban-items="N">; in idle time, make the one editor frame. Shared by the notice script on
 * a web page (./index.ts) and duban's document viewer (entrypoints/viewer/), which shows an
 * attachment's notice the same way. It never edits: it shows, and asks the background to show
 * the editor frame. The performance marks duban:recognised … duban:ready time it (duban:answer: the
 * background's answer came).
 */
import { createItemStore } from '../../lib/annotation/item-store';
import { timeProgress } from '../../lib/annotation/schedule';
import { shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { keyOfHash } from '../../lib/notice/item-key';
import { noticeKey } from '../../lib/notice/notice-key';
import { fingerprintsIfSame } from '../../lib/notice/peek';
import type { ItemAnchor } from '../../lib/notice/recognise';
import type { PageQuote } from '../../lib/notice/page-quote';
import type { ItemPlace, PageSignature } from '../../lib/notice/page-map';
import type { Notice } from '../../lib/notice/types';
import type { EditorTarget, OpenedNotice, PeekedNotice, Result } from '../../lib/protocol';
import { onMessage, removeAllListeners, sendMessage } from '../../utils/messaging';
import { createEditorFrame, type EditorFrame } from './editor-frame';
import { buildOverlays } from './mount';
import { isDarkBackground } from '../../lib/util/colour';
import { backgroundsBehind, sharedSheet } from './shadow';
import css from './styles.css?inline';

/** How long to wait for the background before showing the overlays without saved annotations. */
const ATTACH_WAIT = 300;
/** How long to wait for the saved annotations before calling the page ready without them. */
const OPEN_TIMEOUT = 10_000;
/** The longest the quotes and the editor frame wait for idle time after the rows are ready. */
const IDLE_WAIT = 2_000;

export interface ShownNotice {
  /** Takes everything away again (duban reloaded or removed). */
  remove(): void;
}

export interface ShowOptions {
  /** The page is a copy of the notice (not on a government site). */
  copy: boolean;
  /**
   * The items' quotes, when the notice came without them (lib/notice/recognise.ts): worked out and
   * sent once the rows are ready, in idle time.
   */
  quotes?: () => Map<string, PageQuote>;
  /** The background's answer to peekNotice, asked as the script started (./index.ts). */
  peek?: Promise<PeekedNotice | null>;
  /**
   * The page's text and where the items are on it (lib/notice/page-map.ts), worked out and sent
   * once the rows are ready, in idle time: the next visit need not read the page.
   */
  pageMap?: () => Promise<{ page: Required<PageSignature>; items: ItemPlace[] } | undefined>;
}

export async function showNotice(doc: Document, notice: Notice, anchors: Map<string, ItemAnchor>, options: ShowOptions): Promise<ShownNotice> {
  const html = doc.documentElement;
  const view = doc.defaultView ?? window;
  performance.mark('duban:recognised');
  const key = noticeKey(notice);
  // What the background knew of this page before it was read: when its items read the same, the
  // rows show their annotations at once, and openNotice (which binds the tab) goes after them.
  const peeked = options.peek ? await options.peek : null;
  const fingerprints = fingerprintsIfSame(peeked, key, notice.items);
  const early = fingerprints && peeked;
  let opened: Promise<Result<OpenedNotice>> | undefined;
  const open = () => (opened ??= withTimeout(sendMessage('openNotice', notice), OPEN_TIMEOUT));
  if (!early) {
    open();
    // The messenger hands the request to the browser one microtask later: let it go before the
    // build below keeps the thread busy, so the background works while the overlays are built.
    await Promise.resolve();
  }

  // The page's copy of the stored annotations: shown, never edited here.
  const store = createItemStore({
    noticeKey: key,
    items: notice.items,
    send: async () => ({ ok: false, error: 'the page does not save' }),
  });
  onMessage('annotationChanged', ({ data }) => {
    if (data.noticeKey === store.noticeKey) store.received(data.annotation);
  });
  // An import or an undo elsewhere: the notice's annotations as stored now, older ones too.
  onMessage('annotationsReplaced', ({ data }) => {
    if (data.noticeKey === store.noticeKey) store.replaceAll(data.annotations);
  });

  // The rows take the page's colours: its background behind the first item decides light or dark.
  const first = anchors.values().next().value?.nodes[0]?.parentElement ?? doc.body;
  const pageIsDark = isDarkBackground(backgroundsBehind(first));
  const sheet = sharedSheet(doc, css, pageIsDark);
  let editor: EditorFrame | undefined;
  // The editor frame works for the notice this tab opened: never before openNotice has answered.
  // The editor is tall enough for the item's conflict copies and colleagues' notes (the row counts them).
  const recordsOf = (itemKey: string) => store.view(itemKey).stored?.noteCopies?.length ?? 0;
  const openEditor = (target: EditorTarget, anchor: HTMLElement, textTop?: () => number) => {
    // At once, before the frame measures where it goes: the row it leaves may go with a filter.
    overlays.hold('itemKey' in target ? target.itemKey : undefined);
    void open().then(() => {
      editor ??= makeEditor();
      void editor.open({ ...target, dark: pageIsDark }, anchor, 'itemKey' in target ? recordsOf(target.itemKey) : 0, textTop);
    });
  };
  // …and grows (or shrinks) when one comes or goes while it is open.
  store.subscribe('*', () => {
    const at = editor?.openAt;
    if (at && 'itemKey' in at) editor!.resize(recordsOf(at.itemKey));
  });
  const makeEditor = () => createEditorFrame(doc, sheet, (t) => sendMessage('openEditor', t));
  onMessage('editorChanged', ({ data }) => {
    if (data.type === 'ready') editor?.attached();
    else if (data.type === 'tall') editor?.setTall(data.tall);
    else if (editor) {
      const at = editor.openAt;
      editor.hide();
      overlays.hold(undefined);
      overlays.focusRow(at && 'itemKey' in at ? at.itemKey : undefined);
    }
  });
  // A click elsewhere on the page puts the editor away (its fields save as they are left).
  doc.addEventListener('mousedown', (e) => {
    const at = editor?.openAt;
    if (!at || e.target === editor!.host) return;
    editor!.hide();
    // The row it leaves goes with a filter once the click is done: gone at the press, it would move
    // the rows under the pointer, and the click would land on another.
    if ('itemKey' in at) view.addEventListener('pointerup', () => setTimeout(() => overlays.release(at.itemKey)), { once: true, capture: true });
  }, true);

  const today = shanghaiDayOf(Date.now());
  if (early) {
    store.load(early.annotations, key, fingerprints);
    store.markTextChanged(early.changed);
  }
  const overlays = buildOverlays(doc, {
    notice,
    anchors,
    store,
    today,
    expected: timeProgress(today, notice.year ?? Number(today.slice(0, 4))),
    openEditor,
    sheet,
    copy: options.copy,
  });
  // A copy says so in its bar, and on the page for tests and styles (the page knows its host anyway).
  if (options.copy) html.setAttribute('data-duban-copy', '');

  performance.mark('duban:built');

  // Attached once the saved annotations are in (the page lays out once), or after a short wait
  // when the background is slow to wake; they fill in when they come.
  let attached = false;
  const attach = () => {
    if (attached) return;
    attached = true;
    overlays.flush();
    overlays.attach();
  };

  const jumpToHash = () => {
    const key = keyOfHash(view.location.hash);
    if (key !== undefined) overlays.jumpTo(key);
  };

  const loaded = (r: Result<OpenedNotice>) => {
    performance.mark('duban:answer');
    if (r.ok) {
      store.load(r.value.annotations, r.value.noticeKey, r.value.fingerprints);
      // The page's text differs from the stored notice's: those rows say 原文已更改 (and only
      // those: the peek's word may predate a revision accepted since).
      store.markTextChanged(r.value.revision?.differs ?? []);
    } else overlays.setLoadError(r.error);
  };
  const failed = (e: unknown) => overlays.setLoadError(e instanceof Error ? e.message : String(e));

  const ready = () => {
    attach();
    html.setAttribute('data-duban-items', String(overlays.items.size));
    html.setAttribute('data-duban', 'ready');
    performance.mark('duban:ready');
    // The notice opened (the tab bound to it): the quotes go first, then the editor frame loads in
    // idle time, ready before the first click.
    // At most IDLE_WAIT: a page busy with its own scripts (or a machine busy with others) may
    // give no idle time for long, and the frame must be there by the first click.
    const idle = (fn: () => void) => (view.requestIdleCallback ? view.requestIdleCallback(fn, { timeout: IDLE_WAIT }) : setTimeout(fn, 50));
    const { quotes, pageMap } = options;
    // (Its failure is the bar's to show: loaded/failed below.)
    void open().catch(() => undefined).then(() => {
      if (quotes) idle(() => void sendMessage('saveNoticeQuotes', { quotes: [...quotes()].map(([key, quote]) => ({ key, quote })) }).catch(() => {}));
      if (pageMap) {
        idle(() => void pageMap().then((map) => map && sendMessage('savePageMap', map)).catch(() => {}));
      }
      idle(() => (editor ??= makeEditor()));
    });
    // Links from the popup, the overview and reminders end in #duban-item-<key>.
    jumpToHash();
    view.addEventListener('hashchange', jumpToHash);
  };

  if (early) {
    ready();
    void open().then(loaded, failed);
  } else {
    const attachAnyway = setTimeout(attach, ATTACH_WAIT);
    void open()
      .then(loaded, failed)
      .finally(() => {
        clearTimeout(attachAnyway);
        ready();
      });
  }

  return {
    remove() {
      removeAllListeners();
      store.dispose();
      overlays.unmount();
      editor?.remove();
      html.removeAttribute('data-duban');
      html.removeAttribute('data-duban-items');
    },
  };
}

function withTimeout<T>(p: Promise<Result<T>>, ms: number): Promise<Result<T>> {
  return Promise.race([p, new Promise<Result<T>>((resolve) => setTimeout(() => resolve({ ok: false, error: `no answer in ${ms} ms` }), ms))]);
}
