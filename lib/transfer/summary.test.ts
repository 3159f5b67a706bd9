import { describe, expect, it } from 'vitest';
import type { ItemAnnotation } from '../annotation/model';
import type { NoticeRecord } from '../db/database';
import type { Notice } from '../notice/types';
import { DETAILED_NOTICES, EXPORT_REMINDER_DAYS, itemHref, LIST_LIMIT, summarise } from './summary';
import { syntheticNotice } from './test/fixtures';

// 2025-07-02 01:00 in Shanghai, still 1 July in UTC: days must be Shanghai days.
const NOW = Date.UTC(2025, 6, 1, 17, 0);
const DAY = 86_400_000;

const record = (n: Notice, lastSeenAt = NOW): NoticeRecord => ({ ...n, key: n.docNo!, urls: [n.sourceUrl], firstSeenAt: 0, lastSeenAt });
const one = syntheticNotice(1, 12);
const two = syntheticNotice(2, 6);

function ann(notice: Notice, itemNo: number, fields: Partial<ItemAnnotation>): ItemAnnotation {
  return { noticeKey: notice.docNo!, itemNo, status: 'in_progress', note: '', fingerprint: 'fp', createdAt: NOW - DAY, updatedAt: NOW - DAY, ...fields };
}

describe('summarise', () => {
  const annotations = [
    ann(one, 1, { status: 'done' }),
    ann(one, 2, { status: 'behind', followUp: '2025-07-01', note: '街道未回复\n第二行' }), // yesterday in Shanghai: overdue
    ann(one, 3, { followUp: '2025-07-02' }), // today
    ann(one, 4, { followUp: '2025-07-09' }), // in 7 days
    ann(one, 5, { followUp: '2025-07-10' }), // in 8 days: not coming yet
    ann(one, 6, { status: 'done', followUp: '2025-06-01' }), // done: no longer a follow-up
    ann(one, 7, { progress: 45 }), // 序时进度 on 2 July 2025 is 50.1%: yellow
    ann(one, 8, { progress: 20 }), // red
    ann(one, 9, { progress: 80 }), // on track
    ann(two, 1, { status: 'paused', updatedAt: NOW - 10 * DAY }),
  ];

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

  it('lists overdue and coming follow-ups by Shanghai calendar day, each linking to its item', () => {
    const n = summarise({ notices: [record(one)], annotations, now: NOW }).notices[0];
    expect(n.overdue.entries.map((e) => [e.itemNo, e.days])).toEqual([[2, -1]]);
    expect(n.coming.entries.map((e) => [e.itemNo, e.days])).toEqual([
      [3, 0],
      [4, 7],
    ]);
    expect(n.overdue.entries[0]).toMatchObject({ note: '街道未回复', href: `${one.sourceUrl}#duban-item-2`, status: 'behind' });
  });

  it('grades items with progress against 序时进度: yellow within 10 points, red beyond', () => {
    const n = summarise({ notices: [record(one)], annotations, now: NOW }).notices[0];
    expect(n.expected).toBeCloseTo(50.1, 1);
    expect(n.behind.entries.map((e) => [e.itemNo, e.grade])).toEqual([
      [8, 'behind'],
      [7, 'slightly_behind'],
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
    const many = big.items.map((i) => ann(big, i.itemNo, { followUp: '2025-06-01' }));
    const n = summarise({ notices: [record(big)], annotations: many, now: NOW }).notices[0];
    expect(n.overdue.entries).toHaveLength(LIST_LIMIT);
    expect(n.overdue.more).toBe(120 - LIST_LIMIT);
  });

  it('shows the first notices in full and the rest as counts only', () => {
    const many = Array.from({ length: DETAILED_NOTICES + 2 }, (_, i) => syntheticNotice(10 + i, 5));
    const anns = many.map((n, i) => ann(n, 1, { followUp: '2025-06-01', updatedAt: NOW - i * DAY }));
    const s = summarise({ notices: many.map((n) => record(n)), annotations: anns, now: NOW });
    expect(s.notices.map((n) => Boolean(n.compact))).toEqual([...Array(DETAILED_NOTICES).fill(false), true, true]);
    const last = s.notices.at(-1)!;
    expect(last).toMatchObject({ sections: [], units: [], overdue: { entries: [], more: 1 }, counts: { in_progress: 1, not_started: 4 } });
  });

  it('replaces any fragment of the stored URL with the item hash', () => {
    expect(itemHref('https://www.gongshu.gov.cn/art/a.html#x', 12)).toBe('https://www.gongshu.gov.cn/art/a.html#duban-item-12');
    expect(itemHref('javascript:alert(1)', 12)).toBe('#');
  });
});
