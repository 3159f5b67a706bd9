/**
 * The notice bar's arithmetic: counts by status, the lead units to filter by, which items a
 * filter keeps, and the annotations whose item the page no longer has (orphans, never dropped).
 */
import type { LeadUnit } from '../notice/types';
import { ITEM_STATUSES, type ItemStatus } from './status';

/** Empty strings mean "all". */
export interface ItemFilter {
  status: ItemStatus | '';
  unit: string;
  /** Only the items whose follow-up day has passed (the bar's 逾期). */
  overdue?: boolean;
}

export const NO_FILTER: ItemFilter = { status: '', unit: '' };

export const isFiltering = (f: ItemFilter) => f.status !== '' || f.unit !== '' || f.overdue === true;

export function countByStatus(statuses: Iterable<ItemStatus>): Record<ItemStatus, number> {
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const s of statuses) counts[s]++;
  return counts;
}

/** Every unit named in a 牵头单位 line, in the page's order, with how many items list it. */
export function unitNames(items: readonly { units: readonly LeadUnit[] }[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const u of item.units) counts.set(u.name, (counts.get(u.name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

/** An item passes when its status is the filter's, the unit is among its units and, when asked, it is overdue. */
export function matchesFilter(item: { units: readonly LeadUnit[] }, status: ItemStatus, filter: ItemFilter, overdue = false): boolean {
  if (filter.status && status !== filter.status) return false;
  if (filter.overdue && !overdue) return false;
  return !filter.unit || item.units.some((u) => u.name === filter.unit);
}

/** Stored annotations whose item (by key) the page does not show. */
export function orphanAnnotations<A extends { itemKey: string }>(stored: readonly A[], onPage: ReadonlySet<string>): A[] {
  return stored.filter((a) => !onPage.has(a.itemKey));
}
