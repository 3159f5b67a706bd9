// The overview's batch (collect from units) reads every chosen file in the page: a JSON file's
// text, a ledger's cells; a bad file is named with its problem and the others are still read.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../lib/transfer/limits';
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
