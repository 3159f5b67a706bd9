/**
 * The meeting report (督办通报): every item of the notices in view — those nobody annotated yet
 * count as 暂无进展 — grouped by lead official (牵头领导) or by lead unit (牵头单位), an item under
 * each of its own officials or lead units; each item with its full text (the page's words), its
 * status, its progress against 序时进度, its full note (line breaks kept), its follow-up and the
 * notice's deadline (完成时限); counts at the top and per group, and the notices it covers (title
 * and 文号, printed on every page). One model, three renderings, all worded by the UI: the
 * printable page (components/MeetingReport.tsx), Markdown (components/report-text.ts) and Word
 * (components/report-docx.ts).
 */
import { colleagueNoteLines } from '../annotation/note-copies';
import { ITEM_STATUSES, type ItemStatus } from '../annotation/status';
import { followUpState, itemGrade, timeProgress, type FollowUpState, type ProgressGrade } from '../annotation/schedule';
import { byItemOrder, deadlineOverdue, noticeLabel, type OverviewRow } from './overview';

export type ReportGrouping = 'leader' | 'leadUnit';

export interface ReportItem {
  row: OverviewRow;
  /** The item's full text ('' when the notice no longer has the item). */
  text: string;
  /** The latest note, whole, its line breaks kept, then colleagues' notes each named ('' when none). */
  note: string;
  /** 序时进度 on the report's day, in whole percent, when the notice's year is known. */
  expected?: number;
  grade?: ProgressGrade;
  followUpState?: FollowUpState;
  /** The notice's deadline has passed and the item is not done. */
  pastDeadline: boolean;
}

export interface ReportCounts {
  total: number;
  /** Annotated items by status. */
  byStatus: Record<ItemStatus, number>;
  /** Items nobody annotated yet (暂无进展). */
  noUpdate: number;
  /** Follow-ups whose day is past (items not done). */
  overdue: number;
  /** Items past their notice's deadline (完成时限), not done. */
  pastDeadline: number;
}

export interface ReportGroup {
  /** The lead official or lead unit; '' for the items that have none. */
  name: string;
  counts: ReportCounts;
  items: ReportItem[];
}

/** A notice the report covers, as its running header names it. */
export interface ReportNotice {
  key: string;
  title: string;
  docNo?: string;
}

export interface MeetingReport {
  groupBy: ReportGrouping;
  /** The day the report is for (Shanghai). */
  today: string;
  /** The notices its items come from, by 文号 (else title). */
  notices: ReportNotice[];
  counts: ReportCounts;
  groups: ReportGroup[];
  /** More than one notice: items are named with their notice. */
  manyNotices: boolean;
  /**
   * Made from a filtered overview: which filter and how many of all the items, in the UI's words
   * (筛选：状态 滞后（共 156 项中的 1 项）), so that a printed report never reads as the whole notice.
   */
  scope?: string;
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

export function emptyCounts(): ReportCounts {
  return { total: 0, byStatus: Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>, noUpdate: 0, overdue: 0, pastDeadline: 0 };
}

function count(c: ReportCounts, item: ReportItem): void {
  c.total++;
  if (item.row.noUpdate) c.noUpdate++;
  else c.byStatus[item.row.status]++;
  if (item.followUpState === 'overdue' && item.row.status !== 'done') c.overdue++;
  if (item.pastDeadline) c.pastDeadline++;
}

function reportItem(row: OverviewRow, today: string): ReportItem {
  const expected = row.year ? Math.round(timeProgress(today, row.year)) : undefined;
  return {
    row,
    text: row.text,
    note: [row.note, ...colleagueNoteLines(row.noteCopies)].map((n) => n.replace(/\r\n?/g, '\n').trim()).filter(Boolean).join('\n'),
    expected,
    grade: itemGrade(row, expected),
    followUpState: row.followUp ? followUpState(row.followUp, today) : undefined,
    pastDeadline: deadlineOverdue(row, today),
  };
}

function reportNotices(rows: readonly OverviewRow[]): ReportNotice[] {
  const notices = new Map<string, ReportNotice>();
  for (const r of rows) {
    if (!notices.has(r.noticeKey)) notices.set(r.noticeKey, { key: r.noticeKey, title: r.noticeTitle, ...(r.docNo && { docNo: r.docNo }) });
  }
  return [...notices.values()].sort((a, b) => collator.compare(noticeLabel({ ...a, noticeKey: a.key, noticeTitle: a.title }), noticeLabel({ ...b, noticeKey: b.key, noticeTitle: b.title })));
}

/**
 * Groups rows: an item goes under each of its lead officials (its own, else its section's) or
 * each of its lead units, so every official's list is whole; the report's own counts count it
 * once. Lead officials come in their sections' order, lead units by name; the unknown group last.
 * Items within a group by notice, then number.
 */
export function buildReport(rows: readonly OverviewRow[], groupBy: ReportGrouping, today: string, scope?: string): MeetingReport {
  const groups = new Map<string, ReportGroup & { order: number }>();
  const counts = emptyCounts();
  for (const row of rows) {
    const item = reportItem(row, today);
    count(counts, item);
    const names = groupBy === 'leader' ? row.leaders : row.leadUnits;
    for (const name of names.length ? names : ['']) {
      let g = groups.get(name);
      if (!g) {
        const known = name !== '';
        g = { name, counts: emptyCounts(), items: [], order: known ? (groupBy === 'leader' ? row.section ?? 98 : 0) : 99 };
        groups.set(name, g);
      }
      g.items.push(item);
      count(g.counts, item);
    }
  }
  const byNoticeThenNo = (a: ReportItem, b: ReportItem) =>
    collator.compare(noticeLabel(a.row), noticeLabel(b.row)) || byItemOrder(a.row, b.row);
  const sorted = [...groups.values()].sort((a, b) => a.order - b.order || collator.compare(a.name, b.name));
  const notices = reportNotices(rows);
  return {
    groupBy,
    today,
    notices,
    counts,
    groups: sorted.map(({ order: _order, ...g }) => ({ ...g, items: g.items.sort(byNoticeThenNo) })),
    manyNotices: notices.length > 1,
    ...(scope && { scope }),
  };
}
