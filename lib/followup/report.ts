/**
 * The meeting report: the overview's rows grouped by lead official (牵头领导) or by lead unit
 * (牵头单位), each item with its status, its progress against 序时进度, its latest note and its
 * follow-up; counts at the top of each group. One model, two renderings: the printable page
 * (components/MeetingReport.tsx) and Markdown for pasting into a document (reportMarkdown).
 */
import { ITEM_STATUSES, STATUS_LABELS, type ItemStatus } from '../annotation/status';
import { followUpState, gradeProgress, timeProgress, type FollowUpState, type ProgressGrade } from '../annotation/schedule';
import { noticeLabel, type OverviewRow } from './overview';
import { shortText } from './text';

export type ReportGrouping = 'leader' | 'leadUnit';

export const GROUPING_LABELS: Record<ReportGrouping, { zh: string; en: string }> = {
  leader: { zh: '按牵头领导', en: 'by lead official' },
  leadUnit: { zh: '按牵头单位', en: 'by lead unit' },
};

export const GRADE_LABELS: Record<ProgressGrade, { zh: string; en: string }> = {
  on_track: { zh: '达到序时', en: 'on track' },
  slightly_behind: { zh: '略低于序时', en: 'slightly behind' },
  behind: { zh: '落后序时', en: 'behind' },
};

const REPORT_TEXT_CHARS = 40;
const REPORT_NOTE_CHARS = 80;

interface ReportItem {
  row: OverviewRow;
  /** The item's text, shortened. */
  text: string;
  /** The latest note, shortened ('' when none). */
  note: string;
  /** 序时进度 on the report's day, in whole percent, when the notice's year is known. */
  expected?: number;
  grade?: ProgressGrade;
  followUpState?: FollowUpState;
}

interface ReportCounts {
  total: number;
  byStatus: Record<ItemStatus, number>;
  /** Follow-ups whose day is past (items not done). */
  overdue: number;
}

interface ReportGroup {
  name: string;
  counts: ReportCounts;
  items: ReportItem[];
}

export interface MeetingReport {
  groupBy: ReportGrouping;
  /** The day the report is for (Shanghai). */
  today: string;
  counts: ReportCounts;
  groups: ReportGroup[];
  /** More than one notice: items are named with their notice. */
  manyNotices: boolean;
}

export const UNKNOWN_GROUP = { leader: '（未知牵头领导 / unknown lead official）', leadUnit: '（未知牵头单位 / unknown lead unit）' };

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

function emptyCounts(): ReportCounts {
  return { total: 0, byStatus: Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>, overdue: 0 };
}

function count(c: ReportCounts, item: ReportItem): void {
  c.total++;
  c.byStatus[item.row.status]++;
  if (item.followUpState === 'overdue' && item.row.status !== 'done') c.overdue++;
}

function reportItem(row: OverviewRow, today: string): ReportItem {
  const expected = row.year ? Math.round(timeProgress(today, row.year)) : undefined;
  return {
    row,
    text: shortText(row.text || '（原文中已无此项）', REPORT_TEXT_CHARS),
    note: shortText(row.note.replace(/\s+/g, ' '), REPORT_NOTE_CHARS),
    expected,
    grade: row.progress !== undefined && expected !== undefined ? gradeProgress(row.progress, expected) : undefined,
    followUpState: row.followUp ? followUpState(row.followUp, today) : undefined,
  };
}

/**
 * Groups rows. Lead officials come in their sections' order, lead units by name; the unknown
 * group last. Items within a group by notice, then number.
 */
export function buildReport(rows: readonly OverviewRow[], groupBy: ReportGrouping, today: string): MeetingReport {
  const groups = new Map<string, ReportGroup & { order: number }>();
  const counts = emptyCounts();
  for (const row of rows) {
    const name = (groupBy === 'leader' ? row.leader : row.leadUnit) || UNKNOWN_GROUP[groupBy];
    let g = groups.get(name);
    if (!g) {
      const known = groupBy === 'leader' ? row.leader !== '' : row.leadUnit !== '';
      g = { name, counts: emptyCounts(), items: [], order: known ? (groupBy === 'leader' ? row.section ?? 98 : 0) : 99 };
      groups.set(name, g);
    }
    const item = reportItem(row, today);
    g.items.push(item);
    count(g.counts, item);
    count(counts, item);
  }
  const byNoticeThenNo = (a: ReportItem, b: ReportItem) =>
    collator.compare(noticeLabel(a.row), noticeLabel(b.row)) || a.row.itemNo - b.row.itemNo;
  const sorted = [...groups.values()].sort((a, b) => a.order - b.order || collator.compare(a.name, b.name));
  return {
    groupBy,
    today,
    counts,
    groups: sorted.map(({ order: _order, ...g }) => ({ ...g, items: g.items.sort(byNoticeThenNo) })),
    manyNotices: new Set(rows.map((r) => r.noticeKey)).size > 1,
  };
}

// ------------------------------------------------------------------ wording shared by both renderings

/** `12 项：推进中 5 · 已完成 3 · 逾期跟进 1` — statuses with none are left out. */
export function countsLine(c: ReportCounts): string {
  const parts = ITEM_STATUSES.filter((s) => c.byStatus[s] > 0).map((s) => `${STATUS_LABELS[s].zh} ${c.byStatus[s]}`);
  if (c.overdue) parts.push(`逾期跟进 ${c.overdue}`);
  return `${c.total} 项${parts.length ? `：${parts.join(' · ')}` : ''}`;
}

/** `40% / 序时 33%（达到序时）`, or `— / 序时 33%` when no progress was recorded. */
export function progressText(item: ReportItem): string {
  const mine = item.row.progress === undefined ? '—' : `${Math.round(item.row.progress)}%`;
  if (item.expected === undefined) return mine;
  return `${mine} / 序时 ${item.expected}%${item.grade ? `（${GRADE_LABELS[item.grade].zh}）` : ''}`;
}

const FOLLOW_UP_WORDS: Record<FollowUpState, string> = { overdue: '逾期', today: '今天', soon: '', later: '' };

/** `2024-05-02（逾期）`, `—` when none. */
export function followUpText(item: ReportItem): string {
  if (!item.row.followUp) return '—';
  const word = item.row.status === 'done' ? '' : FOLLOW_UP_WORDS[item.followUpState!];
  return word ? `${item.row.followUp}（${word}）` : item.row.followUp;
}

export function reportTitle(report: MeetingReport): string {
  return `督办事项会议报告（${GROUPING_LABELS[report.groupBy].zh}）`;
}

// ------------------------------------------------------------------ Markdown

/** A table cell: one line, pipes escaped, never empty. */
function cell(text: string): string {
  const t = text.replace(/\s*\n\s*/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
  return t || '—';
}

export function reportMarkdown(report: MeetingReport): string {
  const out: string[] = [
    `# ${reportTitle(report)}`,
    '',
    `Meeting report, ${GROUPING_LABELS[report.groupBy].en}. 日期 / date: ${report.today}。共 ${countsLine(report.counts)}。`,
  ];
  const head = ['序号 No.', ...(report.manyNotices ? ['文件 Notice'] : []), '事项 Item', '状态 Status', '进度 / 序时进度', '最新备注 Latest note', '跟进 Follow-up'];
  for (const g of report.groups) {
    out.push('', `## ${g.name}`, '', countsLine(g.counts), '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const it of g.items) {
      const cells = [
        String(it.row.itemNo),
        ...(report.manyNotices ? [noticeLabel(it.row)] : []),
        it.text,
        STATUS_LABELS[it.row.status].zh,
        progressText(it),
        it.note,
        followUpText(it),
      ];
      out.push(`| ${cells.map(cell).join(' | ')} |`);
    }
  }
  if (!report.groups.length) out.push('', '（没有事项 / no items）');
  return out.join('\n') + '\n';
}
