// A page known again without reading it: on every fixture notice, its items' anchors come back
// from the map made at the last reading, in a fresh load of the same page, as the reading itself
// would find them; a page whose text changed at all is not the page then read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FixtureIndex, type FixtureEntry } from '../../tests/fixtures/notice-expected';
import { SEED_PAGE, SEED_URL } from '../../tests/fixtures/seed-dump';
import fc from 'fast-check';
import { anchorsOf, figureRuns, fnvHash, isPageSeen, itemTextNodes, pageCounters, pageText, placeItems, samePage, signMappedPage, signPage, walkedTextNodes, type ItemPlace } from './page-map';
import { itemBlocks, overlayPosition, PLACEMENTS } from './placement';
import { recogniseNotice } from './recognise';

const DIR = fileURLToPath(new URL('../../tests/fixtures/notices/', import.meta.url));
const index: FixtureEntry[] = FixtureIndex.parse(JSON.parse(readFileSync(DIR + 'index.json', 'utf8')));
const pages = [
  { name: 'the seed', html: readFileSync(SEED_PAGE, 'utf8'), url: SEED_URL },
  ...index.filter((e) => e.family !== 'refused').map((e) => ({ name: e.file, html: readFileSync(DIR + e.file, 'utf8'), url: e.url })),
];
const load = (html: string) => parseHTML(html).document as unknown as Document;

function recognised(doc: Document, url: string) {
  const r = recogniseNotice(doc, { url, fingerprints: false, quotes: false });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** What a placement makes of an anchor, as paths of text: comparable across two loads of a page. */
function placed(doc: Document, anchor: Parameters<typeof overlayPosition>[0]) {
  const pos = overlayPosition(anchor);
  const container = doc.body;
  return {
    nodes: anchor.nodes.map((n) => n.data),
    units: anchor.unitNodes.map((n) => n.data),
    parent: pos?.parent.textContent,
    before: pos?.before?.textContent ?? null,
    blocks: itemBlocks(anchor, container).map((b) => b.textContent),
  };
}

describe.each(pages)('$name, read once and loaded again', ({ html, url }) => {
  const first = load(html);
  const read = recognised(first, url);
  const keys = read.notice.items.map((i) => i.key);
  const places = placeItems(keys, read.anchors, walkedTextNodes(first))!;
  const seen = signMappedPage(first, walkedTextNodes(first), read.anchors);

  it('has every item placed, by a placement that travels by name', () => {
    expect(places.map((p) => p.key)).toEqual(keys);
    for (const p of places) expect(Object.values(PLACEMENTS)).toContain(PLACEMENTS[p.placement]);
  });

  it('gives, in a fresh load of the same page, the same signature and the anchors the reading gives', async () => {
    const again = load(html);
    const nodes = walkedTextNodes(again);
    const now = await signPage(pageText(again), nodes.length);
    const { figures, counters, ...page } = await seen;
    expect(now).toEqual(page);
    expect(isPageSeen(await seen, now, figureRuns(pageText(again)))).toBe(true);
    const anchors = anchorsOf(places, nodes)!;
    const reading = recognised(load(html), url);
    for (const key of keys) {
      const a = anchors.get(key)!;
      expect(a.placement, key).toBe(reading.anchors.get(key)!.placement);
      expect(placed(again, a), key).toEqual(placed(first, read.anchors.get(key)!));
    }
  });

  it('survives the trip as JSON (what the background keeps)', () => {
    expect(JSON.parse(JSON.stringify(places)) as ItemPlace[]).toEqual(places);
  });
});

describe('a page that is not the page then read', () => {
  const html = readFileSync(SEED_PAGE, 'utf8');
  const sign = (h: string, subtle?: SubtleCrypto | null) => {
    const doc = load(h);
    return signPage(pageText(doc), walkedTextNodes(doc).length, subtle);
  };
  // (A figure changed is no word changed: the notice's digest tells, below.)
  const edits = [
    html.replace('地区生产总值增长5.5%', '地区生产总值提高5.5%'),
    html.replace(/<title>([^<]*)<\/title>/, '<title>$1（修订）</title>'),
    html.replace(/(<meta name="ArticleTitle" content=")/, '$1改'),
    html.replace('牵头单位：区发改经信局', '牵头单位：区财政局'),
  ];

  it.each([
    ['the browser’s SHA-256', globalThis.crypto.subtle],
    ['FNV-1a where the browser has no digest (http pages)', null],
  ])('has another signature when an item’s words are edited, a title or 文号 changes (%s)', async (_, subtle) => {
    const seen = await sign(html, subtle);
    expect(seen.hash).toMatch(subtle ? /^sha256:[0-9a-f]{64}$/ : /^fnv:[0-9a-f]{16}$/);
    for (const edited of edits) {
      expect(edited).not.toBe(html);
      expect((await sign(edited, subtle)).hash).not.toBe(seen.hash);
    }
  });

  it('counts one more text node when only the markup splits a text', async () => {
    const split = html.replace('地区生产总值增长5.5%', '地区生产总值<b></b>增长5.5%');
    const [seen, again] = [await sign(html), await sign(split)];
    expect(again.hash).toBe(seen.hash);
    expect(again.nodes).toBe(seen.nodes + 1);
    expect(samePage(again, seen)).toBe(false);
    expect(samePage(await sign(html), seen)).toBe(true);
    expect(samePage({ ...seen, length: seen.length + 1 }, seen)).toBe(false);
  });

  it('FNV-1a changes with any one character changed, added or taken away', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (text, at, delta) => {
        const i = at % text.length;
        const changed = text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + delta) % 0x10000) + text.slice(i + 1);
        expect(fnvHash(changed)).not.toBe(fnvHash(text));
        expect(fnvHash(text + text[i])).not.toBe(fnvHash(text));
        expect(fnvHash(text.slice(0, i) + text.slice(i + 1))).not.toBe(fnvHash(text));
        expect(fnvHash(text)).toBe(fnvHash(String(text)));
      }),
    );
  });

  it('gives no anchors when a place names a node the page does not have', () => {
    const doc = load(html);
    const read = recognised(doc, SEED_URL);
    const places = placeItems(read.notice.items.map((i) => i.key), read.anchors, walkedTextNodes(doc))!;
    const short = load(html.slice(0, html.indexOf('牵头单位：区发改经信局')));
    expect(anchorsOf(places, walkedTextNodes(short))).toBeUndefined();
  });
});

it('reads the title, the metadata and the body’s text, not its scripts’ or style sheets’', () => {
  const doc = load('<html><head><title>关于印发责任分解的通知</title><meta name="ArticleTitle" content="A"><meta property="og:x" content="B"></head><body><p>正文</p><script>var t = 1;</script><style>p{}</style><p>二</p><script></script><p>t = 1</p></body></html>');
  expect(pageText(doc)).toEqual({ head: '关于印发责任分解的通知\nArticleTitle=A\nog:x=B', body: '正文二t = 1' });
  // (Listed all the same: an item's place is its index among all of the body's text nodes.)
  expect(walkedTextNodes(doc).length).toBe(5);
});

describe('a page whose only changes are no part of its notice', () => {
  const html = readFileSync(SEED_PAGE, 'utf8');
  // JCMS fills 点击率 (the seed's empty <span id="ClickCount">) with the page's hit count on every visit.
  const visit = (hits: number, script = 'var visit = 1;') =>
    html.replace('<span id="ClickCount"></span>', `<span id="ClickCount">${hits}</span>`).replace('</body>', `<script>${script}</script></body>`);
  /** The page as kept when its map was made. */
  const kept = (h: string, subtle?: SubtleCrypto | null) => {
    const doc = load(h);
    return signMappedPage(doc, walkedTextNodes(doc), recognised(doc, SEED_URL).anchors, subtle);
  };
  /** Whether the page `h` is, when loaded, the page kept as `seen`. */
  const seenIn = async (seen: Awaited<ReturnType<typeof kept>>, h: string, subtle?: SubtleCrypto | null) => {
    const doc = load(h);
    const text = pageText(doc);
    return isPageSeen(seen, await signPage(text, walkedTextNodes(doc).length, subtle), figureRuns(text));
  };

  it('knows the hit counter and the dates in cells of their own as counters, and no figure of an item', () => {
    const doc = load(visit(1234));
    const runs = figureRuns(pageText(doc));
    const counters = pageCounters(walkedTextNodes(doc), itemTextNodes(recognised(doc, SEED_URL).anchors));
    // The info table's 生成日期 and 发布日期 cells, 点击率, the 公布日期 of the page's info box.
    expect(counters.map((c) => runs[c]).join(' ')).toBe('2024 03 07 2024 03 07 1234 2024 03 07');
    expect(runs).toContain('5');
  });

  it.each([
    ['the browser’s SHA-256', globalThis.crypto.subtle],
    ['FNV-1a', null],
  ])('is the page then read when its hit counter or its scripts changed (%s)', async (_, subtle) => {
    const seen = await kept(visit(1234), subtle);
    for (const again of [visit(1235), visit(99999), visit(1234, 'var visit = 2; var token = "x9";')]) {
      expect(await seenIn(seen, again, subtle)).toBe(true);
    }
  });

  it('is not, when a figure in an item, its date or its 文号 changed', async () => {
    const seen = await kept(visit(1));
    for (const edited of [
      visit(1).replace('地区生产总值增长5.5%', '地区生产总值增长6.5%'),
      visit(1).replace('2024-03-07 16:38:24', '2024-03-08 09:01:02'),
      visit(1).replaceAll('拱政办发〔2024〕2号', '拱政办发〔2024〕3号'),
    ]) {
      expect(edited).not.toBe(visit(1));
      const doc = load(edited);
      expect((await signPage(pageText(doc), walkedTextNodes(doc).length)).hash).toBe(seen.hash);
      expect(await seenIn(seen, edited)).toBe(false);
    }
    expect(await seenIn(seen, visit(1))).toBe(true);
  });

  it('is not, when the signature kept has no figures (one kept before there were)', async () => {
    const { figures, counters, ...page } = await kept(visit(1));
    expect(await seenIn({ ...page, figures, counters }, visit(1))).toBe(true);
    expect(isPageSeen(page, await signPage(pageText(load(visit(1))), walkedTextNodes(load(visit(1))).length), figureRuns(pageText(load(visit(1)))))).toBe(false);
    expect(isPageSeen({ ...page, figures }, await signPage(pageText(load(visit(1))), walkedTextNodes(load(visit(1))).length), figureRuns(pageText(load(visit(1)))))).toBe(false);
  });
});

it('places an item by its placement’s name, whichever copy of the placement the reading used (the page reader is a script of its own)', () => {
  const doc = load(readFileSync(SEED_PAGE, 'utf8'));
  const read = recognised(doc, SEED_URL);
  const copies = new Map([...read.anchors].map(([key, a]) => [key, { ...a, placement: { ...a.placement } }]));
  const keys = read.notice.items.map((i) => i.key);
  expect(placeItems(keys, copies, walkedTextNodes(doc))).toEqual(placeItems(keys, read.anchors, walkedTextNodes(doc)));
  const unknown = new Map([...copies].map(([key, a]) => [key, { ...a, placement: { ...a.placement, name: 'somewhere' } }]));
  expect(placeItems(keys, unknown, walkedTextNodes(doc))).toBeUndefined();
});
