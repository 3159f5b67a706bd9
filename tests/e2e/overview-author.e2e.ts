// The overview's 填报人 column: who wrote each item's note, named with their unit as the details
// panel names them; the column sorts, the 填报人 filter narrows to it, and with the details panel
// open the column gives way (the panel names the writer) so that 跟进 stays in sight. The first-time
// name-and-unit form above the table takes Escape (its 暂不填写) only with the keyboard in it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonText, readDb, sendFromPage } from './db';
import { closeEditor, openEditor } from './editor';
import { extensionPage, launchDuban, noticeSeed, openNotice, screenshot, serveSeeds, type Duban } from './harness';

describe('the overview’s first-time name-and-unit form and Escape', () => {
  let duban: Duban;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
  });
  afterAll(() => duban?.close());

  // The form is no dialog the user opened: the overview shows it until it is answered, and its
  // Escape is 暂不填写, which is never asked again. Escape pressed elsewhere (to close the details
  // panel, or after a click on the page) is not that choice.
  it('takes Escape as 暂不填写 only with the keyboard in it', async () => {
    const notice = await openNotice(duban.context, noticeSeed().url);
    await openEditor(notice, 3);
    await notice.keyboard.type('已开工');
    await closeEditor(notice, 'escape');
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const form = overview.locator('[data-testid="author-form"]');
    await form.waitFor();
    const asked = async () => ((await sendFromPage<any>(overview, 'getAuthors', {})) as any).value.asked;
    expect(await asked()).toBe(false);

    // Clicked elsewhere on the page, then Escape: the form stays.
    await overview.locator('h1').click();
    await overview.keyboard.press('Escape');
    // The details panel open, Escape is the panel's.
    await overview.locator('tr[data-item="3"] td.c-no').click();
    await overview.locator('.details').waitFor();
    await overview.keyboard.press('Escape');
    await overview.locator('.details').waitFor({ state: 'detached' });
    expect(await form.isVisible()).toBe(true);
    expect(await asked()).toBe(false);

    // In the form, Escape is its 暂不填写: the form goes, and Tab goes on from where it was.
    await overview.locator('#overview-author-unit').click();
    await overview.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await asked()).toBe(true);
    await overview.keyboard.press('Tab');
    expect(await overview.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('choose-batch');
  });
});

describe('the overview’s 填报人 column', () => {
  let duban: Duban;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
  });
  afterAll(() => duban?.close());

  it('names each note’s writer, sorts by them, filters by them, and gives way to the details panel', async () => {
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const named = await sendFromPage(overview, 'setLocalAuthor', { name: '张三', unit: '区发改局' });
    expect(named.ok).toBe(true);
    const notice = await openNotice(duban.context, noticeSeed().url);
    await openEditor(notice, 3);
    await notice.keyboard.type('发改局：已完成选址');
    await notice.keyboard.press('Tab');
    await closeEditor(notice, 'escape');
    await expect
      .poll(async () => ((await sendFromPage<any>(overview, 'getOverview', {})) as any).value.items.some((i: any) => i.note === '发改局：已完成选址'))
      .toBe(true);

    await overview.bringToFront();
    await overview.reload();
    const header = overview.locator('th.c-author');
    await header.waitFor();
    expect((await header.textContent())?.trim()).toMatch(/^填报人/);
    const cell = (key: string) => overview.locator(`tr[data-item="${key}"] td.c-author`);
    await expect.poll(() => cell('3').textContent()).toBe('张三（区发改局）');
    // An item nobody wrote about has no 填报人.
    expect(await cell('1').textContent()).toBe('');

    // Sorted by 填报人: the signed item first, then the rest in the notice's order; again, the other way, still first (empty last).
    await header.locator('button.sort').click();
    await expect.poll(() => overview.locator('tbody tr[data-item]').first().getAttribute('data-item')).toBe('3');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.locator('button.sort').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => overview.locator('tbody tr[data-item]').first().getAttribute('data-item')).toBe('3');
    await screenshot(overview, 'overview-author-column');

    // The 填报人 filter shows only that writer's items.
    const authors = await sendFromPage<any>(overview, 'getAuthors', {});
    await overview.locator('select[data-filter="author"]').selectOption((authors as any).value.me.id);
    await expect.poll(() => overview.locator('tbody tr[data-item]').count()).toBe(1);
    await overview.locator('select[data-filter="author"]').selectOption('');
    await expect.poll(() => overview.locator('tbody tr[data-item]').count()).toBeGreaterThan(1);
    // It is one of the panel's filters: 清除筛选 clears it with the others.
    const all = await overview.locator('tbody tr[data-item]').count();
    await overview.locator('select[data-filter="author"]').selectOption((authors as any).value.me.id);
    await expect.poll(() => overview.locator('tbody tr[data-item]').count()).toBe(1);
    await overview.locator('form.filters').getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => overview.locator('tbody tr[data-item]').count()).toBe(all);
    expect(await overview.locator('select[data-filter="author"]').inputValue()).toBe('');

    // The details panel names the writer as the column does; the column collapses, 跟进 stays visible.
    await overview.locator('tr[data-item="3"] td.c-no').click();
    await expect.poll(() => overview.locator('[data-testid="reported-by"]').textContent()).toContain('张三（区发改局）');
    await expect.poll(() => header.evaluate((th) => getComputedStyle(th).visibility)).toBe('hidden');
    expect(await overview.locator('col.c-author').evaluate((c) => c.getBoundingClientRect().width)).toBe(0);
    const follow = await overview.locator('th.c-follow').boundingBox();
    const viewport = overview.viewportSize()!;
    expect(follow && follow.x + follow.width).toBeLessThanOrEqual(viewport.width);
    await screenshot(overview, 'overview-author-details-open');
  });

  it('shows a colleague’s note, named, where only a colleague wrote on an item, and under the own note in print', async () => {
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    overview.on('filechooser', () => {});
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    // 王五's file (区政府办): a note on item 5, which nobody here wrote about, and one on item 3, which 张三 did.
    const file = JSON.parse(await exportJsonText(overview));
    const wang = { id: 'unit-wang-5', name: '王五', unit: '区政府办' };
    const db = await readDb(duban.context, duban.extensionId);
    const fingerprint = (key: string) => (db.notices[0] as any).items.find((i: any) => i.key === key).fingerprint;
    const [first] = file.notices[0].items;
    file.exportedBy = wang.id;
    file.authors = [...(file.authors ?? []), wang];
    file.notices[0].items = [
      { ...first, itemKey: '5', fingerprint: fingerprint('5'), status: 'in_progress', note: '政府办：已督查，资金已到位', author: wang.id, noteAuthor: wang.id, history: [] },
      { ...first, itemKey: '3', fingerprint: fingerprint('3'), status: 'in_progress', note: '政府办：请发改局月底前报送', author: wang.id, noteAuthor: wang.id, history: [] },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'duban-colleague-'));
    const path = join(dir, 'wang.json');
    writeFileSync(path, JSON.stringify(file));
    const [chooser] = await Promise.all([overview.waitForEvent('filechooser'), overview.locator('[data-action="choose-batch"]').click()]);
    await chooser.setFiles(path);
    await overview.locator('[data-action="apply-batch"]').click();
    await overview.locator('[data-testid="batch-done"]').waitFor();

    const note = (key: string) => overview.locator(`tr[data-item="${key}"] td.c-note`);
    // Empty before: 填报人 named 王五 beside a blank 备注.
    await expect.poll(() => note('5').textContent()).toBe('王五（区政府办）：政府办：已督查，资金已到位');
    expect(await overview.locator('tr[data-item="5"] td.c-author').textContent()).toBe('王五（区政府办）');
    expect(await note('5').locator('.colleague-notes').count()).toBe(1);
    // An item with a note of its own shows that note on screen; its cell's tooltip holds the colleague's too.
    expect(await note('3').textContent()).toBe('发改局：已完成选址');
    expect(await note('3').getAttribute('title')).toBe('发改局：已完成选址\n王五（区政府办）：政府办：请发改局月底前报送');
    await screenshot(overview, 'overview-colleague-note');

    // Printed, the own note and then the colleague's.
    const pdf = join(dir, 'overview.pdf');
    await overview.pdf({ path: pdf, preferCSSPageSize: true });
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('发改局：已完成选址王五（区政府办）：政府办：请发改局月底前报送');
    rmSync(dir, { recursive: true, force: true });
    await overview.close();
  });
});
