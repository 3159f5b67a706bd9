import { authorLabel, type Author } from '../lib/annotation/author';
import type { AuthorFilter } from '../lib/followup/author-filter';
import { t } from '../utils/i18n';

interface Props {
  filter: AuthorFilter;
  facets: { authors: Author[]; units: string[] };
  /** The local author: "my unit" needs their unit. */
  me?: Author;
  onChange(f: AuthorFilter): void;
}

/**
 * The overview's filters by 填报人, by their unit, and "my unit" (leads or co-works): fields of the
 * overview's filter panel (OverviewFilters' children), laid out as its own.
 */
export function AuthorFilters({ filter, facets, me, onChange }: Props) {
  return (
    <div class="author-filters no-print" data-testid="author-filters">
      <label>
        <span class="label">{t('authors.filter.author')}</span>
        <select value={filter.author} data-filter="author" onChange={(e) => onChange({ ...filter, author: e.currentTarget.value })}>
          <option value="">{t('authors.filter.any')}</option>
          {facets.authors.map((a) => (
            <option key={a.id} value={a.id}>
              {(authorLabel(a) || t('authors.unnamed')) + (a.id === me?.id ? ` · ${t('authors.me')}` : '')}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="label">{t('authors.filter.unit')}</span>
        <select value={filter.unit} data-filter="author-unit" onChange={(e) => onChange({ ...filter, unit: e.currentTarget.value })}>
          <option value="">{t('authors.filter.any')}</option>
          {facets.units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </label>
      {me?.unit && (
        <label class="check">
          <input type="checkbox" data-filter="my-unit" checked={filter.myUnit} onChange={(e) => onChange({ ...filter, myUnit: e.currentTarget.checked })} />
          <span>
            {t('authors.filter.myUnit')} · {me.unit}
          </span>
        </label>
      )}
    </div>
  );
}
