import { afterEach, describe, expect, it } from 'vitest';
import { buildOverviewRows } from '../lib/followup/overview';
import { buildReport } from '../lib/followup/report';
import { ANNOTATIONS, ANNOTATIONS_C, NOTICE_A, NOTICE_B, NOTICE_C, TODAY } from '../tests/fixtures/overview-rows';
import { useLocale } from '../tests/unit/i18n';
import { countsLine, countsTable, deadlineText, followUpText, progressText, reportMarkdown } from './report-text';

const rows = buildOverviewRows([NOTICE_A, NOTICE_B], ANNOTATIONS);
const onlyA = rows.filter((r) => r.noticeKey === NOTICE_A.key);

describe('the report in words', () => {
  afterEach(() => useLocale('zh_CN'));

  it('counts a group: statuses with items, then overdue follow-ups', () => {
    const first = buildReport(rows, 'leader', TODAY).groups[0];
    expect(countsLine(first.counts)).toBe('3 项：推进中 2 · 已完成 1 · 逾期跟进 1');
    useLocale('en');
    expect(countsLine(first.counts)).toBe('3 items: In progress 2 · Done 1 · 1 overdue');
    expect(countsLine(buildReport(rows.slice(0, 1), 'leader', TODAY).counts)).toMatch(/^1 item: /);
  });

  it('compares progress with 序时进度 and says overdue or today', () => {
    const byNo = new Map(buildReport(onlyA, 'leader', TODAY).groups.flatMap((g) => g.items).map((i) => [i.row.itemKey, i]));
    expect(progressText(byNo.get('1')!)).toBe('60% / 序时 50%（达到序时）');
    expect(progressText(byNo.get('3')!)).toBe('20% / 序时 50%（落后于序时）');
    expect(progressText(byNo.get('4')!)).toBe('— / 序时 50%');
    expect(followUpText(byNo.get('1')!)).toBe('2024-06-28（逾期）');
    expect(followUpText(byNo.get('3')!)).toBe('2024-06-30（今天）');
    expect(followUpText(byNo.get('2')!)).toBe('2024-06-01');
    expect(followUpText(byNo.get('9')!)).toBe('—');
    useLocale('en');
    expect(progressText(byNo.get('3')!)).toBe('20% / expected 50% (behind schedule)');
    expect(followUpText(byNo.get('1')!)).toBe('2024-06-28 (overdue)');
  });
});

describe('the notice’s deadline in the report', () => {
  afterEach(() => useLocale('zh_CN'));
  it('is shown as written, marked once past for an item not done', () => {
    const byNo = new Map(buildReport(buildOverviewRows([NOTICE_C], ANNOTATIONS_C), 'leader', TODAY).groups.flatMap((g) => g.items).map((i) => [i.row.itemKey, i]));
    expect(deadlineText(byNo.get('1')!)).toBe('6月底前'); // today is its last day
    expect(deadlineText(byNo.get('2')!)).toBe('2024年5月底前（已超期）');
    expect(deadlineText(byNo.get('3')!)).toBe('年内持续推进');
    expect(deadlineText(byNo.get('4')!)).toBe('一季度'); // done
    useLocale('en');
    expect(deadlineText(byNo.get('2')!)).toBe('2024年5月底前 (past)');
  });

  it('is counted where any item is past it: in the counts line and a column of the counts table', () => {
    const report = buildReport(buildOverviewRows([NOTICE_C], ANNOTATIONS_C), 'leader', TODAY);
    expect(report.counts.pastDeadline).toBe(1);
    expect(countsLine(report.counts)).toContain('超过完成时限 1');
    const table = countsTable(report);
    const at = table.head.indexOf('超过完成时限');
    expect(at).toBeGreaterThan(0);
    expect(table.rows.at(-1)![at]).toBe('1');
    expect(table.rows.map((r) => r[at]).slice(0, -1).reduce((n, c) => n + Number(c), 0)).toBe(1);
    useLocale('en');
    expect(countsLine(report.counts)).toContain('1 past deadline');
  });

  it('adds no column to a report where no item is past its deadline', () => {
    const report = buildReport(onlyA, 'leader', TODAY);
    expect(report.counts.pastDeadline).toBe(0);
    expect(countsTable(report).head).not.toContain('超过完成时限');
    expect(countsLine(report.counts)).not.toContain('超过完成时限');
  });
});

describe('a report made under a filter', () => {
  it('says so under the notice, in Markdown too', () => {
    const md = reportMarkdown(buildReport(onlyA.slice(0, 2), 'leader', TODAY, '筛选：状态 推进中（共 5 项中的 2 项）'));
    expect(md.split('\n').slice(2, 5)).toEqual(['通知：《关于印发区2024年政府工作报告重点工作责任分解的通知》（拱政办发〔2024〕2号）', '', '筛选：状态 推进中（共 5 项中的 2 项）']);
    expect(reportMarkdown(buildReport(onlyA, 'leader', TODAY))).not.toContain('筛选');
  });
});

describe('Markdown', () => {
  it('renders the same report: title, the notice, the counts table, counts per group, one table row per item', () => {
    const md = reportMarkdown(buildReport(onlyA, 'leader', TODAY));
    expect(md).toBe(
      [
        '# 督办事项会议报告（按牵头领导）',
        '',
        '通知：《关于印发区2024年政府工作报告重点工作责任分解的通知》（拱政办发〔2024〕2号）',
        '',
        '日期：2024-06-30。共 5 项：未开始 1 · 推进中 1 · 已完成 1 · 滞后 1 · 暂缓 1 · 逾期跟进 1。',
        '',
        '| 牵头领导 | 合计 | 未开始 | 推进中 | 已完成 | 滞后 | 暂缓 | 暂无进展 | 逾期跟进 |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 冯晶区长 | 2 | 0 | 1 | 1 | 0 | 0 | 0 | 1 |',
        '| 黄飞常务副区长 | 2 | 1 | 0 | 0 | 1 | 0 | 0 | 0 |',
        '| （未注明牵头领导） | 1 | 0 | 0 | 0 | 0 | 1 | 0 | 0 |',
        '| 全部 | 5 | 1 | 1 | 1 | 1 | 1 | 0 | 1 |',
        '',
        '## 冯晶区长',
        '',
        '2 项：推进中 1 · 已完成 1 · 逾期跟进 1',
        '',
        '| 序号 | 事项 | 状态 | 进度 / 序时进度 | 最新备注 | 完成时限 | 跟进 |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| 1 | 坚持政治引领，担当勤政。旗帜鲜明讲政治。 | 推进中 | 60% / 序时 50%（达到序时） | 已召开专题会，ＧＤＰ材料待报 | — | 2024-06-28（逾期） |',
        '| 2 | 坚持阳光用权,依法行政。深入开展法治政府建设示范创建。 | 已完成 | 100% / 序时 50% | — | — | 2024-06-01 |',
        '',
        '## 黄飞常务副区长',
        '',
        '2 项：未开始 1 · 滞后 1',
        '',
        '| 序号 | 事项 | 状态 | 进度 / 序时进度 | 最新备注 | 完成时限 | 跟进 |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| 3 | 推进城市大脑2.0首批区县试点,GDP增长5.5%。 | 滞后 | 20% / 序时 50%（落后于序时） | 试点方案 \\| 待市里批复<br>第二行 | — | 2024-06-30（今天） |',
        '| 4 | 加快运河湾\\|国际未来社区建设。 | 未开始 | — / 序时 50% | — | — | 2024-07-05 |',
        '',
        '## （未注明牵头领导）',
        '',
        '1 项：暂缓 1',
        '',
        '| 序号 | 事项 | 状态 | 进度 / 序时进度 | 最新备注 | 完成时限 | 跟进 |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| 9 | （原文中已无此项） | 暂缓 | — / 序时 50% | 原第9项 | — | — |',
        '',
      ].join('\n'),
    );
  });
  it('names the notice of each item when the report spans several', () => {
    const md = reportMarkdown(buildReport(rows, 'leadUnit', TODAY));
    expect(md).toContain('| 序号 | 文件 | 事项 |');
    expect(md).toContain('| 1 | 拱政办发〔2025〕1号 | 谋划2025年区政府重点工作。 | 推进中 |');
  });
  it('names a notice without a 文号 in the 文件 column by the start of its title, whole in the head; a quoted title nests as 〈〉', () => {
    const titled = rows.map((r) => (r.noticeKey === NOTICE_B.key ? { ...r, docNo: undefined, noticeTitle: '关于印发《2025年政府工作报告》重点工作责任分解的通知' } : r));
    const md = reportMarkdown(buildReport(titled, 'leadUnit', TODAY));
    expect(md).toContain('《关于印发〈2025年政府工作报告〉重点工作责任分解的通知》');
    expect(md).toContain('| 关于印发《2025年政府工… |');
    expect(md).not.toContain('| 关于印发《2025年政府工作报告》重点工作责任分解的通知 |');
  });
  it('grades no item done, whatever progress was last typed', () => {
    const done = rows.map((r) => ({ ...r, status: 'done' as const, progress: 10, year: Number(TODAY.slice(0, 4)) - 1 }));
    expect(buildReport(done, 'leader', TODAY).groups.flatMap((g) => g.items).map((i) => i.grade)).not.toContain('behind');
    const open = done.map((r) => ({ ...r, status: 'in_progress' as const }));
    expect(buildReport(open, 'leader', TODAY).groups.flatMap((g) => g.items).map((i) => i.grade)).toContain('behind');
  });
  it('keeps long texts and notes whole, line breaks as <br>; every table row has the same number of cells', () => {
    const long = rows.map((r) => ({ ...r, text: '很长的事项'.repeat(30), note: '备注|\n<script>'.repeat(60) }));
    const md = reportMarkdown(buildReport(long, 'leader', TODAY));
    const tableRows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('很长的事项'));
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    expect(new Set(tableRows.map(cells)).size).toBe(1);
    expect(md).toContain(`| ${'很长的事项'.repeat(30)} |`);
    expect(md).toContain(`| ${'备注\\|<br>&lt;script>'.repeat(59)}备注\\|<br>&lt;script> |`);
    expect(md).not.toContain('<script>');
  });
  it('escapes what Markdown would render as other than written: emphasis, code, links, strikethrough, math, entities, a heading’s #', () => {
    const note = '*重要* 与 **加粗**\n`x` 和 _下划线_\n# 不是标题\n[链接](http://a.cn) ~~删~~ $5$ &amp; 1 < 2';
    const marked = onlyA.map((r) => (r.itemKey === '1' ? { ...r, note, text: '推进*重点*项目_一期_`A`', leadUnits: ['区*数据*局'] } : r));
    const md = reportMarkdown(buildReport(marked, 'leadUnit', TODAY));
    expect(md).toContain('| 1 | 推进\\*重点\\*项目\\_一期\\_\\`A\\` | 推进中 |');
    expect(md).toContain(
      '| \\*重要\\* 与 \\*\\*加粗\\*\\*<br>\\`x\\` 和 \\_下划线\\_<br>\\# 不是标题<br>\\[链接\\](http://a.cn) \\~\\~删\\~\\~ \\$5\\$ \\&amp; 1 &lt; 2 |',
    );
    expect(md).toContain('\n## 区\\*数据\\*局\n');
    expect(md).toContain('| 区\\*数据\\*局 | 1 |');
  });
  it('leaves a web address in a note as written, so that it still links, and escapes the words around it', () => {
    const note = '见 http://example.com/a_b_c?x=1&y=*2* 与 *重点*，www.gov.cn/a_b 另见';
    const linked = onlyA.map((r) => (r.itemKey === '1' ? { ...r, note } : r));
    const md = reportMarkdown(buildReport(linked, 'leadUnit', TODAY));
    expect(md).toContain('| 见 http://example.com/a_b_c?x=1&y=*2* 与 \\*重点\\*，www.gov.cn/a_b 另见 |');
  });
  it('says so when there is nothing to report', () => {
    expect(reportMarkdown(buildReport([], 'leader', TODAY))).toContain('（没有事项）');
  });
});

describe('the Markdown in English', () => {
  afterEach(() => useLocale('zh_CN'));
  it('is the same table, every word in English', () => {
    useLocale('en');
    const md = reportMarkdown(buildReport(onlyA, 'leader', TODAY));
    expect(md.split('\n').slice(0, 5)).toEqual([
      '# Meeting report (by lead official)',
      '',
      `Notice: ${NOTICE_A.title} (${NOTICE_A.docNo})`,
      '',
      'Date: 2024-06-30. 5 items: Not started 1 · In progress 1 · Done 1 · Behind 1 · Paused 1 · 1 overdue.',
    ]);
    expect(md).toContain('| Lead official | Total | Not started | In progress | Done | Behind | Paused | No update yet | Overdue follow-ups |');
    expect(md).toContain('| No. | Item | Status | Progress / expected | Latest note | Deadline | Follow-up |');
    expect(md).toContain('## (no lead official named)');
    expect(md).toContain('| 9 | (not on the page) | Paused | — / expected 50% | 原第9项 | — | — |');
  });
});
