import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SEED_PAGE, SEED_URL } from '../../tests/fixtures/seed-dump';
import { NOTICE_FORMATS } from './formats';
import { READING_VERSION } from './from-reading';
import { seeNotice, withPageQuotes } from './notice-record';
import { recogniseNotice } from './recognise';

const read = (html: string, first: boolean) => {
  const r = recogniseNotice(parseHTML(html).document as unknown as Document, { url: SEED_URL, ...(first && { formats: NOTICE_FORMATS }) });
  if (!r.ok) throw new Error(r.reason);
  return r.notice;
};

describe('a notice stored by the first reading, seen again', () => {
  const html = readFileSync(SEED_PAGE, 'utf8');
  const stored = seeNotice(undefined, read(html, true), 1).record;

  it('takes the page’s own words, roles and leaders when its items are the same: no revision, nothing to accept', () => {
    const seen = seeNotice(stored, read(html, false), 2);
    expect(seen.revision).toBeNull();
    expect(seen.record.reading).toBe(READING_VERSION);
    expect(seen.record.items[0].text).toContain('坚持政治引领，担当勤政。');
    expect(seen.record.items[0].units.map((u) => u.role)).toEqual(['lead', 'co', 'co']);
    expect(seen.record.firstSeenAt).toBe(1);
  });

  it('keeps another text a revision, as always', () => {
    const changed = read(html.replace('新增婴幼儿成长驿站9个', '新增婴幼儿成长驿站10个'), false);
    const seen = seeNotice(stored, changed, 2);
    expect(seen.revision?.differs).toHaveLength(1);
    expect(seen.record.items).toEqual(stored.items);
  });

  it('once read richly, treats a change of units as another text', () => {
    const rich = seeNotice(stored, read(html, false), 2).record;
    const moved = read(html, false);
    moved.items[0] = { ...moved.items[0], units: moved.items[0].units.slice(1) };
    expect(seeNotice(rich, moved, 3).revision?.differs).toEqual([moved.items[0].key]);
  });
});

describe('a notice stored by the previous reading (2), seen again by today’s', () => {
  // A unit marked after its name (区住建局（牵头）) was read by reading 2 as a unit of that name,
  // with no lead; the page's words are the same.
  const page = read(readFileSync(SEED_PAGE, 'utf8'), false);
  const stored = seeNotice(undefined, {
    ...page,
    reading: 2,
    items: page.items.map((i, n) => (n === 0 ? { ...i, units: [{ name: `${i.units[0].name}（牵头）`, lead: false, role: 'co' as const }] } : i)),
  }, 1).record;

  it('takes today’s units, leaders and deadlines for the same words: no revision', () => {
    const seen = seeNotice(stored, page, 2);
    expect(seen.revision).toBeNull();
    expect(seen.record.items[0].units).toEqual(page.items[0].units);
    expect(seen.record.reading).toBe(page.reading);
  });
});

describe('a notice stored by reading 3, seen again by today’s', () => {
  // Units a space set apart (区发改局　区经信局) were one name to reading 3; the page's words are the same.
  const page = read(readFileSync(SEED_PAGE, 'utf8'), false);
  const two = page.items.findIndex((i) => i.units.length >= 2);
  const merged = page.items[two].units.map((u) => u.name).join('');
  const stored = seeNotice(undefined, {
    ...page,
    reading: 3,
    items: page.items.map((i, n) => (n === two ? { ...i, units: [{ name: merged, lead: true, role: 'lead' as const }] } : i)),
  }, 1).record;

  it('takes today’s units apart for the same words: no revision', () => {
    const seen = seeNotice(stored, page, 2);
    expect(seen.revision).toBeNull();
    expect(seen.record.items[two].units).toEqual(page.items[two].units);
    expect(seen.record.items[two].units.length).toBeGreaterThan(1);
  });
});

describe('a notice read again by a newer reading that keys the same items otherwise', () => {
  const page = read(readFileSync(SEED_PAGE, 'utf8'), false);
  const older = { ...page, items: page.items.map((i) => ({ ...i, key: `1/${i.key}` })) };

  it('takes the page’s keys, no revision, and says which keys moved', () => {
    const seen = seeNotice(seeNotice(undefined, older, 1).record, page, 2);
    expect(seen.revision).toBeNull();
    expect(seen.moves).toEqual(Object.fromEntries(page.items.map((i) => [`1/${i.key}`, i.key])));
    expect(seen.record.items.map((i) => i.key)).toEqual(page.items.map((i) => i.key));
    expect(seeNotice(seen.record, page, 3).moves).toBeUndefined();
  });

  it('keeps the quotes taken at the notice’s link when a page elsewhere (http) sends none', () => {
    const stored = seeNotice(undefined, older, 1).record;
    const elsewhere = { ...page, sourceUrl: SEED_URL.replace('https:', 'http:'), items: page.items.map(({ quote: _q, ...i }) => i) };
    const seen = seeNotice(stored, elsewhere, 2);
    expect(seen.record.sourceUrl).toBe(SEED_URL);
    expect(seen.record.items.map((i) => i.quote)).toEqual(page.items.map((i) => i.quote));
  });
});

describe('where each item’s words are on the page (quotes, for Web Annotation)', () => {
  const html = readFileSync(SEED_PAGE, 'utf8');
  const page = read(html, false);
  const unquoted = { ...page, items: page.items.map(({ quote: _q, ...i }) => i) };
  const stored = seeNotice(undefined, unquoted, 1).record;

  it('come with the first visit', () => {
    const first = seeNotice(undefined, page, 1).record;
    expect(first.items.every((i) => i.quote?.exact === i.text)).toBe(true);
  });

  it('are added to a notice stored before duban kept them, on the next visit at its link, without a revision', () => {
    expect(stored.items.some((i) => i.quote)).toBe(false);
    const seen = seeNotice(stored, page, 2);
    expect(seen.revision).toBeNull();
    expect(seen.record.items.map((i) => i.quote)).toEqual(page.items.map((i) => i.quote));
  });

  it('are not taken from the same text at another URL, whose page may lay its words out differently', () => {
    const elsewhere = { ...page, sourceUrl: SEED_URL.replace('.html', '-copy.html') };
    const seen = seeNotice(stored, elsewhere, 2);
    expect(seen.revision).toBeNull();
    expect(seen.record.items.some((i) => i.quote)).toBe(false);
  });

  it('stay as stored when the page at the link sends its notice without them (its quotes come apart)', () => {
    const quoted = seeNotice(undefined, page, 1).record;
    const seen = seeNotice(quoted, unquoted, 2);
    expect(seen.revision).toBeNull();
    expect(seen.record.items.map((i) => i.quote)).toEqual(page.items.map((i) => i.quote));
  });

  it('sent apart, are taken from the page at the link for the items it shows as stored, and change nothing when the same', () => {
    const quotes = new Map(page.items.map((i) => [i.key, i.quote!]));
    const withQuotes = withPageQuotes(stored, SEED_URL, quotes, [page.items[2]!.key]);
    expect(withQuotes?.items.map((i) => i.quote)).toEqual(page.items.map((i, n) => (n === 2 ? undefined : i.quote)));
    // Another link of the notice, or quotes it already holds: nothing to write.
    expect(withPageQuotes(stored, SEED_URL.replace('.html', '-copy.html'), quotes, [])).toBeUndefined();
    expect(withPageQuotes(withQuotes!, SEED_URL, quotes, [page.items[2]!.key])).toBeUndefined();
  });
});
