/**
 * duban's one editor frame on the page: an extension page (editor.html, web-accessible with a
 * dynamic URL) in a closed shadow root on a plain host, made in idle time once the overlays are
 * ready and reused for every item. It floats under the row being edited (the page scrolled to make
 * room), or above the item's text where the page ends too soon, never over it. The frame is told which
 * item to show through the background, never by this script's postMessage (a page could forge
 * that), and gets focus only once it has drawn the item, so no key meanwhile lands in the page.
 */
import { browser } from '#imports';
import type { EditorTarget, Result } from '../../lib/protocol';
import { editorTop, roomBeside, scrollForEditor, type ItemSpan } from '../../lib/util/editor-place';
import { t } from '../../utils/i18n';
import { createShadowHost } from './shadow';

export const EDITOR_HEIGHT = 300;
/** What each note record beside the note (a conflict copy, a colleague's note) adds, up to MAX_HEIGHT. */
const RECORD_HEIGHT = 112;
const MAX_HEIGHT = 620;
const GAP = 4;

/**
 * The frame's height for an item holding `records` note records: each shown whole. (The row shows
 * their count already: the page learns nothing from the height.)
 */
export function editorHeight(records: number, viewport: number): number {
  return Math.max(EDITOR_HEIGHT, Math.min(EDITOR_HEIGHT + records * RECORD_HEIGHT, MAX_HEIGHT, viewport - 2 * GAP));
}

export interface EditorFrame {
  host: HTMLElement;
  /** The background says the frame has attached. */
  attached(): void;
  /**
   * Shows the frame at `target`, under `anchor`, tall enough for `records` note records beside the
   * note; resolves false when it could not. `textTop` tells where the item's text begins in the
   * window (the row follows it): where the frame cannot go under the row, it goes above that.
   */
  open(target: EditorTarget, anchor: HTMLElement, records?: number, textTop?: () => number): Promise<boolean>;
  /** Makes the open frame as tall as `records` note records need (one came or went while it was open). */
  resize(records: number): void;
  /** As tall as the window allows while the user reads the history in it; else its own height. */
  setTall(tall: boolean): void;
  /** Hides the frame (the user pressed Escape there, or clicked elsewhere). */
  hide(): void;
  readonly openAt: EditorTarget | undefined;
  remove(): void;
}

export function createEditorFrame(
  doc: Document,
  sheet: CSSStyleSheet | string,
  show: (target: EditorTarget) => Promise<Result<true>>,
): EditorFrame {
  const { host, root } = createShadowHost(doc, 'div', { 'data-duban-editor': 'loading' }, sheet);
  const frame = doc.createElement('iframe');
  frame.src = (browser.runtime.getURL as (p: string) => string)('/editor.html');
  frame.title = t('editor.frameTitle');
  // Nothing of the page reaches the frame: no referrer, no features it does not need.
  frame.referrerPolicy = 'no-referrer';
  frame.allow = '';
  root.append(frame);
  doc.body.append(host);

  let resolveAttached!: () => void;
  const attached = new Promise<void>((r) => (resolveAttached = r));
  let openAt: EditorTarget | undefined;
  let anchor: HTMLElement | undefined;
  let textTopOf: (() => number) | undefined;
  let height = EDITOR_HEIGHT;
  let records = 0;
  // The history is open in the frame (the editor said so; it stays open from item to item).
  let tall = false;
  const view = doc.defaultView!;
  const span = (r: DOMRect): ItemSpan => ({ rowTop: r.top, rowBottom: r.bottom, textTop: Math.min(r.top, textTopOf?.() ?? r.top) });
  // Tall (the history open) or grown for note records, never taller than the window holds beside the item.
  const heightNow = () => {
    const wanted = tall ? Math.min(MAX_HEIGHT, view.innerHeight - 2 * GAP) : editorHeight(records, view.innerHeight);
    const room = anchor ? roomBeside(span(anchor.getBoundingClientRect()), view.innerHeight, GAP) : wanted;
    return Math.max(EDITOR_HEIGHT, Math.min(wanted, room));
  };

  // Fixed under the row (else above the item's text, lib/util/editor-place.ts), following it as the page scrolls.
  const place = () => {
    if (!anchor || !openAt) return;
    const r = anchor.getBoundingClientRect();
    const top = editorTop(span(r), height, view.innerHeight, GAP);
    host.style.setProperty('height', `${height}px`, 'important');
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
    // At the row's left, as wide as the row (at least 520 px), and never past the window's right edge.
    const windowWidth = view.document.documentElement.clientWidth || view.innerWidth;
    const width = Math.round(Math.min(Math.max(r.width, 520), windowWidth - 2 * GAP));
    host.style.setProperty('left', `${Math.round(Math.max(GAP, Math.min(r.left, windowWidth - GAP - width)))}px`, 'important');
    host.style.setProperty('width', `${width}px`, 'important');
  };
  // At its height now, the page scrolled, if it must and can, so that the frame fits under the row, or above the item's text.
  const fit = () => {
    if (!anchor) return;
    height = heightNow();
    const scroller = doc.scrollingElement ?? doc.documentElement;
    const room = { down: Math.max(0, scroller.scrollHeight - scroller.clientHeight - view.scrollY), up: view.scrollY };
    const dy = scrollForEditor(span(anchor.getBoundingClientRect()), height, view.innerHeight, room, GAP);
    if (dy) view.scrollBy({ top: dy, behavior: 'instant' });
    place();
  };
  view.addEventListener('scroll', place, { passive: true, capture: true });
  view.addEventListener('resize', place, { passive: true });
  // …and as the page's layout moves under it with no scroll (a filter applied from another tab hides
  // rows above, an image or a banner above comes in): the body's size changes then, and the frame
  // follows its row. A row still in the window keeps the frame under it, the page scrolled as on
  // opening (the browser's scroll anchoring does that on its own in a wide window, not always in a
  // narrow one); a row the user scrolled away from is left there.
  const follow = typeof ResizeObserver === 'function'
    ? new ResizeObserver(() => {
      const r = anchor?.getBoundingClientRect();
      if (r && r.bottom > 0 && r.top < view.innerHeight) fit();
      else place();
    })
    : undefined;

  // A printout lays the page out as published (styles.css @media print): the frame, hidden, loses
  // the keyboard, the page's or only its field's. Back on screen, an open editor takes it again,
  // unless something of the page has it now: focused anew, the frame puts it back in the field it
  // was in (entrypoints/editor/App.tsx).
  const printing = view.matchMedia('print');
  const afterPrint = () => {
    const active = doc.activeElement;
    if (!openAt || printing.matches || (active && active !== doc.body && active !== host)) return;
    if (active === host) frame.blur();
    frame.focus({ preventScroll: true });
  };
  const printChanged = (e: MediaQueryListEvent) => {
    if (!e.matches) afterPrint();
  };
  printing.addEventListener('change', printChanged);
  view.addEventListener('afterprint', afterPrint);

  return {
    host,
    attached() {
      host.setAttribute('data-duban-editor', 'ready');
      resolveAttached();
    },
    async open(target, at, shownRecords = 0, textTop) {
      performance.mark('duban:editor-open');
      await attached;
      const r = await show(target).catch(() => undefined);
      if (!r?.ok) return false;
      openAt = target;
      anchor = at;
      textTopOf = textTop;
      records = shownRecords;
      host.setAttribute('data-duban-editor-open', 'itemKey' in target ? String(target.itemKey) : 'orphans');
      follow?.observe(doc.body);
      fit();
      frame.focus();
      performance.mark('duban:editor-focused');
      return true;
    },
    resize(count) {
      records = count;
      if (anchor && heightNow() !== height) fit();
    },
    setTall(on) {
      tall = on;
      if (anchor) fit();
    },
    hide() {
      host.removeAttribute('data-duban-editor-open');
      follow?.disconnect();
      openAt = undefined;
      anchor = undefined;
      textTopOf = undefined;
    },
    get openAt() {
      return openAt;
    },
    remove() {
      view.removeEventListener('scroll', place, { capture: true });
      follow?.disconnect();
      view.removeEventListener('resize', place);
      printing.removeEventListener('change', printChanged);
      view.removeEventListener('afterprint', afterPrint);
      host.remove();
    },
  };
}
