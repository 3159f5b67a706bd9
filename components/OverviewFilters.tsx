import type { RefObject } from 'preact';
import { ITEM_STATUSES, STATUS_LABELS, type ItemStatus } from '../lib/annotation/status';
import { FOLLOW_UP_FILTERS, type FollowUpFilter, type OverviewFacets, type OverviewFilter } from '../lib/followup/overview';
import { ZhEn } from './ZhEn';

export const FOLLOW_UP_FILTER_LABELS: Record<FollowUpFilter, string> = {
  all: '全部 All',
  overdue: '逾期 Overdue',
  today: '今天 Today',
  due: '到期（含今天）Due',
  soon: '7 天内 Next 7 days',
  set: '已设定 Set',
  none: '未设定 None',
};

export interface OverviewFiltersProps {
  filter: OverviewFilter;
  facets: OverviewFacets;
  onChange(filter: OverviewFilter): void;
  /** Lets the page focus the search field (the / key). */
  searchRef?: RefObject<HTMLInputElement | null>;
}

/** The overview's filters: free text, notice, status, lead official, lead unit, follow-up. */
export function OverviewFilters({ filter, facets, onChange, searchRef }: OverviewFiltersProps) {
  const set = <K extends keyof OverviewFilter>(key: K, value: OverviewFilter[K]) => onChange({ ...filter, [key]: value });
  const any = <option value="">全部 All</option>;
  const active = Object.entries(filter).some(([k, v]) => (k === 'followUp' ? v !== 'all' : v !== ''));
  return (
    <form class="filters no-print" role="search" aria-label="筛选 Filters" onSubmit={(e) => e.preventDefault()}>
      <label class="search">
        <span class="label">
          <ZhEn zh="搜索" en="Search" />
        </span>
        <input
          ref={searchRef}
          type="search"
          name="q"
          value={filter.query}
          placeholder="事项或备注中的字词 / words in item or note"
          onInput={(e) => set('query', e.currentTarget.value)}
        />
      </label>
      {facets.notices.length > 1 && (
        <FacetSelect zh="文件" en="Notice" name="notice" value={filter.notice} onChange={(v) => set('notice', v)}
          options={facets.notices.map((n) => ({ value: n.key, label: n.label, count: n.count }))} />
      )}
      <label>
        <span class="label">
          <ZhEn zh="状态" en="Status" />
        </span>
        <select name="status" value={filter.status} onChange={(e) => set('status', e.currentTarget.value as ItemStatus | '')}>
          {any}
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s].zh} {STATUS_LABELS[s].en}
            </option>
          ))}
        </select>
      </label>
      <FacetSelect zh="牵头领导" en="Section" name="leader" value={filter.leader} onChange={(v) => set('leader', v)}
        options={facets.leaders.map((l) => ({ value: l.name, label: l.name, count: l.count }))} />
      <FacetSelect zh="牵头单位" en="Lead unit" name="leadUnit" value={filter.leadUnit} onChange={(v) => set('leadUnit', v)}
        options={facets.leadUnits.map((u) => ({ value: u.name, label: u.name, count: u.count }))} />
      <label>
        <span class="label">
          <ZhEn zh="跟进" en="Follow-up" />
        </span>
        <select name="followUp" value={filter.followUp} onChange={(e) => set('followUp', e.currentTarget.value as FollowUpFilter)}>
          {FOLLOW_UP_FILTERS.map((f) => (
            <option key={f} value={f}>
              {FOLLOW_UP_FILTER_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="quiet"
        disabled={!active}
        onClick={() => onChange({ notice: '', status: '', leadUnit: '', leader: '', followUp: 'all', query: '' })}
      >
        <ZhEn zh="清除筛选" en="Clear" />
      </button>
    </form>
  );
}

interface FacetSelectProps {
  zh: string;
  en: string;
  name: string;
  value: string;
  options: { value: string; label: string; count: number }[];
  onChange(value: string): void;
}

/** One "全部 All or one of these (count)" menu: notice, lead official, lead unit. */
function FacetSelect({ zh, en, name, value, options, onChange }: FacetSelectProps) {
  return (
    <label>
      <span class="label">
        <ZhEn zh={zh} en={en} />
      </span>
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">全部 All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.count})
          </option>
        ))}
      </select>
    </label>
  );
}
