import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { noticeKey } from '../notice/notice-key';
import { recogniseNotice } from '../notice/recognise';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS, ANNOTATIONS_C, annotation, NOTICE_A, NOTICE_B, NOTICE_C, TODAY } from '../../tests/fixtures/overview-rows';
import {
  buildOverviewData,
  buildOverviewRows,
  DEFAULT_SORT,
  EMPTY_FILTER,
  expandOverview,
  deadlineOverdue,
  filterActive,
  noticeColumnLabel,
  filterRows,
  narrowRows,
  overviewFacets,
  rowOverdue,
  SORT_KEYS,
  sortRows,
  withAnnotation,
  type OverviewFilter,
  type OverviewRow,
} from './overview';

const rows = buildOverviewRows([NOTICE_A, NOTICE_B], ANNOTATIONS);
const A = NOTICE_A.key;
const B = NOTICE_B.key;
const ids = (rs: OverviewRow[]) => rs.map((r) => `${r.noticeKey === A ? 'A' : 'B'}${r.itemKey}`);
const filter = (f: Partial<OverviewFilter>) => ids(filterRows(rows, { ...EMPTY_FILTER, ...f }, TODAY));

describe('overview rows', () => {
  it('joins each annotation with its item’s text, section and lead unit', () => {
    expect(rows[0]).toMatchObject({
      noticeKey: A,
      docNo: '拱政办发〔2024〕2号',
      itemKey: '1',
      leader: '冯晶区长',
      section: 1,
      leadUnit: '区政府办公室',
      units: ['区政府办公室', '各街道办事处'],
      status: 'in_progress',
      followUp: '2024-06-28',
      url: NOTICE_A.sourceUrl,
      year: 2024,
    });
    expect(rows[2].leader).toBe('黄飞常务副区长');
  });
  it('keeps an annotation whose item or notice is unknown, with empty text', () => {
    const gone = rows.find((r) => r.itemKey === '9')!;
    expect(gone).toMatchObject({ text: '', leader: '', leadUnit: '', units: [], status: 'paused' });
    const orphan = buildOverviewRows([], [annotation('unknown', 1)]);
    expect(orphan[0]).toMatchObject({ noticeTitle: '', text: '', noticeKey: 'unknown' });
  });
  it('sends each notice’s fields once, and expands them back onto every row', () => {
    const data = buildOverviewData([NOTICE_A, NOTICE_B], ANNOTATIONS);
    expect(data.total).toBe(6);
    expect(data.notices).toHaveLength(2);
    expect(data.items[0]).not.toHaveProperty('noticeTitle');
    expect(JSON.parse(JSON.stringify(expandOverview(data)))).toEqual(JSON.parse(JSON.stringify(rows)));
  });
  it('takes a saved annotation into a row', () => {
    const next = withAnnotation(rows[0], { ...ANNOTATIONS[0], status: 'done', followUp: undefined, updatedAt: 9 });
    expect(next).toMatchObject({ status: 'done', updatedAt: 9, text: rows[0].text });
    expect(next.followUp).toBeUndefined();
  });
});

describe('items nobody annotated yet (暂无进展)', () => {
  // Item 1 of NOTICE_A annotated as 未开始 on purpose: 暂无进展 is not 未开始.
  const rows = buildOverviewRows([NOTICE_A, NOTICE_B], [annotation(NOTICE_A.key, 1, { fingerprint: 'a1', note: '已部署' })]);
  const keys = (rs: readonly OverviewRow[]) => rs.map((r) => r.itemKey);

  it('are rows of every notice that has an annotation, with the item’s text; a notice without any is not listed', () => {
    expect(rows.map((r) => [r.itemKey, r.noUpdate ?? false])).toEqual([
      ['1', false],
      ['2', true],
      ['3', true],
      ['4', true],
    ]);
    expect(rows[1]).toMatchObject({ text: NOTICE_A.items[1].text, status: 'not_started', note: '', fingerprint: NOTICE_A.items[1].fingerprint });
  });

  it('are filtered apart from 未开始, and sort after every status', () => {
    expect(keys(filterRows(rows, { ...EMPTY_FILTER, status: 'noUpdate' }, TODAY))).toEqual(['2', '3', '4']);
    expect(keys(filterRows(rows, { ...EMPTY_FILTER, status: 'not_started' }, TODAY))).toEqual(['1']);
    const mixed = buildOverviewRows([NOTICE_A], [annotation(NOTICE_A.key, 3, { status: 'paused' })]);
    expect(keys(sortRows(mixed, { key: 'status', dir: 'asc' }))).toEqual(['3', '1', '2', '4']);
  });

  it('become annotated rows with their first edit', () => {
    const edited = withAnnotation(rows[1], annotation(NOTICE_A.key, 2, { status: 'in_progress' }));
    expect(edited.noUpdate).toBeUndefined();
    expect(edited.status).toBe('in_progress');
  });
});

describe('filtering', () => {
  it('with no filter, every row in the given order', () => {
    expect(filter({})).toEqual(['A1', 'A2', 'A3', 'A4', 'B1', 'A9']);
  });
  it('by notice, status, lead official and unit', () => {
    expect(filter({ notice: B })).toEqual(['B1']);
    expect(filter({ status: 'in_progress' })).toEqual(['A1', 'B1']);
    expect(filter({ leader: '黄飞常务副区长' })).toEqual(['A3', 'A4']);
    expect(filter({ leader: '冯晶区长', notice: A })).toEqual(['A1', 'A2']);
    expect(filter({ unit: '区政府办公室' })).toEqual(['A1', 'B1']);
    // Any unit the item names: 区数据资源局 co-operates on A3; leading only, it has none.
    expect(filter({ unit: '区数据资源局' })).toEqual(['A3']);
    expect(filter({ unit: '区数据资源局', unitLeads: true })).toEqual([]);
  });
  it('by follow-up: overdue, today, due, soon, set, none (done items are never due)', () => {
    expect(filter({ followUp: 'overdue' })).toEqual(['A1']);
    expect(filter({ followUp: 'today' })).toEqual(['A3']);
    expect(filter({ followUp: 'due' })).toEqual(['A1', 'A3']);
    expect(filter({ followUp: 'soon' })).toEqual(['A3', 'A4']);
    expect(filter({ followUp: 'set' })).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(filter({ followUp: 'none' })).toEqual(['B1', 'A9']);
    expect(rows.map((r) => rowOverdue(r, TODAY))).toEqual([true, false, false, false, false, false]);
  });
  it('searches item text and notes; every term must match; full-width and case fold', () => {
    expect(filter({ query: '试点' })).toEqual(['A3']); // text and note
    expect(filter({ query: '专题会' })).toEqual(['A1']); // note only
    expect(filter({ query: 'gdp' })).toEqual(['A1', 'A3']); // ＧＤＰ in a note, GDP in a text
    expect(filter({ query: '坚持 依法' })).toEqual(['A2']);
    expect(filter({ query: '坚持，担当' })).toEqual([]);
    expect(filter({ query: '政治引领，担当' })).toEqual(['A1']); // the text has a full-width comma
    expect(filter({ query: '政治引领,担当' })).toEqual(['A1']);
    expect(filter({ query: '  ' })).toHaveLength(6);
  });
  it('a bare number also finds the item with that number', () => {
    expect(filter({ query: '4' })).toEqual(['A4']);
    expect(filter({ query: '2.0' })).toEqual(['A3']);
    expect(filter({ query: '1', notice: A })).toEqual(['A1']);
  });
  it('combines every part', () => {
    expect(filter({ query: '坚持', status: 'done', leader: '冯晶区长' })).toEqual(['A2']);
  });
});

describe('items with co units, their own leaders and deadlines', () => {
  const C = buildOverviewRows([NOTICE_C], ANNOTATIONS_C);
  const pick = (f: Partial<OverviewFilter>) => filterRows(C, { ...EMPTY_FILTER, ...f }, TODAY).map((r) => r.itemKey);
  it('shows the item’s own leaders, else its section’s; lead and co units apart; the deadline as written', () => {
    expect(C[0]).toMatchObject({
      leader: '张三副区长、李四副区长',
      leaders: ['张三副区长', '李四副区长'],
      leadUnit: '区发改局',
      leadUnits: ['区发改局', '区财政局'],
      coUnits: ['区数据资源局'],
      deadline: '6月底前',
      deadlineDay: '2024-06-30',
    });
    expect(C[2]).toMatchObject({ leader: '王五区长', leaders: ['王五区长'], deadline: '年内持续推进' });
    expect(C[2].deadlineDay).toBeUndefined();
  });
  it('filters by any of the item’s leaders, its own or its section’s', () => {
    expect(pick({ leader: '张三副区长' })).toEqual(['1', '2']);
    expect(pick({ leader: '李四副区长' })).toEqual(['1']);
    expect(pick({ leader: '王五区长' })).toEqual(['3', '4']);
  });
  it('filters by a unit leading or co-operating, or leading only', () => {
    expect(pick({ unit: '区司法局' })).toEqual(['2', '3']);
    expect(pick({ unit: '区司法局', unitLeads: true })).toEqual(['3']);
    expect(pick({ unit: '区财政局', unitLeads: true })).toEqual(['1']);
  });
  it('filters by the notice’s deadline, apart from the follow-up day: past (not done), dated, undated', () => {
    expect(pick({ deadline: 'overdue' })).toEqual(['2']); // 6月底前 is today: not yet late; 4 is done
    expect(pick({ deadline: 'dated' })).toEqual(['1', '2', '4']);
    expect(pick({ deadline: 'undated' })).toEqual(['3']);
    expect(C.map((r) => deadlineOverdue(r, '2024-07-01'))).toEqual([true, true, false, false]);
    expect(pick({ deadline: 'overdue', followUp: 'overdue' })).toEqual([]);
  });
  it('sorts by deadline day, undated deadlines after dated, none last', () => {
    const both = buildOverviewRows([NOTICE_A, NOTICE_C], [...ANNOTATIONS.slice(0, 1), ...ANNOTATIONS_C]);
    expect(sortRows(both, { key: 'deadline', dir: 'asc' }).map((r) => r.noticeKey.slice(0, 1) + r.itemKey)).toEqual(['衢4', '衢2', '衢1', '衢3', '拱1', '拱2', '拱3', '拱4']);
  });
  it('counts the rows that name a deadline: none, and the table and filters leave the deadline out', () => {
    expect(overviewFacets(C).deadlines).toBe(C.filter((r) => r.deadline).length);
    expect(overviewFacets(C).deadlines).toBeGreaterThan(0);
    expect(overviewFacets(buildOverviewRows([NOTICE_A], ANNOTATIONS)).deadlines).toBe(0);
  });
  it('lists every unit in the menu with how many items it leads', () => {
    expect(overviewFacets(C).units.find((u) => u.name === '区司法局')).toEqual({ name: '区司法局', count: 2, leads: 1 });
    expect(new Map(overviewFacets(C).leaders.map((l) => [l.name, l.count]))).toEqual(new Map([['张三副区长', 2], ['李四副区长', 1], ['王五区长', 2]]));
  });
  it('finds an item by a unit it names or an official who leads it, typed in the search', () => {
    expect(pick({ query: '区司法局' })).toEqual(['2', '3']);
    expect(pick({ query: '李四' })).toEqual(['1']);
    expect(pick({ query: '王五区长 法治' })).toEqual(['3']);
  });
  it('counts in each menu the items choosing it would show, under the other filters set (its own aside)', () => {
    const menus = (f: Partial<OverviewFilter>) => {
      const { rows: shown, facets } = narrowRows(C, { ...EMPTY_FILTER, ...f }, TODAY);
      return {
        shown: shown.map((r) => r.itemKey),
        leaders: Object.fromEntries(facets.leaders.map((l) => [l.name, l.count])),
        units: Object.fromEntries(facets.units.map((u) => [u.name, f.unitLeads ? u.leads : u.count])),
      };
    };
    // No filter: the menus count every item.
    expect(menus({}).units).toEqual({ 区发改局: 2, 区财政局: 1, 区数据资源局: 1, 区住建局: 1, 区司法局: 2 });
    // A leader chosen: the units of that leader's items; the leaders' menu still offers the others.
    expect(menus({ leader: '张三副区长' })).toEqual({
      shown: ['1', '2'],
      leaders: { 张三副区长: 2, 李四副区长: 1, 王五区长: 2 },
      units: { 区发改局: 1, 区财政局: 1, 区数据资源局: 1, 区住建局: 1, 区司法局: 1 },
    });
    // A unit chosen: only the leaders of its items (李四副区长 has none of them).
    expect(menus({ unit: '区司法局' }).leaders).toEqual({ 张三副区长: 1, 王五区长: 1 });
    // Leading only: the units' counts are of the items they lead.
    expect(menus({ leader: '张三副区长', unitLeads: true }).units).toEqual({ 区发改局: 1, 区财政局: 1, 区数据资源局: 0, 区住建局: 1, 区司法局: 0 });
    // Status, follow-up, deadline and search narrow every menu.
    expect(menus({ status: 'behind' })).toEqual({ shown: ['2'], leaders: { 张三副区长: 1 }, units: { 区住建局: 1, 区司法局: 1 } });
    expect(menus({ query: '法治' }).units).toEqual({ 区司法局: 1 });
    // Rows another filter drops (the 填报人 ones) count nowhere.
    expect(narrowRows(C, EMPTY_FILTER, TODAY, (r) => r.itemKey === '4').facets.units).toEqual([{ name: '区发改局', count: 1, leads: 1 }]);
  });
  it('keeps a chosen leader or unit in its menu when nothing else leaves it an item, and every notice in the notices’ menu', () => {
    const both = buildOverviewRows([NOTICE_A, NOTICE_C], [...ANNOTATIONS.slice(0, 1), ...ANNOTATIONS_C]);
    const { rows: shown, facets } = narrowRows(both, { ...EMPTY_FILTER, leader: '李四副区长', unit: '区住建局' }, TODAY);
    expect(shown).toEqual([]);
    expect(facets.leaders.find((l) => l.name === '李四副区长')).toEqual({ name: '李四副区长', count: 0 });
    expect(facets.units.find((u) => u.name === '区住建局')).toEqual({ name: '区住建局', count: 0, leads: 0 });
    expect(facets.notices.map((n) => [n.key, n.count])).toEqual([[NOTICE_A.key, 0], [NOTICE_C.key, 0]]);
    // The deadline filter stays while any row names a deadline, whatever is chosen.
    expect(facets.deadlines).toBe(4);
  });
  it('narrows as filterRows filters, for any filter (property)', () => {
    const all = buildOverviewRows([NOTICE_A, NOTICE_B, NOTICE_C], [...ANNOTATIONS, ...ANNOTATIONS_C]);
    const pickOf = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
    const filters = fc.record({
      notice: pickOf(['', A, B, NOTICE_C.key]),
      status: pickOf(['', 'not_started', 'in_progress', 'done', 'behind', 'paused', 'noUpdate'] as const),
      unit: pickOf(['', '区发改局', '区司法局', '区政府办公室']),
      unitLeads: fc.boolean(),
      leader: pickOf(['', '冯晶区长', '张三副区长', '王五区长']),
      followUp: pickOf(['all', 'overdue', 'today', 'due', 'soon', 'set', 'none'] as const),
      deadline: pickOf(['all', 'overdue', 'dated', 'undated'] as const),
      query: pickOf(['', '建设', '区司法局', '2', '冯晶']),
    });
    fc.assert(
      fc.property(filters, (f) => {
        const { rows: shown, facets } = narrowRows(all, f, TODAY);
        expect(shown).toEqual(filterRows(all, f, TODAY));
        // Each unit's count is what choosing it would show.
        for (const u of facets.units) {
          expect(f.unitLeads ? u.leads : u.count).toBe(filterRows(all, { ...f, unit: u.name }, TODAY).length);
        }
        for (const l of facets.leaders) expect(l.count).toBe(filterRows(all, { ...f, leader: l.name }, TODAY).length);
        for (const n of facets.notices) expect(n.count).toBe(filterRows(all, { ...f, notice: n.key }, TODAY).length);
        // The status and follow-up menus too, every choice of theirs counted.
        for (const s of ['not_started', 'in_progress', 'done', 'behind', 'paused', 'noUpdate'] as const) {
          expect(facets.statuses[s] ?? 0, s).toBe(filterRows(all, { ...f, status: s }, TODAY).length);
        }
        for (const d of ['overdue', 'today', 'due', 'soon', 'set', 'none'] as const) {
          expect(facets.followUps[d] ?? 0, d).toBe(filterRows(all, { ...f, followUp: d }, TODAY).length);
        }
        // And no unit or leader that would show an item is missing.
        for (const name of new Set(all.flatMap((r) => r.units))) {
          if (filterRows(all, { ...f, unit: name, unitLeads: false }, TODAY).length) expect(facets.units.map((u) => u.name)).toContain(name);
        }
        for (const name of new Set(all.flatMap((r) => r.leaders))) {
          if (filterRows(all, { ...f, leader: name }, TODAY).length) expect(facets.leaders.map((l) => l.name)).toContain(name);
        }
      }),
    );
  });
  it('a filter with any part set is active', () => {
    expect(filterActive(EMPTY_FILTER)).toBe(false);
    expect(filterActive({ ...EMPTY_FILTER, unitLeads: true })).toBe(true);
    expect(filterActive({ ...EMPTY_FILTER, deadline: 'overdue' })).toBe(true);
  });
});

describe('sorting', () => {
  const sorted = (key: (typeof SORT_KEYS)[number], dir: 'asc' | 'desc' = 'asc') => ids(sortRows(rows, { key, dir }));
  it('by 序号: notice (the database’s key order), then number', () => {
    expect(sorted('itemKey')).toEqual(['A1', 'A2', 'A3', 'A4', 'A9', 'B1']);
    expect(sorted('itemKey', 'desc')).toEqual(['B1', 'A9', 'A4', 'A3', 'A2', 'A1']);
    // The same order IndexedDB keeps [noticeKey+itemKey] in: JavaScript's string order, then the number.
    const keys = rows.map((r) => [r.noticeKey, r.itemKey] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : Number(a[1]) - Number(b[1])));
    expect(sortRows(rows, DEFAULT_SORT).map((r) => [r.noticeKey, r.itemKey])).toEqual(keys);
  });
  it('by notice (its 文号 or title, collated), then number', () => {
    expect(sorted('notice')).toEqual(['A1', 'A2', 'A3', 'A4', 'A9', 'B1']);
    expect(sorted('notice', 'desc')).toEqual(['B1', 'A1', 'A2', 'A3', 'A4', 'A9']);
  });
  it('by status in the order 未开始 推进中 已完成 滞后 暂缓', () => {
    expect(sorted('status')).toEqual(['A4', 'A1', 'B1', 'A2', 'A3', 'A9']);
  });
  it('by follow-up: empty days last in both directions', () => {
    expect(sorted('followUp')).toEqual(['A2', 'A1', 'A3', 'A4', 'A9', 'B1']);
    expect(sorted('followUp', 'desc')).toEqual(['A4', 'A3', 'A1', 'A2', 'A9', 'B1']);
  });
  it('by lead official (section order), lead unit (collated), note', () => {
    expect(sorted('leader')).toEqual(['A1', 'A2', 'B1', 'A3', 'A4', 'A9']);
    expect(sorted('leader', 'desc')).toEqual(['A3', 'A4', 'A1', 'A2', 'B1', 'A9']);
    expect(sorted('leadUnit')[0]).toBe('A3'); // 区发改局 sorts first by pinyin (fa)
    expect(sorted('leadUnit').at(-1)).toBe('A9');
    expect(sorted('note').slice(-2)).toEqual(['A2', 'A4']);
  });
  it('by note and by item text in pinyin order, as the unit and 填报人 columns are', () => {
    const noted = buildOverviewRows(
      [NOTICE_A],
      [annotation(NOTICE_A.key, 1, { note: '总览中已标注' }), annotation(NOTICE_A.key, 2, { note: '资金未到位' }), annotation(NOTICE_A.key, 3, { note: '已召开专题会' })],
    );
    // yǐ, zī, zǒng: not the characters' code points (已 U+5DF2, 总 U+603B, 资 U+8D44).
    expect(sortRows(noted, { key: 'note', dir: 'asc' }).filter((r) => r.note).map((r) => r.note)).toEqual(['已召开专题会', '资金未到位', '总览中已标注']);
    const texts = sortRows(noted, { key: 'text', dir: 'asc' }).map((r) => r.text);
    expect(texts).toEqual([...texts].sort(new Intl.Collator('zh-Hans-CN', { numeric: true }).compare));
  });
  it('by 填报人: the note’s writer (else the last change’s) by name and unit, collated; unknown writers last', () => {
    const authors = new Map([
      ['zhang', { id: 'zhang', name: '张三', unit: '区发改局' }],
      ['li', { id: 'li', name: '李四', unit: '区建设局' }],
    ]);
    const by = rows.map((r) => {
      if (r.itemKey === '1' && r.noticeKey === A) return { ...r, author: 'li', noteAuthor: 'zhang' };
      if (r.itemKey === '2') return { ...r, author: 'li' };
      if (r.itemKey === '3') return { ...r, author: 'stranger' };
      return r;
    });
    const sortedBy = (dir: 'asc' | 'desc') => ids(sortRows(by, { key: 'author', dir }, authors));
    // 李四 (li) before 张三 (zhang) by pinyin; A1's note is 张三's though 李四 changed it last.
    expect(sortedBy('asc').slice(0, 2)).toEqual(['A2', 'A1']);
    expect(sortedBy('desc').slice(0, 2)).toEqual(['A1', 'A2']);
    // A writer the directory does not know, and rows nobody signed, sort last either way, in notice order.
    expect(sortedBy('asc').slice(2)).toEqual(['A3', 'A4', 'A9', 'B1']);
    expect(sortedBy('desc').slice(2)).toEqual(['A3', 'A4', 'A9', 'B1']);
  });
  it('is a stable permutation for any rows and any key (property)', () => {
    const rowArb = fc.record({
      itemKey: fc.integer({ min: 1, max: 40 }),
      notice: fc.constantFrom(A, B),
      status: fc.constantFrom('not_started', 'in_progress', 'done', 'behind', 'paused' as const),
      note: fc.string({ maxLength: 6 }),
      followUp: fc.option(fc.constantFrom('2024-06-01', '2024-06-30', '2024-07-09'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { selector: (r) => `${r.notice}${r.itemKey}`, maxLength: 40 }), fc.constantFrom(...SORT_KEYS), fc.boolean(), (specs, key, asc) => {
        const rs = buildOverviewRows(
          [NOTICE_A, NOTICE_B],
          specs.map((s) => annotation(s.notice, s.itemKey, { status: s.status, note: s.note, followUp: s.followUp })),
        );
        const out = sortRows(rs, { key, dir: asc ? 'asc' : 'desc' });
        expect(new Set(out)).toEqual(new Set(rs));
        expect(out).toHaveLength(rs.length);
        // Sorting twice, or sorting a shuffled copy, gives the same order: ties are broken totally.
        expect(sortRows([...rs].reverse(), { key, dir: asc ? 'asc' : 'desc' }).map((r) => r.id)).toEqual(out.map((r) => r.id));
        // Filtering a sorted list keeps its order.
        const f = filterRows(out, { ...EMPTY_FILTER, status: 'in_progress' }, TODAY);
        expect(f).toEqual(out.filter((r) => r.status === 'in_progress'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('filter menus', () => {
  it('lists notices, lead officials in section order and lead units, with counts', () => {
    const f = overviewFacets(rows);
    expect(f.notices).toEqual([
      { key: A, label: '拱政办发〔2024〕2号', count: 5 },
      { key: B, label: '拱政办发〔2025〕1号', count: 1 },
    ]);
    expect(f.leaders).toEqual([
      { name: '冯晶区长', count: 3 },
      { name: '黄飞常务副区长', count: 2 },
    ]);
    expect(f.units.map((u) => [u.name, u.count, u.leads])).toEqual([
      ['各街道办事处', 1, 0],
      ['区发改局', 1, 1],
      ['区数据资源局', 1, 0],
      ['区司法局', 1, 1],
      ['区政府办公室', 2, 2],
      ['区住建局', 1, 1],
    ]);
  });
});

describe('searching for an item by the name the overview shows it by', () => {
  // A page of several lists, as 海盐 2022: list 1 in sections, list 2 numbered alone.
  const keys = ['1/一、1.', '1/一、2.', '1/二、1.', '1/二、2.', '2/1', '2/2', '2/12'];
  const several = { ...NOTICE_A, key: '盐政办发〔2022〕9号', items: keys.map((key, i) => ({ ...NOTICE_A.items[0], key, text: `第${i}条任务。`, fingerprint: key })) };
  const listed = buildOverviewRows([several], [{ ...annotation(several.key, 1), itemKey: '1/一、2.' }]);
  const one = buildOverviewRows([NOTICE_A], ANNOTATIONS.filter((a) => a.noticeKey === A));
  const find = (rs: OverviewRow[], query: string) => filterRows(rs, { ...EMPTY_FILTER, query }, TODAY).map((r) => r.itemKey);

  it('finds an item of a list by its name (清单1·一、2., list 1·一、2.), in full-width and without the point too', () => {
    for (const q of ['清单1·一、2.', '清单1·一、2', 'list 1·一、2.', '清单１·一、２．', '1/一、2.']) expect(find(listed, q)).toEqual(['1/一、2.']);
    expect(find(listed, '清单2·12')).toEqual(['2/12']);
  });
  it('finds an item by its key within its list (二、1., as its name ends)', () => {
    expect(find(listed, '二、1.')).toEqual(['1/二、1.']);
    expect(find(listed, '二、1')).toEqual(['1/二、1.']);
    expect(find(listed, '12')).toEqual(['2/12']);
  });
  it('finds an item as the UI says it: 第 12 项, Item 4', () => {
    for (const q of ['第 4 项', '第4项', '第 ４ 项', 'Item 4', 'item 4']) expect(find(one, q)).toEqual(['4']);
    expect(find(listed, '第 清单1·二、1. 项')).toEqual(['1/二、1.']);
  });
  it('still needs every word of a query that names no item', () => {
    expect(find(listed, '第1条 任务')).toEqual(['1/一、2.']);
    expect(find(listed, '第1条 清单2·1')).toEqual([]);
  });
});

describe('10,000 rows', () => {
  it('filters and searches them all (speed: npm run bench, never here)', () => {
    const many = buildOverviewRows(
      [NOTICE_A],
      Array.from({ length: 10_000 }, (_, i) => annotation(A, (i % 4) + 1, { note: `备注 ${i}`, status: i % 3 ? 'in_progress' : 'behind' })),
    ).map((r, i) => ({ ...r, id: String(i) }));
    const sorted = sortRows(many, { key: 'status', dir: 'asc' });
    filterRows(sorted, { ...EMPTY_FILTER, query: '预热' }, TODAY); // builds the search cache once
    for (const q of ['依法', '备注 99']) {
      const terms = q.split(' ');
      const want = sorted.filter((r) => terms.every((t) => `${r.text} ${r.note}`.includes(t))).map((r) => r.id);
      expect(filterRows(sorted, { ...EMPTY_FILTER, query: q }, TODAY).map((r) => r.id)).toEqual(want);
    }
    expect(filterRows(sorted, { ...EMPTY_FILTER, status: 'behind' }, TODAY)).toHaveLength(sorted.filter((r) => r.status === 'behind').length);
  });
});

describe('a notice whose sections are themes, not officials', () => {
  // 咸阳's 工作要点: items under 一、坚持系统集成…, none naming a leading official.
  const dir = join(__dirname, '../../tests/fixtures/notices');
  const entry = (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { file: string; url: string }[]).find((f) => f.file === 'xianyang-2022.html')!;
  const read = recogniseNotice(parseHTML(readFileSync(join(dir, entry.file), 'utf8')).document as unknown as Document, { url: entry.url });
  if (!read.ok) throw new Error(read.reason);
  const notice = { ...read.notice, key: noticeKey(read.notice) };

  it('names no leading official: the section heading is not one, in the overview or its filter', () => {
    expect(notice.sections.length).toBeGreaterThan(0);
    const themed = buildOverviewRows([notice], [annotation(notice.key, 1, { status: 'in_progress' })]);
    expect(themed).toHaveLength(notice.items.length);
    for (const r of themed) expect([r.leader, r.leaders]).toEqual(['', []]);
    expect(overviewFacets(themed).leaders).toEqual([]);
  });
});

describe('noticeColumnLabel', () => {
  const row = (docNo: string | undefined, noticeTitle: string) => ({ docNo, noticeTitle, noticeKey: 'k' });
  it('names a notice by its 文号, else by what its title is about, so that one government’s notices read apart in a narrow column', () => {
    expect(noticeColumnLabel(row('拱政办发〔2024〕2号', '杭州市拱墅区人民政府办公室关于印发区2024年政府工作报告重点工作责任分解的通知'))).toBe('拱政办发〔2024〕2号');
    expect(noticeColumnLabel(row(undefined, '杭州市人民政府办公厅关于印发2021年省政府工作报告重点工作涉杭任务和市政府工作报告重点工作责任分解的通知')))
      .toBe('2021年省政府工作报告重点工作涉杭任务和市政府工作报告重点工作责任分解');
    expect(noticeColumnLabel(row(undefined, '杭州市余杭区人民政府办公室关于印发2018年《政府工作报告》工作任务分解表的通知'))).toBe('2018年《政府工作报告》工作任务分解表');
    expect(noticeColumnLabel(row(undefined, '国务院关于落实《政府工作报告》重点工作部门分工的意见'))).toBe('落实《政府工作报告》重点工作部门分工');
    // A title with no issuer to drop stays whole.
    expect(noticeColumnLabel(row(undefined, '2024年重点工作任务分工方案'))).toBe('2024年重点工作任务分工方案');
  });
});
