// Collecting from units (previewImportBatch, applyImportBatch) with a unit's JSON file and another
// unit's edited ledger together: both previewed, written as one batch, undone as one; and a batch
// of several bad files refused whole, every bad file's problems named, nothing written.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveAnnotation } from '../../lib/db/annotations';
import type { DubanDatabase } from '../../lib/db/database';
import { readSnapshot } from '../../lib/db/transfer-store';
import type { Message } from '../../lib/message';
import { readLedgerFile } from '../../lib/transfer/ledger-cells';
import { buildLedger } from '../../lib/transfer/ledger-export';
import type { LedgerGrid } from '../../lib/transfer/ledger-grid';
import { dispose, freshDb, SEED_KEY, seedNotice } from '../../lib/transfer/test/fixtures';
import { col, rowOf, setPercent } from '../../lib/transfer/test/ledger-edit';
import { useLocale } from '../../tests/unit/i18n';
import { t } from '../../utils/i18n';
import { writeLedgerWorkbook } from '../../utils/ledger-workbook';
import { createService } from './router';

const NOW = Date.UTC(2026, 10, 25, 0, 0);
const LATER = NOW + 3_600_000;
const notice = seedNotice();
const fp = (key: string) => notice.items.find((i) => i.key === key)!.fingerprint;

let office: DubanDatabase;
let unit: DubanDatabase;
beforeEach(async () => {
  office = await freshDb('batch-office', { name: '李四', unit: '区督查室' });
  unit = await freshDb('batch-unit', { name: '王五', unit: '区政府办' });
});
afterEach(async () => {
  await dispose(office);
  await dispose(unit);
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The office follows items 1–3; its ledger goes to 区建设局, which fills in item 4 (as the page reads it back). */
async function editedLedger(): Promise<LedgerGrid> {
  await createService(office, () => NOW - 9000).handle('openNotice', notice);
  await saveAnnotation(office, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp('1'), status: 'in_progress', note: '已召开专题会' }, NOW - 8000);
  await saveAnnotation(office, { noticeKey: SEED_KEY, itemKey: '2', fingerprint: fp('2'), status: 'done', note: '已完成' }, NOW - 7000);
  await saveAnnotation(office, { noticeKey: SEED_KEY, itemKey: '3', fingerprint: fp('3'), status: 'behind' }, NOW - 6000);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeLedgerWorkbook(buildLedger(await readSnapshot(office), NOW)!)) as never);
  const ws = wb.worksheets[0];
  rowOf(ws, '4').getCell(col(ws, '状态')).value = '进行中';
  setPercent(rowOf(ws, '4').getCell(col(ws, '进度 (%)')), 60);
  rowOf(ws, '4').getCell(col(ws, '进展情况')).value = '区建设局：已完成方案初稿';
  const read = readLedgerFile(new Uint8Array(await wb.xlsx.writeBuffer()));
  if (!read.ok) throw new Error(read.error.code);
  return read.grid;
}

/** 区政府办's JSON file: its note on item 5. */
async function unitJson(): Promise<string> {
  const service = createService(unit, () => NOW - 5000);
  must(await service.handle('openNotice', notice));
  must(await service.handle('saveAnnotation', { noticeKey: SEED_KEY, itemKey: '5', fingerprint: fp('5'), status: 'in_progress', note: '政府办：已督查' }));
  return must(await service.handle('exportAnnotations', { format: 'json' })).text;
}

/** What came back from the units, and the office's service and annotations before the batch. */
async function collected() {
  const grid = await editedLedger();
  const text = await unitJson();
  return { grid, text, service: createService(office, () => LATER), before: await office.annotations.toArray() };
}

describe('a batch of a JSON file and an edited ledger', () => {
  it('names its files in the language’s own list (the undo panel and conflict copies show it): B.json, L1-edits.xlsx in English', async () => {
    useLocale('en');
    try {
      const { grid, text } = await collected();
      // The background passes its locale's separator (entrypoints/background/index.ts).
      const service = createService(office, () => LATER, {}, { listSeparator: t('common.listSeparator') });
      must(await service.handle('applyImportBatch', { files: [{ fileName: 'B.json', text }, { fileName: 'L1-edits.xlsx', grid }], importId: 'batch-en' }));
      expect(must(await service.handle('getLastImport', {}))).toMatchObject({ fileName: 'B.json, L1-edits.xlsx' });
    } finally {
      useLocale('zh_CN');
    }
  });

  it('previews both, file by file, writes both in one transaction, and one undo takes both back', async () => {
    const { grid, text, service, before } = await collected();
    const files = [
      { fileName: 'B.json', text },
      { fileName: 'L1-edits.xlsx', grid },
    ];

    expect(await service.handle('prepareLedgerImport', {})).toMatchObject({ ok: true });
    const preview = must(await service.handle('previewImportBatch', { files }));
    expect(preview.files.map((f) => [f.fileName, f.preview.notices[0].itemKeys])).toEqual([
      ['B.json', { new: ['5'], updated: [], conflict: [] }],
      ['L1-edits.xlsx', { new: ['4'], updated: [], conflict: [] }],
    ]);
    expect(preview.counts).toMatchObject({ new: 2, updated: 0, conflict: 0 });
    // The ledger's file says what its sheets matched, as the single ledger import does.
    expect(preview.files[0].ledger).toBeUndefined();
    expect(preview.files[1].ledger?.sheets).toEqual([expect.objectContaining({ noticeKey: SEED_KEY, rows: notice.items.length, matched: notice.items.length })]);
    expect(await office.annotations.toArray()).toEqual(before);

    const applied = must(await service.handle('applyImportBatch', { files, importId: 'batch-1' }));
    expect(applied.counts).toMatchObject({ new: 2 });
    expect(await office.annotations.get([SEED_KEY, '4'])).toMatchObject({ status: 'in_progress', progress: 60, note: '区建设局：已完成方案初稿' });
    const five = (await office.annotations.get([SEED_KEY, '5']))!;
    expect(five.status).toBe('in_progress');
    expect(five.noteCopies?.map((c) => [c.author, c.text])).toEqual([['王五', '政府办：已督查']]);
    for (const a of before) expect(await office.annotations.get([a.noticeKey, a.itemKey])).toEqual(a);

    const last = must(await service.handle('getLastImport', {}))!;
    expect(last).toMatchObject({ fileName: 'B.json、L1-edits.xlsx', importId: 'batch-1' });
    must(await service.handle('undoLastImport', { id: last.id }));
    expect(await office.annotations.toArray()).toEqual(before);
  });
});

describe('a batch with several bad files', () => {
  it('names every bad file’s problems, each line with its file, and writes nothing', async () => {
    const { grid, text, service, before } = await collected();
    const files = [
      { fileName: 'B.json', text },
      { fileName: 'D.json', text: '{"format":"duban-annotations","version":99}' },
      { fileName: 'E.json', text: '这不是 JSON' },
      { fileName: '空台账.xlsx', grid: { sheets: [{ name: 'Sheet1', rows: [['随便写的']] }] } },
      { fileName: 'L1-edits.xlsx', grid },
    ];
    for (const call of ['previewImportBatch', 'applyImportBatch'] as const) {
      const r = await service.handle(call, { files });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.code).toBe('import.refused');
      const details = r.details ?? [];
      expect(details.length).toBeGreaterThanOrEqual(3);
      // Each line names its file: the bad ones, all of them, and only them.
      expect(details.every((m) => m.code === 'batch.fileProblem')).toBe(true);
      const named = details.map((m) => m.params?.file);
      expect([...new Set(named)]).toEqual(['D.json', 'E.json', '空台账.xlsx']);
      expect(details.find((m) => m.params?.file === '空台账.xlsx')?.params?.problem).toMatchObject({ code: 'ledger.noLedger' } satisfies Partial<Message>);
    }
    expect(await office.annotations.toArray()).toEqual(before);
    expect(must(await service.handle('getLastImport', {}))).toBeNull();
  });
});

describe('two units’ ledgers that report different statuses for one item', () => {
  /** The office's ledger, as a unit sends it back with `statuses` (item key → status word). */
  async function unitLedger(statuses: Record<string, string>): Promise<LedgerGrid> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeLedgerWorkbook(buildLedger(await readSnapshot(office), NOW)!)) as never);
    const ws = wb.worksheets[0];
    for (const [key, word] of Object.entries(statuses)) rowOf(ws, key).getCell(col(ws, '状态')).value = word;
    const read = readLedgerFile(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.error.code);
    return read.grid;
  }

  it('take the file chosen last, as the later change, whatever the statuses: the other unit’s stays in the history, and its preview says updated', async () => {
    await createService(office, () => NOW - 9000).handle('openNotice', notice);
    await saveAnnotation(office, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp('1'), status: 'in_progress' }, NOW - 8000);
    const a = await unitLedger({ '20': '已完成', '21': '已完成', '22': '暂缓' });
    const b = await unitLedger({ '20': '滞后', '21': '推进中', '22': '滞后' });
    const service = createService(office, () => LATER);
    for (const [first, second, expected] of [
      [a, b, { '20': 'behind', '21': 'in_progress', '22': 'behind' }],
      [b, a, { '20': 'done', '21': 'done', '22': 'paused' }],
    ] as const) {
      const files = [{ fileName: 'first.xlsx', grid: first }, { fileName: 'second.xlsx', grid: second }];
      expect(await service.handle('prepareLedgerImport', {})).toMatchObject({ ok: true });
      const preview = must(await service.handle('previewImportBatch', { files }));
      expect(preview.files[1].preview.notices[0].itemKeys.updated).toEqual(['20', '21', '22']);
      expect(await service.handle('prepareLedgerImport', {})).toMatchObject({ ok: true });
      const applied = must(await service.handle('applyImportBatch', { files, importId: `two-units-${expected['20']}` }));
      expect(applied.changes).toBe(true);
      for (const [key, status] of Object.entries(expected)) expect((await office.annotations.get([SEED_KEY, key]))!.status).toBe(status);
      const history = must(await service.handle('getItemHistory', { noticeKey: SEED_KEY, itemKey: '20' }));
      const statuses = history.filter((h) => h.field === 'status').map((h) => h.to);
      expect(statuses).toContain('done');
      expect(statuses).toContain('behind');
      const last = must(await service.handle('getLastImport', {}))!;
      must(await service.handle('undoLastImport', { id: last.id }));
    }
  });
});
