import { describe, expect, it } from 'vitest';
import { ANNOTATIONS, NOTICE_A, NOTICE_B, TODAY } from '../../tests/fixtures/overview-rows';
import { buildOverviewRows } from './overview';
import { buildReport, countsLine, followUpText, progressText, reportMarkdown, UNKNOWN_GROUP } from './report';

const rows = buildOverviewRows([NOTICE_A, NOTICE_B], ANNOTATIONS);
const onlyA = rows.filter((r) => r.noticeKey === NOTICE_A.key);

describe('meeting report', () => {
  it('groups by lead official in section order, unknown last, items by notice then number', () => {
    const r = buildReport(rows, 'leader', TODAY);
    expect(r.groups.map((g) => [g.name, g.items.map((i) => `${i.row.year}-${i.row.itemNo}`)])).toEqual([
      ['冯晶区长', ['2024-1', '2024-2', '2025-1']],
      ['黄飞常务副区长', ['2024-3', '2024-4']],
      [UNKNOWN_GROUP.leader, ['2024-9']],
    ]);
    expect(r.manyNotices).toBe(true);
    expect(r.counts.total).toBe(6);
  });
  it('groups by lead unit, by name', () => {
    const r = buildReport(onlyA, 'leadUnit', TODAY);
    expect(r.groups.map((g) => g.name)).toEqual(['区发改局', '区司法局', '区政府办公室', '区住建局', UNKNOWN_GROUP.leadUnit]);
    expect(r.manyNotices).toBe(false);
  });
  it('counts each group: statuses and overdue follow-ups', () => {
    const r = buildReport(rows, 'leader', TODAY);
    const first = r.groups[0];
    expect(first.counts).toEqual({ total: 3, overdue: 1, byStatus: { not_started: 0, in_progress: 2, done: 1, behind: 0, paused: 0 } });
    expect(countsLine(first.counts)).toBe('3 项：推进中 2 · 已完成 1 · 逾期跟进 1');
    // Item 2 is done: its past follow-up day is not overdue.
    expect(r.counts.overdue).toBe(1);
  });
  it('compares progress with 序时进度 of the notice’s year', () => {
    const r = buildReport(onlyA, 'leader', TODAY);
    const byNo = new Map(r.groups.flatMap((g) => g.items).map((i) => [i.row.itemNo, i]));
    // 2024-06-30 is day 182 of 366: 序时进度 50%.
    expect(byNo.get(1)!.expected).toBe(50);
    expect(progressText(byNo.get(1)!)).toBe('60% / 序时 50%（达到序时）');
    expect(progressText(byNo.get(3)!)).toBe('20% / 序时 50%（落后序时）');
    expect(progressText(byNo.get(4)!)).toBe('— / 序时 50%');
    expect(followUpText(byNo.get(1)!)).toBe('2024-06-28（逾期）');
    expect(followUpText(byNo.get(3)!)).toBe('2024-06-30（今天）');
    expect(followUpText(byNo.get(2)!)).toBe('2024-06-01');
    expect(followUpText(byNo.get(9)!)).toBe('—');
  });
});

describe('Markdown', () => {
  it('renders the same report: title, counts per group, one table row per item', () => {
    const md = reportMarkdown(buildReport(onlyA, 'leader', TODAY));
    expect(md).toBe(
      [
        '# 督办事项会议报告（按牵头领导）',
        '',
        'Meeting report, by lead official. 日期 / date: 2024-06-30。共 5 项：未开始 1 · 推进中 1 · 已完成 1 · 滞后 1 · 暂缓 1 · 逾期跟进 1。',
        '',
        '## 冯晶区长',
        '',
        '2 项：推进中 1 · 已完成 1 · 逾期跟进 1',
        '',
        '| 序号 No. | 事项 Item | 状态 Status | 进度 / 序时进度 | 最新备注 Latest note | 跟进 Follow-up |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 1 | 坚持政治引领，担当勤政。旗帜鲜明讲政治。 | 推进中 | 60% / 序时 50%（达到序时） | 已召开专题会，ＧＤＰ材料待报 | 2024-06-28（逾期） |',
        '| 2 | 坚持阳光用权,依法行政。深入开展法治政府建设示范创建。 | 已完成 | 100% / 序时 50%（达到序时） | — | 2024-06-01 |',
        '',
        '## 黄飞常务副区长',
        '',
        '2 项：未开始 1 · 滞后 1',
        '',
        '| 序号 No. | 事项 Item | 状态 Status | 进度 / 序时进度 | 最新备注 Latest note | 跟进 Follow-up |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 3 | 推进城市大脑2.0首批区县试点,GDP增长5.5%。 | 滞后 | 20% / 序时 50%（落后序时） | 试点方案 \\| 待市里批复 第二行 | 2024-06-30（今天） |',
        '| 4 | 加快运河湾\\|国际未来社区建设。 | 未开始 | — / 序时 50% | — | 2024-07-05 |',
        '',
        `## ${UNKNOWN_GROUP.leader}`,
        '',
        '1 项：暂缓 1',
        '',
        '| 序号 No. | 事项 Item | 状态 Status | 进度 / 序时进度 | 最新备注 Latest note | 跟进 Follow-up |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 9 | （原文中已无此项） | 暂缓 | — / 序时 50% | 原第9项 | — |',
        '',
      ].join('\n'),
    );
  });
  it('names the notice of each item when the report spans several', () => {
    const md = reportMarkdown(buildReport(rows, 'leadUnit', TODAY));
    expect(md).toContain('| 序号 No. | 文件 Notice | 事项 Item |');
    expect(md).toContain('| 1 | 拱政办发〔2025〕1号 | 谋划2025年区政府重点工作。 | 推进中 |');
  });
  it('shortens long texts and notes; every table row has the same number of cells', () => {
    const long = rows.map((r) => ({ ...r, text: '很长的事项'.repeat(30), note: '备注|'.repeat(60) }));
    const md = reportMarkdown(buildReport(long, 'leader', TODAY));
    const tableRows = md.split('\n').filter((l) => l.startsWith('| '));
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    expect(new Set(tableRows.map(cells)).size).toBe(1);
    expect(md).toContain(`| ${'很长的事项'.repeat(7)}很长的事… |`); // 40 characters with the …
  });
  it('says so when there is nothing to report', () => {
    expect(reportMarkdown(buildReport([], 'leader', TODAY))).toContain('（没有事项 / no items）');
  });
});
