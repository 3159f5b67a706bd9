import { useState } from 'preact/hooks';
import type { ItemFilter } from '../lib/annotation/filter';
import { ITEM_STATUSES, type ItemStatus } from '../lib/annotation/status';
import { statusText, t, uiLang } from '../utils/i18n';

interface Props {
  total: number;
  /** Items the filter keeps. */
  shown: number;
  counts: Record<ItemStatus, number>;
  /** Of the not-started items, those nobody updated (no annotation): the report's 暂无进展. */
  noUpdate: number;
  overdue: number;
  /** Items whose text changed since their note. */
  changed: number;
  units: readonly { name: string; count: number }[];
  filter: ItemFilter;
  onFilter: (f: ItemFilter) => void;
  /** Scrolls to and focuses item `n`; false when the page has no such item. */
  /** Jumps to the item with this key (as typed, trimmed); false when the page has none. */
  onJump: (itemKey: string) => boolean;
  /** Notes whose item the page no longer has. */
  orphans: number;
  /** Opens the editor frame at the orphaned notes. */
  onOrphans: () => void;
  loadError?: string;
  /** The page is a copy of the notice, not on a government site. */
  copy?: boolean;
}

/**
 * The compact bar at the top of the notice: counts, filters, jump to an item, orphans. Counts come
 * from the user's annotations, so they are shown as generated content (data-label / data-count),
 * never as text the page could search. `lang`: the bar speaks duban's language, whatever the page's.
 */
export function NoticeBar(p: Props) {
  const [jump, setJump] = useState('');
  const [missing, setMissing] = useState<string>();
  const filtering = p.filter.status !== '' || p.filter.unit !== '' || p.filter.overdue === true;

  const submit = (e: Event) => {
    e.preventDefault();
    const key = jump.trim();
    const ok = key !== '' && p.onJump(key);
    setMissing(ok ? undefined : jump.trim());
  };

  return (
    <div class="bar" lang={uiLang()} role="toolbar" aria-label={t('bar.label')}>
      <strong class="brand">{t('bar.title')}</strong>
      {p.copy && <span class="copy" role="note" data-label={t('bar.copy')} title={t('bar.copyHint')} aria-label={t('bar.copyHint')} />}
      <span class="total" data-label={filtering ? t('bar.shown', p.total, { shown: p.shown }) : t('bar.items', p.total)} />
      <span class="chips" role="group" aria-label={t('bar.statusFilter')}>
        {ITEM_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            class={`chip s-${s}`}
            aria-pressed={p.filter.status === s}
            onClick={() => p.onFilter({ ...p.filter, status: p.filter.status === s ? '' : s })}
          >
            {statusText(s)} <b data-label={String(p.counts[s])} />
            {s === 'not_started' && p.noUpdate > 0 && <span class="of-which" data-label={t('bar.noUpdateOf', p.noUpdate)} />}
          </button>
        ))}
      </span>
      {(p.overdue > 0 || p.filter.overdue) && (
        <button
          type="button"
          class="warn overdue"
          aria-pressed={p.filter.overdue === true}
          aria-label={t('bar.overdueFilter', p.overdue)}
          data-label={t('bar.overdue', p.overdue)}
          onClick={() => p.onFilter({ ...p.filter, overdue: !p.filter.overdue })}
        />
      )}
      {p.changed > 0 && <span class="warn" data-label={t('bar.changed', p.changed)} />}
      <label class="unit-filter">
        <span>{t('bar.unit')}</span>
        <select value={p.filter.unit} onChange={(e) => p.onFilter({ ...p.filter, unit: e.currentTarget.value })}>
          <option value="">{t('bar.allUnits')}</option>
          {p.units.map((u) => (
            // One text node per option, not four: the bar is often the page's first Preact render.
            <option key={u.name} value={u.name}>
              {`${u.name} (${u.count})`}
            </option>
          ))}
        </select>
      </label>
      {filtering && (
        <button type="button" class="clear" onClick={() => p.onFilter({ status: '', unit: '' })}>
          {t('bar.clear')}
        </button>
      )}
      <form class="jump" onSubmit={submit}>
        <input
          type="text"
          // A key may be 二、3. as well as 12: the full keyboard.
          inputMode="text"
          size={4}
          aria-label={t('bar.jumpLabel')}
          placeholder="#"
          value={jump}
          onInput={(e) => setJump(e.currentTarget.value)}
          aria-invalid={missing !== undefined || undefined}
        />
        <button type="submit">{t('bar.jump')}</button>
        {missing !== undefined && (
          <span class="error" role="alert">
            {t('bar.jumpMissing', { itemKey: missing })}
          </span>
        )}
      </form>
      {p.loadError && (
        <span class="error" role="alert" title={p.loadError}>
          {t('bar.loadFailed')}
        </span>
      )}
      {p.orphans > 0 && (
        <button type="button" class="orphans" data-label={t('bar.orphans', p.orphans)} aria-haspopup="dialog" onClick={p.onOrphans} />
      )}
    </div>
  );
}
