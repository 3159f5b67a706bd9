// Ledgers edited as colleagues edit them (Excel's own engine here is exceljs in Node), and hostile
// ones, through what the pages do (zip checks, the workbook reader) and the background's calls
// (previewLedgerImport, then applyLedgerImport with the same cells): applied right, or refused with a
// message and nothing written.
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../entrypoints/background/router';
import { saveAnnotation } from '../lib/db/annotations';
import type { DubanDatabase } from '../lib/db/database';
import { readSnapshot } from '../lib/db/transfer-store';
import type { Message } from '../lib/message';
import type { LedgerPreview } from '../lib/protocol';
import { buildLedger } from '../lib/transfer/ledger-export';
import { LEDGER_LIMITS } from '../lib/transfer/ledger-limits';
import { readLedgerFile } from '../lib/transfer/ledger-cells';
import type { LedgerGrid } from '../lib/transfer/ledger-grid';
import { checkLedgerZip } from '../lib/transfer/ledger-zip';
import { dispose, freshDb, SEED_KEY, seedNotice, syntheticNotice } from '../lib/transfer/test/fixtures';
import { col, reorder, rowOf, setFormat, setPercent } from '../lib/transfer/test/ledger-edit';
import { inEachZone } from '../lib/transfer/test/zones';
import { failure, type Failure, type Result } from '../lib/util/result';
import { writeLedgerWorkbook } from './ledger-workbook';

const NOW = Date.UTC(2026, 10, 25, 0, 0);
const LATER = NOW + 3_600_000;
let a: DubanDatabase;
let b: DubanDatabase;
beforeEach(async () => {
  a = await freshDb('ledger-a');
  b = await freshDb('ledger-b');
});
afterEach(async () => {
  await dispose(a);
  await dispose(b);
});

const notice = seedNotice();
const fp = (key: string) => notice.items.find((i) => i.key === key)!.fingerprint;
const textOf = (key: string) => notice.items.find((i) => i.key === key)!.text;

/** Profile A's ledger of the seed notice: items 1–3 annotated. */
async function exportA(): Promise<ExcelJS.Workbook> {
  await createService(a, () => NOW - 9000).handle('openNotice', notice);
  await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp('1'), status: 'in_progress', note: '已召开专题会', progress: 30 }, NOW - 8000);
  await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '2', fingerprint: fp('2'), status: 'done', note: '=1+1 照录' }, NOW - 7000);
  await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '3', fingerprint: fp('3'), followUp: '2026-12-01' }, NOW - 6000);
  const bytes = await writeLedgerWorkbook(buildLedger(await readSnapshot(a), NOW)!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

/** What the page does with a chosen file, then the background's preview. */
async function preview(db: DubanDatabase, bytes: Uint8Array, now = LATER): Promise<Result<LedgerPreview>> {
  const read = readLedgerFile(bytes);
  if (!read.ok) return failure(read.error);
  const grid = read.grid;
  return (await createService(db, () => now).handle('previewLedgerImport', grid)) as Result<LedgerPreview>;
}

/** The page's apply: the same file's cells again. */
async function apply(db: DubanDatabase, bytes: Uint8Array, now: number, fileName?: string) {
  const grid = cellsOf(bytes);
  return createService(db, () => now).handle('applyLedgerImport', { grid, fileName });
}

/** A ledger's cells as the page reads them (its zip checked first). */
function cellsOf(bytes: Uint8Array): LedgerGrid {
  const read = readLedgerFile(bytes);
  if (!read.ok) throw new Error(read.error.code);
  return read.grid;
}

const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const codes = (r: Result<unknown>) => (r.ok ? [] : [r.code, ...(r.details ?? []).map((m) => m.code)]);

async function annotations(db: DubanDatabase) {
  return Object.fromEntries(
    (await db.annotations.toArray()).map((x) => [x.itemKey, { status: x.status, note: x.note, progress: x.progress, followUp: x.followUp, noteCopies: x.noteCopies }]),
  );
}

describe('a ledger a colleague edited, imported into another profile', () => {
  it('matches moved rows and columns by the key, reads Chinese statuses and every way of writing progress', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    reorder(ws);
    const [st, pr, note] = [col(ws, '状态'), col(ws, '进度 (%)'), col(ws, '进展情况')];
    rowOf(ws, '1').getCell(st).value = '已完成';
    setPercent(rowOf(ws, '1').getCell(pr), 100);
    rowOf(ws, '4').getCell(st).value = '进行中';
    rowOf(ws, '4').getCell(pr).value = 0.6;
    rowOf(ws, '4').getCell(pr).numFmt = '0.0%';
    rowOf(ws, '4').getCell(note).value = '已完成方案初稿';
    rowOf(ws, '5').getCell(st).value = ' 滞后 ';
    rowOf(ws, '5').getCell(pr).value = '60%';
    rowOf(ws, '6').getCell(pr).value = 60;
    rowOf(ws, '6').getCell(col(ws, '跟进日期')).value = new Date(Date.UTC(2026, 11, 3));
    rowOf(ws, '6').getCell(col(ws, '跟进日期')).numFmt = 'yyyy/m/d';
    await createService(b, () => NOW).handle('openNotice', notice);
    const bytes = await save(wb);
    const r = await preview(b, bytes);
    expect(codes(r), JSON.stringify(r)).toEqual([]);
    const p = (r as { value: LedgerPreview }).value;
    expect(p.preview.counts).toEqual({ new: 6, updated: 0, unchanged: 0, conflict: 0 });
    expect(p.ledger.unmatchedRows).toEqual([]);
    expect(p.ledger.sheets).toEqual([expect.objectContaining({ noticeKey: SEED_KEY, rows: notice.items.length, matched: notice.items.length })]);
    // Nothing is written by the preview.
    expect(await b.annotations.count()).toBe(0);
    const applied = await apply(b, bytes, LATER, 'ledger.xlsx');
    expect(applied.ok && applied.value.counts).toEqual(p.preview.counts);
    expect(applied.ok).toBe(true);
    expect(await annotations(b)).toEqual({
      '1': { status: 'done', note: '已召开专题会', progress: 100, followUp: undefined },
      '2': { status: 'done', note: '=1+1 照录', progress: undefined, followUp: undefined },
      '3': { status: 'not_started', note: '', progress: undefined, followUp: '2026-12-01' },
      '4': { status: 'in_progress', note: '已完成方案初稿', progress: 60, followUp: undefined },
      '5': { status: 'behind', note: '', progress: 60, followUp: undefined },
      '6': { status: 'not_started', note: '', progress: 60, followUp: '2026-12-03' },
    });
    // Undo puts B back as it was.
    const last = await createService(b, () => LATER).handle('getLastImport', {});
    expect((await createService(b, () => LATER + 1).handle('undoLastImport', { id: (last as { value: { id: number } }).value.id })).ok).toBe(true);
    expect(await b.annotations.count()).toBe(0);
  });

  it('reads a plain fraction in 进度 (%) as a percentage, as Excel\'s percent entry does (0.5 is 50 %)', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    const pr = col(ws, '进度 (%)');
    rowOf(ws, '4').getCell(pr).value = 0.5;
    rowOf(ws, '5').getCell(pr).value = '0.75';
    // Said with its sign, or a whole number: as written.
    rowOf(ws, '6').getCell(pr).value = '0.5%';
    rowOf(ws, '7').getCell(pr).value = 1;
    await createService(b, () => NOW).handle('openNotice', notice);
    const applied = await apply(b, await save(wb), LATER);
    expect(applied.ok, JSON.stringify(applied)).toBe(true);
    const got = await annotations(b);
    expect([got['4'].progress, got['5'].progress, got['6'].progress, got['7'].progress]).toEqual([50, 75, 0.5, 1]);
  });

  it('writes a stored progress under 1 % as a percent cell, so that it comes back exact', async () => {
    await createService(a, () => NOW - 9000).handle('openNotice', notice);
    await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp('1'), progress: 0.5 }, NOW - 8000);
    await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '2', fingerprint: fp('2'), progress: 40 }, NOW - 7000);
    const bytes = await writeLedgerWorkbook(buildLedger(await readSnapshot(a), NOW)!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const cell = rowOf(wb.worksheets[0], '1').getCell(col(wb.worksheets[0], '进度 (%)'));
    // What a colleague sees in the cell: 0.5%.
    expect([cell.value, cell.numFmt]).toEqual([0.005, '0.##%']);
    await createService(b, () => NOW).handle('openNotice', notice);
    expect((await apply(b, bytes, LATER)).ok).toBe(true);
    const got = await annotations(b);
    expect([got['1'].progress, got['2'].progress]).toEqual([0.5, 40]);
  });

  it('brings a colleague\'s notes as theirs, named by the ledger\'s 填报人, beside the user\'s own', async () => {
    await createService(a, () => NOW - 10_000).handle('setLocalAuthor', { name: '张三', unit: '区发改局' });
    const wb = await exportA();
    const ws = wb.worksheets[0];
    expect(rowOf(ws, '1').getCell(col(ws, '填报人')).value).toBe('张三（区发改局）');
    const serviceB = createService(b, () => NOW);
    await serviceB.handle('setLocalAuthor', { name: '李四', unit: '区财政局' });
    await serviceB.handle('openNotice', notice);
    await saveAnnotation(b, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp('1'), note: '乙的备注' }, NOW - 5000);
    const bytes = await save(wb);
    const r = await preview(b, bytes);
    expect(codes(r), JSON.stringify(r)).toEqual([]);
    const applied = await apply(b, bytes, LATER, 'ledger.xlsx');
    expect(applied.ok).toBe(true);
    const one = (await b.annotations.get([SEED_KEY, '1']))!;
    expect(one.note).toBe('乙的备注');
    expect(one.noteCopies?.map((c) => [c.kind, c.author, c.unit, c.text])).toEqual([['colleague', '张三', '区发改局', '已召开专题会']]);
    const two = (await b.annotations.get([SEED_KEY, '2']))!;
    expect(two.noteCopies?.map((c) => [c.kind, c.author, c.text])).toEqual([['colleague', '张三', '=1+1 照录']]);
  });

  it('matches by 序号 and text when the key column is gone, and names rows that match no item', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    ws.spliceColumns(col(ws, '条目键'), 1);
    const [st, task] = [col(ws, '状态'), col(ws, '工作任务')];
    ws.getRow(4 + 6).getCell(st).value = '已完成'; // item 7
    ws.getRow(4 + 7).getCell(task).value = '一项改写过的任务'; // item 8: its text no longer the notice's
    ws.getRow(4 + 7).getCell(st).value = '已完成';
    ws.addRow(['99', '通知里没有的任务', '', '', '', '', '推进中']);
    await createService(b, () => NOW).handle('openNotice', notice);
    const r = await preview(b, await save(wb));
    const p = (r as { value: LedgerPreview }).value;
    expect(p.ledger.unmatchedRows).toEqual([
      { sheet: ws.name, row: 11, no: '8', text: '一项改写过的任务', differs: '8' },
      // (The seed has an item 99: its text is not this row's.)
      { sheet: ws.name, row: ws.rowCount, no: '99', text: '通知里没有的任务', differs: '99' },
    ]);
    expect(p.ledger.unmatchedRowCount).toBe(2);
    expect(p.preview.notices[0].itemKeys.new).toEqual(['1', '2', '3', '7']);
  });

  it('says which row\'s task text differs from the item it names, and which read columns a sheet lacks', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    rowOf(ws, '8').getCell(col(ws, '工作任务')).value = '一项改写过的任务';
    ws.spliceColumns(col(ws, '状态'), 1);
    await createService(b, () => NOW).handle('openNotice', notice);
    const p = ((await preview(b, await save(wb))) as { value: LedgerPreview }).value;
    expect(p.ledger.unmatchedRows).toEqual([{ sheet: ws.name, row: 11, no: '8', text: '一项改写过的任务', differs: '8' }]);
    expect(p.ledger.sheets[0].missing).toEqual(['status']);
  });

  it('matches against records read ahead (prepareLedgerImport) only while nothing was written since', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    rowOf(ws, '7').getCell(col(ws, '状态')).value = '已完成';
    const grid = cellsOf(await save(wb));
    const service = createService(b, () => LATER);
    await service.handle('openNotice', notice);
    expect(await service.handle('prepareLedgerImport', {})).toMatchObject({ ok: true });
    const first = await service.handle('previewLedgerImport', grid);
    expect(first.ok && first.value.preview.notices[0].itemKeys.new).toContain('7');
    // Kept: no write since, the same answer.
    expect(await service.handle('previewLedgerImport', grid)).toEqual(first);
    // Written since the records were read: item 7 is done here already, no longer new.
    await service.handle('saveAnnotation', { noticeKey: SEED_KEY, itemKey: '7', fingerprint: fp('7'), status: 'done' });
    const after = await service.handle('previewLedgerImport', grid);
    expect(after.ok && after.value.preview.notices[0].itemKeys.new).not.toContain('7');
  });

  it('refuses a row whose key names an item with another text (never guessed)', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    rowOf(ws, '4').getCell(col(ws, '工作任务')).value = textOf('5');
    rowOf(ws, '4').getCell(col(ws, '状态')).value = '已完成';
    await createService(b, () => NOW).handle('openNotice', notice);
    const p = ((await preview(b, await save(wb))) as { value: LedgerPreview }).value;
    expect(p.ledger.unmatchedRows.map((r) => r.no)).toEqual(['4']);
    expect(p.preview.notices[0].itemKeys.new).not.toContain('4');
  });
});

describe('a ledger back in the profile that exported it', () => {
  it('writes in the item\'s history what the ledger changed, field by field, the words a note replaced too', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    rowOf(ws, '1').getCell(col(ws, '状态')).value = '已完成';
    setPercent(rowOf(ws, '1').getCell(col(ws, '进度 (%)')), 100);
    rowOf(ws, '1').getCell(col(ws, '进展情况')).value = '已召开专题会，方案已报批';
    expect((await apply(a, await save(wb), LATER)).ok).toBe(true);
    // (An import's entries are kept in packs, one per import: lib/db/transfer-store.ts.)
    const at = (await a.historyPacks.toArray()).flatMap((p) => p.entries).filter((h) => h.itemKey === '1' && h.at === LATER);
    expect(at.map((h) => [h.field, h.from, h.to])).toEqual([
      ['status', 'in_progress', 'done'],
      ['progress', 30, 100],
      ['note', 6, 12],
      ['import', null, 'updated'],
    ]);
    expect(at.find((h) => h.field === 'note')).toMatchObject({ fromText: '已召开专题会', toText: '已召开专题会，方案已报批' });
  });


  it('takes the colleague\'s changes to items unchanged here, and keeps both notes where both changed', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    const [st, note] = [col(ws, '状态'), col(ws, '进展情况')];
    rowOf(ws, '1').getCell(note).value = '已召开专题会，方案已报批';
    rowOf(ws, '1').getCell(st).value = '已完成';
    rowOf(ws, '2').getCell(note).value = '区发改局补充';
    rowOf(ws, '2').getCell(st).value = '推进中';
    // After the export, A changed item 2 itself.
    await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '2', fingerprint: fp('2'), note: '本地改写', status: 'paused' }, NOW + 1000);
    const bytes = await save(wb);
    const p = ((await preview(a, bytes)) as { value: LedgerPreview }).value;
    // Item 3, annotated here and unchanged in the ledger, counts as 不变 (as in a JSON file).
    expect(p.preview.counts).toEqual({ new: 0, updated: 1, unchanged: 1, conflict: 1 });
    expect(p.preview.notices[0].counts.unchanged).toBe(1);
    expect((await apply(a, bytes, LATER)).ok).toBe(true);
    const after = await annotations(a);
    expect(after['1']).toMatchObject({ status: 'done', note: '已召开专题会，方案已报批' });
    // A's later status stays.
    expect(after['2'].status).toBe('paused');
    // Both kept: the local note as it is, the ledger's beside it as a conflict copy.
    expect(after['2'].note).toBe('本地改写');
    expect(after['2'].noteCopies?.map((c) => [c.kind, c.text])).toEqual([['conflict', '区发改局补充']]);
    // The same ledger again changes nothing more.
    const again = ((await preview(a, bytes, LATER + 5000)) as { value: LedgerPreview }).value;
    expect(again.preview.changes).toBe(false);
  });
  it('keeps what was done here after the export on rows the ledger left blank (an old ledger resets nothing)', async () => {
    const wb = await exportA();
    // After the export, item 7 (a blank row in the ledger) is worked on here.
    await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '7', fingerprint: fp('7'), status: 'done', note: '本地：已验收', followUp: '2026-12-30' }, NOW + 1000);
    const bytes = await save(wb);
    const p = ((await preview(a, bytes)) as { value: LedgerPreview }).value;
    expect(p.preview.changes).toBe(false);
    expect(p.preview.exportedAt).toBe(NOW);
    expect((await apply(a, bytes, LATER)).ok).toBe(true);
    const after = await annotations(a);
    expect(after['7']).toMatchObject({ status: 'done', note: '本地：已验收', followUp: '2026-12-30' });
    expect(after['7'].noteCopies).toBeUndefined();
  });

  it('still takes a blank row a colleague filled in, and the same ledger again changes nothing', async () => {
    await createService(a, () => NOW - 10_000).handle('setLocalAuthor', { name: '张三', unit: '区发改局' });
    const wb = await exportA();
    const ws = wb.worksheets[0];
    rowOf(ws, '7').getCell(col(ws, '状态')).value = '已完成';
    rowOf(ws, '7').getCell(col(ws, '进展情况')).value = '已完成年度目标';
    rowOf(ws, '7').getCell(col(ws, '填报人')).value = '李四（区发改经信局）';
    const bytes = await save(wb);
    expect((await apply(a, bytes, LATER)).ok).toBe(true);
    const seven = (await a.annotations.get([SEED_KEY, '7']))!;
    expect(seven.status).toBe('done');
    expect(seven.noteCopies?.map((c) => [c.kind, c.author, c.unit, c.text])).toEqual([['colleague', '李四', '区发改经信局', '已完成年度目标']]);
    const again = ((await preview(a, bytes, LATER + 5000)) as { value: LedgerPreview }).value;
    expect(again.preview.changes).toBe(false);
  });

  it('reads back a 填报人 whose unit has brackets of its own: the user\'s own row stays theirs', async () => {
    await createService(a, () => NOW - 10_000).handle('setLocalAuthor', { name: '张三', unit: '区政府办公室（区外办）' });
    const wb = await exportA();
    const ws = wb.worksheets[0];
    expect(rowOf(ws, '1').getCell(col(ws, '填报人')).value).toBe('张三（区政府办公室（区外办））');
    rowOf(ws, '1').getCell(col(ws, '进展情况')).value = '已召开专题会，方案已报批';
    expect((await apply(a, await save(wb), LATER)).ok).toBe(true);
    const one = (await a.annotations.get([SEED_KEY, '1']))!;
    expect(one.note).toBe('已召开专题会，方案已报批');
    expect(one.noteCopies).toBeUndefined();
  });
});

describe('hostile ledgers', () => {
  async function refusedWithNothingWritten(bytes: Uint8Array): Promise<(string | undefined)[]> {
    await createService(b, () => NOW).handle('openNotice', notice);
    const before = await b.annotations.count();
    const r = await preview(b, bytes);
    expect(r.ok).toBe(false);
    expect(await b.annotations.count()).toBe(before);
    return codes(r);
  }

  it('refuses a formula in a column duban reads, naming the cell', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    const cell = rowOf(ws, '3').getCell(col(ws, '进展情况'));
    cell.value = { formula: 'HYPERLINK("http://evil","x")', result: 'x' } as ExcelJS.CellFormulaValue;
    const r = await preview(b, await save(wb));
    expect(r.ok).toBe(false);
    await createService(b, () => NOW).handle('openNotice', notice);
    const again = await preview(b, await save(wb));
    expect(codes(again)).toEqual(['import.refused', 'ledger.bad.formula']);
    expect((again as Failure & { details: Message[] }).details[0].params).toMatchObject({ cell: cell.address });
    expect(await b.annotations.count()).toBe(0);
    // Applying the same cells (the page sends them again) is refused the same way, writing nothing.
    const applied = await apply(b, await save(wb), LATER);
    expect(codes(applied)).toEqual(['import.refused', 'ledger.bad.formula']);
    expect(await b.annotations.count()).toBe(0);
    expect(await b.restorePoints.count()).toBe(0);
  });

  it('refuses a status it cannot read, naming the cell and value', async () => {
    const wb = await exportA();
    rowOf(wb.worksheets[0], '3').getCell(col(wb.worksheets[0], '状态')).value = '差不多了';
    expect(await refusedWithNothingWritten(await save(wb))).toEqual(['import.refused', 'ledger.bad.status']);
  });

  it('names a percent cell it refuses as the spreadsheet shows it (150%), never as duban holds it', async () => {
    const wb = await exportA();
    const cell = rowOf(wb.worksheets[0], '3').getCell(col(wb.worksheets[0], '进度 (%)'));
    cell.value = 1.5;
    // Its own style: the column's cells share one, and the others hold plain numbers (30).
    cell.style = { ...cell.style, numFmt: '0%' };
    await createService(b, () => NOW).handle('openNotice', notice);
    const r = await preview(b, await save(wb));
    expect(codes(r)).toEqual(['import.refused', 'ledger.bad.progress']);
    expect((r as Failure & { details: Message[] }).details[0].params).toMatchObject({ cell: cell.address, value: '150%' });
  });

  it('refuses a merged header (two columns under one name)', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    ws.mergeCells(3, col(ws, '状态'), 3, col(ws, '状态') + 1);
    expect(await refusedWithNothingWritten(await save(wb))).toEqual(['import.refused', 'ledger.duplicateColumn']);
  });

  it('refuses a sheet whose 文号 above is another notice\'s than its item keys\' (never guessed which)', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    ws.getCell('A2').value = '文号：上政办发〔2024〕3号';
    rowOf(ws, '1').getCell(col(ws, '状态')).value = '已完成';
    expect(await refusedWithNothingWritten(await save(wb))).toContain('ledger.docNoDiffers');
  });

  it('refuses a ledger of a notice this profile does not know, naming it', async () => {
    const wb = await exportA();
    await createService(b, () => NOW).handle('openNotice', syntheticNotice(1));
    const r = await preview(b, await save(wb));
    expect(codes(r)).toEqual(['import.refused', 'ledger.noNotice']);
    expect(JSON.stringify(r)).toContain(notice.title.slice(0, 20));
    expect(await b.annotations.count()).toBe(0);
  });

  it('says a sheet gives no notice when its title and 文号 rows are gone (pasted into a new workbook), not that the notice is missing', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    const header = col(ws, '状态') && ws.getRow(3).getCell(1).value;
    ws.spliceRows(1, 2);
    expect(ws.getRow(1).getCell(1).value).toBe(header);
    const r = await preview(a, await save(wb));
    expect(codes(r)).toEqual(['import.refused', 'ledger.noTitle']);
    expect(JSON.stringify(r)).not.toContain('「」');
  });

  it('refuses binary junk and a workbook that is not a ledger', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(checkLedgerZip(junk)).toEqual({ ok: false, error: { code: 'ledger.notXlsx' } });
    expect(checkLedgerZip(zipSync({ 'a.txt': strToU8('hello') }))).toEqual({ ok: false, error: { code: 'ledger.notXlsx' } });
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['name', 'age']);
    expect(await refusedWithNothingWritten(await save(other))).toEqual(['import.refused', 'ledger.noLedger']);
  });

  it('refuses a zip bomb by what it expands to, without the spreadsheet library', () => {
    // 16 MB of zeros deflates to about 16 kB; the limit is made small here to keep the test quick.
    const limits = { ...LEDGER_LIMITS, maxExpandedBytes: 4 * 1024 * 1024 };
    const bomb = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    expect(checkLedgerZip(bomb, limits)).toMatchObject({ ok: false, error: { code: 'ledger.expandsTooMuch' } });
    // A bomb that lies about its size is stopped while inflating, not by its declared size.
    const lying = bomb.slice();
    lieAboutSizes(lying);
    expect(checkLedgerZip(lying, limits)).toMatchObject({ ok: false, error: { code: 'ledger.expandsTooMuch' } });
    expect(checkLedgerZip(lying, { ...limits, maxExpandedBytes: 32 * 1024 * 1024 })).toMatchObject({ ok: true });
  });

  it('refuses 1,048,576 rows before anything parses them', () => {
    const sheet = `<worksheet><sheetData>${'<row r="1"/>'.repeat(1_048_575)}<row r="1048576"/></sheetData></worksheet>`;
    const bytes = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8(sheet) });
    expect(checkLedgerZip(bytes)).toMatchObject({ ok: false, error: { code: 'ledger.tooManyRows' } });
  });
});

/** Writes 1 as every declared uncompressed size (central directory and local headers). */
function lieAboutSizes(zip: Uint8Array) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.byteLength; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x02014b50) v.setUint32(i + 24, 1, true);
    if (sig === 0x04034b50) v.setUint32(i + 22, 1, true);
  }
}

describe('days and times in a ledger (跟进日期, 更新时间): date cells out, any day back', () => {
  /** A date cell's value as a ledger written before days were date cells held it: text. */
  const asText = (v: ExcelJS.CellValue, time: boolean) => (v instanceof Date ? v.toISOString().slice(0, time ? 19 : 10).replace('T', ' ') : v);

  it('comes back as exported, changing nothing, in any time zone; and so does a ledger of an earlier build, its days as text', async () => {
    await inEachZone(async (zone) => {
      await a.delete();
      a = await freshDb('ledger-a');
      const wb = await exportA();
      const ws = wb.worksheets[0];
      const [fu, up] = [col(ws, '跟进日期'), col(ws, '更新时间')];
      expect(rowOf(ws, '3').getCell(fu).value, zone).toEqual(new Date('2026-12-01T00:00:00Z'));
      const exported = await save(wb);
      const same = ((await preview(a, exported)) as { value: LedgerPreview }).value;
      expect([same.preview.changes, same.preview.counts], zone).toEqual([false, { new: 0, updated: 0, unchanged: 3, conflict: 0 }]);
      for (let r = 4; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        for (const [c, time] of [[fu, false], [up, true]] as const) {
          row.getCell(c).value = asText(row.getCell(c).value, time);
          setFormat(row.getCell(c), 'General');
        }
      }
      expect(rowOf(ws, '3').getCell(fu).value, zone).toBe('2026-12-01');
      const earlier = ((await preview(a, await save(wb))) as { value: LedgerPreview }).value;
      expect([earlier.preview.changes, earlier.preview.counts], zone).toEqual([false, { new: 0, updated: 0, unchanged: 3, conflict: 0 }]);
      // Into another profile: the day arrives as it was.
      await b.delete();
      b = await freshDb('ledger-b');
      await createService(b, () => NOW).handle('openNotice', notice);
      expect((await apply(b, exported, LATER)).ok, zone).toBe(true);
      expect((await b.annotations.get([SEED_KEY, '3']))?.followUp, zone).toBe('2026-12-01');
    });
  });

  it('reads a day a colleague typed as text or as a date cell in any format, in any time zone', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    const fu = col(ws, '跟进日期');
    const typed: [string, ExcelJS.CellValue, string?][] = [
      ['4', '2026年12月5日'],
      ['5', '2026/12/6'],
      ['6', new Date('2026-12-07T00:00:00Z'), 'yyyy"年"m"月"d"日"'],
      ['7', new Date('2026-12-08T00:00:00Z'), 'mm-dd-yy'],
      ['8', new Date('2026-12-09T15:30:00Z'), 'yyyy-mm-dd hh:mm'],
      ['9', new Date('2026-12-10T00:00:00Z'), '[$-804]yyyy"年"m"月"d"日" dddd'],
    ];
    for (const [key, value, numFmt] of typed) {
      const cell = rowOf(ws, key).getCell(fu);
      cell.value = value;
      setFormat(cell, numFmt ?? 'General');
    }
    const bytes = await save(wb);
    // An old Mac workbook counts days from 1904: the same day.
    wb.properties.date1904 = true;
    const in1904 = await save(wb);
    await inEachZone(async (zone) => {
      for (const file of [bytes, in1904]) {
        await b.delete();
        b = await freshDb('ledger-b');
        await createService(b, () => NOW).handle('openNotice', notice);
        const applied = await apply(b, file, LATER);
        expect(applied.ok, `${zone} ${JSON.stringify(applied)}`).toBe(true);
        const got = await annotations(b);
        expect(['3', ...typed.map(([key]) => key)].map((key) => got[key]?.followUp), zone).toEqual(['2026-12-01', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
      }
    });
  });

  it('refuses a date cell that shows no real day (Excel\'s 1900-02-29), naming the cell as the sheet shows it', async () => {
    const wb = await exportA();
    const ws = wb.worksheets[0];
    const cell = rowOf(ws, '4').getCell(col(ws, '跟进日期'));
    cell.value = 60;
    setFormat(cell, 'yyyy-mm-dd');
    await createService(b, () => NOW).handle('openNotice', notice);
    const r = await preview(b, await save(wb));
    expect(r.ok, JSON.stringify(r)).toBe(false);
    expect((r as Failure).details?.[0]).toMatchObject({ code: 'ledger.bad.day', params: { cell: `${cell.address}`, value: '1900-02-29 00:00:00' } });
  });
});

describe('a ledger of a notice read from an attachment', () => {
  it('comes back onto the same notice (its key names the cover and the attachment)', async () => {
    const attached = {
      ...syntheticNotice(7, 3),
      docNo: '拱政办发〔2024〕5号',
      sourceUrl: 'https://www.gongshu.gov.cn/module/download/downfile.jsp?filename=a.xlsx',
      attachment: { title: '2024年区政府工作报告重点工作责任分解表', cover: 'https://www.gongshu.gov.cn/art/2024/3/8/art_1229290402_4246200.html' },
    };
    const opened = await createService(a, () => NOW - 9000).handle('openNotice', attached);
    await createService(b, () => NOW - 9000).handle('openNotice', attached);
    const key = opened.ok ? opened.value.noticeKey : '';
    expect(key).toBe('拱政办发〔2024〕5号@www.gongshu.gov.cn 附件：2024年区政府工作报告重点工作责任分解表');
    const bytes = await writeLedgerWorkbook(buildLedger(await readSnapshot(a), NOW, [key])!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.worksheets[0];
    rowOf(ws, '1').getCell(col(ws, '状态')).value = '已完成';
    const bytesEdited = await save(wb);
    expect(codes(await preview(b, bytesEdited))).toEqual([]);
    expect((await apply(b, bytesEdited, LATER)).ok).toBe(true);
    expect((await b.annotations.get([key, '1']))?.status).toBe('done');
  });
});
