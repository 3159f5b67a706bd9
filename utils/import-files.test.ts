// The overview's batch (collect from units) reads every chosen file in the page: a JSON file's
// text, a ledger's cells; a bad file is named with its problem and the others are still read.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../lib/transfer/limits';
import type { Message } from '../lib/message';
import { say } from './i18n';
import { readBatchFiles } from './import-files';

async function spreadsheet(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRow(['序号', '工作任务', '状态']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A chosen file whose size may lie (a huge file is never read). */
const sized = (name: string, size: number) => ({ name, type: '', size, arrayBuffer: () => Promise.reject(new Error('read a file too large')) });

describe('reading the files of a batch', () => {
  it('reads JSON files as text and ledgers as cells, and names every bad file with its problem', async () => {
    const files = [
      new File(['{"format":"duban-annotations"}'], 'B.json'),
      new File([new Uint8Array([0xb6, 0xbd, 0xb0, 0xec, 0x00])], 'C.json'),
      new File(['not a spreadsheet'], '坏台账.xlsx'),
      new File([(await spreadsheet()) as BlobPart], 'L1-edits.xlsx'),
      sized('huge.json', IMPORT_LIMITS.maxBytes + 1),
      new File([], 'empty.json'),
    ];
    const read = await readBatchFiles(files);
    expect(read.files.map((f) => [f.fileName, 'grid' in f ? 'grid' : 'text'])).toEqual([
      ['B.json', 'text'],
      ['L1-edits.xlsx', 'grid'],
    ]);
    const grid = read.files.find((f) => 'grid' in f);
    expect(grid && 'grid' in grid && grid.grid.sheets[0].rows[0]).toEqual(['序号', '工作任务', '状态']);
    expect(read.problems.map((m) => [m.code, m.params?.file, (m.params?.problem as { code: string }).code])).toEqual([
      ['batch.fileProblem', 'C.json', 'import.notUtf8'],
      ['batch.fileProblem', '坏台账.xlsx', 'ledger.notXlsx'],
      ['batch.fileProblem', 'huge.json', 'import.tooLarge'],
      ['batch.fileProblem', 'empty.json', 'import.empty'],
    ]);
  });
});

describe('a spreadsheet saved in another format', () => {
  it('is named with what to save it as: LibreOffice saves .ods unless told to keep .xlsx', async () => {
    const read = await readBatchFiles([
      new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])], 'L1-edits.ods'),
      new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])], 'L2.XLS'),
      new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])], 'L3.et'),
    ]);
    expect(read.files).toEqual([]);
    expect(read.problems.map((m) => [m.params?.file, m.params?.problem])).toEqual([
      ['L1-edits.ods', { code: 'import.otherSpreadsheet', params: { format: '.ods' } }],
      ['L2.XLS', { code: 'import.otherSpreadsheet', params: { format: '.xls' } }],
      ['L3.et', { code: 'import.otherSpreadsheet', params: { format: '.et' } }],
    ]);
    // In the user's words: the format, and to save it again as .xlsx.
    const said = say(read.problems[0].params?.problem as Message);
    expect(said).toContain('.ods');
    expect(said).toContain('另存为');
    expect(said).toContain('.xlsx');
  });
});
