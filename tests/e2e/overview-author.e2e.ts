// The overview's 填报人 column: who wrote each item's note, named with their unit as the details
// panel names them; the column sorts, the 填报人 filter narrows to it, and with the details panel
// open the column gives way (the panel names the writer) so that 跟进 stays in sight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromPage } from './db';
import { closeEditor, openEditor } from './editor';
import { extensionPage, launchDuban, noticeSeed, openNotice, screenshot, serveSeeds, type Duban } from './harness';

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
});
