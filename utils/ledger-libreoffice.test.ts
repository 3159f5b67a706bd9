// The ledger as a user opens it: LibreOffice (headless) converts the exported .xlsx, and the days
// must be date cells shown as days, neither serial numbers nor a day off; the file LibreOffice saves
// back comes in as it went out. Needs `soffice` on the PATH (apt-get install libreoffice-calc):
// CI does not install it, so there the test is skipped, and says so. Each conversion starts
// LibreOffice anew (some 15 s).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../entrypoints/background/router';
import { saveAnnotation } from '../lib/db/annotations';
import type { DubanDatabase } from '../lib/db/database';
import { readSnapshot } from '../lib/db/transfer-store';
import type { LedgerPreview } from '../lib/protocol';
import { readLedgerFile } from '../lib/transfer/ledger-cells';
import { buildLedger } from '../lib/transfer/ledger-export';
import { dispose, freshDb, SEED_KEY, seedNotice } from '../lib/transfer/test/fixtures';
import { writeLedgerWorkbook } from './ledger-workbook';

const which = (command: string) => {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
};
const soffice = which('soffice');
/** poppler's pdftotext, to find where LibreOffice printed each word. */
const pdftotext = which('pdftotext');

const NOW = Date.UTC(2026, 10, 25, 0, 0);
const dir = mkdtempSync(join(tmpdir(), 'duban-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file converted by LibreOffice to `format` (fods, xlsx), run in time zone `zone`. */
function convert(file: string, format: string, zone: string): string {
  const out = join(dir, `${format}-${zone.replace('/', '-')}`);
  execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', format, '--outdir', out, file], {
    env: { ...process.env, TZ: zone },
    timeout: 120_000,
    stdio: 'ignore',
  });
  return join(out, file.replace(/^.*\//, '').replace(/\.xlsx$/, `.${format}`));
}

let a: DubanDatabase;
let b: DubanDatabase;
beforeEach(async () => {
  a = await freshDb('lo-a');
  b = await freshDb('lo-b');
});
afterEach(async () => {
  await dispose(a);
  await dispose(b);
});

const notice = seedNotice();

/** Profile A's ledger, item 1 followed up on 2026-11-28; items 2 and 3 given a deadline that is a day, and one that is not. */
async function exported(): Promise<string> {
  await createService(a, () => NOW - 9000).handle('openNotice', notice);
  await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: notice.items[0].fingerprint, status: 'in_progress', note: '已召开专题会', followUp: '2026-11-28' }, NOW - 4000);
  const ledger = buildLedger(await readSnapshot(a), NOW)!;
  ledger.sheets[0].rows[1].deadline = '2024年12月31日';
  ledger.sheets[0].rows[2].deadline = '2024年6月底前';
  const file = join(dir, 'ledger.xlsx');
  writeFileSync(file, await writeLedgerWorkbook(ledger));
  return file;
}

describe('the ledger opened in LibreOffice', () => {
  if (!soffice) {
    it.skip('is not checked here: LibreOffice (soffice) is not installed (apt-get install libreoffice-calc)', () => {});
    return;
  }

  it('shows 跟进日期, 更新时间 and a 完成时限 that is a day as date cells, the day and time duban wrote', { timeout: 180_000 }, async () => {
    const fods = readFileSync(convert(await exported(), 'fods', 'America/Los_Angeles'), 'utf8');
    // Each date cell: its value, and the text LibreOffice shows.
    const dates = [...fods.matchAll(/office:value-type="date" office:date-value="([^"]+)"[^>]*>\s*<text:p>([^<]*)<\/text:p>/g)].map((m) => [m[1], m[2]]);
    expect(dates).toEqual([
      ['2026-11-28', '2026-11-28'],
      ['2026-11-25T07:59:56', '2026-11-25 07:59:56'],
      ['2024-12-31', '2024-12-31'],
    ]);
    expect(fods).toMatch(/office:value-type="string"[^>]*>\s*<text:p>2024年6月底前<\/text:p>/);
  });

  it('shows filter buttons over the header that filter every row', { timeout: 180_000 }, async () => {
    const fods = readFileSync(convert(await exported(), 'fods', 'Asia/Shanghai'), 'utf8');
    const last = 3 + notice.items.length;
    expect([...fods.matchAll(/<table:database-range [^>]*>/g)].map((m) => m[0])).toEqual([
      expect.stringMatching(new RegExp(`table:target-range-address="[^"]*\\.A3:[^"]*\\.N${last}" table:display-filter-buttons="true"`)),
    ]);
  });

  it.skipIf(!pdftotext)('prints every line of a note of many lines inside its row, above the next row (pdftotext)', { timeout: 180_000 }, async () => {
    await createService(a, () => NOW - 9000).handle('openNotice', notice);
    const note = Array.from({ length: 14 }, (_, i) => `${i + 1}. 第${i + 1}个项目已开工`).join('\n');
    await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '6', fingerprint: notice.items[5].fingerprint, status: 'in_progress', note }, NOW - 4000);
    await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '7', fingerprint: notice.items[6].fingerprint, status: 'in_progress', note: '下一行' }, NOW - 3000);
    const file = join(dir, 'many-lines.xlsx');
    writeFileSync(file, await writeLedgerWorkbook(buildLedger(await readSnapshot(a), NOW)!));
    const pdf = convert(file, 'pdf', 'Asia/Shanghai');
    const words = execFileSync(pdftotext!, ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    const box = (text: string) => {
      const m = new RegExp(`yMin="([\\d.]+)"[^>]*yMax="([\\d.]+)">${text}</word>`).exec(words);
      if (!m) throw new Error(`${text} not printed on page 1`);
      return { top: Number(m[1]), bottom: Number(m[2]) };
    };
    // Had the row been too short, its last line would be drawn under the next row's first (clipped on screen).
    expect(box('第14个项目已开工').bottom).toBeLessThan(box('下一行').top);
  });

  it('saves a ledger back as .xlsx that duban reads as it was exported', { timeout: 180_000 }, async () => {
    const saved = new Uint8Array(readFileSync(convert(await exported(), 'xlsx', 'Asia/Shanghai')));
    const read = readLedgerFile(saved);
    expect(read.ok).toBe(true);
    const rows = read.ok ? read.grid.sheets[0].rows : [];
    const header = rows[2]!;
    const one = rows.find((r) => r?.[header.indexOf('条目键')] === '1')!;
    expect([one[header.indexOf('跟进日期')], one[header.indexOf('更新时间')]]).toEqual([{ date: '2026-11-28T00:00:00' }, { date: '2026-11-25T07:59:56' }]);
    const same = (await createService(a, () => NOW + 1000).handle('previewLedgerImport', read.ok ? read.grid : { sheets: [] })) as { ok: true; value: LedgerPreview };
    expect([same.value.preview.changes, same.value.preview.counts]).toEqual([false, { new: 0, updated: 0, unchanged: 1, conflict: 0 }]);
    await createService(b, () => NOW).handle('openNotice', notice);
    const applied = await createService(b, () => NOW + 1000).handle('applyLedgerImport', { grid: read.ok ? read.grid : { sheets: [] } });
    expect(applied.ok).toBe(true);
    expect((await b.annotations.get([SEED_KEY, '1']))?.followUp).toBe('2026-11-28');
  });
});

/**
 * A ledger LibreOffice 7.4 saved, committed (tests/fixtures/ledger/libreoffice-edited.xlsx), so CI
 * checks what LibreOffice writes without soffice. Exported as `exportedAt` below makes it (item 1
 * 推进中 60 % 已召开专题会 followed up 2026-11-28; item 2 滞后 资金未到位), then edited in LibreOffice
 * as a colleague types: item 1 已完成, 100%, a second line to the note (Ctrl+Enter); item 2
 * followed up 2026/12/20, its note deleted; item 3 推进中, 30, a note; a column 督办意见 inserted
 * after 进展情况, the rows sorted by 状态.
 */
describe('a ledger LibreOffice saved', () => {
  async function exportedAt(db: DubanDatabase) {
    await createService(db, () => NOW - 9000).handle('openNotice', notice);
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: notice.items[0].fingerprint, status: 'in_progress', note: '已召开专题会', followUp: '2026-11-28', progress: 60 }, NOW - 4000);
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '2', fingerprint: notice.items[1].fingerprint, status: 'behind', note: '资金未到位' }, NOW - 3000);
  }
  const saved = () => {
    const read = readLedgerFile(new Uint8Array(readFileSync(new URL('../tests/fixtures/ledger/libreoffice-edited.xlsx', import.meta.url))));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    return read.grid;
  };

  it('brings back every edit typed there, whatever column was added and however the rows were sorted', async () => {
    await exportedAt(a);
    const { handle } = createService(a, () => NOW + 60_000);
    const preview = (await handle('previewLedgerImport', saved())) as { ok: true; value: LedgerPreview };
    expect(preview.ok).toBe(true);
    expect(preview.value.ledger).toMatchObject({ unmatchedSheets: [], unmatchedRows: [], sheets: [{ rows: notice.items.length, matched: notice.items.length }] });
    expect(preview.value.preview.counts).toEqual({ new: 1, updated: 2, unchanged: 0, conflict: 0 });
    expect(preview.value.preview.notices[0].changed).toMatchObject({ noteCleared: ['2'] });
    expect((await handle('applyLedgerImport', { grid: saved() })).ok).toBe(true);
    const item = async (key: string) => {
      const r = await a.annotations.get([SEED_KEY, key]);
      return r && [r.status, r.progress ?? null, r.note, r.followUp ?? null];
    };
    expect(await item('1')).toEqual(['done', 100, '已召开专题会\n项目已竣工验收', '2026-11-28']);
    expect(await item('2')).toEqual(['behind', null, '', '2026-12-20']);
    expect(await item('3')).toEqual(['in_progress', 30, '已完成方案编制', null]);
  });
});

