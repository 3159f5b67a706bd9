/**
 * The meeting report in words (lib/followup/report.ts is its model): the lines both renderings
 * share, and the Markdown one for pasting into a document. One language, the UI's.
 */
import { ITEM_STATUSES } from '../lib/annotation/status';
import { noticeLabel } from '../lib/followup/overview';
import type { MeetingReport, ReportCounts, ReportGroup, ReportItem } from '../lib/followup/report';
import { statusText, t } from '../utils/i18n';

/** `12 项：推进中 5 · 已完成 3 · 逾期跟进 1` — statuses with none are left out. */
export function countsLine(c: ReportCounts): string {
  const parts = ITEM_STATUSES.filter((s) => c.byStatus[s] > 0).map((s) => t('report.statusCount', { status: statusText(s), count: c.byStatus[s] }));
  if (c.overdue) parts.push(t('report.overdueCount', c.overdue));
  const total = t('report.items', c.total);
  return parts.length ? t('report.countsLine', { total, parts: parts.join(' · ') }) : total;
}

/** `40% / 序时 33%（达到序时）`, or `— / 序时 33%` when no progress was recorded. */
export function progressText(item: ReportItem): string {
  const progress = item.row.progress === undefined ? '—' : `${Math.round(item.row.progress)}%`;
  if (item.expected === undefined) return progress;
  const expected = item.expected;
  return item.grade ? t('report.progressGraded', { progress, expected, grade: t(`grade.${item.grade}`) }) : t('report.progress', { progress, expected });
}

/** The notice's deadline as written, `2024年5月底前（已超期）` once past (item not done), `—` when none. */
export function deadlineText(item: ReportItem): string {
  const deadline = item.row.deadline;
  if (!deadline) return '—';
  return item.pastDeadline ? t('report.deadlinePast', { deadline }) : deadline;
}

/** `2024-05-02（逾期）`, `—` when none. */
export function followUpText(item: ReportItem): string {
  const day = item.row.followUp;
  if (!day) return '—';
  const state = item.row.status === 'done' ? undefined : item.followUpState;
  return state === 'overdue' || state === 'today' ? t('report.followUpState', { day, state: t(`report.followUp.${state}`) }) : day;
}

export const reportTitle = (report: MeetingReport): string => t('report.title', { grouping: t(`report.grouping.${report.groupBy}`) });

/** A group's heading: the lead official or unit, or that none is known. */
export const groupName = (report: MeetingReport, g: ReportGroup): string => g.name || t(`report.unknown.${report.groupBy}`);

/** The item's text, or that the notice no longer has it. */
export const itemText = (item: ReportItem): string => item.text || t('report.notOnPage');

/** A table cell: one line, pipes escaped, never empty. */
function cell(text: string): string {
  const s = text.replace(/\s*\n\s*/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
  return s || '—';
}

export function reportMarkdown(report: MeetingReport): string {
  const out: string[] = [`# ${reportTitle(report)}`, '', t('report.markdownMeta', { day: report.today, counts: countsLine(report.counts) })];
  const head = [
    t('report.column.no'),
    ...(report.manyNotices ? [t('report.column.notice')] : []),
    t('report.column.item'),
    t('report.column.status'),
    t('report.column.progress'),
    t('report.column.note'),
    t('report.column.deadline'),
    t('report.column.followUp'),
  ];
  for (const g of report.groups) {
    out.push('', `## ${groupName(report, g)}`, '', countsLine(g.counts), '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const it of g.items) {
      const cells = [
        String(it.row.itemKey),
        ...(report.manyNotices ? [noticeLabel(it.row)] : []),
        itemText(it),
        statusText(it.row.status),
        progressText(it),
        it.note,
        deadlineText(it),
        followUpText(it),
      ];
      out.push(`| ${cells.map(cell).join(' | ')} |`);
    }
  }
  if (!report.groups.length) out.push('', t('report.noItems'));
  return out.join('\n') + '\n';
}
