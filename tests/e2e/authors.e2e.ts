// Who said what, end to end: the first-time name-and-unit form (keyboard only); profile A writes a
// note and exports it, profile B (another unit) imports it: B's editor on the notice shows A's note
// with A's name and unit beside B's own; B collects several files at once in the overview (one
// preview, one batch, one undo); the history shows the words a note edit replaced.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, launchDuban, noticeSeed, openNotice, openPopup, screenshot, serveSeeds, type Duban } from './harness';
import { sendFromPage } from './db';
import { closeEditor, editorHistory, openEditor } from './editor';

/** The seed notice's key: its 文号 at its site (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';

/** Names the profile in the first-time form with the keyboard only: Tab to 姓名, type, Tab, type, Enter. */
async function nameWithKeyboard(page: Page, prefix: string, name: string, unit: string) {
  await page.bringToFront();
  const form = page.locator('[data-testid="author-form"]');
  await form.waitFor();
  await page.locator('body').focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.id === id, `${prefix}-name`)) break;
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${prefix}-name`);
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(unit);
  await page.keyboard.press('Enter');
  await expect.poll(() => form.count(), { timeout: 10_000 }).toBe(0);
}

async function exportJson(page: Page): Promise<string> {
  const r = await sendFromPage<{ text: string }>(page, 'exportAnnotations', { format: 'json' });
  if (!r.ok) throw new Error(r.error);
  return r.value.text;
}

/** WCAG's contrast ratio of an element's text colour against the page's background. */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let bg = 'rgba(0, 0, 0, 0)';
    for (let e: Element | null = el; e && /rgba\(.*, 0\)$/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
    // Nothing painted: the canvas, white or (a dark scheme) Chromium's dark canvas.
    if (/rgba\(.*, 0\)$/.test(bg)) bg = matchMedia('(prefers-color-scheme: dark)').matches ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)';
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

describe('who said what', () => {
  let a: Duban;
  let b: Duban;
  let dir: string;
  let fileA: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-authors-'));
    a = await launchDuban();
    await serveSeeds(a.context);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks a new profile for its name and unit once, in a form the keyboard fills', async () => {
    const page = await openPopup(a);
    await page.locator('[data-testid="author-form"]').waitFor();
    // The popup opened for the first time takes the keyboard in the form: typing goes into 姓名.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('popup-author-name');
    await screenshot(page, 'authors-first-time-form', { fullPage: true });
    await nameWithKeyboard(page, 'popup-author', '张三', '区发改局');
    // The form closes, and says where it was whom it saved.
    expect(await page.locator('[data-testid="author-saved"]').textContent()).toBe('已保存：张三（区发改局）');
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    expect(await page.locator('[data-testid="author-form"]').count()).toBe(0);
    const authors = await sendFromPage<{ me: { name: string; unit: string }; asked: boolean }>(page, 'getAuthors', {});
    expect(authors.ok && authors.value).toMatchObject({ me: { name: '张三', unit: '区发改局' }, asked: true });
    // The options page shows it, to change it.
    const options = await extensionPage(a.context, a.extensionId, 'options.html');
    await expect.poll(() => options.locator('#options-author-name').inputValue()).toBe('张三');
    expect(await options.locator('#options-author-unit').inputValue()).toBe('区发改局');
    // Known already: the form names what it holds, it does not ask as if for the first time.
    expect(await options.locator('[data-testid="author-form"] h2').textContent()).toBe('您的姓名和单位');
    // Its words readable in dark as in light (WCAG AA: 4.5 to 1 against the page).
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      for (const selector of ['main > .hint', '.author-form .hint', 'label']) {
        expect(await contrastOf(options, selector), `${selector} in ${colorScheme}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    await screenshot(options, 'authors-options-dark');
    await options.close();
    await page.close();
  });

  it('profile A writes a note and exports it; profile B sees it as A’s, with A’s name and unit, beside its own', async () => {
    const noticeA = await openNotice(a.context, noticeSeed().url);
    await openEditor(noticeA, 1);
    await noticeA.keyboard.type('发改局：专题会已召开');
    await noticeA.keyboard.press('Tab');
    await closeEditor(noticeA, 'escape');
    const pageA = await openPopup(a);
    await expect.poll(async () => (await exportJson(pageA)).includes('发改局：专题会已召开'), { timeout: 10_000 }).toBe(true);
    fileA = join(dir, 'A.json');
    writeFileSync(fileA, await exportJson(pageA));

    b = await launchDuban();
    await serveSeeds(b.context);
    const overview = await extensionPage(b.context, b.extensionId, 'overview.html');
    await nameWithKeyboard(overview, 'overview-author', '李四', '区建设局');
    const noticeB = await openNotice(b.context, noticeSeed().url);
    await openEditor(noticeB, 1);
    await noticeB.keyboard.type('建设局：配合完成选址');
    await noticeB.keyboard.press('Tab');
    await closeEditor(noticeB, 'escape');

    const pageB = await openPopup(b);
    const [chooser] = await Promise.all([pageB.waitForEvent('filechooser'), pageB.locator('[data-action="choose-import"]').click()]);
    await chooser.setFiles(fileA);
    // The preview says what the update is: A's note beside B's own.
    await expect.poll(() => pageB.locator('[data-testid="import-changed"] li').allTextContents()).toEqual(['新增同事备注：1']);
    await pageB.locator('[data-action="apply-import"]').click();
    await pageB.locator('[data-testid="import-done"]').waitFor();

    const stored = await sendFromPage<any>(pageB, 'getOverview', {});
    expect(stored.ok && stored.value.items.find((i: any) => i.itemKey === '1')).toMatchObject({
      note: '建设局：配合完成选址',
      noteCopies: [{ kind: 'colleague', author: '张三', unit: '区发改局', text: '发改局：专题会已召开' }],
    });
    // The page shows what is stored when it opens (an import does not reach open pages).
    await noticeB.bringToFront();
    await noticeB.reload();
    const frame = await openEditor(noticeB, 1);
    expect(await frame.locator('#ed-note').inputValue()).toBe('建设局：配合完成选址');
    const colleague = frame.locator('[data-testid="colleague-notes"] li');
    await colleague.waitFor();
    expect(await colleague.locator('.author').textContent()).toBe('张三');
    expect(await colleague.locator('.unit').textContent()).toBe('区发改局');
    expect(await colleague.locator('.text').textContent()).toBe('发改局：专题会已召开');
    await screenshot(noticeB, 'authors-b-overlay-colleague-note');
    await closeEditor(noticeB, 'escape');
  });

  it('shows in the history the words a note edit replaced, and who made it', async () => {
    const noticeB = (b.context.pages().find((p) => p.url().startsWith(noticeSeed().url)))!;
    await noticeB.bringToFront();
    await openEditor(noticeB, 1);
    await noticeB.keyboard.press('End');
    await noticeB.keyboard.type('，下周报送');
    await noticeB.keyboard.press('Tab');
    const frame = await openEditor(noticeB, 1);
    // The same item shown again reads its history again (it stayed 载入中 before).
    await editorHistory(frame);
    const entry = frame.locator('details.history ol.timeline li[data-field="note"]', { hasText: '下周报送' }).first();
    await screenshot(noticeB, 'authors-history-open');
    await entry.waitFor({ timeout: 15_000 });
    expect(await entry.locator('.diff ins').textContent()).toBe('，下周报送');
    expect(await entry.locator('.by').textContent()).toContain('李四（区建设局）');
    await entry.locator('.old-text summary').click();
    expect(await entry.locator('.old-text p').textContent()).toBe('建设局：配合完成选址');
    // A's own entries came with A's file, under A's name.
    expect(await frame.locator('details.history ol.timeline li[data-field="note"] .by', { hasText: '张三（区发改局）' }).count()).toBeGreaterThan(0);
    await screenshot(noticeB, 'authors-history-old-text');
    await closeEditor(noticeB, 'escape');
  });

  it('passes A’s note on from B, named: B’s overview finds it, B’s meeting report and Excel ledger carry it beside B’s own', async () => {
    const overview = await extensionPage(b.context, b.extensionId, 'overview.html');
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    // Search finds the colleague's words.
    await overview.locator('.filters input[type="search"]').fill('专题会已召开');
    await expect.poll(() => overview.locator('table.overview tbody tr[data-item]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item')))).toEqual(['1']);
    await overview.locator('.filters input[type="search"]').fill('');
    // The meeting report: B's note, then A's, named.
    await overview.getByRole('button', { name: /会议报告/ }).click();
    const note = overview.locator('.report-items tr[data-item="1"] td.note').first();
    await note.waitFor();
    expect(await note.innerText()).toBe('建设局：配合完成选址，下周报送\n张三（区发改局）：发改局：专题会已召开');
    await overview.reload();
    // The ledger: 进展情况 is B's note (what a ledger imports back); 同事备注 carries A's, named.
    const button = overview.locator('[data-action="export-ledger"]');
    await expect.poll(() => button.isEnabled()).toBe(true);
    const [download] = await Promise.all([overview.waitForEvent('download'), button.click()]);
    const file = join(dir, 'B-ledger.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).map(String);
    const row = ws.getRows(4, ws.rowCount - 3)!.find((r) => r.getCell(header.indexOf('条目键')).value === '1')!;
    expect(row.getCell(header.indexOf('进展情况')).value).toBe('建设局：配合完成选址，下周报送');
    expect(row.getCell(header.indexOf('同事备注')).value).toBe('张三（区发改局）：发改局：专题会已召开');
    await overview.close();
  });

  it('collects several units’ files at once in the overview: one preview, one batch, one undo', async () => {
    // A's unit writes on; a third unit's file is A's with another author (王五, 区政府办) on item 3.
    const pageA = await openPopup(a);
    const items = (await sendFromPage<{ items: { itemKey: string; fingerprint: string }[] }>(pageA, 'getOverview', {})) as any;
    const fp = items.value.items.find((i: { itemKey: string }) => i.itemKey === '1').fingerprint;
    expect(await sendFromPage(pageA, 'saveAnnotation', { noticeKey: KEY, itemKey: '1', fingerprint: fp, status: 'done', note: '发改局：已完成' })).toMatchObject({ ok: true });
    const file1 = join(dir, '发改局.json');
    writeFileSync(file1, await exportJson(pageA));
    const other = JSON.parse(await exportJson(pageA));
    const wang = { id: 'unit-wang-5', name: '王五', unit: '区政府办' };
    other.exportedBy = wang.id;
    other.authors = [wang];
    other.notices[0].items = other.notices[0].items.map((i: any) => ({ ...i, itemKey: '3', author: wang.id, noteAuthor: wang.id, note: '政府办：已督查', history: [] }));
    const file2 = join(dir, '政府办.json');
    writeFileSync(file2, JSON.stringify(other));

    const overview = b.context.pages().find((p) => p.url().includes('overview.html'))!;
    await overview.bringToFront();
    await overview.reload();
    overview.on('filechooser', () => {});
    const before = await sendFromPage<any[]>(overview, 'getOverview', {});
    const [chooser] = await Promise.all([overview.waitForEvent('filechooser'), overview.locator('[data-action="choose-batch"]').click()]);
    await chooser.setFiles([file1, file2]);
    const preview = overview.locator('[data-testid="batch-preview"]');
    await preview.waitFor();
    expect(await preview.locator('li[data-file]').count()).toBe(2);
    expect(await preview.locator('li[data-file="发改局.json"]').textContent()).toContain('更新 1 项');
    expect(await preview.locator('li[data-file="政府办.json"]').textContent()).toContain('新增 1 项');
    await screenshot(overview, 'authors-batch-preview', { fullPage: true });
    await overview.locator('[data-action="apply-batch"]').click();
    await overview.locator('[data-testid="batch-done"]').waitFor();
    const after = (await sendFromPage<any>(overview, 'getOverview', {})) as any;
    const three = after.value.items.find((i: any) => i.itemKey === '3');
    expect(three.noteCopies.map((c: any) => [c.author, c.unit, c.text])).toEqual([['王五', '区政府办', '政府办：已督查']]);
    expect(after.value.items.find((i: any) => i.itemKey === '1').status).toBe('done');

    // The 填报人 filter lists 王五; "my unit" keeps the items where 区建设局 leads or co-works.
    await expect.poll(() => overview.locator('select[data-filter="author"] option', { hasText: '王五' }).count()).toBe(1);
    await screenshot(overview, 'authors-overview-after-batch', { fullPage: true });

    await overview.locator('[data-action="undo-batch"]').click();
    await overview.locator('[data-testid="batch-undone"]').waitFor();
    const undone = (await sendFromPage<any>(overview, 'getOverview', {})) as any;
    expect(undone.value.items).toEqual((before as any).value.items);
  });
});
