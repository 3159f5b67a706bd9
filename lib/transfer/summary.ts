/**
 * The popup's summary model, computed in the background from the notices and their annotations:
 * per notice, counts by status, progress by section (lead official) and by lead unit (the
 * first-listed 牵头单位), overdue and coming follow-ups, items behind 序时进度; and when the last
 * export was made. Pure, and linear in the number of items.
 */
import type { ItemAnnotation } from '../annotation/model';
import { addDays, dayAt, daysBetween, followUpState, gradeProgress, timeProgress, type ProgressGrade } from '../annotation/schedule';
import { ITEM_STATUSES, type ItemStatus } from '../annotation/status';
import type { NoticeRecord } from '../db/database';
import type { ImportedNoticeRecord } from './snapshot';
import type { LastExport } from './store';

export type StatusCounts = Record<ItemStatus, number>;

export interface ProgressGroup {
  /** The lead official (section) or the lead unit. */
  name: string;
  total: number;
  counts: StatusCounts;
}

export interface SummaryItem {
  itemNo: number;
  /** The item's text, shortened. */
  text: string;
  status: ItemStatus;
  /** The note's first line, shortened ('' if none). */
  note: string;
  /** The notice's URL with #duban-item-N: opens the notice scrolled to the item. */
  href: string;
}

export interface FollowUpEntry extends SummaryItem {
  followUp: string;
  /** Days from today: negative when overdue. */
  days: number;
}

export interface BehindEntry extends SummaryItem {
  progress: number;
  /** 序时进度 today, in percent. */
  expected: number;
  grade: Exclude<ProgressGrade, 'on_track'>;
}

/** A list shortened to LIST_LIMIT entries, with how many were left out. */
export interface Capped<T> {
  entries: T[];
  more: number;
}

export interface NoticeSummary {
  key: string;
  docNo?: string;
  title: string;
  url: string;
  /** The notice the active tab shows. */
  current: boolean;
  year?: number;
  total: number;
  /** Items with an annotation. */
  annotated: number;
  /** Items without an annotation count as not started. */
  counts: StatusCounts;
  sections: ProgressGroup[];
  units: ProgressGroup[];
  overdue: Capped<FollowUpEntry>;
  /** Follow-ups today and in the next 7 days. */
  coming: Capped<FollowUpEntry>;
  behind: Capped<BehindEntry>;
  /** 序时进度 today for the notice's year, in percent. */
  expected: number;
  /** Counts only: groups and lists left empty (their totals stay in `more`). */
  compact?: true;
  /** Known from an imported file only (the page was never opened here): its annotated items, of itemCount. */
  importedOnly?: { itemCount?: number };
  lastChangedAt?: number;
}

export interface PopupSummary {
  today: string;
  notices: NoticeSummary[];
  /** Annotations across all notices. */
  annotations: number;
  lastExport?: LastExport;
  /** Days since the last export (undefined if never). */
  daysSinceExport?: number;
  /** Notes exist and no export for EXPORT_REMINDER_DAYS (or ever). */
  exportReminder: boolean;
}

export const EXPORT_REMINDER_DAYS = 30;
/** Entries per list and notice: the popup is a glance; the overview has them all. */
export const LIST_LIMIT = 20;
/** Notices shown in full (the rest compact: counts only, details in the overview). */
export const DETAILED_NOTICES = 4;
const COMING_DAYS = 7;

/** The fragment the content script scrolls to: #duban-item-12. */
export const itemHash = (itemNo: number) => `#duban-item-${itemNo}`;

/** The notice's URL at the item; only http(s) URLs become links (a stored URL is never run). */
export function itemHref(url: string, itemNo: number): string {
  if (!/^https?:\/\//i.test(url)) return '#';
  return url.replace(/#.*$/, '') + itemHash(itemNo);
}

/** host + path of a URL: http/https, query and fragment don't change which notice a tab shows. */
export function pageIdentity(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return undefined;
  }
}

const emptyCounts = (): StatusCounts => Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as StatusCounts;

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

function cap<T>(list: T[], compare: (a: T, b: T) => number): Capped<T> {
  list.sort(compare);
  return { entries: list.slice(0, LIST_LIMIT), more: Math.max(0, list.length - LIST_LIMIT) };
}

function group(map: Map<string, ProgressGroup>, name: string, status: ItemStatus) {
  let g = map.get(name);
  if (!g) map.set(name, (g = { name, total: 0, counts: emptyCounts() }));
  g.total++;
  g.counts[status]++;
}

export interface SummaryInput {
  notices: readonly NoticeRecord[];
  annotations: readonly ItemAnnotation[];
  lastExport?: LastExport;
  now: number;
  /** The active tab's URL: its notice comes first. */
  activeUrl?: string;
}

export function summarise(input: SummaryInput): PopupSummary {
  const today = dayAt(input.now);
  const soon = addDays(today, COMING_DAYS);
  const active = pageIdentity(input.activeUrl);
  const byNotice = new Map<string, ItemAnnotation[]>();
  for (const a of input.annotations) {
    const list = byNotice.get(a.noticeKey);
    if (list) list.push(a);
    else byNotice.set(a.noticeKey, [a]);
  }

  const notices: NoticeSummary[] = [];
  for (const notice of input.notices) {
    const current = active !== undefined && (notice.urls ?? [notice.sourceUrl]).some((u) => pageIdentity(u) === active);
    const annotations = byNotice.get(notice.key) ?? [];
    if (!annotations.length && !current) continue;
    notices.push(summariseNotice(notice, annotations, { today, soon, current }));
  }
  // The active tab's notice first, then the most recently worked on; the first few in full.
  notices.sort((a, b) => Number(b.current) - Number(a.current) || (b.lastChangedAt ?? 0) - (a.lastChangedAt ?? 0));
  for (let i = DETAILED_NOTICES; i < notices.length; i++) notices[i] = compact(notices[i]);

  const lastExport = input.lastExport;
  const daysSinceExport = lastExport ? daysBetween(dayAt(lastExport.at), today) : undefined;
  const annotations = input.annotations.length;
  return {
    today,
    notices,
    annotations,
    ...(lastExport && { lastExport, daysSinceExport }),
    exportReminder: annotations > 0 && (daysSinceExport === undefined || daysSinceExport >= EXPORT_REMINDER_DAYS),
  };
}

const folded = <T>(c: Capped<T>): Capped<T> => ({ entries: [], more: c.entries.length + c.more });

function compact(n: NoticeSummary): NoticeSummary {
  return { ...n, compact: true, sections: [], units: [], overdue: folded(n.overdue), coming: folded(n.coming), behind: folded(n.behind) };
}

function summariseNotice(
  notice: NoticeRecord,
  annotations: readonly ItemAnnotation[],
  ctx: { today: string; soon: string; current: boolean },
): NoticeSummary {
  const imported = notice as ImportedNoticeRecord;
  const leaders = new Map(notice.sections.map((s) => [s.ordinal, s.leader]));
  const items = new Map(notice.items.map((i) => [i.itemNo, i]));
  const byItem = new Map(annotations.map((a) => [a.itemNo, a]));
  const year = notice.year ?? Number(ctx.today.slice(0, 4));
  const expected = timeProgress(ctx.today, year);
  const counts = emptyCounts();
  const sections = new Map<string, ProgressGroup>();
  const units = new Map<string, ProgressGroup>();
  const overdue: FollowUpEntry[] = [];
  const coming: FollowUpEntry[] = [];
  const behind: BehindEntry[] = [];
  let lastChangedAt: number | undefined;

  const numbers = new Set<number>(items.keys());
  for (const a of annotations) numbers.add(a.itemNo);
  for (const itemNo of numbers) {
    const item = items.get(itemNo);
    const a = byItem.get(itemNo);
    const status = a?.status ?? 'not_started';
    counts[status]++;
    group(sections, (item && leaders.get(item.section)) || '其他 Other', status);
    group(units, (item && (item.units.find((u) => u.lead) ?? item.units[0])?.name) || '其他 Other', status);
    if (!a) continue;
    if (lastChangedAt === undefined || a.updatedAt > lastChangedAt) lastChangedAt = a.updatedAt;
    if (status === 'done') continue;
    const base = (): SummaryItem => ({
      itemNo,
      text: shorten(item?.text ?? '', 60),
      status,
      note: shorten(a.note.split('\n', 1)[0], 60),
      href: itemHref(notice.sourceUrl, itemNo),
    });
    if (a.followUp && a.followUp <= ctx.soon) {
      const state = followUpState(a.followUp, ctx.today);
      const entry = { ...base(), followUp: a.followUp, days: daysBetween(ctx.today, a.followUp) };
      (state === 'overdue' ? overdue : coming).push(entry);
    }
    if (a.progress !== undefined) {
      const grade = gradeProgress(a.progress, expected);
      if (grade !== 'on_track') behind.push({ ...base(), progress: a.progress, expected, grade });
    }
  }

  const byDay = (a: FollowUpEntry, b: FollowUpEntry) => a.days - b.days || a.itemNo - b.itemNo;
  const sectionOrder = new Map(notice.sections.map((s) => [s.leader, s.ordinal]));
  return {
    key: notice.key,
    ...(notice.docNo && { docNo: notice.docNo }),
    title: notice.title,
    url: notice.sourceUrl,
    current: ctx.current,
    ...(notice.year !== undefined && { year: notice.year }),
    total: numbers.size,
    annotated: annotations.length,
    counts,
    sections: [...sections.values()].sort((a, b) => (sectionOrder.get(a.name) ?? 999) - (sectionOrder.get(b.name) ?? 999)),
    units: [...units.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh')),
    overdue: cap(overdue, byDay),
    coming: cap(coming, byDay),
    behind: cap(behind, (a, b) => a.progress - b.progress || a.itemNo - b.itemNo),
    expected: Math.round(expected * 10) / 10,
    ...(imported.importedOnly && { importedOnly: imported.itemCount !== undefined ? { itemCount: imported.itemCount } : {} }),
    ...(lastChangedAt !== undefined && { lastChangedAt }),
  };
}
