/**
 * The meeting report in words (lib/followup/report.ts is its model): the lines every rendering
 * shares (the page, Word: ./report-docx.ts), and the Markdown one for pasting into a document.
 * One language, the UI's.
 */
import { ITEM_STATUSES } from '../lib/annotation/status';
import { noticeColumnLabel, noticeLabel } from '../lib/followup/overview';
import { shortText } from '../lib/followup/text';
import type { MeetingReport, ReportCounts, ReportGroup, ReportItem, ReportNotice } from '../lib/followup/report';
import { itemLabel, statusText, t } from '../utils/i18n';

/** `12 项：推进中 5 · 已完成 3 · 暂无进展 2 · 逾期跟进 1` — statuses with none are left out. */
export function countsLine(c: ReportCounts): string {
  const parts = ITEM_STATUSES.filter((s) => c.byStatus[s] > 0).map((s) => t('report.statusCount', { status: statusText(s), count: c.byStatus[s] }));
  if (c.noUpdate) parts.push(t('report.statusCount', { status: t('meetingReport.noUpdate'), count: c.noUpdate }));
  if (c.overdue) parts.push(t('report.overdueCount', c.overdue));
  if (c.pastDeadline) parts.push(t('report.pastDeadlineCount', c.pastDeadline));
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

/**
 * `2024-05-02（逾期）`, `—` when none; `lines`: the state on a line of its own, for a narrow
 * column that would otherwise break the date at a hyphen (Word's table).
 */
export function followUpText(item: ReportItem, lines = false): string {
  const day = item.row.followUp;
  if (!day) return '—';
  const state = item.row.status === 'done' ? undefined : item.followUpState;
  if (state !== 'overdue' && state !== 'today') return day;
  const text = t('report.followUpState', { day, state: t(`report.followUp.${state}`) });
  return lines && text.startsWith(day) ? `${day}\n${text.slice(day.length).trim()}` : text;
}

export const reportTitle = (report: MeetingReport): string => t('report.title', { grouping: t(`report.grouping.${report.groupBy}`) });

/** A group's heading: the lead official or unit, or that none is known. */
export const groupName = (report: MeetingReport, g: ReportGroup): string => g.name || t(`report.unknown.${report.groupBy}`);

/** The item's text, or that the notice no longer has it. */
export const itemText = (item: ReportItem): string => item.text || t('report.notOnPage');

/** The item's status, or 暂无进展 when nobody annotated it yet. */
export const itemStatus = (item: ReportItem): string => (item.row.noUpdate ? t('meetingReport.noUpdate') : statusText(item.row.status));

/**
 * 《title》（文号）, the title alone without a 文号, the 文号 alone without a title. A title that
 * quotes another (关于印发《政府工作报告》…) has its inner marks made 〈〉, as Chinese nests them.
 */
export function noticeName(n: ReportNotice): string {
  const title = n.title.replace(/《/g, '〈').replace(/》/g, '〉');
  if (n.title && n.docNo) return t('meetingReport.noticeName', { title, docNo: n.docNo });
  return n.title ? t('meetingReport.noticeTitle', { title }) : n.docNo || n.key;
}

/** Characters of a title the 文件 column keeps: the report's head names each notice whole. */
const NOTICE_CELL_CHARS = 14;

/** The notices the report covers, named whole (the report's head, Markdown, Word). */
export const noticesLine = (report: MeetingReport): string => report.notices.map(noticeName).join(t('common.noticeSeparator'));

/**
 * The notices as every printed page's running head names them: one notice whole; several by their
 * 文号 (else what their title is about, as the overview's 文件 column names them), or five whole
 * titles take three lines of every page.
 */
export const runningNoticesLine = (report: MeetingReport): string =>
  report.notices.length > 1
    ? report.notices.map((n) => noticeColumnLabel({ docNo: n.docNo, noticeTitle: n.title, noticeKey: n.key })).join(t('common.noticeSeparator'))
    : noticesLine(report);

/**
 * The counts table: a row per group and one for all, a column per status, 暂无进展, overdue
 * follow-ups, and items past their deadline where any is.
 */
export function countsTable(report: MeetingReport): { head: string[]; rows: string[][] } {
  const past = report.counts.pastDeadline > 0;
  const head = [
    t(`meetingReport.groupColumn.${report.groupBy}`),
    t('meetingReport.total'),
    ...ITEM_STATUSES.map(statusText),
    t('meetingReport.noUpdate'),
    t('meetingReport.overdue'),
    ...(past ? [t('meetingReport.pastDeadline')] : []),
  ];
  const row = (name: string, c: ReportCounts) =>
    [name, c.total, ...ITEM_STATUSES.map((s) => c.byStatus[s]), c.noUpdate, c.overdue, ...(past ? [c.pastDeadline] : [])].map(String);
  return { head, rows: [...report.groups.map((g) => row(groupName(report, g), g.counts)), row(t('meetingReport.all'), report.counts)] };
}

/**
 * Words as written, not as Markdown: its active characters escaped (emphasis * _ ~, code `, links
 * [ ], math $, a table's |, an entity's &, a heading's # at a line's start); < as &lt;, or it
 * would start an HTML tag. A web address is left as written (but for | and <, which end it here):
 * renderers link it, and a backslash in it would break the link.
 */
function markdownWords(text: string): string {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(WEB_ADDRESS)) {
    out += escapeMarkdown(text.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + escapeMarkdown(text.slice(from));
}

const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>|`\\]+/g;

function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~$|]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/</g, '&lt;')
    .replace(/^([ \t]*)#/gm, '$1\\#');
}

/** A table cell: its words as written, line breaks as <br> (a Markdown table row is one line), never empty. */
function cell(text: string): string {
  return markdownWords(text.trim()).replace(/[ \t]*\r?\n[ \t]*/g, '<br>') || '—';
}

const tableLines = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${head.map(cell).join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
];

/** An item's cells, in the column order of reportColumns; `lines`: as followUpText. */
export function itemCells(report: MeetingReport, it: ReportItem, lines = false): string[] {
  return [
    itemLabel(it.row.itemKey),
    ...(report.manyNotices ? [it.row.docNo || shortText(noticeLabel(it.row), NOTICE_CELL_CHARS)] : []),
    itemText(it),
    itemStatus(it),
    progressText(it),
    it.note,
    deadlineText(it),
    followUpText(it, lines),
  ];
}

/** The items tables' column headings. */
export function reportColumns(report: MeetingReport): string[] {
  return [
    t('report.column.no'),
    ...(report.manyNotices ? [t('report.column.notice')] : []),
    t('report.column.item'),
    t('report.column.status'),
    t('report.column.progress'),
    t('report.column.note'),
    t('report.column.deadline'),
    t('report.column.followUp'),
  ];
}

export function reportMarkdown(report: MeetingReport): string {
  const out: string[] = [`# ${reportTitle(report)}`, ''];
  if (report.notices.length) out.push(t('meetingReport.markdownNotices', { notices: markdownWords(noticesLine(report)) }), '');
  if (report.scope) out.push(markdownWords(report.scope), '');
  out.push(t('report.markdownMeta', { day: report.today, counts: countsLine(report.counts) }));
  if (report.groups.length) {
    const counts = countsTable(report);
    out.push('', ...tableLines(counts.head, counts.rows));
  }
  const head = reportColumns(report);
  for (const g of report.groups) {
    out.push('', `## ${markdownWords(groupName(report, g))}`, '', countsLine(g.counts), '', ...tableLines(head, g.items.map((it) => itemCells(report, it))));
  }
  if (!report.groups.length) out.push('', t('report.noItems'));
  return out.join('\n') + '\n';
}
