// Collecting from units with spreadsheets, end to end in the built extension: the overview's
// 汇总各单位文件 takes a unit's JSON file and a 督办台账 another unit edited (exceljs in Node, as
// Excel saves it) together: one preview listing both, one apply that writes the ledger's edits and
// the JSON file's note, one undo that takes both back. Several bad files: each one named, nothing
// written.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { col, rowOf, setPercent } from '../../lib/transfer/test/ledger-edit';
import { exportJsonText, readDb, sendFromPage } from './db';
import { extensionPage, launchDuban, noticeSeed, openNotice, screenshot, serveSeeds, type Duban } from './harness';

/** The seed notice's key: its 文号 at its site (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';

/** The stored annotations of the seed notice, by item key: what was written, not what the page says. */
async function stored(d: Duban) {
  const db = await readDb(d.context, d.extensionId);
  return new Map(db.annotations.filter((a) => a.noticeKey === KEY).map((a) => [a.itemKey as string, a as Record<string, any>]));
}

async function pick(overview: Page, files: string[]) {
  const [chooser] = await Promise.all([overview.waitForEvent('filechooser'), overview.locator('[data-action="choose-batch"]').click()]);
  await chooser.setFiles(files);
}

describe('collecting a JSON file and an edited ledger as one batch', () => {
  let d: Duban;
  let dir: string;
  let overview: Page;
  let jsonFile: string;
  let ledgerFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-batch-ledger-'));
    d = await launchDuban();
    await serveSeeds(d.context);
    (await openNotice(d.context, noticeSeed().url)).close();
    overview = await extensionPage(d.context, d.extensionId, 'overview.html');
    overview.on('filechooser', () => {});

    // Items 1–3 followed here; the ledger goes out to 区建设局, which fills in item 4.
    const [record] = (await readDb(d.context, d.extensionId)).notices as any[];
    const fingerprint = (key: string) => record.items.find((i: any) => i.key === key).fingerprint;
    for (const e of [
      { itemKey: '1', status: 'in_progress', note: '已召开专题会' },
      { itemKey: '2', status: 'done', note: '已完成' },
      { itemKey: '3', status: 'behind', note: '街道尚未回复' },
    ]) {
      const saved = await sendFromPage(overview, 'saveAnnotation', { noticeKey: KEY, fingerprint: fingerprint(e.itemKey), ...e });
      if (!saved.ok) throw new Error(saved.error);
    }
    await overview.reload();
    const button = overview.locator('[data-action="export-ledger"]:enabled');
    await button.waitFor();
    const [download] = await Promise.all([overview.waitForEvent('download'), button.click()]);
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const ws = wb.worksheets[0];
    rowOf(ws, '4').getCell(col(ws, '状态')).value = '进行中';
    setPercent(rowOf(ws, '4').getCell(col(ws, '进度 (%)')), 60);
    rowOf(ws, '4').getCell(col(ws, '进展情况')).value = '区建设局：已完成方案初稿';
    ledgerFile = join(dir, 'L1-edits.xlsx');
    await wb.xlsx.writeFile(ledgerFile);

    // 区政府办's JSON file: its note on item 5.
    const file = JSON.parse(await exportJsonText(overview));
    const wang = { id: 'unit-wang-5', name: '王五', unit: '区政府办' };
    file.exportedBy = wang.id;
    file.authors = [wang];
    const five = record.items.find((i: any) => i.key === '5');
    const [first] = file.notices[0].items;
    file.notices[0].items = [
      { ...first, itemKey: '5', fingerprint: five.fingerprint, text: five.text, status: 'in_progress', note: '政府办：已督查', author: wang.id, noteAuthor: wang.id, history: [] },
    ];
    jsonFile = join(dir, 'B.json');
    writeFileSync(jsonFile, JSON.stringify(file));
  });
  afterAll(async () => {
    await d?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('previews both files, applies both, and one undo takes both back', async () => {
    const errors: string[] = [];
    overview.on('pageerror', (e) => errors.push(String(e)));
    const before = await stored(d);
    expect([...before.keys()].sort()).toEqual(['1', '2', '3']);

    await pick(overview, [jsonFile, ledgerFile]);
    const preview = overview.locator('[data-testid="batch-preview"]');
    await preview.waitFor();
    expect(await preview.locator('li[data-file]').count()).toBe(2);
    // The rule for an item two units report differently is said before anything applies.
    expect(await preview.locator('[data-testid="batch-order"]').textContent()).toContain('以排在后面的文件为准');
    expect(await preview.locator('li[data-file="B.json"]').textContent()).toContain('新增 1 项');
    const ledger = preview.locator('li[data-file="L1-edits.xlsx"]');
    expect(await ledger.textContent()).toContain('新增 1 项');
    // What the ledger's sheets matched, as the popup's ledger import shows it.
    expect(await ledger.locator('[data-testid="ledger-report"]').count()).toBe(1);

    await overview.locator('[data-action="apply-batch"]').click();
    await overview.locator('[data-testid="batch-done"]').waitFor();
    const after = await stored(d);
    expect(after.get('4')).toMatchObject({ status: 'in_progress', note: '区建设局：已完成方案初稿', progress: 60 });
    expect(after.get('5')).toMatchObject({ status: 'in_progress' });
    // This profile has no name yet: the unit's note merges as the note (README, "Who said what").
    const five = after.get('5')!;
    expect([five.note, ...(five.noteCopies ?? []).map((c: any) => c.text)]).toContain('政府办：已督查');
    for (const k of ['1', '2', '3']) expect(after.get(k)).toEqual(before.get(k));

    await overview.locator('[data-action="undo-batch"]').click();
    await overview.locator('[data-testid="batch-undone"]').waitFor();
    const undone = await stored(d);
    expect([...undone.keys()].sort()).toEqual(['1', '2', '3']);
    for (const k of ['1', '2', '3']) expect(undone.get(k)).toEqual(before.get(k));
    expect(errors).toEqual([]);
  });

  it('names every bad file at once, each on its own line, and imports nothing', async () => {
    const notZip = join(dir, '坏台账.xlsx');
    writeFileSync(notZip, 'not a spreadsheet');
    const gbk = join(dir, 'C.json');
    writeFileSync(gbk, Buffer.from([0xb6, 0xbd, 0xb0, 0xec, 0x00, 0xff]));
    const wrongVersion = join(dir, 'D.json');
    writeFileSync(wrongVersion, '{"format":"duban-annotations","version":99}');
    const before = await stored(d);

    await pick(overview, [jsonFile, notZip, gbk, wrongVersion, ledgerFile]);
    const error = overview.locator('[data-testid="batch-error"]');
    await error.waitFor();
    const lines = (await error.locator('p').allTextContents()).slice(1);
    for (const name of ['坏台账.xlsx', 'C.json', 'D.json']) expect(lines.some((l) => l.startsWith(name))).toBe(true);
    expect(lines.every((l) => ['坏台账.xlsx', 'C.json', 'D.json'].some((name) => l.startsWith(name)))).toBe(true);
    expect(await overview.locator('[data-testid="batch-preview"]').count()).toBe(0);
    expect(await stored(d)).toEqual(before);
  });

  it('says apart which notes a ledger would clear (a 进展情况 cell emptied), before anything is written', async () => {
    await overview.reload();
    const button = overview.locator('[data-action="export-ledger"]:enabled');
    await button.waitFor();
    const [download] = await Promise.all([overview.waitForEvent('download'), button.click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.worksheets[0];
    rowOf(ws, '2').getCell(col(ws, '进展情况')).value = null;
    const cleared = join(dir, 'L2-cleared.xlsx');
    await wb.xlsx.writeFile(cleared);
    const before = await stored(d);

    await pick(overview, [cleared]);
    const preview = overview.locator('[data-testid="batch-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-field="noteCleared"]').textContent()).toBe('将清空备注：2');
    await screenshot(overview, 'batch-preview-note-cleared');
    await overview.locator('[data-action="cancel-batch"]').click();
    expect(await stored(d)).toEqual(before);
  });

  it('offers only 关闭 for files that change nothing (the ledger just exported, twice)', async () => {
    await overview.reload();
    const button = overview.locator('[data-action="export-ledger"]:enabled');
    await button.waitFor();
    const [download] = await Promise.all([overview.waitForEvent('download'), button.click()]);
    const same = join(dir, 'L3-unchanged.xlsx');
    await download.saveAs(same);
    const before = await stored(d);

    await pick(overview, [same, same]);
    const preview = overview.locator('[data-testid="batch-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-testid="batch-no-change"]').textContent()).toBe('这些文件不会带来任何变化。');
    // Its rows of items annotated here count as unchanged, as in the popup's preview of one ledger.
    const lines = await preview.locator('li[data-file] > p:first-child').allTextContents();
    expect(lines).toEqual(Array(2).fill(`L3-unchanged.xlsx：新增 0 项，更新 0 项，不变 ${before.size} 项，冲突 0 项`));
    expect(await overview.locator('[data-action="apply-batch"]').count()).toBe(0);
    const close = overview.locator('[data-action="cancel-batch"]');
    expect(await close.textContent()).toBe('关闭');
    await screenshot(overview, 'batch-preview-no-change');
    await close.click();
    await preview.waitFor({ state: 'detached' });
    expect(await stored(d)).toEqual(before);
  });
});
