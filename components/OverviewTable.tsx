import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AuthorDirectory } from '../lib/annotation/author';
import type { ItemStatus } from '../lib/annotation/status';
import type { OverviewRow, OverviewSort, SortKey } from '../lib/followup/overview';
import { OverviewTableRow, type RowActions } from './OverviewTableRow';
import { t } from '../utils/i18n';
import { usePrinting } from '../utils/use-printing';

/** Every row is this tall (CSS keeps it so): the table renders only the rows in view. */
export const ROW_HEIGHT = 40;
const OVERSCAN = 6;

export interface OverviewTableProps {
  rows: readonly OverviewRow[];
  /** The day (Shanghai) that decides what is overdue. */
  today: string;
  sort: OverviewSort;
  onSort(key: SortKey): void;
  /** The row that has the keyboard (index into rows). */
  active: number;
  onActive(index: number): void;
  /** Opens the details panel of a row. */
  onOpen(row: OverviewRow): void;
  onStatus(row: OverviewRow, status: ItemStatus): void;
  onFollowUp(row: OverviewRow, day: string | null): void;
  /** Show the notice column (more than one notice). */
  showNotice: boolean;
  /** Show the deadline column (some item names a deadline): else its room goes to the items' words. */
  showDeadline: boolean;
  /** The authors known: names each row's 填报人. */
  authors: AuthorDirectory;
  /** The id of the row whose details are open. */
  openId?: string;
  scrollerRef?: RefObject<HTMLDivElement | null>;
}

interface Column {
  key: SortKey;
  cls: string;
}

const columnHeader = (key: SortKey) => (key === 'author' ? t('overviewAuthor.column') : t(`overview.column.${key}`));

/** In order; each headed by overview.column.<key> (填报人 by overviewAuthor.column). */
const COLUMNS: Column[] = [
  { key: 'notice', cls: 'c-notice' },
  { key: 'itemKey', cls: 'c-no' },
  { key: 'leader', cls: 'c-leader' },
  { key: 'text', cls: 'c-text' },
  { key: 'leadUnit', cls: 'c-unit' },
  { key: 'deadline', cls: 'c-deadline' },
  { key: 'status', cls: 'c-status' },
  { key: 'note', cls: 'c-note' },
  { key: 'author', cls: 'c-author' },
  { key: 'followUp', cls: 'c-follow' },
];

/**
 * Every annotated item in one table with real table semantics. Only the rows in view (plus a
 * margin) are in the DOM, between two spacer rows, so 10,000 rows render as fast as 40; printed, all.
 * Keyboard: ↑ ↓ PageUp PageDown Home End move between rows, Enter opens the details; Tab goes
 * through the row's status and follow-up fields.
 */
export function OverviewTable(props: OverviewTableProps) {
  const { rows, today, sort, active, showNotice, showDeadline } = props;
  const ownRef = useRef<HTMLDivElement>(null);
  const scroller = props.scrollerRef ?? ownRef;
  const [scrollTop, setScrollTop] = useState(0);
  // The scroller's height, measured before the first paint (a layout of the page without rows):
  // the first frame draws only the rows in view, and the margin below them (OVERSCAN) comes after
  // that frame, so the first screen costs no more rows than it shows.
  const [viewport, setViewport] = useState<number | null>(null);
  const [overscan, setOverscan] = useState(0);
  const focusWanted = useRef(false);
  const columns = COLUMNS.filter((c) => (c.key !== 'notice' || showNotice) && (c.key !== 'deadline' || showDeadline));
  // A printout holds every row of the filter: the print layout has no scrolling to draw them later.
  const printing = usePrinting();

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 800);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => setOverscan(OVERSCAN), []);

  const first = printing ? 0 : Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const last = printing ? rows.length : viewport === null ? 0 : Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + overscan);

  /** Scrolls so row `i` is in view and, after it renders, focuses it. */
  const moveTo = (i: number) => {
    const el = scroller.current;
    const target = Math.max(0, Math.min(rows.length - 1, i));
    if (el) {
      const head = el.querySelector('thead')?.getBoundingClientRect().height ?? ROW_HEIGHT;
      const top = target * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - head) el.scrollTop = top + ROW_HEIGHT - el.clientHeight + head;
      setScrollTop(el.scrollTop);
    }
    focusWanted.current = true;
    props.onActive(target);
  };

  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    scroller.current?.querySelector<HTMLElement>(`tr[data-index="${active}"]`)?.focus();
  });

  const page = Math.max(1, Math.floor((viewport ?? 0) / ROW_HEIGHT) - 2);
  const onRowKey = (e: KeyboardEvent, i: number, row: OverviewRow) => {
    // ↑ ↓ on a row's status still move down the table: a closed select would take them as a new
    // status, saved at once, by accident (Alt+↓ or Space opens its list).
    if (e.target instanceof HTMLSelectElement && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey) {
      e.preventDefault();
      moveTo(e.key === 'ArrowDown' ? i + 1 : i - 1);
      return;
    }
    if (e.target !== e.currentTarget) return; // other keys inside a select or date field are theirs
    const to: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, PageDown: i + page, PageUp: i - page, Home: 0, End: rows.length - 1 };
    if (e.key in to) {
      e.preventDefault();
      moveTo(to[e.key]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      props.onOpen(row);
    }
  };

  // Rows get one actions object for the table's life; it calls whatever this render holds.
  const latest = useRef({ props, onRowKey });
  latest.current = { props, onRowKey };
  const actions = useMemo<RowActions>(
    () => ({
      keyDown: (e, i, row) => latest.current.onRowKey(e, i, row),
      focus: (i) => latest.current.props.onActive(i),
      open: (i, row) => {
        latest.current.props.onActive(i);
        latest.current.props.onOpen(row);
      },
      status: (row, s) => latest.current.props.onStatus(row, s),
      followUp: (row, d) => latest.current.props.onFollowUp(row, d),
    }),
    [],
  );

  const sortState = (key: SortKey) => (sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');

  return (
    <div class="scroller" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <table class={`overview${showNotice ? ' with-notice' : ''}${showDeadline ? '' : ' no-deadline'}`} aria-rowcount={rows.length + 1} aria-label={t('overview.tableLabel')}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} class={c.cls} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.cls} aria-sort={sortState(c.key)}>
                <button type="button" class="sort" onClick={() => props.onSort(c.key)}>
                  {/* A space before the arrow: where a narrow column needs it, the arrow takes the second line. */}
                  {columnHeader(c.key)}{' '}
                  <span class="arrow" aria-hidden="true">
                    {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer height={first * ROW_HEIGHT} span={columns.length} />}
          {rows.slice(first, last).map((row, k) => (
            <OverviewTableRow
              key={row.id}
              row={row}
              index={first + k}
              active={first + k === active}
              open={row.id === props.openId}
              today={today}
              showNotice={showNotice}
              showDeadline={showDeadline}
              authors={props.authors}
              full={printing}
              actions={actions}
            />
          ))}
          {last < rows.length && (
            <Spacer height={(rows.length - last) * ROW_HEIGHT} span={columns.length} />
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Stands in for the rows out of view, so the scrollbar is the full table's. */
function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr class="spacer" aria-hidden="true">
      <td colSpan={span} style={{ height: `${height}px` }} />
    </tr>
  );
}
