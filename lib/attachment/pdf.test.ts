import '../../scripts/node-polyfills';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { readNoticePage } from '../notice/read-notice';
import { isRefusal, type NoticeReading } from '../notice/reading';
import { documentText, type AttachmentDocument } from './document';
import { writeAttachmentPage } from './page';
import { layoutPdf, pdfTextItems } from './pdf-layout';
import { readAttachmentFile } from './read-file';

const DIR = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const file = (name: string) => new Uint8Array(readFileSync(`${DIR}attachments/${name}`));
const xml = (text: string) => new (parseHTML('<html></html>').DOMParser)().parseFromString(text, 'text/xml') as unknown as Document;

/** The viewer's reading of a PDF (entrypoints/viewer/pdf.ts), with pdf.js's Node build. */
async function readPdf(bytes: Uint8Array, cMaps = true): Promise<AttachmentDocument> {
  // As the viewer reads it (entrypoints/viewer/pdf.ts), its CMaps from pdfjs-dist (the viewer's
  // are the same files, shipped in the extension); pdf.js 6 has no eval path (its isEvalSupported option is gone).
  const cMap = cMaps ? { cMapUrl: CMAPS, cMapPacked: true } : {};
  const task = getDocument({ data: bytes, ...cMap, useWasm: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  const pdf = await task.promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) pages.push(pdfTextItems(await (await pdf.getPage(n)).getTextContent()));
  await task.destroy();
  return layoutPdf(pages);
}

const CMAPS = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/cmaps/`;

const itemsOf = (r: NoticeReading) => (isRefusal(r) ? [] : r.lists.flatMap((l) => l.items.map(({ key, text, units, leaders }) => ({ key, text, units, leaders }))));

describe('a PDF attachment with a text layer', () => {
  for (const [name, source] of [['haiyan-2022-prose.pdf', 'haiyan-2022'], ['hangzhou-2021-groups.pdf', 'hangzhou-2021']] as const) {
    it(`${name}: lines and table columns rebuilt from positions give the items of ${source}.html`, async () => {
      const expected = JSON.parse(readFileSync(`${DIR}notices/${source}.expected.json`, 'utf8')) as NoticeReading & { title: string };
      const doc = parseHTML('<!DOCTYPE html><html><head><title>附件</title></head><body></body></html>').document as unknown as Document;
      writeAttachmentPage(doc, await readPdf(file(name)), expected.title);
      const read = readNoticePage(doc, 'https://www.x.gov.cn/a.pdf');
      expect(isRefusal(read.reading) ? read.reading.reason : '').toBe('');
      expect(itemsOf(read.reading)).toEqual(itemsOf(expected));
    });
  }

  it('a Chinese PDF with a predefined CMap (UniGB-UCS2-H, no ToUnicode) reads with pdf.js’s CMap files, and not without them', async () => {
    const expected = JSON.parse(readFileSync(`${DIR}notices/haiyan-2022.expected.json`, 'utf8')) as NoticeReading & { title: string };
    const read = async (cMaps: boolean) => {
      const doc = parseHTML('<!DOCTYPE html><html><head><title>附件</title></head><body></body></html>').document as unknown as Document;
      writeAttachmentPage(doc, await readPdf(file('haiyan-2022-prose-cmap.pdf'), cMaps).catch(() => ({ blocks: [] })), expected.title);
      return readNoticePage(doc, 'https://www.x.gov.cn/a.pdf').reading;
    };
    expect(itemsOf(await read(true))).toEqual(itemsOf(expected));
    expect(itemsOf(await read(false))).toEqual([]);
  });

  it('a table’s group rows span the table, its wrapped cells are one cell', async () => {
    const d = await readPdf(file('hangzhou-2021-groups.pdf'));
    const table = d.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0].map((c) => c.paragraphs.join(''))).toEqual(expect.arrayContaining(['序号']));
    expect(table?.kind === 'table' && table.rows.some((r) => r.length === 1 && r[0].colSpan > 1)).toBe(true);
  });
});

describe('a PDF without text', () => {
  it('says it has no text (no OCR)', async () => {
    expect(documentText(await readPdf(file('scan-no-text.pdf'))).trim()).toBe('');
    expect(await readAttachmentFile(file('scan-no-text.pdf'), { parseXml: xml, readPdf })).toEqual({ ok: false, code: 'attachment.noText' });
  });

  it('a legacy .doc says duban cannot read it', async () => {
    expect(await readAttachmentFile(file('legacy-breakdown.doc'), { parseXml: xml, readPdf })).toEqual({ ok: false, code: 'attachment.legacy' });
  });
});
