import type { AuthorFilter } from '../lib/followup/author-filter';
import { NO_UPDATE, type OverviewFilter } from '../lib/followup/overview';
import { statusText, t } from '../utils/i18n';
import type { ItemStatus } from '../lib/annotation/status';

export interface OverviewPrintHeadProps {
  filter: OverviewFilter;
  byAuthor: AuthorFilter;
  /** The chosen notice's name, the chosen writer's and the user's own unit, as the menus say them. */
  noticeLabel?: string;
  authorLabel?: string;
  myUnit?: string;
  shown: number;
  total: number;
  today: string;
}

/** What a filter narrows, in the words of its menus: 状态 推进中, 牵头领导 X … */
export function filterWords(p: Pick<OverviewPrintHeadProps, 'filter' | 'byAuthor' | 'noticeLabel' | 'authorLabel' | 'myUnit'>): string[] {
  const { filter: f, byAuthor: a } = p;
  const parts: string[] = [];
  const say = (label: string, value: string) => parts.push(`${label} ${value}`);
  if (f.query.trim()) say(t('filters.search'), `“${f.query.trim()}”`);
  if (f.notice) say(t('filters.notice'), p.noticeLabel ?? f.notice);
  if (f.status) say(t('filters.status'), f.status === NO_UPDATE ? t('meetingReport.noUpdate') : statusText(f.status as ItemStatus));
  if (f.leader) say(t('filters.leader'), f.leader);
  if (f.unit) say(t('filters.unit'), f.unitLeads ? t('filters.unitLeadsOf', { unit: f.unit }) : f.unit);
  if (f.followUp !== 'all') say(t('filters.followUp'), t(`filters.due.${f.followUp}`));
  if (f.deadline !== 'all') say(t('filters.deadline'), t(`filters.deadlines.${f.deadline}`));
  if (a.author) say(t('authors.filter.author'), p.authorLabel || t('authors.unnamed'));
  if (a.unit) say(t('authors.filter.unit'), a.unit);
  if (a.myUnit) parts.push(`${t('authors.filter.myUnit')} · ${p.myUnit ?? ''}`);
  return parts;
}

/** A meeting report's scope: 筛选：状态 滞后；搜索 “街道”（共 156 项中的 1 项）. */
export function reportScope(words: readonly string[], shown: number, total: number): string {
  const of = t('meetingReport.scopeOf', total, { shown: String(shown) });
  return words.length ? t('meetingReport.scope', { filters: words.join(t('overview.printJoin')), of }) : of;
}

/**
 * The printed overview's heading (the page's own top bar and filters do not print): what it is,
 * which rows of how many, under which filters, and the day it was printed.
 */
export function OverviewPrintHead(props: OverviewPrintHeadProps) {
  const words = filterWords(props);
  return (
    <div class="print-head print-only" data-testid="print-head">
      <strong>{t('overview.title')}</strong>
      <span>{t('overview.counts', props.total, { shown: String(props.shown) })}</span>
      <span>{words.length ? t('overview.printFilters', { filters: words.join(t('overview.printJoin')) }) : t('overview.printAll')}</span>
      <span>{t('overview.printedOn', { day: props.today })}</span>
    </div>
  );
}
