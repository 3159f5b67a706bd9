/**
 * Builds one overlay per item, each a Preact tree in its own closed shadow root, all sharing one
 * stylesheet, plus the notice bar. Built detached (while the background is asked for the saved
 * annotations), then attached in one go: right after each item's text, the bar at the top of the
 * notice's body, so the page lays out once. The first overlays render at once, the rest as they
 * come near the viewport or in idle time, so a long notice costs no long task.
 */
import { render } from 'preact';
import { ItemRow } from '../../components/ItemRow';
import type { ItemStore } from '../../lib/annotation/item-store';
import { commonContainer, itemBlocks, overlayPosition, type Position } from '../../lib/notice/placement';
import type { ItemAnchor } from '../../lib/notice/recognise';
import type { Notice, NoticeItem } from '../../lib/notice/types';
import { mountBar } from './bar';
import { createPageFilter } from './page-filter';
import { createShadowHost, isolateKeys } from './shadow';

export interface MountOptions {
  notice: Notice;
  anchors: Map<string, ItemAnchor>;
  store: ItemStore;
  /** Today in Asia/Shanghai. */
  today: string;
  /** 序时进度 for the notice's year, in percent. */
  expected: number;
  /** Opens the editor at an item, or at the orphaned notes, under `anchor`; `textTop`: where the item's text begins in the window. */
  openEditor: (target: { itemKey: string } | { orphans: true }, anchor: HTMLElement, textTop?: () => number) => void;
  /** The stylesheet every shadow root shares. */
  sheet: CSSStyleSheet | string;
  /** The page is a copy of the notice (not on a government site): the bar says so. */
  copy?: boolean;
}

export interface MountedItem {
  item: NoticeItem;
  host: HTMLElement;
  root: ShadowRoot;
}

export interface Overlays {
  items: Map<string, MountedItem>;
  /** Puts the built overlays and the bar into the page. */
  attach(): void;
  /** Renders item `itemKey` now if it has not been (before jumping to it). */
  ensureRendered(itemKey: string): void;
  /** Draws pending changes now rather than at the end of the task. */
  flush(): void;
  /** Scrolls to item `n` and focuses its overlay; false when the page has no such item. */
  jumpTo(itemKey: string): boolean;
  /** Gives the keyboard back to item `n`'s row (its edit button); when a filter hid it, to the nearest row shown; else to the bar. */
  focusRow(itemKey: string | undefined): void;
  /** Keeps item `itemKey`'s row shown through a filter while the editor is open at it (undefined: none). */
  hold(itemKey: string | undefined): void;
  /** The editor left item `itemKey`: a filter may hide it now. */
  release(itemKey: string): void;
  /** Shows a failure to load saved annotations in the bar. */
  setLoadError(message: string): void;
  unmount(): void;
}

/** Overlays this many viewport heights from view render when they are observed there. */
const NEAR = 1;
/** At most this many overlays render while building: those in view then (see itemsInView). */
const EAGER = 24;
/** At most this many overlays render in one idle slice (~0.2 ms each). */
const CHUNK = 24;

export function buildOverlays(doc: Document, o: MountOptions): Overlays {
  const sheet = o.sheet;
  const { notice, anchors, store } = o;
  const items = new Map<string, MountedItem>();
  const positions = new Map<string, Position>();
  const firstNode = anchors.get(notice.items[0]?.key ?? '')?.nodes[0];
  const lastNode = anchors.get(notice.items.at(-1)?.key ?? '')?.nodes.at(-1);
  const container = (firstNode && lastNode && commonContainer(firstNode, lastNode)) || doc.body;

  // Renders are batched: one edit changes the store several times in a task. Only rendered
  // overlays redraw; the others render with the latest data when their turn comes.
  const rendered = new Set<string>();
  const dirty = new Set<string>();
  let scheduled = false;
  const drawDirty = () => {
    scheduled = false;
    for (const n of dirty) draw(n);
    dirty.clear();
  };
  const schedule = (itemKey: string) => {
    if (!rendered.has(itemKey)) return;
    dirty.add(itemKey);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(drawDirty);
    }
  };

  const view = doc.defaultView ?? window;
  // Which item a host is comes from duban's own state, never from the page's DOM (a page can
  // relabel or swap hosts).
  const itemOfHost = new WeakMap<Element, string>();
  const near = new view.IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        if (e.target === bar.host) bar.show();
        const n = itemOfHost.get(e.target);
        if (n !== undefined) ensureRendered(n);
      }
    },
    { rootMargin: `${NEAR * 100}% 0px` },
  );
  const ensureRendered = (itemKey: string) => {
    if (!rendered.has(itemKey)) draw(itemKey);
  };

  // The rest, in page order, a few at a time while the page is idle.
  const idle = (fn: (d?: IdleDeadline) => void) =>
    view.requestIdleCallback ? view.requestIdleCallback(fn, { timeout: 100 }) : view.setTimeout(fn, 1);
  let stopped = false;
  const renderRest = (deadline?: IdleDeadline) => {
    if (stopped) return;
    bar.show();
    let budget = CHUNK;
    for (const itemKey of items.keys()) {
      if (rendered.has(itemKey)) continue;
      if (budget-- <= 0 || (deadline && deadline.timeRemaining() < 2 && !deadline.didTimeout)) return void idle(renderRest);
      draw(itemKey);
    }
    near.disconnect();
    doc.documentElement.setAttribute('data-duban-rendered', String(rendered.size));
    performance.mark('duban:rendered');
  };

  // A row shows the units that fit its room and how many did not (+2): counted again whenever
  // that room changes (a narrower window, the row wrapping), after layout, never on a forced one.
  const fit = new view.ResizeObserver((entries) => {
    for (const e of entries) countHiddenUnits(e.target);
  });

  const opens = new Map<string, () => void>();
  function draw(itemKey: string) {
    const m = items.get(itemKey);
    if (!m) return;
    const first = !rendered.has(itemKey);
    if (first) {
      rendered.add(itemKey);
      isolateKeys(m.root);
    }
    render(
      <ItemRow item={m.item} view={store.view(itemKey)} today={o.today} expected={o.expected} onOpen={opens.get(itemKey)!} showKey={positions.get(itemKey)?.apart} />,
      m.root,
    );
    const units = first && m.item.units.length > 1 ? m.root.querySelector('.units') : null;
    if (units) fit.observe(units);
  }

  const unsubscribe: (() => void)[] = [];
  // Layout read while the page is as it was: a table's overlay rows go in below (row-placement.ts),
  // and a read after them would lay the table out again, mid-build.
  const eager = itemsInView(notice.items.map((i) => i.key), anchors, view);
  const barInView = container.getBoundingClientRect().top < view.innerHeight;
  for (const item of notice.items) {
    const anchor = anchors.get(item.key);
    const pos = anchor && overlayPosition(anchor);
    if (!anchor || !pos) continue;
    const itemKey = item.key;
    const { host, root } = createShadowHost(doc, 'div', { 'data-duban-item': String(itemKey) }, sheet, { isolate: false });
    itemOfHost.set(host, itemKey);
    opens.set(itemKey, () => o.openEditor({ itemKey }, host, () => textTop(doc, anchor)));
    items.set(itemKey, { item, host, root });
    positions.set(itemKey, pos);
    // The rows in view render now; the rest wait for the observer or idle time.
    if (eager.has(itemKey)) draw(itemKey);
    unsubscribe.push(store.subscribe(itemKey, () => schedule(itemKey)));
  }

  // Filtering hides an item's paragraphs (text and 牵头单位 line) with its overlay.
  const filter = createPageFilter(doc, () =>
    [...items].map(([n, m]): [string, Element[]] => [n, [...itemBlocks(anchors.get(n)!, container), m.host]]),
  );
  const bar = mountBar(doc, sheet, {
    notice,
    store,
    items,
    filter,
    today: o.today,
    copy: o.copy,
    ensureRendered,
    onOrphans: (anchor) => o.openEditor({ orphans: true }, anchor),
  });
  // The bar goes at the top of the items' container: drawn now if that is in view.
  if (barInView) bar.show();

  // In a window narrower than the page, each row ends at the window's edge (fitRowsToWindow):
  // measured once the page is idle, and again when the window changes size.
  let fitted = false;
  const fitRows = () => {
    if (stopped) return;
    const root = doc.documentElement;
    const narrow = root.scrollWidth > root.clientWidth;
    // Most windows are wider than the page: nothing to measure, nothing to undo.
    if (narrow || fitted) fitRowsToWindow(doc, [...items.values()].map((m) => m.host), narrow);
    fitted = narrow;
  };
  let refitting = false;
  const refit = () => {
    if (refitting) return;
    refitting = true;
    view.requestAnimationFrame(() => {
      refitting = false;
      fitRows();
    });
  };

  return {
    items,
    attach() {
      for (const [itemKey, { host }] of items) {
        const { parent, before } = positions.get(itemKey)!;
        parent.insertBefore(host, before);
        near.observe(host);
      }
      // Over the items: at the top of their container, or before their table when they are its
      // rows (a <div> among a table's rows would be laid out in its first cell).
      const table = /^(TABLE|TBODY|THEAD|TFOOT|TR)$/.test(container.tagName) ? container.closest('table') : null;
      if (table?.parentNode) table.parentNode.insertBefore(bar.host, table);
      else container.insertBefore(bar.host, container.firstChild);
      bar.host.after(bar.handle);
      bar.watch();
      near.observe(bar.host);
      idle(renderRest);
      idle(fitRows);
      view.addEventListener('resize', refit);
    },
    ensureRendered,
    flush: drawDirty,
    jumpTo: bar.jump,
    focusRow(itemKey) {
      // The row itself; if a filter hid it, the next row shown (else the one before): the keyboard
      // stays where the user was, not in a bar that may be far up the page.
      const order = [...items.keys()];
      const at = itemKey === undefined ? -1 : order.indexOf(itemKey);
      const near = at < 0 ? [] : [...order.slice(at), ...order.slice(0, at).reverse()];
      for (const key of near) {
        const m = items.get(key)!;
        const edit = m.host.checkVisibility() ? m.root.querySelector<HTMLElement>('button.edit') : null;
        if (edit) return edit.focus({ preventScroll: true });
      }
      bar.focus();
    },
    hold: bar.hold,
    release: bar.release,
    setLoadError: bar.setLoadError,
    unmount() {
      stopped = true;
      view.removeEventListener('resize', refit);
      near.disconnect();
      fit.disconnect();
      doc.documentElement.removeAttribute('data-duban-rendered');
      for (const u of unsubscribe) u();
      bar.unmount();
      filter.clear();
      for (const m of items.values()) {
        render(null, m.root);
        m.host.remove();
      }
      items.clear();
    },
  };
}

/**
 * Where an item's text begins in the window: its first line, or its responsibility line when that
 * comes first (a table's 牵头单位 row over the item's). The editor goes above it, never over it.
 */
function textTop(doc: Document, anchor: ItemAnchor): number {
  const range = doc.createRange();
  let top = Infinity;
  for (const node of [anchor.nodes[0], anchor.unitNodes[0]]) {
    if (!node?.isConnected) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.height) top = Math.min(top, r.top);
  }
  return top;
}

/** A row never narrower than this (its who-answers line and 编辑 still fit). */
const MIN_ROW = 240;
/** Room kept between a row and the window's right edge. */
const EDGE = 8;

/**
 * Government templates fix their width (1000–1200 px): in a narrower window a row as wide as the
 * notice's column put its 编辑 past the window's right edge, out of sight beside the item's start.
 * There each row ends at the window's edge (and wraps, as on a narrow column); elsewhere rows keep
 * their column's width. All reads first, then all writes: one layout.
 */
function fitRowsToWindow(doc: Document, hosts: readonly HTMLElement[], narrow: boolean): void {
  const width = doc.documentElement.clientWidth;
  const scrollX = doc.defaultView?.scrollX ?? 0;
  const lefts = narrow ? hosts.map((h) => h.getBoundingClientRect().left + scrollX) : [];
  hosts.forEach((h, i) => {
    if (narrow) h.style.setProperty('max-width', `${Math.max(MIN_ROW, Math.floor(width - lefts[i]! - EDGE))}px`, 'important');
    else h.style.removeProperty('max-width');
  });
}

/**
 * Marks how many of a row's units wrapped onto the line its list hides, placed after the last one
 * shown (styles.css: .more). Keeping room for the mark changes the list's size: the observer
 * counts again, and the count settles.
 */
function countHiddenUnits(list: Element): void {
  const more = list.nextElementSibling as HTMLElement | null;
  const units = list.children;
  if (!more || units.length < 2) return;
  const top = (units[0] as HTMLElement).offsetTop;
  let hidden = 0;
  let end = 0;
  for (const unit of units as HTMLCollectionOf<HTMLElement>) {
    if (unit.offsetTop > top) hidden++;
    else end = unit.offsetLeft + unit.offsetWidth;
  }
  list.toggleAttribute('data-cut', hidden > 0);
  if (!hidden) return void more.removeAttribute('data-label');
  more.setAttribute('data-label', `+${hidden}`);
  more.style.setProperty('--at', `${end + 6}px`);
}

/**
 * The items whose text is in the viewport now, before duban adds anything: their rows render while
 * the overlays are built, so that the rows in view are drawn when the page is marked ready, and
 * no time goes to rows no one sees yet (a notice's list mostly starts below its page's header).
 * The items are in page order: a binary search for the first one not above the viewport, then
 * those that follow until one starts below it — a handful of layout reads, on a page laid out.
 */
function itemsInView(keys: readonly string[], anchors: Map<string, ItemAnchor>, view: Window): Set<string> {
  const rect = (key: string) => anchors.get(key)?.nodes[0]?.parentElement?.getBoundingClientRect();
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = rect(keys[mid]!);
    if (r && r.bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const inView = new Set<string>();
  // The item before the first in view may end in it: its row goes after its last line.
  for (let i = Math.max(0, lo - 1); i < keys.length && inView.size < EAGER; i++) {
    const r = rect(keys[i]!);
    if (r && r.top > view.innerHeight) break;
    inView.add(keys[i]!);
  }
  return inView;
}
