// The 督办台账 end to end in the built extension: profile A exports the ledger from its overview
// (exceljs runs under the pages' CSP, script-src 'self'), a colleague edits it (exceljs in Node:
// rows and columns moved, statuses in Chinese, progress as a percent, a column added with merged
// cells), profile B imports it through its popup, sees the preview, applies, and its overlays on
// the notice show the notes.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { col, reorder, rowOf, setPercent } from '../../lib/transfer/test/ledger-edit';
import { sendFromPage } from './db';
import { rowLabel, rowStatus } from './editor';
import { cdp } from './shadow';
import { extensionPage, launchDuban, noticeSeed, openNotice, screenshot, serveSeeds, type Duban } from './harness';

const DOC_NO = '拱政办发〔2024〕2号';
/** The seed notice's key: its 文号 at its site (lib/notice/notice-key.ts). */
const KEY = `${DOC_NO}@www.gongshu.gov.cn`;
const today = shanghaiDayOf(Date.now());

/** The page's errors, CSP violations among them (an eval refused is a console error). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

describe('a ledger from one profile, edited, imported into another', () => {
  let a: Duban;
  let b: Duban;
  let dir: string;
  let exported: string;
  let edited: string;
  let title: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-ledger-'));
    a = await launchDuban();
    await serveSeeds(a.context);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('profile A exports the ledger from its overview: every item, the notes as text, the key as text', async () => {
    (await openNotice(a.context, noticeSeed().url)).close();
    const overview = await extensionPage(a.context, a.extensionId, 'overview.html');
    const errors = watchErrors(overview);
    // Nothing annotated yet: nothing to export.
    expect(await sendFromPage(overview, 'getLedger', {})).toMatchObject({ ok: false });
    const record = await overview.evaluate(
      () =>
        new Promise<any>((resolve) => {
          const open = indexedDB.open('duban');
          open.onsuccess = () => {
            const req = open.result.transaction('notices').objectStore('notices').getAll();
            req.onsuccess = () => resolve(req.result[0]);
          };
        }),
    );
    title = record.title;
    const fingerprint = (key: string) => record.items.find((i: any) => i.key === key).fingerprint;
    const edits = [
      { itemKey: '1', status: 'in_progress', note: '已召开专题会，方案已报区政府', progress: 30 },
      { itemKey: '2', status: 'done', note: '=HYPERLINK("http://evil","点我")' },
      { itemKey: '3', status: 'behind', note: '街道尚未回复', followUp: '2026-12-01' },
    ];
    for (const e of edits) expect(await sendFromPage(overview, 'saveAnnotation', { noticeKey: KEY, fingerprint: fingerprint(e.itemKey), ...e })).toMatchObject({ ok: true });
    await overview.reload();
    const button = overview.locator('[data-action="export-ledger"]');
    await expect.poll(() => button.isEnabled()).toBe(true);
    const [download] = await Promise.all([overview.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`duban-${DOC_NO}-${today}.xlsx`);
    exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    expect(errors).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    expect(wb.worksheets.map((w) => w.name)).toEqual([DOC_NO, '汇总']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe(title);
    expect(ws.getCell('A2').value).toBe(`文号：${DOC_NO}`);
    // When it was made, beside the 文号: what a row left blank then is compared with on its way back.
    expect(String(ws.getCell(2, col(ws, '进展情况')).value)).toMatch(/^导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(ws.rowCount).toBe(3 + record.items.length);
    expect(ws.getColumn(col(ws, '条目键')).hidden).toBe(true);
    const cells = (key: string) => ['状态', '进度 (%)', '进展情况'].map((h) => rowOf(ws, key).getCell(col(ws, h)).value);
    expect(cells('1')).toEqual(['推进中', 30, '已召开专题会，方案已报区政府']);
    expect(cells('2')).toEqual(['已完成', null, '=HYPERLINK("http://evil","点我")']);
    expect(rowOf(ws, '2').getCell(col(ws, '进展情况')).type).toBe(ExcelJS.ValueType.String);
    expect(cells('4')).toEqual(['未开始', null, null]);
    expect(rowOf(ws, '1').getCell(col(ws, '工作任务')).value).toBe(record.items[0].text);
    expect(rowOf(ws, '12').getCell(col(ws, '条目键')).type).toBe(ExcelJS.ValueType.String);
    // Days and times are date cells shown as days (the pages' exceljs bundle writes them), the day as saved.
    const followUp = rowOf(ws, '3').getCell(col(ws, '跟进日期'));
    expect([followUp.type, followUp.value, followUp.numFmt]).toEqual([ExcelJS.ValueType.Date, new Date('2026-12-01T00:00:00Z'), 'yyyy-mm-dd']);
    const updated = rowOf(ws, '1').getCell(col(ws, '更新时间'));
    expect([updated.type, updated.numFmt]).toEqual([ExcelJS.ValueType.Date, 'yyyy-mm-dd hh:mm:ss']);
    wb.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula))));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });

    // The popup's Excel button writes the same ledger (its page loads the library on demand).
    const popup = await extensionPage(a.context, a.extensionId, 'popup.html');
    await popup.locator('main[aria-busy="false"]').waitFor();
    const [fromPopup] = await Promise.all([popup.waitForEvent('download'), popup.locator('.transfer .export-row [data-export="xlsx"]').click()]);
    expect(fromPopup.suggestedFilename()).toBe(`duban-${DOC_NO}-${today}.xlsx`);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile((await fromPopup.path())!);
    expect(again.worksheets[0].rowCount).toBe(ws.rowCount);
    await popup.close();

    // A colleague's edit.
    reorder(ws);
    const [st, pr, note] = [col(ws, '状态'), col(ws, '进度 (%)'), col(ws, '进展情况')];
    rowOf(ws, '1').getCell(st).value = '已完成';
    setPercent(rowOf(ws, '1').getCell(pr), 100);
    rowOf(ws, '4').getCell(st).value = '进行中';
    setPercent(rowOf(ws, '4').getCell(pr), 60);
    rowOf(ws, '4').getCell(note).value = '区建设局：已完成方案初稿';
    rowOf(ws, '5').getCell(st).value = '滞后';
    rowOf(ws, '5').getCell(pr).value = '60%';
    edited = join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
  });

  it('profile B imports the edited ledger, sees the preview, applies, and its overlays show the notes', async () => {
    b = await launchDuban();
    await serveSeeds(b.context);
    // B knows the notice (a ledger never creates one by guessing).
    (await openNotice(b.context, noticeSeed().url)).close();
    const page = await extensionPage(b.context, b.extensionId, 'popup.html');
    const errors = watchErrors(page);
    await page.locator('main[aria-busy="false"]').waitFor();
    // The service worker stopped, as Chromium stops an idle one: the cells posted to it (the page
    // channel, lib/protocol.ts) start it again.
    const session = await cdp(page);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await page.locator('[data-testid="import-file"]').setInputFiles(edited);
    const preview = page.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-kind="new"]').textContent()).toBe('5');
    expect(await preview.locator('[data-testid="ledger-report"]').textContent()).toContain(`工作表「${DOC_NO}」`);
    expect(await preview.locator('[data-testid="ledger-unmatched-rows"]').count()).toBe(0);
    await page.locator('[data-action="apply-import"]').click();
    await page.locator('[data-testid="import-done"]').waitFor();
    expect(errors).toEqual([]);

    const notice = await openNotice(b.context, noticeSeed().url);
    await expect.poll(() => rowLabel(notice, 1, 'note')).toBe('已召开专题会，方案已报区政府');
    expect(await rowStatus(notice, 1)).toBe('done');
    expect(await rowLabel(notice, 2, 'note')).toBe('=HYPERLINK("http://evil","点我")');
    expect(await rowStatus(notice, 3)).toBe('behind');
    expect(await rowLabel(notice, 3, 'followup')).toContain('2026-12-01');
    expect(await rowLabel(notice, 4, 'note')).toBe('区建设局：已完成方案初稿');
    expect(await rowStatus(notice, 4)).toBe('in_progress');
    expect(await rowLabel(notice, 4, 'progress')).toContain('60');
    expect(await rowStatus(notice, 5)).toBe('behind');

    // A ledger with a column deleted and a task's words changed: the preview says both.
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(edited);
    const ws2 = wb2.worksheets[0];
    rowOf(ws2, '8').getCell(col(ws2, '工作任务')).value = '改过的任务';
    ws2.spliceColumns(col(ws2, '跟进日期'), 1);
    const edited2 = join(dir, 'edited-2.xlsx');
    await wb2.xlsx.writeFile(edited2);
    await page.bringToFront();
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.locator('[data-testid="import-file"]').setInputFiles(edited2);
    await preview.waitFor();
    await expect.poll(() => preview.locator('[data-testid="ledger-missing-columns"]').textContent()).toBe('没有「跟进日期」列：这些内容不会更改');
    expect(await preview.locator('[data-testid="ledger-unmatched-rows"]').textContent()).toContain('工作任务与通知第 8 项的原文不同');
    await screenshot(page, 'ledger-preview-missing-column', { fullPage: true });

    // B's own ledger with the 进展情况 cell of item 1 emptied: it clears that note, and the preview
    // says so on a line of its own, not among the changed notes.
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    const [own] = await Promise.all([page.waitForEvent('download'), page.locator('.transfer .export-row [data-export="xlsx"]').click()]);
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.readFile((await own.path())!);
    const ws3 = wb3.worksheets[0];
    rowOf(ws3, '1').getCell(col(ws3, '进展情况')).value = null;
    rowOf(ws3, '3').getCell(col(ws3, '进展情况')).value = '街道已回复';
    const edited3 = join(dir, 'edited-3.xlsx');
    await wb3.xlsx.writeFile(edited3);
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.locator('[data-testid="import-file"]').setInputFiles(edited3);
    await preview.waitFor();
    const cleared = preview.locator('[data-testid="import-changed"] [data-field="noteCleared"]');
    await expect.poll(() => cleared.textContent()).toBe('将清空备注：1');
    expect(await preview.locator('[data-testid="import-changed"] [data-field="note"]').textContent()).toBe('备注有变：3');
    await screenshot(page, 'ledger-preview-note-cleared', { fullPage: true });
  });
  it('says to save a ledger LibreOffice saved as .ods again as .xlsx (the popup lists .ods files)', async () => {
    const page = await extensionPage(b.context, b.extensionId, 'popup.html');
    await page.locator('main[aria-busy="false"]').waitFor();
    const input = page.locator('[data-testid="import-file"]');
    expect((await input.getAttribute('accept'))?.split(',')).toContain('.ods');
    const ods = join(dir, '台账-已编辑.ods');
    writeFileSync(ods, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]));
    await input.setInputFiles(ods);
    const error = page.locator('[data-testid="import-error"]');
    await error.waitFor();
    const said = (await error.textContent()) ?? '';
    expect(said).toContain('这是 .ods 格式的表格');
    expect(said).toContain('另存为');
    await screenshot(page, 'ledger-ods-refused');
    await page.close();
  });
});
