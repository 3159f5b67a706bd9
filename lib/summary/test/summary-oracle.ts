/**
 * The popup's summary as duban computed it before digests (lib/summary/digests.ts): straight from every
 * notice and annotation, kept verbatim as the oracle the digest-based summary must equal
 * (../summary.test.ts). Never edit it to match new code: the popup must show exactly this.
 */
import { noticeOrder } from '../../notice/item-key';
import { ITEM_STATUSES, type ItemAnnotation, type ItemStatus } from '../../annotation/model';
import { followUpState, gradeProgress, timeProgress } from '../../annotation/schedule';
import { addDays, daysBetween, shanghaiDayOf } from '../../annotation/shanghai-time';
import type { ImportedNoticeRecord, NoticeRecord } from '../../notice/notice-record';
import { deadlineDay } from '../../notice/deadline';
import {
  DETAILED_NOTICES,
  EXPORT_REMINDER_DAYS,
  itemHref,
  LIST_LIMIT,
  pageIdentity,
  type BehindEntry,
  type Capped,
  type DeadlineEntry,
  type FollowUpEntry,
  type NoticeSummary,
  type PopupSummary,
  type ProgressGroup,
  type StatusCounts,
  type SummaryInput,
  type SummaryItem,
} from '../summary';

const COMING_DAYS = 7;

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

export function summariseDirectly(input: SummaryInput): PopupSummary {
  const today = shanghaiDayOf(input.now);
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
  const daysSinceExport = lastExport ? daysBetween(shanghaiDayOf(lastExport.at), today) : undefined;
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
  return { ...n, compact: true, sections: [], units: [], overdue: folded(n.overdue), coming: folded(n.coming), behind: folded(n.behind), pastDeadline: folded(n.pastDeadline) };
}

function summariseNotice(
  notice: NoticeRecord,
  annotations: readonly ItemAnnotation[],
  ctx: { today: string; soon: string; current: boolean },
): NoticeSummary {
  const imported = notice as ImportedNoticeRecord;
  const leaders = new Map(notice.sections.map((s) => [s.ordinal, s.leader]));
  const items = new Map(notice.items.map((i) => [i.key, i]));
  const order = noticeOrder(notice.items.map((i) => i.key));
  const byItem = new Map(annotations.map((a) => [a.itemKey, a]));
  const year = notice.year ?? Number(ctx.today.slice(0, 4));
  const expected = timeProgress(ctx.today, year);
  const counts = emptyCounts();
  const sections = new Map<string, ProgressGroup>();
  const units = new Map<string, ProgressGroup>();
  const overdue: FollowUpEntry[] = [];
  const coming: FollowUpEntry[] = [];
  const behind: BehindEntry[] = [];
  const pastDeadline: DeadlineEntry[] = [];
  let lastChangedAt: number | undefined;

  const numbers = new Set<string>(items.keys());
  for (const a of annotations) numbers.add(a.itemKey);
  for (const itemKey of numbers) {
    const item = items.get(itemKey);
    const a = byItem.get(itemKey);
    const status = a?.status ?? 'not_started';
    counts[status]++;
    group(sections, (item && leaders.get(item.section)) || '其他 Other', status);
    group(units, (item && (item.units.find((u) => u.lead) ?? item.units[0])?.name) || '其他 Other', status);
    // Past the notice's deadline, not done: annotated or not.
    const day = deadlineDay(item?.deadline, notice.year);
    if (item && day && status !== 'done' && day < ctx.today) {
      pastDeadline.push({
        itemKey,
        text: shorten(item.text, 60),
        status,
        note: a ? shorten(a.note.trimStart().split('\n', 1)[0], 60) : '',
        href: itemHref(notice.sourceUrl, itemKey),
        deadline: item.deadline!,
        deadlineDay: day,
        days: daysBetween(ctx.today, day),
      });
    }
    if (!a) continue;
    if (lastChangedAt === undefined || a.updatedAt > lastChangedAt) lastChangedAt = a.updatedAt;
    if (status === 'done') continue;
    const base = (): SummaryItem => ({
      itemKey,
      text: shorten(item?.text ?? '', 60),
      status,
      note: shorten(a.note.trimStart().split('\n', 1)[0], 60),
      href: itemHref(notice.sourceUrl, itemKey),
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

  const byDay = (a: FollowUpEntry, b: FollowUpEntry) => a.days - b.days || order(a.itemKey, b.itemKey);
  const sectionOrder = new Map(notice.sections.map((s) => [s.leader, s.ordinal]));
  return {
    key: notice.key,
    ...(notice.docNo && { docNo: notice.docNo }),
    title: notice.title,
    url: notice.sourceUrl,
    current: ctx.current,
    ...(notice.year !== undefined && { year: notice.year }),
    // A notice known from a file only: the items it did not carry are the rest of itemCount, not started.
    ...(imported.importedOnly && imported.itemCount === undefined
      ? { total: numbers.size, counts, totalUnknown: true as const }
      : imported.importedOnly && imported.itemCount! > numbers.size
        ? { total: imported.itemCount!, counts: { ...counts, not_started: counts.not_started + imported.itemCount! - numbers.size } }
        : { total: numbers.size, counts }),
    annotated: annotations.length,
    // Sections that name no official (each its heading): the popup groups by section, not by leader.
    ...(notice.sections.length > 0 && notice.sections.every((s) => s.leader === s.heading) && { themes: true as const }),
    sections: [...sections.values()].sort((a, b) => (sectionOrder.get(a.name) ?? 999) - (sectionOrder.get(b.name) ?? 999)),
    units: [...units.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh')),
    overdue: cap(overdue, byDay),
    coming: cap(coming, byDay),
    behind: cap(behind, (a, b) => a.progress - b.progress || order(a.itemKey, b.itemKey)),
    pastDeadline: cap(pastDeadline, (a, b) => a.days - b.days || order(a.itemKey, b.itemKey)),
    expected: Math.round(expected * 10) / 10,
    ...(imported.importedOnly && { importedOnly: imported.itemCount !== undefined ? { itemCount: imported.itemCount } : {} }),
    ...(lastChangedAt !== undefined && { lastChangedAt }),
  };
}
