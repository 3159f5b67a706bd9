/**
 * The notice bar, mounted once at the top of the notice's body in its own closed shadow host:
 * counts by status, filters (status, lead unit), jump to an item, orphaned annotations.
 */
import { render } from 'preact';
import { NoticeBar } from '../../components/NoticeBar';
import { countByStatus, isFiltering, matchesFilter, NO_FILTER, orphanAnnotations, unitNames, type ItemFilter } from '../../lib/annotation/filter';
import type { ItemStore } from '../../lib/annotation/item-store';
import { followUpState } from '../../lib/annotation/schedule';
import type { Notice, NoticeItem } from '../../lib/notice/types';
import { findTypedKey } from '../../lib/notice/item-key';
import type { PageFilter } from './page-filter';
import { createShadowHost } from './shadow';
import { t, uiLang } from '../../utils/i18n';

const FLASH_MS = 1600;
/** The handle beside the notice's column that brings the bar back: its width and its gap, px. */
const HANDLE_WIDTH = 26;
const HANDLE_GAP = 6;

interface BarOptions {
  notice: Notice;
  store: ItemStore;
  items: Map<string, { item: NoticeItem; host: HTMLElement; root: ShadowRoot }>;
  filter: PageFilter;
  today: string;
  /** The page is a copy of the notice: the bar marks it. */
  copy?: boolean;
  /** Renders item `itemKey` now if it has not been yet. */
  ensureRendered: (itemKey: string) => void;
  /** Opens the editor at the notes whose item the page no longer has, under the bar. */
  onOrphans: (anchor: HTMLElement) => void;
}

/**
 * Builds the bar in its host; the caller puts `host` into the page, and shows it (`show`) once it
 * is in view or near it: a notice's list mostly starts below its page's header, and drawing the
 * bar there would be the page's first Preact render, before any row is drawn.
 */
export function mountBar(doc: Document, sheet: CSSStyleSheet | string, o: BarOptions) {
  const { host, root } = createShadowHost(doc, 'div', { 'data-duban-bar': '' }, sheet);
  // Counted when the bar is first drawn: a bar out of view at load waits for the observer.
  let units: ReturnType<typeof unitNames> | undefined;
  const onPage = new Set(o.items.keys());
  let filter: ItemFilter = NO_FILTER;
  const isOverdue = (v: { followUp?: string; status: string }) =>
    !!v.followUp && v.status !== 'done' && followUpState(v.followUp, o.today) === 'overdue';
  let loadError: string | undefined;

  // The item open in the editor: shown while it is, whatever its status becomes there (the user
  // still sees what they edit); the filter takes it when the editor closes.
  let held: string | undefined;
  const matches = (n: string) => {
    const m = o.items.get(n);
    const v = o.store.view(n);
    return !!m && matchesFilter(m.item, v.status, filter, isOverdue(v));
  };
  const shows = (n: string) => n === held || matches(n);
  // The page shows what the bar counts: applied again whenever an item or the filter changes.
  const applyFilter = () => (isFiltering(filter) ? o.filter.apply(shows) : o.filter.clear());

  const setFilter = (f: ItemFilter) => {
    filter = f;
    applyFilter();
    draw();
  };

  const hold = (itemKey: string | undefined) => {
    if (held === itemKey) return;
    held = itemKey;
    if (!isFiltering(filter)) return;
    applyFilter();
    if (drawn) draw();
  };

  const jump = (typed: string): boolean => {
    // Full-width digits (１２, as an input method types them), duban's own name of an item of a
    // page of several lists (清单2·1) and the number printed there (the first list's that has it).
    const n = findTypedKey(typed, o.items.keys());
    const m = n === undefined ? undefined : o.items.get(n);
    if (!m || n === undefined) return false;
    if (m.host.hasAttribute('data-duban-hidden')) setFilter(NO_FILTER);
    o.ensureRendered(n);
    m.host.scrollIntoView({ block: 'center' });
    m.root.querySelector<HTMLElement>('button.edit')?.focus({ preventScroll: true });
    m.host.setAttribute('data-flash', '');
    setTimeout(() => m.host.removeAttribute('data-flash'), FLASH_MS);
    return true;
  };

  function draw() {
    const views = [...o.items.keys()].map((n) => o.store.view(n));
    const shown = isFiltering(filter) ? views.filter((v) => shows(v.itemKey)).length : views.length;
    render(
      <NoticeBar
        total={views.length}
        shown={shown}
        counts={countByStatus(views.map((v) => v.status))}
        noUpdate={views.filter((v) => !v.stored).length}
        overdue={views.filter(isOverdue).length}
        changed={views.filter((v) => v.textChanged).length}
        units={(units ??= unitNames(o.notice.items))}
        filter={filter}
        onFilter={setFilter}
        onJump={jump}
        orphans={orphanAnnotations(o.store.stored(), onPage).length}
        onOrphans={() => o.onOrphans(host)}
        loadError={loadError}
        copy={o.copy}
      />,
      root,
    );
  }

  let drawn = false;
  let scheduled = false;
  const unsubscribe = o.store.subscribe('*', () => {
    if (scheduled || !drawn) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (isFiltering(filter)) applyFilter();
      draw();
    });
  });

  // The bar stays where it is in the page's flow: a bar stuck over the page would cover its text
  // (the signature at the end of the cover text, say). Once it has scrolled away, a narrow handle
  // in the margin beside the notice's column brings it back; where there is no margin, none.
  const handle = createShadowHost(doc, 'div', { 'data-duban-handle': '' }, sheet);
  const toBar = () => {
    host.scrollIntoView({ block: 'start' });
    root.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  };
  const show = () => {
    if (drawn) return;
    drawn = true;
    draw();
    render(
      <button type="button" class="handle" lang={uiLang()} aria-label={t('bar.backToBar')} title={t('bar.backToBar')} onClick={toBar}>
        {t('bar.title')} ↑
      </button>,
      handle.root,
    );
  };
  const view = doc.defaultView!;
  let away = false;
  const place = () => {
    const column = host.getBoundingClientRect();
    const width = HANDLE_WIDTH;
    const right = column.right + HANDLE_GAP;
    const left = column.left - HANDLE_GAP - width;
    const x = right + width <= view.innerWidth - HANDLE_GAP ? right : left >= HANDLE_GAP ? left : undefined;
    if (!away || x === undefined) return handle.host.removeAttribute('data-shown');
    handle.host.style.setProperty('left', `${x}px`, 'important');
    handle.host.setAttribute('data-shown', '');
  };
  const watch = new view.IntersectionObserver(([e]) => {
    away = !e.isIntersecting && e.boundingClientRect.bottom < 0;
    place();
  });
  view.addEventListener('resize', place, { passive: true });

  return {
    host,
    handle: handle.host,
    /** Starts watching whether the bar is in view (once both hosts are in the page). */
    watch() {
      watch.observe(host);
    },
    /** Draws the bar (and its handle), once. */
    show,
    jump,
    /** Keeps item `itemKey` shown while the editor is open at it (undefined: none; the filter takes the one held before). */
    hold,
    /** The editor left item `itemKey`: the filter takes it, unless the editor has opened at another item since. */
    release(itemKey: string) {
      if (held === itemKey) hold(undefined);
    },
    focus() {
      show();
      root.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    },
    setLoadError(message: string) {
      loadError = message;
      if (drawn) draw();
    },
    unmount() {
      unsubscribe();
      watch.disconnect();
      view.removeEventListener('resize', place);
      render(null, root);
      render(null, handle.root);
      host.remove();
      handle.host.remove();
    },
  };
}
