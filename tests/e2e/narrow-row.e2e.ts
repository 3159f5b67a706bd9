// A narrow window on a page laid out wider than it (government templates fix their width at
// 1000–1200 px): each row's 编辑 stays where the item's text is read, not past the window's right
// edge at the far end of a page-wide row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDuban, noticeSeed, openNotice, ROOT, screenshot, serveHtml, serveSeeds, type Duban } from './harness';
import { editorHeading, shownAt, waitEditorReady } from './editor';
import { shadowClick, shadowEval } from './shadow';

/** The seed in its old table layout: overlay rows are rows of its fixed-width table. */
const TABLE = { url: 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html', file: 'tests/fixtures/notices/gongshu-2024-2-table.html' };

describe.each([
  { lang: 'zh-CN', colorScheme: 'light' as const, table: false, shot: 'narrow-row-400', heading: editorHeading(20) },
  { lang: 'en', colorScheme: 'dark' as const, table: false, shot: 'narrow-row-400-en-dark', heading: 'Item 20 follow-up' },
  { lang: 'zh-CN', colorScheme: 'light' as const, table: true, shot: 'narrow-row-400-table', heading: editorHeading(20) },
])('rows in a window narrower than the page ($lang, $colorScheme, table layout: $table)', ({ lang, colorScheme, table, shot, heading }) => {
  let d: Duban;
  let page: Page;
  beforeAll(async () => {
    d = await launchDuban({ viewport: { width: 400, height: 700 }, lang, colorScheme });
    await serveSeeds(d.context);
    if (table) await serveHtml(d.context, TABLE.url, readFileSync(join(ROOT, TABLE.file), 'utf8'));
    page = await openNotice(d.context, table ? TABLE.url : noticeSeed().url);
  });
  afterAll(() => d?.close());

  it('shows 编辑 in the window beside the start of the item it edits', async () => {
    // Rows are fitted to the window once the page is idle after ready. Scrolled to before that, a
    // row still as wide as the page's column would be brought in at its start, sideways
    // (scrollIntoView's inline 'nearest'): the user scrolls down to the item, not across.
    const fitted = () => page.evaluate(() => (document.querySelector('[data-duban-item="20"]') as HTMLElement).style.maxWidth);
    await expect.poll(fitted, { timeout: 10_000 }).not.toBe('');
    await page.evaluate(() => document.querySelector('[data-duban-item="20"]')!.scrollIntoView({ block: 'center' }));
    expect(await page.evaluate(() => scrollX)).toBe(0);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    const edit = () => shadowEval<{ left: number; right: number }>(page, 20, 'button.edit', 'function () { const r = this.getBoundingClientRect(); return { left: r.left, right: r.right } }');
    await expect.poll(async () => (await edit()).right <= width, { timeout: 10_000 }).toBe(true);
    expect((await edit()).left).toBeGreaterThanOrEqual(0);
    await screenshot(page, shot);

    // Clicked, it opens the editor in the window with the item's start still in sight: no sideways scroll.
    await waitEditorReady(page);
    await shadowClick(page, '20', 'button.edit');
    await shownAt(page, '20', heading);
    const seen = await page.evaluate(() => {
      const r = document.querySelector('[data-duban-editor]')!.getBoundingClientRect();
      return { scrollX, left: r.left, right: r.right, width: document.documentElement.clientWidth };
    });
    expect(seen.scrollX).toBe(0);
    expect(seen.left).toBeGreaterThanOrEqual(0);
    expect(seen.right).toBeLessThanOrEqual(seen.width);
    await screenshot(page, `${shot}-editor`);

    // A window made wide again gives the rows their column's width back.
    await page.setViewportSize({ width: 1280, height: 700 });
    await expect.poll(fitted, { timeout: 10_000 }).toBe('');
  });
});
