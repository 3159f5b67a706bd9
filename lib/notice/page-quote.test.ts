import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../tests/anchor-quote';
import { FixtureIndex, type FixtureEntry } from '../../tests/fixtures/notice-expected';
import { SEED_PAGE, SEED_URL } from '../../tests/fixtures/seed-dump';
import { extractLines } from './extract-text';
import { pageQuotes, QUOTE_CONTEXT } from './page-quote';
import { NoticeItemSchema } from './schema';
import { recogniseNotice } from './recognise';

const html = readFileSync(SEED_PAGE, 'utf8');

function seedNotice() {
  const doc = parseHTML(html).document as unknown as Document;
  const r = recogniseNotice(doc, { url: SEED_URL });
  if (!r.ok) throw new Error(r.reason);
  return { doc, notice: r.notice };
}

/** Every start of `needle` in `hay`. */
function occurrences(hay: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) at.push(i);
  return at;
}

describe('the quote of each item on the seed page', () => {
  const { doc, notice } = seedNotice();
  const body = doc.body.textContent ?? '';

  it('is the page’s own text at its offsets in the body’s textContent, with the text either side', () => {
    expect(notice.items.length).toBe(156);
    for (const item of notice.items) {
      const q = item.quote!;
      expect(q, item.key).toBeDefined();
      expect(body.slice(q.start, q.end), item.key).toBe(q.exact);
      // The page's words, full-width punctuation and all (the first export folded ， to ,).
      expect(q.exact, item.key).toBe(item.text);
      expect(q.prefix).toBe(body.slice(Math.max(0, q.start - QUOTE_CONTEXT), q.start));
      expect(q.suffix).toBe(body.slice(q.end, q.end + QUOTE_CONTEXT));
    }
    expect(notice.items.some((i) => i.quote!.exact.includes('，'))).toBe(true);
  });

  it('anchors each item to itself, the way Hypothesis does, though the page holds its body twice', () => {
    const twice = notice.items.filter((i) => occurrences(body, i.quote!.exact).length > 1);
    expect(twice.length).toBeGreaterThan(100);
    for (const item of notice.items) {
      const q = item.quote!;
      expect(anchorQuote(body, { exact: q.exact, prefix: q.prefix, suffix: q.suffix, hint: q.start }), item.key).toEqual({ start: q.start, end: q.end });
    }
  });

  it('is left out for an item whose nodes are not in the page', () => {
    const orphan = doc.createTextNode('不在页面上');
    expect(pageQuotes(extractLines(doc.body, true), [{ key: '1', text: '不在页面上', nodes: [orphan as unknown as Text] }]).size).toBe(0);
  });
});

describe('a quote crossing from the content script', () => {
  const { notice } = seedNotice();
  const item = notice.items[0]!;

  it('is checked: its offsets must span its text, its context is at most QUOTE_CONTEXT characters', () => {
    expect(NoticeItemSchema.safeParse(item).success).toBe(true);
    const q = item.quote!;
    expect(NoticeItemSchema.safeParse({ ...item, quote: { ...q, end: q.end + 1 } }).success).toBe(false);
    expect(NoticeItemSchema.safeParse({ ...item, quote: { ...q, prefix: 'x'.repeat(QUOTE_CONTEXT + 1) } }).success).toBe(false);
    expect(NoticeItemSchema.safeParse({ ...item, quote: { ...q, start: -1, end: q.exact.length - 1 } }).success).toBe(false);
  });
});

describe('the quotes on every fixture notice', () => {
  const DIR = fileURLToPath(new URL('../../tests/fixtures/notices/', import.meta.url));
  const index: FixtureEntry[] = FixtureIndex.parse(JSON.parse(readFileSync(DIR + 'index.json', 'utf8')));

  it.each(index.filter((e) => e.family !== 'refused').map((e) => [e.file, e] as const))('%s: each is the body’s textContent at its offsets', (_f, entry) => {
    const doc = parseHTML(readFileSync(DIR + entry.file, 'utf8')).document as unknown as Document;
    const r = recogniseNotice(doc, { url: entry.url });
    if (!r.ok) throw new Error(r.reason);
    const body = doc.body.textContent ?? '';
    expect(r.notice.items.every((i) => i.quote)).toBe(true);
    for (const { key, quote: q } of r.notice.items) {
      expect(body.slice(q!.start, q!.end), key).toBe(q!.exact);
      expect(q!.prefix, key).toBe(body.slice(Math.max(0, q!.start - QUOTE_CONTEXT), q!.start));
      expect(q!.suffix, key).toBe(body.slice(q!.end, q!.end + QUOTE_CONTEXT));
    }
  });

  it('counts the text the reading leaves out before an item: scripts, styles, a hidden copy', () => {
    const page = html.replace('<body>', '<body><script>var x = "脚本里的字";</script><style>p{color:red}</style><div style="display:none">隐藏的副本：1. 不是事项</div><svg><text>图</text></svg>');
    expect(page).not.toBe(html);
    const doc = parseHTML(page).document as unknown as Document;
    const r = recogniseNotice(doc, { url: SEED_URL });
    if (!r.ok) throw new Error(r.reason);
    const body = doc.body.textContent ?? '';
    for (const { key, quote: q } of r.notice.items) {
      expect(body.slice(q!.start, q!.end), key).toBe(q!.exact);
      expect(q!.suffix, key).toBe(body.slice(q!.end, q!.end + QUOTE_CONTEXT));
    }
  });
});
