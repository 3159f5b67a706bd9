import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { NEGATIVE_PAGE, SEED_PAGE, SEED_URL } from '../../../tests/fixtures/seed-dump';
import { lineNodes } from '../extract-text';
import { fingerprint, normalizeText } from '../normalize';
import { AFTER_TEXT, itemBlocks, overlayPosition } from '../placement';
import { recogniseNotice } from '../recognise';
import { GONGSHU } from '../sites';
import { NOTICE_FORMATS, type ItemAnchor, type NoticeFormat, type OverlayPlacement, type PageText } from './index';
import { proseLeadLine } from './prose-lead-line';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const seed = () => doc(readFileSync(SEED_PAGE, 'utf8'));

/** Test-only placement: the overlay goes before the item's first text node. */
const BEFORE_TEXT: OverlayPlacement = {
  name: 'before-text',
  position: (a) => ({ parent: a.nodes[0].parentNode!, before: a.nodes[0] }),
  blocks: (a) => [a.nodes[0].parentElement!],
};

/** Test-only format: every line that starts with 第N条 is item N. */
const articles: NoticeFormat = {
  id: 'articles',
  read({ lines }: PageText) {
    const items = [];
    const anchors = new Map<string, ItemAnchor>();
    for (let i = 0; i < lines.raws.length; i++) {
      const m = /^第(\d+)条(.+)$/.exec(normalizeText(lines.raws[i]));
      if (!m) continue;
      const number = Number(m[1]);
      const key = String(number);
      items.push({ key, number, text: m[2], section: 1, units: [], fingerprint: fingerprint(m[2]) });
      anchors.set(key, { key, nodes: lineNodes(lines, i), unitNodes: [], placement: BEFORE_TEXT });
    }
    return items.length
      ? { ok: true, sections: [{ ordinal: 1, leader: '', heading: '' }], items, anchors }
      : { ok: false, reason: '没有“第N条” / no 第N条 lines' };
  },
};

const ARTICLES_PAGE = `<html><head><meta name="ArticleTitle" content="重点工作责任分解"></head><body><div id="body">
  <p>第1条做好一件事。</p><p>说明</p><p>第2条做好另一件事。</p><p>第4条还有一件。</p></div></body></html>`;

describe('the formats registry', () => {
  it('reads today’s notices with its first entry, prose items closed by 牵头单位 lines', () => {
    expect(NOTICE_FORMATS[0]).toBe(proseLeadLine);
    const r = recogniseNotice(seed(), { url: SEED_URL, formats: NOTICE_FORMATS });
    expect(r.ok && [r.format, r.notice.items.length]).toEqual(['prose-lead-line', 156]);
    // Given no formats, the richer reading's registry reads it: prose items with labelled lines.
    const rich = recogniseNotice(seed(), { url: SEED_URL });
    expect(rich.ok && [rich.format, rich.notice.items.length]).toEqual(['prose-lines', 156]);
  });

  it('tries a format registered in front first, and its reading wins', () => {
    const prose = vi.spyOn(proseLeadLine, 'read');
    const r = recogniseNotice(doc(ARTICLES_PAGE), { url: SEED_URL, formats: [articles, ...NOTICE_FORMATS] });
    expect(prose).not.toHaveBeenCalled();
    prose.mockRestore();
    if (!r.ok) throw new Error(r.reason);
    expect(r.format).toBe('articles');
    expect(r.notice.items.map((i) => [i.key, i.text])).toEqual([['1', '做好一件事。'], ['2', '做好另一件事。'], ['4', '还有一件。']]);
    // What every format shares is still done for it: the title, gaps, the URL.
    expect(r.notice.title).toBe('重点工作责任分解');
    expect(r.notice.gaps).toEqual([3]);
    expect(r.notice.sourceUrl).toBe(SEED_URL);
  });

  it('hands the page on when a format in front refuses it, with the page’s text, site and visibility', () => {
    const read = vi.spyOn(articles, 'read');
    const r = recogniseNotice(seed(), { url: SEED_URL, formats: [articles, ...NOTICE_FORMATS] });
    expect(r.ok && [r.format, r.notice.items.length]).toEqual(['prose-lead-line', 156]);
    expect(read).toHaveBeenCalledTimes(1);
    const page = read.mock.calls[0][0];
    expect(page.site).toBe(GONGSHU);
    expect(page.lines.raws.length).toBeGreaterThan(156);
    expect(page.isVisible(page.doc.body)).toBe(true);
    read.mockRestore();
  });

  it('refuses a page no format recognises, with each format’s reason', () => {
    const r = recogniseNotice(doc(readFileSync(NEGATIVE_PAGE, 'utf8')), { url: SEED_URL, formats: [articles, ...NOTICE_FORMATS] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain('第N条');
      expect(r.reason).toContain('牵头单位');
    }
    expect(recogniseNotice(seed(), { formats: [] }).ok).toBe(false);
  });

  it('refuses a format’s reading when nothing calls the page a 责任分解', () => {
    const r = recogniseNotice(doc(ARTICLES_PAGE.replace('责任分解', '完成情况')), { formats: [articles] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/责任分解/);
  });

  it('places each item’s overlay where its format says', () => {
    const d = doc(ARTICLES_PAGE);
    const r = recogniseNotice(d, { formats: [articles] });
    if (!r.ok) throw new Error(r.reason);
    const a = r.anchors.get('2')!;
    const pos = overlayPosition(a)!;
    expect(pos.before).toBe(a.nodes[0]);
    expect(itemBlocks(a, d.getElementById('body')!).map((e) => e.textContent)).toEqual(['第2条做好另一件事。']);
    // The first reading's format puts it after the item's text (placement.test.ts).
    const s = recogniseNotice(seed(), { url: SEED_URL, formats: NOTICE_FORMATS });
    expect(s.ok && [...s.anchors.values()].every((x) => x.placement === AFTER_TEXT)).toBe(true);
  });
});
