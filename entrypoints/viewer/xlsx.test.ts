// An .xlsx attachment read as the viewer reads it (exceljs's CSP-safe bundle, in Node here): the
// generated breakdown table (scripts/make-attachments.ts) gives the items its source page gives,
// each with the leader and deadline of its merged group cells; a zip bomb is refused before
// exceljs parses it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { writeAttachmentPage } from '../../lib/attachment/page';
import { readAttachmentFile } from '../../lib/attachment/read-file';
import { sheetsDocument } from '../../lib/attachment/sheet';
import { UnsafeZip } from '../../lib/attachment/zip';
import { readNoticePage } from '../../lib/notice/read-notice';
import { LEDGER_LIMITS } from '../../lib/transfer/ledger-limits';
import { isRefusal, type NoticeReading } from '../../lib/notice/reading';
import { XLSX_DEADLINES } from '../../scripts/make-attachments';
import { readSheets } from './xlsx';

const DIR = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const xml = (text: string) => new (parseHTML('<html></html>').DOMParser)().parseFromString(text, 'text/xml') as unknown as Document;
const page = () => parseHTML('<!DOCTYPE html><html><head><title>附件</title></head><body></body></html>').document as unknown as Document;
const itemsOf = (r: NoticeReading) => (isRefusal(r) ? [] : r.lists.flatMap((l) => l.items.map(({ key, text, units, leaders }) => ({ key, text, units, leaders }))));

describe('an .xlsx breakdown table in the viewer', () => {
  const bytes = new Uint8Array(readFileSync(`${DIR}attachments/gongshu-2024-breakdown.xlsx`));
  const expected = JSON.parse(readFileSync(`${DIR}notices/gongshu-2024-2-table.expected.json`, 'utf8')) as NoticeReading & { lists: { items: { section?: string }[] }[] };

  it('reads the sheet with its merged cells: the title above, the group rows across, leader and deadline down each group', async () => {
    const [sheet] = await readSheets(bytes);
    const d = sheetsDocument([sheet]);
    expect(d.blocks.slice(0, 2)).toEqual([
      { kind: 'paragraph', text: '附件' },
      { kind: 'paragraph', text: '2024年区政府工作报告重点工作责任分解表' },
    ]);
    const table = d.blocks[2];
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows[0].map((c) => c.paragraphs.join(''))).toEqual(['序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限']);
    expect(table.rows[1]).toEqual([{ paragraphs: ['一、冯晶区长牵头工作'], colSpan: 6, rowSpan: 1 }]);
    // The first group's four tasks share their leader, units and deadline: each one cell down all four.
    expect(table.rows[2].map((c) => [c.paragraphs.join(''), c.rowSpan])).toEqual([
      ['1', 1], [expect.stringContaining('坚持政治引领'), 1], ['冯晶', 4], ['区政府办公室', 4], ['区政府各部门、各街道办事处', 4], ['2024年12月底前', 4],
    ]);
    expect(table.rows[3].map((c) => c.paragraphs.join(''))).toEqual(['2', expect.stringContaining('')]);
  });

  it('gives the items, units and leaders of gongshu-2024-2-table.html, each with its group’s deadline', async () => {
    const read = await readAttachmentFile(bytes, { parseXml: xml, readSheets });
    expect(read).toMatchObject({ ok: true, kind: 'xlsx' });
    if (!read.ok) return;
    const doc = page();
    writeAttachmentPage(doc, read.content, '关于印发区2024年政府工作报告重点工作责任分解的通知');
    const { reading, anchors } = readNoticePage(doc, 'https://www.gongshu.gov.cn/module/download/downfile.jsp?filename=a.xlsx');
    expect(isRefusal(reading) ? reading.reason : '').toBe('');
    expect(itemsOf(reading)).toEqual(itemsOf(expected));
    expect(itemsOf(reading)).toHaveLength(156);
    expect(anchors!.size).toBe(156);
    if (isRefusal(reading)) return;
    const items = reading.lists.flatMap((l) => l.items);
    const sections = [...new Set(expected.lists.flatMap((l) => l.items.map((i) => i.section)))];
    expect(items.map((i) => i.section)).toEqual(expected.lists.flatMap((l) => l.items.map((i) => i.section)));
    expect(items.map((i) => i.deadline)).toEqual(expected.lists.flatMap((l) => l.items.map((i) => XLSX_DEADLINES[sections.indexOf(i.section) % XLSX_DEADLINES.length])));
  });

  it('refuses a zip bomb before exceljs reads it: a sheet that lies about its size is inflated with a count', async () => {
    // The limit scaled down (150 MB → 300 KB) so the test makes a small file: 1 MB that says 1,000 bytes.
    const small = { ...LEDGER_LIMITS, maxBytes: 1_000_000, maxExpandedBytes: 300_000 };
    const bomb = lying(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(1_000_000) }, { level: 9 }), 'xl/worksheets/sheet1.xml', 1000);
    await expect(readSheets(bomb, small)).rejects.toThrow(UnsafeZip);
    expect(await readAttachmentFile(bomb, { parseXml: xml, readSheets: (b) => readSheets(b, small) })).toMatchObject({ ok: false, code: 'attachment.unsafeZip' });
    // Under the real limits the fixture passes the same check.
    await expect(readSheets(bytes)).resolves.toHaveLength(1);
  });
});

/** `zip` with `name`'s uncompressed size written as `size` in its local header and the central directory. */
function lying(zip: Uint8Array, name: string, size: number): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = (sig: number, i: number, nameAt: number, lenAt: number) =>
    dv.getUint32(i, true) === sig && new TextDecoder().decode(zip.subarray(i + nameAt, i + nameAt + dv.getUint16(i + lenAt, true))) === name;
  for (let i = 0; i + 46 < zip.length; i++) {
    if (at(0x04034b50, i, 30, 26)) dv.setUint32(i + 22, size, true);
    if (at(0x02014b50, i, 46, 28)) dv.setUint32(i + 24, size, true);
  }
  return zip;
}
