import { strToU8, zipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../notice/attachment-key';
import { readAttachmentFile } from './read-file';

const xml = (text: string) => new (parseHTML('<html></html>').DOMParser)().parseFromString(text, 'text/xml') as unknown as Document;
const readers = { parseXml: xml };

describe('what the viewer makes of a file', () => {
  it('refuses a file over 30 MB before looking inside', async () => {
    expect(await readAttachmentFile(new Uint8Array(MAX_ATTACHMENT_BYTES + 1), readers)).toEqual({ ok: false, code: 'attachment.tooLarge' });
  });

  it('tells a sheet (xlsx) from a document by its entries, and reads it with the sheet reader', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(await readAttachmentFile(xlsx, readers)).toEqual({ ok: false, code: 'attachment.unreadable', detail: 'XLSX' });
    const readSheets = async () => [{ name: 'Sheet1', rows: [['分解表'], ['序号', '工作任务'], ['1', '建设学校']], merges: [] }];
    const read = await readAttachmentFile(xlsx, { ...readers, readSheets });
    expect(read).toMatchObject({ ok: true, kind: 'xlsx' });
    expect(read.ok && read.content.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    // A workbook with nothing written in it has no text.
    expect(await readAttachmentFile(xlsx, { ...readers, readSheets: async () => [{ name: 'Sheet1', rows: [], merges: [] }] })).toEqual({ ok: false, code: 'attachment.noText' });
  });

  it('says an image has no text, and a zip that is no docx or a server’s error page cannot be read', async () => {
    expect(await readAttachmentFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), readers)).toEqual({ ok: false, code: 'attachment.noText' });
    expect(await readAttachmentFile(zipSync({ 'a.txt': strToU8('x') }), readers)).toMatchObject({ ok: false, code: 'attachment.unreadable' });
    expect(await readAttachmentFile(strToU8('<html><body>404 文件不存在</body></html>'), readers)).toMatchObject({ ok: false, code: 'attachment.unreadable' });
  });
});
