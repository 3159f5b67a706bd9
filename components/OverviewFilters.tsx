import type { ComponentChildren, RefObject } from 'preact';
import { ITEM_STATUSES } from '../lib/annotation/status';
import {
  DEADLINE_FILTERS,
  EMPTY_FILTER,
  filterActive,
  FOLLOW_UP_FILTERS,
  NO_UPDATE,
  type OverviewFacets,
  type OverviewFilter,
  type StatusFilter,
} from '../lib/followup/overview';
import { statusText, t } from '../utils/i18n';

export interface OverviewFiltersProps {
  filter: OverviewFilter;
  facets: OverviewFacets;
  onChange(filter: OverviewFilter): void;
  /** Lets the page focus the search field (the / key). */
  searchRef?: RefObject<HTMLInputElement | null>;
  /** More filters in the same panel (the 填报人 ones), before 清除筛选. */
  children?: ComponentChildren;
  /** Whether those are set: 清除筛选 then clears them too (onClear). */
  othersActive?: boolean;
  onClear?(): void;
}

/** The overview's filters: free text, notice, status, lead official, unit (lead or co, or leading only), follow-up, deadline. */
export function OverviewFilters({ filter, facets, onChange, searchRef, children, othersActive, onClear }: OverviewFiltersProps) {
  const set = <K extends keyof OverviewFilter>(key: K, value: OverviewFilter[K]) => onChange({ ...filter, [key]: value });
  const any = <option value="">{t('filters.all')}</option>;
  const active = filterActive(filter) || !!othersActive;
  return (
    <form class="filters no-print" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label class="search">
        <span class="label">{t('filters.search')}</span>
        <input
          ref={searchRef}
          type="search"
          name="q"
          value={filter.query}
          placeholder={t('filters.searchPlaceholder')}
          onInput={(e) => set('query', e.currentTarget.value)}
        />
      </label>
      {facets.notices.length > 1 && (
        <FacetSelect label={t('filters.notice')} name="notice" value={filter.notice} onChange={(v) => set('notice', v)} keepEmpty
          options={facets.notices.map((n) => ({ value: n.key, label: n.label, count: n.count }))} />
      )}
      <FacetSelect label={t('filters.status')} name="status" value={filter.status} onChange={(v) => set('status', v as StatusFilter)}
        options={[...ITEM_STATUSES, NO_UPDATE as typeof NO_UPDATE].map((s) => ({
          value: s, label: s === NO_UPDATE ? t('meetingReport.noUpdate') : statusText(s), count: facets.statuses[s] ?? 0,
        }))} />
      <FacetSelect label={t('filters.leader')} name="leader" value={filter.leader} onChange={(v) => set('leader', v)}
        options={facets.leaders.map((l) => ({ value: l.name, label: l.name, count: l.count }))} />
      <FacetSelect label={t('filters.unit')} name="unit" value={filter.unit} onChange={(v) => set('unit', v)}
        options={facets.units.map((u) => ({ value: u.name, label: u.name, count: filter.unitLeads ? u.leads : u.count }))} />
      <label class="check">
        <input type="checkbox" name="unitLeads" checked={filter.unitLeads} onChange={(e) => set('unitLeads', e.currentTarget.checked)} />
        <span>{t('filters.unitLeads')}</span>
      </label>
      <ChoiceSelect label={t('filters.followUp')} name="followUp" value={filter.followUp} choices={FOLLOW_UP_FILTERS}
        word={(f) => t(`filters.due.${f}`)} counts={(f) => (f === 'all' ? undefined : facets.followUps[f] ?? 0)} onChange={(v) => set('followUp', v)} />
      {facets.deadlines > 0 && (
        <ChoiceSelect label={t('filters.deadline')} name="deadline" value={filter.deadline} choices={DEADLINE_FILTERS}
          word={(f) => t(`filters.deadlines.${f}`)} onChange={(v) => set('deadline', v)} />
      )}
      {children}
      <button
        type="button"
        class="quiet"
        disabled={!active}
        onClick={() => {
          onChange(EMPTY_FILTER);
          onClear?.();
        }}
      >
        {t('filters.clear')}
      </button>
    </form>
  );
}

interface ChoiceSelectProps<C extends string> {
  label: string;
  name: string;
  value: C;
  choices: readonly C[];
  word(choice: C): string;
  /** How many rows a choice would show (undefined: not counted, always listed); one showing none is left out unless chosen. */
  counts?(choice: C): number | undefined;
  onChange(value: C): void;
}

/** A menu of fixed choices (follow-up, deadline), counted where `counts` says. */
function ChoiceSelect<C extends string>({ label, name, value, choices, word, counts, onChange }: ChoiceSelectProps<C>) {
  const shown = choices.map((c) => ({ c, n: counts?.(c) })).filter(({ c, n }) => n === undefined || n > 0 || c === value);
  return (
    <label>
      <span class="label">{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as C)}>
        {shown.map(({ c, n }) => (
          <option key={c} value={c}>
            {n === undefined ? word(c) : `${word(c)} (${n})`}
          </option>
        ))}
      </select>
    </label>
  );
}

interface FacetSelectProps {
  label: string;
  name: string;
  value: string;
  /** Counted under the other filters set (lib/followup/overview.ts narrowRows). */
  options: { value: string; label: string; count: number }[];
  /** List choices that would show nothing too (the notices: the menu must stay whole). */
  keepEmpty?: boolean;
  onChange(value: string): void;
}

/** One "all, or one of these (count)" menu: notice, lead official, lead unit; a choice that would show nothing is left out, unless chosen. */
function FacetSelect({ label, name, value, options, keepEmpty, onChange }: FacetSelectProps) {
  return (
    <label>
      <span class="label">{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('filters.all')}</option>
        {options.filter((o) => keepEmpty || o.count > 0 || o.value === value).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.count})
          </option>
        ))}
      </select>
    </label>
  );
}
