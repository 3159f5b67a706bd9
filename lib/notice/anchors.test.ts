// The richer reading's anchors on every fixture notice: each item found back in the page, and its
// overlay placed where its format says (after the text in prose, in a row of its own in a table),
// in the items' order, without breaking a table.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FixtureIndex, type FixtureEntry } from '../../tests/fixtures/notice-expected';
import { SEED_PAGE, SEED_URL } from '../../tests/fixtures/seed-dump';
import { anchoredAtText, placeMarkers } from '../../tests/fixtures/notice-anchors';
import { AFTER_ITEM, AFTER_ITEM_ROWS, AFTER_ROWS, AFTER_TEXT, itemBlocks, OVERLAY_ROW, overlayPosition, removeOverlayRows } from './placement';
import { NOTICE_FORMATS } from './formats';
import { normalizeText } from './normalize';
import { readNoticePage } from './read-notice';
import { recogniseNotice } from './recognise';
import { isRefusal } from './reading';

const DIR = fileURLToPath(new URL('../../tests/fixtures/notices/', import.meta.url));
const read = (name: string) => readFileSync(DIR + name, 'utf8');
const index: FixtureEntry[] = FixtureIndex.parse(JSON.parse(read('index.json')));
const notices = index.filter((e) => e.family !== 'refused');
const doc = (html: string) => parseHTML(html).document as unknown as Document;

function readAnchored(html: string, url: string) {
  const d = doc(html);
  const r = readNoticePage(d, url);
  if (isRefusal(r.reading)) throw new Error(r.reading.reason);
  return { doc: d, reading: r.reading, items: r.reading.lists.flatMap((l) => l.items), anchors: r.anchors! };
}

const cellOf = (n: Node) => (n.parentElement?.closest('td,th') ?? undefined) as Element | undefined;

/** Each row of `table` as the slots its cells take (spans counted); throws when two cells take one slot. */
function slots(table: Element): string[][] {
  const rows = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
  const grid: string[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of [...tr.children].filter((el) => el.localName === 'td' || el.localName === 'th')) {
      while (grid[r][c]) c++;
      const rs = Number(cell.getAttribute('rowspan')) || 1;
      const cs = Number(cell.getAttribute('colspan')) || 1;
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          if (grid[r + dr][c + dc]) throw new Error(`two cells in row ${r + dr}, column ${c + dc}`);
          grid[r + dr][c + dc] = `${r}:${c}`;
        }
      }
      c += cs;
    }
  });
  return grid;
}

describe.each(notices.map((e) => [e.file, e] as const))('the anchors of %s', (_f, entry) => {
  it('anchor every item, by its key, at its text', () => {
    const { items, anchors } = readAnchored(read(entry.file), entry.url);
    expect(anchors.size).toBe(items.length);
    for (const item of items) expect(anchoredAtText(item, anchors.get(item.key)), item.key).toBe(true);
  });

  it('place the overlays in the items’ order, never in a task’s cell, and read the same notice with them in', () => {
    const { doc: d, reading, items, anchors } = readAnchored(read(entry.file), entry.url);
    const markers = placeMarkers(d, items, anchors);
    expect(markers.map((m) => m.getAttribute('data-duban-item'))).toEqual(items.map((i) => i.key));
    const starts = items.map((i) => cellOf(anchors.get(i.key)!.nodes[0]));
    for (const m of markers) {
      const cell = cellOf(m);
      if (!cell) continue;
      // In a cell: the overlay row's own, or a cell laying out the page that holds several items.
      const overlayCell = cell.parentElement!.hasAttribute(OVERLAY_ROW) && m.parentElement === cell;
      expect(overlayCell || starts.filter((s) => s && cell.contains(s)).length > 1, m.getAttribute('data-duban-item')!).toBe(true);
    }
    expect(readNoticePage(d, entry.url).reading).toEqual(reading);
  });

  it('keep every table whole: the page’s cells where they were, each overlay row spanning the table', () => {
    const html = read(entry.file);
    const { doc: d, items, anchors } = readAnchored(html, entry.url);
    const tables = [...d.querySelectorAll('table')];
    const before = tables.map(slots);
    placeMarkers(d, items, anchors);
    tables.forEach((table, t) => {
      const grid = slots(table);
      const rows = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
      const width = Math.max(0, ...before[t].map((r) => r.length));
      const own = rows.flatMap((tr, r) => (tr.hasAttribute(OVERLAY_ROW) ? [] : [grid[r].join()]));
      // The page's rows hold the same cells in the same columns (cells named by row and column differ
      // once rows are added: compare each row's occupancy pattern).
      expect(own.map((r) => r.replace(/\d+:/g, ''))).toEqual(before[t].map((r) => r.join().replace(/\d+:/g, '')));
      rows.forEach((tr, r) => {
        if (!tr.hasAttribute(OVERLAY_ROW)) return;
        expect(tr.children).toHaveLength(1);
        expect(grid[r].filter(Boolean)).toHaveLength(width);
        expect(new Set(grid[r]).size).toBe(1); // one cell, not a rowspan from above
      });
    });
  });

  if (entry.family === 'table') {
    it('put each task’s overlay in a row of its own', () => {
      const { doc: d, items, anchors } = readAnchored(read(entry.file), entry.url);
      // (After its own 牵头单位 row too, on a table of rows each item closes with one: the seed's old layout.)
      for (const item of items) expect([AFTER_ROWS, AFTER_ITEM_ROWS], item.key).toContain(anchors.get(item.key)!.placement);
      for (const m of placeMarkers(d, items, anchors)) expect(m.parentElement!.parentElement!.hasAttribute(OVERLAY_ROW)).toBe(true);
    });
  }
});

describe('the seed and its old table layout', () => {
  const seed = readAnchored(readFileSync(SEED_PAGE, 'utf8'), SEED_URL);
  const twinEntry = index.find((e) => e.file === 'gongshu-2024-2-table.html')!;
  const twin = readAnchored(read(twinEntry.file), twinEntry.url);

  it('place the seed’s overlays after each item and its own 牵头单位 line (items 1–4, which share one, after their text), hiding what the first reading hid', () => {
    const first = recogniseNotice(seed.doc, { formats: NOTICE_FORMATS });
    if (!first.ok) throw new Error(first.reason);
    const zoom = seed.doc.getElementById('zoom')!;
    for (const item of seed.items) {
      const anchor = seed.anchors.get(item.key)!;
      const rich = overlayPosition(anchor)!;
      expect(zoom.contains(rich.parent), item.key).toBe(true);
      const before = rich.before ? rich.before.previousSibling : rich.parent.lastChild;
      const shared = ['1', '2', '3', '4'].includes(item.key);
      if (shared) {
        // After its own text, where the first reading put it.
        const was = overlayPosition(first.anchors.get(item.key)!)!;
        expect([rich.parent, rich.before], item.key).toEqual([was.parent, was.before]);
      } else {
        // Right after what the page says of it: its 牵头单位 line.
        expect(normalizeText(before?.textContent ?? ''), item.key).toMatch(/牵头单位:/);
      }
      // The same paragraphs to hide with it: its text's and its 牵头单位 line's.
      const blocks = itemBlocks(anchor, zoom);
      const wasBlocks = itemBlocks(first.anchors.get(item.key)!, zoom);
      expect(blocks, item.key).toEqual(wasBlocks);
    }
  });

  it('give 156 anchors with the same keys', () => {
    expect(seed.anchors.size).toBe(156);
    expect([...twin.anchors.keys()]).toEqual([...seed.anchors.keys()]);
  });

  it('place the seed’s overlays after each item (its text where its unit line is shared), and the table’s the same way, after its rows', () => {
    expect([...seed.anchors.entries()].every(([k, a]) => a.placement === (['1', '2', '3', '4'].includes(k) ? AFTER_TEXT : AFTER_ITEM))).toBe(true);
    const markers = placeMarkers(twin.doc, twin.items, twin.anchors);
    // As on the seed: each item's overlay after its own 牵头单位 row (a 牵头单位 row between the
    // overlay and the next item would read as that item's); after the text row of each of items
    // 1–4, whose one 牵头单位 row follows the fourth's overlay.
    const rowOf = (key: string) => markers.find((m) => m.getAttribute('data-duban-item') === key)!.closest('tr')!;
    const before = (key: string, n = 1) => {
      let row: Element = rowOf(key);
      for (let i = 0; i < n; i++) row = row.previousElementSibling!;
      return row.textContent!;
    };
    const after = (key: string) => rowOf(key).nextElementSibling!.textContent!;
    expect(before('1')).toMatch(/坚持政治引领/);
    expect(before('2')).toMatch(/坚持阳光用权/);
    expect(before('4')).toMatch(/坚持作风挺前/);
    expect(after('4')).toMatch(/^\s*牵头单位：区政府办公室/);
    expect(before('5')).toMatch(/牵头单位：区发改经信局/);
    expect(before('5', 2)).toMatch(/地区生产总值增长5\.5%/);
    expect(after('5')).toMatch(/^\s*6[.．]/);
  });

  it('give a filter each item’s rows, the shared 牵头单位 row to each item it closes', () => {
    placeMarkers(twin.doc, twin.items, twin.anchors);
    const zoom = twin.doc.getElementById('zoom')!;
    const blocks = (key: string) => itemBlocks(twin.anchors.get(key)!, zoom);
    const [one, two] = [blocks('1'), blocks('2')];
    expect(one.map((b) => b.localName)).toEqual(['tr', 'tr', 'tr']);
    expect(one[0].textContent).toMatch(/坚持政治引领/);
    expect(one[1].textContent).toMatch(/牵头单位：区政府办公室/);
    expect(one[2].hasAttribute(OVERLAY_ROW)).toBe(true);
    expect(two[1]).toBe(one[1]);
    expect(two[0]).not.toBe(one[0]);
    expect(two[2]).not.toBe(one[2]);
  });

  it('takes its overlay rows out again', () => {
    const { doc: d, items, anchors } = readAnchored(read(twinEntry.file), twinEntry.url);
    const html = d.body.innerHTML;
    placeMarkers(d, items, anchors);
    expect(d.querySelectorAll(`tr[${OVERLAY_ROW}]`)).toHaveLength(156);
    removeOverlayRows(d);
    expect(d.body.innerHTML).toBe(html);
  });
});
