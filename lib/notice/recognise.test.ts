import { READING_VERSION } from './from-reading';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dumpText, expectedItems, NEGATIVE_PAGE, SEED_PAGE, SEED_URL as URL_ } from '../../tests/fixtures/seed-dump';
import { renderNoticePage, seeded } from '../../tests/fixtures/notice-markup';
import { normalizeText } from './normalize';
import { fingerprint } from './normalize';
import { NOTICE_FORMATS } from './formats';
import { attributeVisibility, recogniseNotice } from './recognise';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
// These describe the first format (prose items closed by 牵头单位 lines, ./formats/prose-lead-line.ts);
// the richer reading the overlay uses is checked at the end, and per fixture in ./anchors.test.ts.
const recognise = (html: string) => recogniseNotice(doc(html), { url: URL_, formats: NOTICE_FORMATS });

function mustRecognise(html: string) {
  const r = recognise(html);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('the seed notice page', () => {
  const { notice, anchors } = mustRecognise(readFileSync(SEED_PAGE, 'utf8'));
  const expected = expectedItems();

  it('has the 156 items numbered 1–156, each exactly once', () => {
    expect(expected).toHaveLength(156);
    expect(notice.items.map((i) => i.key)).toEqual(Array.from({ length: 156 }, (_, i) => String(i + 1)));
    expect(notice.items.map((i) => i.number)).toEqual(Array.from({ length: 156 }, (_, i) => i + 1));
    expect(notice.gaps).toEqual([]);
  });

  it('gives every item the text, lead official and units of the seed text', () => {
    const leaders = new Map(notice.sections.map((s) => [s.ordinal, s.leader]));
    for (const e of expected) {
      const item = notice.items[e.itemNo - 1];
      expect({ no: item.number, text: item.text, leader: leaders.get(item.section), units: item.units.map((u) => u.name) })
        .toEqual({ no: e.itemNo, text: e.text, leader: e.leader, units: e.units });
      expect(item.units.map((u) => u.lead)).toEqual(e.units.map((_, i) => i === 0));
    }
  });

  it('knows the notice: 文号, title, year, nine lead officials', () => {
    expect(notice.docNo).toBe('拱政办发〔2024〕2号');
    expect(notice.title).toContain('责任分解');
    expect(notice.year).toBe(2024);
    expect(notice.sourceUrl).toBe(URL_);
    expect(notice.sections.map((s) => s.leader)).toEqual([
      '冯晶区长', '黄飞常务副区长', '樊峥常委', '张建明常委', '徐晓东副区长',
      '许雷挺副区长', '沈建立副区长', '王一平副区长', '贾元元副区长',
    ]);
  });

  it('shares one unit line between items 1–4, 区政府办公室 leading, note kept apart', () => {
    for (const no of [1, 2, 3, 4]) {
      const item = notice.items[no - 1];
      expect(item.section).toBe(1);
      expect(item.units).toEqual([
        { name: '区政府办公室', lead: true },
        { name: '区政府各部门', lead: false },
        { name: '各街道办事处', lead: false },
      ]);
      expect(item.unitNote).toBe('列第一位的为牵头或汇总单位,下同');
    }
    expect(notice.items[21].units).toEqual([{ name: '五经普领导小组办公室', lead: true }]);
    expect(notice.items[155].units).toEqual([{ name: '区红十字会', lead: true }]);
    expect(notice.items[4].unitNote).toBeUndefined();
  });

  it('anchors each item in the copy a reader sees, on text that starts with its number', () => {
    expect(anchors.size).toBe(156);
    for (const item of notice.items) {
      const a = anchors.get(item.key)!;
      const text = normalizeText(a.nodes.map((n) => n.data).join(''));
      expect(text).toMatch(new RegExp(`^${item.key}[.、]`));
      expect(text.endsWith(item.text)).toBe(true);
      expect(a.nodes.every((n) => attributeVisibility(n.parentElement!))).toBe(true);
      expect(normalizeText(a.unitNodes.map((n) => n.data).join(''))).toMatch(/^牵头单位:/);
    }
  });

  it('gives each item a fingerprint that changes with its text', () => {
    const fps = new Set(notice.items.map((i) => i.fingerprint));
    expect(fps.size).toBe(156);
    const changed = readFileSync(SEED_PAGE, 'utf8').replace('新增婴幼儿成长驿站9个', '新增婴幼儿成长驿站10个');
    const after = mustRecognise(changed).notice;
    expect(after.items[154].fingerprint).not.toBe(notice.items[154].fingerprint);
    expect(after.items[153].fingerprint).toBe(notice.items[153].fingerprint);
  });
});

describe('pages that are not a breakdown notice', () => {
  it('rejects the negative seed page with a reason and leaves it untouched', () => {
    const html = readFileSync(NEGATIVE_PAGE, 'utf8');
    const d = doc(html);
    const before = d.documentElement.outerHTML;
    const r = recogniseNotice(d, { url: URL_ });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/牵头单位/);
    expect(d.documentElement.outerHTML).toBe(before);
  });

  it('rejects numbered items with 牵头单位 lines when nothing calls it a 责任分解', () => {
    const html = readFileSync(SEED_PAGE, 'utf8').replace(/责任分解/g, '完成情况');
    const r = recognise(html);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/责任分解/);
  });

  it('rejects an empty page', () => {
    expect(recognise('<html><body></body></html>').ok).toBe(false);
  });
});

describe('markup variants', () => {
  const base = mustRecognise(readFileSync(SEED_PAGE, 'utf8')).notice;
  const essence = (n: typeof base) => ({ docNo: n.docNo, year: n.year, sections: n.sections, items: n.items, gaps: n.gaps });

  it('parse identically however the page writes the same text', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, hiddenFirst) => {
        const html = renderNoticePage(dumpText(), seeded(seed), { hiddenFirst });
        const r = mustRecognise(html);
        expect(essence(r.notice)).toEqual(essence(base));
        // Anchored in the visible copy even when the hidden one comes first.
        const first = r.anchors.get('1')!.nodes[0].parentElement!;
        expect(attributeVisibility(first)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps going over a missing number and reports the gap', () => {
    const dump = dumpText().replace(/\n8\.节能减排完成市下达目标任务。\n/g, '\n');
    const r = mustRecognise(renderNoticePage(dump, seeded(7), { hiddenFirst: false }));
    expect(r.notice.gaps).toEqual([8]);
    expect(r.notice.items).toHaveLength(155);
    expect(r.notice.items.find((i) => i.key === '9')?.units[0].name).toBe('区财政局');
    // The dropped item's unit line closes nothing and takes nothing from item 7.
    expect(r.notice.items.find((i) => i.key === '7')?.units).toEqual([{ name: '区发改经信局', lead: true }]);
  });
});

describe('the richer reading the overlay uses (no formats given)', () => {
  const first = mustRecognise(readFileSync(SEED_PAGE, 'utf8'));
  const r = recogniseNotice(doc(readFileSync(SEED_PAGE, 'utf8')), { url: URL_ });
  if (!r.ok) throw new Error(r.reason);

  it('reads the seed as the same notice: its 文号, the same 156 keys, the same fingerprints, so stored notes stay on their items', () => {
    expect(r.notice.docNo).toBe(first.notice.docNo);
    expect(r.notice.items.map((i) => i.key)).toEqual(first.notice.items.map((i) => i.key));
    expect(r.notice.items.map((i) => i.fingerprint)).toEqual(first.notice.items.map((i) => i.fingerprint));
    expect(r.notice.reading).toBe(READING_VERSION);
  });

  it('keeps the page’s own words, and says which unit leads and which works with it', () => {
    const item1 = r.notice.items[0];
    expect(item1.text).toContain('坚持政治引领，担当勤政。');
    expect(item1.fingerprint).toBe(fingerprint(normalizeText(item1.text)));
    expect(item1.units).toEqual([
      { name: '区政府办公室', lead: true, role: 'lead' },
      { name: '区政府各部门', lead: false, role: 'co' },
      { name: '各街道办事处', lead: false, role: 'co' },
    ]);
    expect(item1.leaders).toEqual(['冯晶']);
    expect(r.notice.sections[0]).toMatchObject({ ordinal: 1, heading: '一、冯晶区长牵头工作', leader: '冯晶' });
  });

  it('names the notice as the page does: its 文号, its issuer, its publication time (PubDate)', () => {
    expect(r.notice).toMatchObject({ docNo: '拱政办发〔2024〕2号', issuer: '杭州市拱墅区人民政府办公室', publishedAt: '2024-03-07 16:38' });
  });

  it('anchors every item where a reader sees it', () => {
    expect(r.anchors.size).toBe(156);
    for (const item of r.notice.items) {
      const text = normalizeText(r.anchors.get(item.key)!.nodes.map((n) => n.data).join(''));
      expect(text).toMatch(new RegExp(`^${item.key}[.、]`));
      expect(text.endsWith(normalizeText(item.text))).toBe(true);
    }
  });
});
