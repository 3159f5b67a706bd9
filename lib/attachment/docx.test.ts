import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readNoticePage } from '../notice/read-notice';
import { isRefusal, type NoticeReading } from '../notice/reading';
import { documentText } from './document';
import { readDocx } from './docx';
import { writeAttachmentPage } from './page';
import { sniffFile } from './sniff';
import { UnsafeZip, ZIP_LIMITS } from './zip';

const DIR = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const file = (name: string) => new Uint8Array(readFileSync(`${DIR}attachments/${name}`));
const xml = (text: string) => new (parseHTML('<html></html>').DOMParser)().parseFromString(text, 'text/xml') as unknown as Document;
const page = () => parseHTML('<!DOCTYPE html><html><head><title>附件</title></head><body></body></html>').document as unknown as Document;
const URL_ = 'https://www.x.gov.cn/module/download/downfile.jsp?filename=a.docx';

/** The viewer's reading of a docx: built into a page, read by the notice formats. */
function readAttachment(name: string, title: string) {
  const doc = page();
  writeAttachmentPage(doc, readDocx(file(name), xml), title);
  return { doc, page: readNoticePage(doc, URL_) };
}

const itemsOf = (r: NoticeReading) => (isRefusal(r) ? [] : r.lists.flatMap((l) => l.items.map(({ key, text, units, leaders }) => ({ key, text, units, leaders }))));

describe('a docx attachment read as its source page', () => {
  for (const [name, source] of [['zhonglou-2021-table.docx', 'zhonglou-2021'], ['hangzhou-2021-groups.docx', 'hangzhou-2021'], ['haiyan-2022-prose.docx', 'haiyan-2022']] as const) {
    it(`${name} gives the items, units and leaders of ${source}.html`, () => {
      const expected = JSON.parse(readFileSync(`${DIR}notices/${source}.expected.json`, 'utf8')) as NoticeReading;
      const { page: read } = readAttachment(name, (expected as { title: string }).title);
      expect(isRefusal(read.reading) ? read.reading.reason : '').toBe('');
      expect(itemsOf(read.reading)).toEqual(itemsOf(expected));
      // Every item is anchored, so every item gets its overlay.
      expect(read.anchors!.size).toBe(itemsOf(expected).length);
    });
  }

  it('keeps merged cells: a cell spanning rows (vMerge) and the header', () => {
    const d = readDocx(file('zhonglou-2021-table.docx'), xml);
    const t = d.blocks.find((b) => b.kind === 'table');
    expect(t?.kind).toBe('table');
    const spans = t!.kind === 'table' ? t!.rows.flat().filter((c) => c.rowSpan > 1) : [];
    expect(spans.length).toBeGreaterThan(0);
    const { doc } = readAttachment('zhonglou-2021-table.docx', '关于印发2021年重大民生实事项目目标任务责任分解表的通知');
    expect(doc.querySelector('td[rowspan]')).not.toBeNull();
  });

  it('writes Word’s own numbering (一、 1.) in front of the paragraphs and reads the items under it', () => {
    const d = readDocx(file('numbered-prose.docx'), xml);
    expect(documentText(d)).toContain('一、扩大有效投资');
    expect(documentText(d)).toContain('1.推进重大项目建设');
    expect(documentText(d)).toContain('2.实施城市更新行动');
    // The level-2 count restarts under the second 一、-level heading.
    expect(documentText(d)).toContain('二、办好民生实事\n1.新增托育机构托位300个。');
    const { page: read } = readAttachment('numbered-prose.docx', '关于印发2024年重点工作任务分解表的通知');
    expect(itemsOf(read.reading).map((i) => [i.key, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['一、1.', ['县发改局:lead', '县财政局:co', '县自然资源局:co']],
      ['一、2.', ['县住建局:lead']],
      ['二、1.', ['县卫健局:lead', '县教育局:co']],
    ]);
  });
});

describe('files that are not docx', () => {
  it('tells each fixture’s type from its bytes', () => {
    expect(sniffFile(file('zhonglou-2021-table.docx'))).toBe('zip');
    expect(sniffFile(file('legacy-breakdown.doc'))).toBe('legacy');
    expect(sniffFile(file('scan-no-text.pdf'))).toBe('pdf');
    expect(sniffFile(strToU8('<html>404</html>'))).toBe('other');
  });

  it('refuses a zip bomb before inflating it: too many entries, too large, too compressed', () => {
    // The limits scaled down a thousandfold, so the test makes small files.
    const small = { ...ZIP_LIMITS, entries: 50, expanded: 300_000, entry: 100_000, ratioFloor: 1024 };
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, strToU8('x')]));
    expect(() => readDocx(zipSync(many, { level: 0 }), xml, small)).toThrow(UnsafeZip);
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(100_001) }, { level: 0 });
    expect(() => readDocx(bomb, xml, small)).toThrow(/expands to 100001/);
    const ratio = zipSync({ 'word/document.xml': new Uint8Array(90_000) }, { level: 9 });
    expect(() => readDocx(ratio, xml, small)).toThrow(/times/);
    // The real limits let a real docx through.
    expect(() => readDocx(file('zhonglou-2021-table.docx'), xml)).not.toThrow();
  });

  it('takes a docx’s text only: scripts in its XML stay text', () => {
    const docXml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lt;img src=x onerror=alert(1)&gt;</w:t></w:r></w:p></w:body></w:document>';
    const d = readDocx(zipSync({ 'word/document.xml': strToU8(docXml) }), xml);
    const doc = page();
    writeAttachmentPage(doc, d, 't');
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('article p')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
