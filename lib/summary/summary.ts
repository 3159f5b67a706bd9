/**
 * The popup's summary model, computed in the background: per notice, counts by status, progress by
 * section (lead official) and by lead unit (the first-listed 牵头单位), overdue and coming
 * follow-ups, items behind 序时进度; and when the last export was made.
 *
 * Made in two steps, both pure: `summariseDigests` from the notices' summary digests (everything
 * that does not depend on the day is in them, and the listable items are in list order: linear in
 * the number of notices), then `withDetails` adds the texts and notes of the items listed, from
 * the digests of the few notices shown in full.
 * `summarise` does both from notices and annotations, as ./digests.ts defines the digests.
 */
import type { ItemAnnotation } from '../annotation/model';
import { gradeProgress, timeProgress, type ProgressGrade } from '../annotation/schedule';
import { addDays, daysBetween, shanghaiDayOf } from '../annotation/shanghai-time';
import type { ItemStatus } from '../annotation/status';
import { itemHash } from '../notice/item-key';
import type { NoticeRecord } from '../notice/notice-record';
import {
  deriveDigests,
  type AnnotationDigest,
  type NoticeDigest,
  type NoticeHeader,
  type ProgressGroup,
  type StatusCounts,
  type SummaryDigest,
} from './digests';

export type { ProgressGroup, StatusCounts } from './digests';

/** What the database remembers of the last backup (JSON) export (lib/db/transfer-store.ts). */
export interface LastExport {
  at: number;
  notices: number;
  items: number;
}

export interface SummaryItem {
  itemKey: string;
  /** The item's text, shortened. */
  text: string;
  status: ItemStatus;
  /** The note's first line, shortened ('' if none). */
  note: string;
  /** The notice's URL with #duban-item-<key>: opens the notice scrolled to the item. */
  href: string;
}

export interface FollowUpEntry extends SummaryItem {
  followUp: string;
  /** Days from today: negative when overdue. */
  days: number;
}

/** An item not done past the day its notice's deadline (完成时限) allows. */
export interface DeadlineEntry extends SummaryItem {
  /** The deadline as the notice writes it (2024年6月底前). */
  deadline: string;
  /** The last day it allows. */
  deadlineDay: string;
  /** Days from today: negative, as it is past. */
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
  /** Known from a file that did not say how many items the notice has: `total` is its annotated items. */
  totalUnknown?: true;
  /** Items with an annotation. */
  annotated: number;
  /** Items without an annotation count as not started. */
  counts: StatusCounts;
  /** Its sections name no official: `sections` are groups by section (按部分), not by lead official. */
  themes?: true;
  sections: ProgressGroup[];
  units: ProgressGroup[];
  overdue: Capped<FollowUpEntry>;
  /** Follow-ups today and in the next 7 days. */
  coming: Capped<FollowUpEntry>;
  behind: Capped<BehindEntry>;
  /** Items not done past their notice's deadline (完成时限), the longest past first: what 督办 chases. */
  pastDeadline: Capped<DeadlineEntry>;
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

/** The notice's URL at the item; only http(s) URLs become links (a stored URL is never run). */
export function itemHref(url: string, itemKey: string): string {
  if (!/^https?:\/\//i.test(url)) return '#';
  return url.replace(/#.*$/, '') + itemHash(itemKey);
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

/** The first LIST_LIMIT entries of a list `length` long, made from their positions. */
function cap<T>(length: number, make: (index: number) => T): Capped<T> {
  return { entries: Array.from({ length: Math.min(length, LIST_LIMIT) }, (_, k) => make(k)), more: Math.max(0, length - LIST_LIMIT) };
}

/** The first index in a sorted list from which `inRange` no longer holds. */
function firstOutside<T>(list: readonly T[], inRange: (value: T) => boolean, from = 0): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (inRange(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SummaryInput {
  notices: readonly NoticeRecord[];
  annotations: readonly ItemAnnotation[];
  lastExport?: LastExport;
  now: number;
  /** The active tab's URL: its notice comes first. */
  activeUrl?: string;
}

/** The summary of notices and annotations as the database holds them (the background reads their digests instead). */
export function summarise(input: SummaryInput): PopupSummary {
  const digests = deriveDigests(input.notices, input.annotations);
  const summary = summariseDigests({ ...input, digests: digests.summaries });
  const notices = new Map(digests.notices.map((n) => [n.key, n]));
  const annotations = new Map(digests.annotations.map((a) => [a.noticeKey, a]));
  const keys = detailedNotices(summary);
  return withDetails(
    summary,
    keys.map((k) => notices.get(k)),
    keys.map((k) => annotations.get(k)),
  );
}

interface DigestInput {
  /** In the database's order (by key): notices equally recent keep it. */
  digests: readonly SummaryDigest[];
  lastExport?: LastExport;
  now: number;
  /** The active tab's URL: its notice comes first. */
  activeUrl?: string;
}

/** The summary from the notices' summary digests; listed items have no text or note yet (see withDetails). */
export function summariseDigests(input: DigestInput): PopupSummary {
  const today = shanghaiDayOf(input.now);
  const soon = addDays(today, COMING_DAYS);
  const active = pageIdentity(input.activeUrl);

  const notices: NoticeSummary[] = [];
  for (const d of input.digests) {
    if (!d.notice) continue;
    const current = active !== undefined && d.notice.urls.some((u) => pageIdentity(u) === active);
    if (!d.annotated && !current) continue;
    notices.push(summariseNotice(d, d.notice, { today, soon, current }));
  }
  // The active tab's notice first, then the most recently worked on; the first few in full.
  notices.sort((a, b) => Number(b.current) - Number(a.current) || (b.lastChangedAt ?? 0) - (a.lastChangedAt ?? 0));
  for (let i = DETAILED_NOTICES; i < notices.length; i++) notices[i] = compact(notices[i]);

  const lastExport = input.lastExport;
  const daysSinceExport = lastExport ? daysBetween(shanghaiDayOf(lastExport.at), today) : undefined;
  const annotations = input.digests.reduce((n, d) => n + d.annotated, 0);
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
  return {
    ...n,
    compact: true,
    sections: [],
    units: [],
    overdue: folded(n.overdue),
    coming: folded(n.coming),
    behind: folded(n.behind),
    pastDeadline: folded(n.pastDeadline),
  };
}

function summariseNotice(d: SummaryDigest, notice: NoticeHeader, ctx: { today: string; soon: string; current: boolean }): NoticeSummary {
  const { followUps: f, progress: p } = d;
  const year = notice.year ?? Number(ctx.today.slice(0, 4));
  const expected = timeProgress(ctx.today, year);
  const item = (itemKey: string, status: ItemStatus): SummaryItem => ({ itemKey, text: '', status, note: '', href: itemHref(notice.sourceUrl, itemKey) });
  const followUp = (k: number): FollowUpEntry => ({ ...item(f.itemKey[k], f.status[k]), followUp: f.day[k], days: daysBetween(ctx.today, f.day[k]) });
  // Follow-ups are in day order: overdue (before today), then coming (today to 7 days on).
  const overdue = firstOutside(f.day, (day) => day < ctx.today);
  const coming = firstOutside(f.day, (day) => day <= ctx.soon, overdue);
  // Progress is in order too: those under 序时进度 (graded behind or slightly behind) come first.
  const behind = firstOutside(p.progress, (progress) => gradeProgress(progress, expected) !== 'on_track');
  // Deadlines are in day order: those before today are past.
  const dl = d.deadlines ?? { itemKey: [], status: [], day: [] };
  const past = firstOutside(dl.day, (day) => day < ctx.today);
  return {
    key: d.key,
    ...(notice.docNo && { docNo: notice.docNo }),
    title: notice.title,
    url: notice.sourceUrl,
    current: ctx.current,
    ...(notice.year !== undefined && { year: notice.year }),
    ...noticeCounts(d, notice),
    annotated: d.annotated,
    ...(notice.themes && { themes: true as const }),
    sections: d.sections,
    units: d.units,
    overdue: cap(overdue, followUp),
    coming: cap(coming - overdue, (k) => followUp(overdue + k)),
    behind: cap(behind, (k) => ({
      ...item(p.itemKey[k], p.status[k]),
      progress: p.progress[k],
      expected,
      grade: gradeProgress(p.progress[k], expected) as BehindEntry['grade'],
    })),
    pastDeadline: cap(past, (k) => ({ ...item(dl.itemKey[k], dl.status[k]), deadline: '', deadlineDay: dl.day[k], days: daysBetween(ctx.today, dl.day[k]) })),
    expected: Math.round(expected * 10) / 10,
    ...(notice.importedOnly && { importedOnly: notice.itemCount !== undefined ? { itemCount: notice.itemCount } : {} }),
    ...(d.lastChangedAt !== undefined && { lastChangedAt: d.lastChangedAt }),
  };
}

/**
 * What the counts count: a notice known only from a file holds its annotated items; the rest of
 * the notice (the file's itemCount) is not started. Without itemCount the total stays unknown.
 */
export function noticeCounts(
  d: Pick<SummaryDigest, 'total' | 'counts'>,
  notice: Pick<NoticeHeader, 'importedOnly' | 'itemCount'>,
): { total: number; counts: StatusCounts; totalUnknown?: true } {
  if (!notice.importedOnly) return { total: d.total, counts: d.counts };
  if (notice.itemCount === undefined) return { total: d.total, counts: d.counts, totalUnknown: true };
  const rest = Math.max(0, notice.itemCount - d.total);
  return { total: d.total + rest, counts: { ...d.counts, not_started: d.counts.not_started + rest } };
}

/** The notices the summary shows in full: read their notice and annotation digests, then call withDetails. */
export function detailedNotices(summary: PopupSummary): string[] {
  return summary.notices.filter((n) => !n.compact).map((n) => n.key);
}

/**
 * The summary with the texts and notes of the items it lists, from the notice and annotation
 * digests of detailedNotices(summary), in that order (undefined where there is none).
 */
export function withDetails(
  summary: PopupSummary,
  notices: readonly (NoticeDigest | undefined)[],
  annotations: readonly (AnnotationDigest | undefined)[],
): PopupSummary {
  // Per notice, a column and the position of each item key in it.
  const column = <T>(itemKeys: string[], values: T[]) => {
    const at = new Map(itemKeys.map((key, i) => [key, i]));
    return (itemKey: string) => {
      const i = at.get(itemKey);
      return i === undefined ? undefined : values[i];
    };
  };
  const texts = new Map(notices.filter((n) => n !== undefined).map((n) => [n.key, column(n.items.itemKey, n.items.text)]));
  const notes = new Map(annotations.filter((a) => a !== undefined).map((a) => [a.noticeKey, column(a.itemKey, a.note)]));
  const deadlines = new Map(notices.filter((n) => n !== undefined).map((n) => [n.key, column(n.items.itemKey, n.items.deadline ?? [])]));
  const fill = <T extends SummaryItem>(key: string, list: Capped<T>, more?: (e: T) => Partial<T>): Capped<T> => ({
    ...list,
    entries: list.entries.map((e) => ({ ...e, text: texts.get(key)?.(e.itemKey) ?? '', note: notes.get(key)?.(e.itemKey) ?? '', ...more?.(e) })),
  });
  return {
    ...summary,
    notices: summary.notices.map((n) =>
      n.compact
        ? n
        : {
            ...n,
            overdue: fill(n.key, n.overdue),
            coming: fill(n.key, n.coming),
            behind: fill(n.key, n.behind),
            pastDeadline: fill(n.key, n.pastDeadline, (e) => ({ deadline: deadlines.get(n.key)?.(e.itemKey) ?? '' })),
          },
    ),
  };
}
