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
import type { PageFilter } from './page-filter';
import { createShadowHost } from './shadow';

const FLASH_MS = 1600;

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

/** Builds the bar in its host; the caller puts `host` into the page. */
export function mountBar(doc: Document, sheet: CSSStyleSheet | string, o: BarOptions) {
  const { host, root } = createShadowHost(doc, 'div', { 'data-duban-bar': '' }, sheet);
  const units = unitNames(o.notice.items);
  const onPage = new Set(o.items.keys());
  let filter: ItemFilter = NO_FILTER;
  const isOverdue = (v: { followUp?: string; status: string }) =>
    !!v.followUp && v.status !== 'done' && followUpState(v.followUp, o.today) === 'overdue';
  let loadError: string | undefined;

  const setFilter = (f: ItemFilter) => {
    filter = f;
    if (isFiltering(f)) {
      o.filter.apply((n) => {
        const m = o.items.get(n);
        const v = o.store.view(n);
        return !!m && matchesFilter(m.item, v.status, f, isOverdue(v));
      });
    } else o.filter.clear();
    draw();
  };

  const jump = (n: string): boolean => {
    const m = o.items.get(n);
    if (!m) return false;
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
    const shown = isFiltering(filter)
      ? views.filter((v) => matchesFilter(o.items.get(v.itemKey)!.item, v.status, filter, isOverdue(v))).length
      : views.length;
    render(
      <NoticeBar
        total={views.length}
        shown={shown}
        counts={countByStatus(views.map((v) => v.status))}
        overdue={views.filter(isOverdue).length}
        changed={views.filter((v) => v.textChanged).length}
        units={units}
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

  let scheduled = false;
  const unsubscribe = o.store.subscribe('*', () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      draw();
    });
  });
  draw();

  return {
    host,
    jump,
    focus() {
      root.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    },
    setLoadError(message: string) {
      loadError = message;
      draw();
    },
    unmount() {
      unsubscribe();
      render(null, root);
      host.remove();
    },
  };
}
