import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchorQuote } from '../../tests/anchor-quote';
import { SEED_PAGE } from '../../tests/fixtures/seed-dump';
import { noticeKey } from '../notice/notice-key';
import { saveAnnotation } from '../db/annotations';
import type { DubanDatabase } from '../db/database';
import { createService } from '../../entrypoints/background/router';
import { CSV_HEADER, buildCsv } from './export-csv';
import { buildTransferFile, serializeTransferFile } from './export-json';
import { buildWebAnnotations } from './export-web-annotation';
import { parseTransferFile } from './parse-file';
import { exportFileName } from './snapshot';
import { readSnapshot } from '../db/transfer-store';
import { dispose, freshDb, SEED_DOC_NO, SEED_KEY, SEED_URL, seedNotice, syntheticNotice } from './test/fixtures';

// 2026-11-25 08:00 in Shanghai (00:00 UTC).
const NOW = Date.UTC(2026, 10, 25, 0, 0);
let db: DubanDatabase;
beforeEach(async () => {
  db = await freshDb('export');
});
afterEach(() => dispose(db));

async function annotateSeed() {
  const notice = seedNotice();
  const { handle } = createService(db, () => NOW - 5000);
  await handle('openNotice', notice);
  const fp = (n: number) => notice.items[n - 1].fingerprint;
  await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp(1), status: 'in_progress', note: '已召开专题会', followUp: '2026-11-28' }, NOW - 4000);
  await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '2', fingerprint: fp(2), note: '=HYPERLINK("http://evil","点我")' }, NOW - 3000);
  await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '3', fingerprint: fp(3), status: 'done', progress: 100 }, NOW - 2000);
  return notice;
}

describe('file names', () => {
  it('name one notice by its 文号 and the day in Shanghai', () => {
    expect(exportFileName([{ key: SEED_KEY, docNo: SEED_DOC_NO }], NOW, 'json')).toBe('duban-拱政办发〔2024〕2号-2026-11-25.json');
    // 17:30 UTC is already the next day in Shanghai.
    expect(exportFileName([{ key: SEED_KEY, docNo: SEED_DOC_NO }], Date.UTC(2026, 10, 25, 17, 30), 'csv')).toBe('duban-拱政办发〔2024〕2号-2026-11-26.csv');
  });
  it('make a notice without 文号 safe for any file system, and call several notices "all"', () => {
    expect(exportFileName([{ key: 'www.gongshu.gov.cn/art/2024/3/7/a.html' }], NOW, 'json')).toBe('duban-www.gongshu.gov.cn_art_2024_3_7_a.html-2026-11-25.json');
    expect(exportFileName([{ key: 'a' }, { key: 'b' }], NOW, 'jsonld')).toBe('duban-all-2026-11-25.jsonld');
  });
});

describe('JSON export', () => {
  it('writes the versioned format with the notice identity and every annotated item', async () => {
    await annotateSeed();
    const { file, items, notices } = buildTransferFile(await readSnapshot(db), NOW);
    expect(items).toBe(3);
    expect(notices.map((n) => n.key)).toEqual([SEED_KEY]);
    expect(file).toMatchObject({ format: 'duban-annotations', version: 4, exportedAt: '2026-11-25T00:00:00.000Z' });
    const [n] = file.notices;
    expect(n).toMatchObject({ key: SEED_KEY, docNo: SEED_DOC_NO, url: SEED_URL, year: 2024 });
    expect(n.title).toContain('责任分解');
    expect(n.sections!.length).toBe(9);
    expect(n.items.map((i) => i.itemKey)).toEqual(['1', '2', '3']);
    expect(n.items[0]).toMatchObject({
      status: 'in_progress',
      note: '已召开专题会',
      followUp: '2026-11-28',
      progress: null,
      updatedAt: new Date(NOW - 4000).toISOString(),
      noteUpdatedAt: new Date(NOW - 4000).toISOString(),
      section: 1,
    });
    expect(n.items[0].text!.length).toBeGreaterThan(5);
    expect(n.items[0].units![0]).toBeTruthy();
    expect(n.items[0].history!.map((h) => h.field)).toEqual(['created', 'status', 'note', 'followUp']);
    expect(n.items[2]).toMatchObject({ status: 'done', progress: 100, note: '', noteUpdatedAt: null, followUp: null });
  });

  it('passes its own import check', async () => {
    await annotateSeed();
    const text = serializeTransferFile(buildTransferFile(await readSnapshot(db), NOW).file);
    expect(parseTransferFile(text)).toMatchObject({ ok: true });
  });

  it('exports only the notices asked for', async () => {
    await annotateSeed();
    const other = syntheticNotice(3);
    await createService(db, () => NOW).handle('openNotice', other);
    await saveAnnotation(db, { noticeKey: noticeKey(other), itemKey: '2', fingerprint: 'fp', note: '其他' }, NOW);
    const snap = await readSnapshot(db);
    expect(buildTransferFile(snap, NOW).file.notices).toHaveLength(2);
    expect(buildTransferFile(snap, NOW, [noticeKey(other)]).file.notices.map((n) => n.key)).toEqual([noticeKey(other)]);
  });
});

describe('CSV export', () => {
  it('opens in Excel/WPS: BOM, CRLF, one row per item, formulas neutralised', async () => {
    const notice = await annotateSeed();
    const csv = buildCsv(await readSnapshot(db));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines.length).toBe(1 + notice.items.length + 1); // header, items, final empty line
    expect(lines[1]).toContain(`${SEED_DOC_NO},1,`);
    expect(lines[1]).toContain(',推进中,');
    expect(lines[1]).toContain(',已召开专题会,2026-11-28,2026-11-25 07:59');
    // The =HYPERLINK note becomes text: a leading apostrophe, quotes doubled.
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(lines[3]).toContain(',已完成,100,');
    expect(lines[4]).toContain(',未开始,');
  });
});

describe('W3C Web Annotation export', () => {
  it('status as assessing (its full IRI), note as commenting, each annotation with its own @context', async () => {
    await annotateSeed();
    const c = buildWebAnnotations(await readSnapshot(db), NOW);
    expect(c).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3 });
    const [first] = c.first.items;
    expect(first).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', motivation: 'http://www.w3.org/ns/oa#assessing', target: { source: SEED_URL } });
    expect(first.body).toContainEqual(expect.objectContaining({ purpose: 'http://www.w3.org/ns/oa#assessing', value: '推进中 In progress' }));
    expect(first.body).toContainEqual(expect.objectContaining({ purpose: 'commenting', value: '已召开专题会', format: 'text/plain' }));
    expect(c.first.items[2].body.some((b) => b.purpose === 'commenting')).toBe(false);
    expect(new Set(c.first.items.map((a) => a.id)).size).toBe(3);
    // Taken out of the collection, an annotation is still JSON-LD with its context.
    for (const a of c.first.items) expect(JSON.parse(JSON.stringify(a))['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  });

  it('quotes every item in the page’s own words, with prefix, suffix and position, so that a Hypothesis-style matcher anchors each to its own item', async () => {
    const notice = seedNotice();
    const { handle } = createService(db, () => NOW - 5000);
    await handle('openNotice', notice);
    for (const item of notice.items) await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: item.key, fingerprint: item.fingerprint, status: 'in_progress' }, NOW - 1000);
    const c = buildWebAnnotations(await readSnapshot(db), NOW);
    expect(c.total).toBe(156);
    const body = parseHTML(readFileSync(SEED_PAGE, 'utf8')).document.body.textContent ?? '';
    for (const [i, a] of c.first.items.entries()) {
      const item = notice.items[i]!;
      const quote = a.target.selector?.find((s) => s.type === 'TextQuoteSelector');
      const position = a.target.selector?.find((s) => s.type === 'TextPositionSelector');
      if (quote?.type !== 'TextQuoteSelector' || position?.type !== 'TextPositionSelector') throw new Error(`item ${item.key}: selectors missing`);
      expect(quote.exact, item.key).toBe(item.text); // the page's words: ， stays ，
      expect(quote.prefix?.length).toBeGreaterThan(0);
      expect(quote.suffix?.length).toBeGreaterThan(0);
      expect(body.slice(position.start, position.end)).toBe(quote.exact);
      expect(anchorQuote(body, { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hint: position.start }), item.key).toEqual({
        start: position.start,
        end: position.end,
      });
    }
    expect(c.first.items.filter((a) => a.target.selector?.some((s) => s.type === 'TextQuoteSelector' && s.exact.includes('，'))).length).toBeGreaterThan(10);
  });
});

describe('serializeTransferFile', () => {
  it('writes one item per line and parses back to the same file', async () => {
    await annotateSeed();
    const { file } = buildTransferFile(await readSnapshot(db), NOW);
    const text = serializeTransferFile(file);
    expect(JSON.parse(text)).toEqual(file);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('   {"itemKey":'))).toHaveLength(3);
    expect(lines[1]).toBe(' "format": "duban-annotations",');
    expect(JSON.parse(serializeTransferFile({ ...file, notices: [] }))).toEqual({ ...file, notices: [] });
  });
});
