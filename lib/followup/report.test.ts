import { describe, expect, it } from 'vitest';
import { annotation, ANNOTATIONS, ANNOTATIONS_C, NOTICE_A, NOTICE_B, NOTICE_C, TODAY } from '../../tests/fixtures/overview-rows';
import { buildOverviewRows } from './overview';
import { buildReport } from './report';

const rows = buildOverviewRows([NOTICE_A, NOTICE_B], ANNOTATIONS);
const onlyA = rows.filter((r) => r.noticeKey === NOTICE_A.key);

describe('meeting report', () => {
  it('groups by lead official in section order, unknown last, items by notice then number', () => {
    const r = buildReport(rows, 'leader', TODAY);
    expect(r.groups.map((g) => [g.name, g.items.map((i) => `${i.row.year}-${i.row.itemKey}`)])).toEqual([
      ['冯晶区长', ['2024-1', '2024-2', '2025-1']],
      ['黄飞常务副区长', ['2024-3', '2024-4']],
      ['', ['2024-9']], // no lead official
    ]);
    expect(r.manyNotices).toBe(true);
    expect(r.counts.total).toBe(6);
  });
  it('puts an item under each of its own lead officials (else its section’s) and each of its lead units; counts it once', () => {
    const c = buildOverviewRows([NOTICE_C], ANNOTATIONS_C);
    const byLeader = buildReport(c, 'leader', TODAY);
    const groups = (r: ReturnType<typeof buildReport>) => new Map(r.groups.map((g) => [g.name, g.items.map((i) => i.row.itemKey)]));
    expect(groups(byLeader)).toEqual(new Map([['张三副区长', ['1', '2']], ['李四副区长', ['1']], ['王五区长', ['3', '4']]]));
    expect(byLeader.counts.total).toBe(4);
    expect(groups(buildReport(c, 'leadUnit', TODAY))).toEqual(
      new Map([['区财政局', ['1']], ['区发改局', ['1', '4']], ['区司法局', ['3']], ['区住建局', ['2']]]),
    );
    // 区司法局 co-operates on item 2: not in its lead-unit group.
    const late = byLeader.groups.flatMap((g) => g.items).filter((i) => i.pastDeadline).map((i) => i.row.itemKey);
    expect(late).toEqual(['2']);
  });
  it('groups by lead unit, by name', () => {
    const r = buildReport(onlyA, 'leadUnit', TODAY);
    expect(r.groups.map((g) => g.name)).toEqual(['区发改局', '区司法局', '区政府办公室', '区住建局', '']);
    expect(r.manyNotices).toBe(false);
  });
  it('counts each group: statuses and overdue follow-ups', () => {
    const r = buildReport(rows, 'leader', TODAY);
    const first = r.groups[0];
    expect(first.counts).toEqual({ total: 3, overdue: 1, noUpdate: 0, pastDeadline: 0, byStatus: { not_started: 0, in_progress: 2, done: 1, behind: 0, paused: 0 } });
    // Item 2 is done: its past follow-up day is not overdue.
    expect(r.counts.overdue).toBe(1);
  });
  it('compares progress with 序时进度 of the notice’s year', () => {
    const r = buildReport(onlyA, 'leader', TODAY);
    const byNo = new Map(r.groups.flatMap((g) => g.items).map((i) => [i.row.itemKey, i]));
    // 2024-06-30 is day 182 of 366: 序时进度 50%.
    expect(byNo.get('1')!.expected).toBe(50);
    expect(byNo.get('1')).toMatchObject({ grade: 'on_track', followUpState: 'overdue' });
    expect(byNo.get('3')).toMatchObject({ grade: 'behind', followUpState: 'today' });
    expect(byNo.get('4')!.grade).toBeUndefined(); // no progress recorded
    expect(byNo.get('9')).toMatchObject({ text: '', followUpState: undefined }); // the notice no longer has it
  });
  it('covers every item of the notice: those nobody annotated count as 暂无进展, apart from 未开始', () => {
    const some = buildOverviewRows([NOTICE_A], [annotation(NOTICE_A.key, 1, { fingerprint: 'a1', status: 'not_started' })]);
    const r = buildReport(some, 'leader', TODAY);
    expect(r.counts).toMatchObject({ total: 4, noUpdate: 3, byStatus: { not_started: 1 } });
    expect(r.groups.map((g) => [g.name, g.counts.noUpdate])).toEqual([
      ['冯晶区长', 1],
      ['黄飞常务副区长', 2],
    ]);
  });
  it('keeps the full item text and the whole note with its line breaks, and names the notices', () => {
    const long = '很长的事项'.repeat(30);
    const r = buildReport(
      rows.map((row) => ({ ...row, text: long, note: '第一行\r\n第二行\n\n第四行  ' })),
      'leader',
      TODAY,
    );
    const item = r.groups[0].items[0];
    expect(item.text).toBe(long);
    expect(item.note).toBe('第一行\n第二行\n\n第四行');
    expect(r.notices).toEqual([
      { key: NOTICE_A.key, title: NOTICE_A.title, docNo: NOTICE_A.docNo },
      { key: NOTICE_B.key, title: NOTICE_B.title, docNo: NOTICE_B.docNo },
    ]);
  });
});
