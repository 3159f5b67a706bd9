import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../tests/fixtures/load-data';
import { ITEM_STATUSES, type ItemAnnotation } from '../annotation/model';
import type { ImportedNoticeRecord, NoticeRecord } from '../notice/notice-record';
import type { Notice } from '../notice/types';
import { DETAILED_NOTICES, EXPORT_REMINDER_DAYS, itemHref, LIST_LIMIT, summarise } from './summary';
import { syntheticNotice } from '../transfer/test/fixtures';
import { summariseDirectly } from './test/summary-oracle';

// 2025-07-02 01:00 in Shanghai, still 1 July in UTC: days must be Shanghai days.
const NOW = Date.UTC(2025, 6, 1, 17, 0);
const DAY = 86_400_000;

const record = (n: Notice, lastSeenAt = NOW): NoticeRecord => ({ ...n, key: n.docNo!, urls: [n.sourceUrl], firstSeenAt: 0, lastSeenAt });
const one = syntheticNotice(1, 12);
const two = syntheticNotice(2, 6);

function ann(notice: Notice, itemKey: string, fields: Partial<ItemAnnotation>): ItemAnnotation {
  return { noticeKey: notice.docNo!, itemKey, status: 'in_progress', note: '', fingerprint: 'fp', createdAt: NOW - DAY, updatedAt: NOW - DAY, ...fields };
}

describe('summarise', () => {
  const annotations = [
    ann(one, '1', { status: 'done' }),
    ann(one, '2', { status: 'behind', followUp: '2025-07-01', note: '街道未回复\n第二行' }), // yesterday in Shanghai: overdue
    ann(one, '3', { followUp: '2025-07-02' }), // today
    ann(one, '4', { followUp: '2025-07-09' }), // in 7 days
    ann(one, '5', { followUp: '2025-07-10' }), // in 8 days: not coming yet
    ann(one, '6', { status: 'done', followUp: '2025-06-01' }), // done: no longer a follow-up
    ann(one, '7', { progress: 45 }), // 序时进度 on 2 July 2025 is 50.1%: yellow
    ann(one, '8', { progress: 20 }), // red
    ann(one, '9', { progress: 80 }), // on track
    ann(two, '1', { status: 'paused', updatedAt: NOW - 10 * DAY }),
  ];

  it('says when a notice\'s sections name no official, so that its groups are sections, not leaders', () => {
    const themed: Notice = { ...two, sections: two.sections.map((x) => ({ ...x, leader: x.heading })) };
    const s = summarise({ notices: [record(one), record(themed)], annotations, now: NOW });
    expect(s.notices.find((x) => x.key === two.docNo)!.themes).toBe(true);
    expect(s.notices.find((x) => x.key === one.docNo)!.themes).toBeUndefined();
  });

  it('counts every item by status (items without annotation are not started) and draws sections and units', () => {
    const s = summarise({ notices: [record(one), record(two)], annotations, now: NOW });
    const n = s.notices.find((x) => x.key === one.docNo)!;
    expect(n.total).toBe(12);
    expect(n.annotated).toBe(9);
    expect(n.counts).toEqual({ not_started: 3, in_progress: 6, done: 2, behind: 1, paused: 0 });
    expect(n.sections.map((g) => [g.name, g.total, g.counts.done])).toEqual([
      ['王明区长', 4, 1],
      ['李华副区长', 4, 0],
      ['张伟副区长', 4, 1],
    ]);
    // The first-listed unit leads: 区发改局, 区经信局, 区建设局 in turn; 各街道 never leads.
    expect(n.units.map((g) => g.name).sort()).toEqual(['区发改局', '区建设局', '区经信局']);
  });

  it('counts a notice known only from a file against the item count the file carries, or says it is unknown', () => {
    // The file carried items 1–3 of a 12-item notice; item 3 is explicitly not started.
    const imported: ImportedNoticeRecord = { ...record(one), items: one.items.slice(0, 3), importedOnly: true };
    const fromFile = [ann(one, '1', { status: 'done' }), ann(one, '2', {}), ann(one, '3', { status: 'not_started' })];
    const known = summarise({ notices: [{ ...imported, itemCount: 12 } as ImportedNoticeRecord], annotations: fromFile, now: NOW }).notices[0];
    expect([known.annotated, known.total, known.totalUnknown]).toEqual([3, 12, undefined]);
    expect(known.counts).toEqual({ not_started: 10, in_progress: 1, done: 1, behind: 0, paused: 0 });
    const unknown = summarise({ notices: [imported], annotations: fromFile, now: NOW }).notices[0];
    expect([unknown.annotated, unknown.total, unknown.totalUnknown]).toEqual([3, 3, true]);
  });

  it('lists overdue and coming follow-ups by Shanghai calendar day, each linking to its item', () => {
    const n = summarise({ notices: [record(one)], annotations, now: NOW }).notices[0];
    expect(n.overdue.entries.map((e) => [e.itemKey, e.days])).toEqual([['2', -1]]);
    expect(n.coming.entries.map((e) => [e.itemKey, e.days])).toEqual([
      ['3', 0],
      ['4', 7],
    ]);
    expect(n.overdue.entries[0]).toMatchObject({ note: '街道未回复', href: `${one.sourceUrl}#duban-item-2`, status: 'behind' });
  });

  it('lists the items past their notice’s deadline, annotated or not, the longest past first, with the deadline as written; never a done one', () => {
    const dated: Notice = {
      ...one,
      items: one.items.map((i) => {
        const deadline = ({ '1': '2025年3月底前', '2': '2025年6月底前', '3': '7月1日前', '10': '2025年5月31日', '11': '年内持续推进', '12': '2025年7月2日前' } as Record<string, string>)[i.key];
        return deadline ? { ...i, deadline } : i;
      }),
    };
    const n = summarise({ notices: [record(dated)], annotations, now: NOW }).notices[0];
    // 1 is done; 11 names no day; 12's day is today (not past yet); 10 nobody annotated.
    expect(n.pastDeadline.entries.map((e) => [e.itemKey, e.deadline, e.deadlineDay, e.days])).toEqual([
      ['10', '2025年5月31日', '2025-05-31', -32],
      ['2', '2025年6月底前', '2025-06-30', -2],
      ['3', '7月1日前', '2025-07-01', -1],
    ]);
    expect(n.pastDeadline.entries[1]).toMatchObject({ note: '街道未回复', status: 'behind', href: `${one.sourceUrl}#duban-item-2` });
    expect(n.pastDeadline.entries[0]).toMatchObject({ note: '', status: 'not_started' });
    expect(n.pastDeadline.entries[0].text).toBe(dated.items.find((i) => i.key === '10')!.text.slice(0, 60));
  });

  it('grades items with progress against 序时进度: yellow within 10 points, red beyond', () => {
    const n = summarise({ notices: [record(one)], annotations, now: NOW }).notices[0];
    expect(n.expected).toBeCloseTo(50.1, 1);
    expect(n.behind.entries.map((e) => [e.itemKey, e.grade])).toEqual([
      ['8', 'behind'],
      ['7', 'slightly_behind'],
    ]);
  });

  it("puts the active tab's notice first, even unannotated, matching http/https and query variants", () => {
    const three = syntheticNotice(3, 4);
    const active = three.sourceUrl.replace('https:', 'http:') + '?from=wx#top';
    const s = summarise({ notices: [record(one), record(two), record(three)], annotations, now: NOW, activeUrl: active });
    expect(s.notices.map((n) => [n.key, n.current])).toEqual([
      [three.docNo, true],
      [one.docNo, false],
      [two.docNo, false],
    ]);
    // Without an active notice, unannotated notices are left out; the latest worked on comes first.
    expect(summarise({ notices: [record(two), record(three), record(one)], annotations, now: NOW }).notices.map((n) => n.key)).toEqual([one.docNo, two.docNo]);
  });

  it('reminds to export when notes exist and the last export is 30 days old or missing', () => {
    const base = { notices: [record(one)], annotations, now: NOW };
    expect(summarise(base)).toMatchObject({ exportReminder: true, annotations: 10 });
    expect(summarise({ ...base, lastExport: { at: NOW - 3 * DAY, notices: 1, items: 9 } })).toMatchObject({ exportReminder: false, daysSinceExport: 3 });
    expect(summarise({ ...base, lastExport: { at: NOW - EXPORT_REMINDER_DAYS * DAY, notices: 1, items: 9 } }).exportReminder).toBe(true);
    expect(summarise({ ...base, annotations: [] }).exportReminder).toBe(false);
  });

  it('caps long lists and says how many more there are', () => {
    const big = syntheticNotice(9, 120);
    const many = big.items.map((i) => ann(big, i.key, { followUp: '2025-06-01' }));
    const n = summarise({ notices: [record(big)], annotations: many, now: NOW }).notices[0];
    expect(n.overdue.entries).toHaveLength(LIST_LIMIT);
    expect(n.overdue.more).toBe(120 - LIST_LIMIT);
  });

  it('shows the first notices in full and the rest as counts only', () => {
    const many = Array.from({ length: DETAILED_NOTICES + 2 }, (_, i) => syntheticNotice(10 + i, 5));
    const anns = many.map((n, i) => ann(n, '1', { followUp: '2025-06-01', updatedAt: NOW - i * DAY }));
    const s = summarise({ notices: many.map((n) => record(n)), annotations: anns, now: NOW });
    expect(s.notices.map((n) => Boolean(n.compact))).toEqual([...Array(DETAILED_NOTICES).fill(false), true, true]);
    const last = s.notices.at(-1)!;
    expect(last).toMatchObject({ sections: [], units: [], overdue: { entries: [], more: 1 }, counts: { in_progress: 1, not_started: 4 } });
  });

  it('replaces any fragment of the stored URL with the item hash', () => {
    expect(itemHref('https://www.gongshu.gov.cn/art/a.html#x', '12')).toBe('https://www.gongshu.gov.cn/art/a.html#duban-item-12');
    expect(itemHref('javascript:alert(1)', '12')).toBe('#');
  });
});

describe('the summary from digests', () => {
  // Notices as pages and files leave them: sections without leaders, items without units or
  // sharing a number, long texts; annotations of items the notice lacks and of notices never seen.
  const urls = ['https://www.gongshu.gov.cn/art/2025/1/1/art_1.html', 'http://www.gongshu.gov.cn/art/2025/1/2/art_2.html?x=1', 'javascript:alert(1)'];
  const text = fc.oneof(fc.constantFrom('', '推进城市更新', '第一行\n第二行', '<b>x</b>'), fc.string({ maxLength: 90 }), fc.string({ unit: 'grapheme', maxLength: 70 }));
  const day = fc.integer({ min: -40, max: 40 }).map((d) => new Date(NOW + d * DAY).toISOString().slice(0, 10));
  const noticeArb = (key: string) =>
    fc.record(
      {
        docNo: fc.constantFrom(key, ''),
        title: text,
        year: fc.constantFrom(2024, 2025),
        sourceUrl: fc.constantFrom(...urls),
        sections: fc.array(fc.record({ ordinal: fc.integer({ min: 0, max: 3 }), leader: fc.constantFrom('', '王明区长', '李华副区长', '其他 Other'), heading: fc.constant('') }), { maxLength: 3 }),
        items: fc.array(
          fc.record({
            number: fc.integer({ min: 1, max: 14 }),
            text,
            section: fc.integer({ min: 0, max: 3 }),
            units: fc.array(fc.record({ name: fc.constantFrom('', '区发改局', '各街道', '区建设局'), lead: fc.boolean() }), { maxLength: 2 }),
            fingerprint: fc.constant('fp'),
            // Days past, today, to come, of the notice's year or none (a year's words only, or none at all).
            deadline: fc.option(fc.constantFrom('2025年6月底前', '2025年7月2日前', '7月1日前', '2024年12月31日', '年内持续推进', '6月底前'), { nil: undefined }),
          }).map(({ deadline, ...i }) => ({ key: String(i.number), ...i, ...(deadline !== undefined && { deadline }) })),
          { maxLength: 14 },
        ),
        importedOnly: fc.constant(true as const),
        itemCount: fc.integer({ min: 0, max: 20 }),
      },
      { requiredKeys: ['title', 'sourceUrl', 'sections', 'items'] },
    ).map((n): NoticeRecord => ({ ...n, key, gaps: [], urls: [n.sourceUrl], firstSeenAt: 0, lastSeenAt: NOW }));
  const keys = ['甲', '乙', '丙', '丁', '戊', '己'];
  const annotationArb = fc.record(
    {
      noticeKey: fc.constantFrom(...keys, '孤'),
      itemKey: fc.integer({ min: 1, max: 16 }).map(String),
      status: fc.constantFrom(...ITEM_STATUSES),
      note: text,
      followUp: day,
      progress: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
      updatedAt: fc.integer({ min: NOW - 30 * DAY, max: NOW }),
    },
    { requiredKeys: ['noticeKey', 'itemKey', 'status', 'note', 'updatedAt'] },
  ).map((a): ItemAnnotation => ({ fingerprint: 'fp', createdAt: 0, ...a }));

  it('is exactly the summary computed from every notice and annotation, as the popup showed it before digests', () => {
    fc.assert(
      fc.property(
        fc.subarray(keys).chain((ks) => fc.tuple(...ks.map(noticeArb))),
        fc.uniqueArray(annotationArb, { selector: (a) => `${a.noticeKey}/${a.itemKey}`, maxLength: 60 }),
        fc.option(fc.constantFrom(...urls, 'https://example.com/'), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        fc.integer({ min: -3, max: 3 }),
        (notices, annotations, activeUrl, exportedDaysAgo, shift) => {
          const input = {
            notices,
            annotations,
            now: NOW + shift * DAY,
            ...(activeUrl && { activeUrl }),
            ...(exportedDaysAgo !== undefined && { lastExport: { at: NOW - exportedDaysAgo * DAY, notices: 1, items: 1 } }),
          };
          // What the popup receives is JSON: equal down to the order of the keys.
          expect(JSON.stringify(summarise(input))).toBe(JSON.stringify(summariseDirectly(input)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is the same with a year of heavy use: 50 notices × 200 items', () => {
    const data = loadData();
    const input = { notices: data.notices, annotations: data.annotations, now: Date.UTC(2026, 5, 15, 2, 0), activeUrl: data.notices[3].sourceUrl };
    expect(JSON.stringify(summarise(input))).toBe(JSON.stringify(summariseDirectly(input)));
  });
});
