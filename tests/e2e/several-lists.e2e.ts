// A notice of several lists and no 文号 (杭州 2021: the province's 十四五 tasks, its 2021 tasks,
// then the city's own), as a user meets it in Chromium with the built extension: an item's key
// (`2/1`, list 2's item 1) reads as its list in words wherever duban names the item (the row, the
// editor, the overview, the popup's lists), never as "2/1", which reads as a date; the popup heads
// the notice by its title and site, since its key is a long URL that overflowed the card; the bar's
// jump box and the overview's search find an item by that name, or by the number printed on the page. In both
// languages. Screenshots: artifacts/screenshots/several-lists-<lang>-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { editorSaved, openEditor, typeDay } from './editor';
import { extensionPage, launchDuban, openNotice, openPopup, ROOT, screenshot, serveHtml, type Duban } from './harness';
import { barEval, barFocus } from './overlay-helpers';
import { shadowEval } from './shadow';

const URL = 'https://www.hangzhou.gov.cn/art/2021/4/2/art_1229063382_1727043.html';
const HTML = readFileSync(join(ROOT, 'tests/fixtures/notices/hangzhou-2021.html'), 'utf8');
const TITLE = '杭州市人民政府办公厅关于印发2021年省政府工作报告重点工作涉杭任务和市政府工作报告重点工作责任分解的通知';

const LANGUAGES = [
  { lang: 'zh-CN', label: '清单2·1', row: '事项 清单2·1 督办', editor: '事项 清单2·1 督办', popupItem: '第 清单2·1 项', printed: '5.' },
  { lang: 'en', label: 'list 2·1', row: 'Item list 2·1 follow-up', editor: 'Item list 2·1 follow-up', popupItem: 'Item list 2·1', printed: '#5' },
] as const;

describe.each(LANGUAGES)('a notice of several lists, in $lang', (L) => {
  let duban: Duban;
  beforeAll(async () => {
    duban = await launchDuban({ lang: L.lang });
    await serveHtml(duban.context, URL, HTML);
  }, 60_000);
  afterAll(() => duban?.close());

  it('names an item by its list in words in the row, the editor, the overview and the popup, and the overview’s search finds it so; heads the notice by its title', async () => {
    const page = await openNotice(duban.context, URL);
    // The row's name for screen readers.
    expect(await shadowEval(page, '2/1', 'section.overlay', 'function () { return this.getAttribute("aria-label") }')).toBe(L.row);
    // The bar's 跳转 box finds the item by the name duban gives it.
    await barFocus(page, '.jump input');
    await page.keyboard.insertText(L.label);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-duban-item'))).toBe('2/1');
    expect(await barEval<number>(page, '.jump .error', 'function () { return 1 }').catch(() => 0)).toBe(0);
    // And by the number printed on the page (as printed, 5., or after the box's #): the first list that has it (lists 1 and 2 stop before 5).
    await barFocus(page, '.jump input');
    await barEval(page, '.jump input', 'function () { this.select() }');
    await page.keyboard.insertText(L.printed);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-duban-item'))).toBe('3/5');

    // The editor's heading (the helper waits for it), and a note with a follow-up due today, so
    // that the popup lists the item.
    const frame = await openEditor(page, '2/1', L.editor);
    await page.keyboard.type('第二个清单的备注');
    await editorSaved(frame);
    expect(await frame.locator('h1').textContent()).toBe(L.editor);
    await typeDay(page, frame, shanghaiDayOf(Date.now()));
    await frame.locator('#ed-note').focus();
    await editorSaved(frame);
    await screenshot(page, `several-lists-${L.lang}-editor`);

    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await overview.setViewportSize({ width: 1280, height: 800 });
    const numbers = overview.locator('tbody td.c-no');
    await numbers.first().waitFor();
    const shown = await numbers.allTextContents();
    expect(shown).toContain(L.label);
    expect(shown.some((n) => n.includes('/'))).toBe(false);
    await screenshot(overview, `several-lists-${L.lang}-overview`);
    // The overview's search finds the item by that name, and by its key within its list as the name ends.
    const search = overview.locator('.filters input[type="search"]');
    await search.fill(L.label);
    await expect.poll(() => numbers.allTextContents()).toEqual([L.label]);
    await screenshot(overview, `several-lists-${L.lang}-overview-search`);
    await search.fill(L.label.split('·')[1]);
    await expect.poll(() => numbers.allTextContents()).toContain(L.label);
    await overview.close();

    const popup = await openPopup(duban);
    const card = popup.locator('section.notice').first();
    await card.locator('h2').waitFor();
    await screenshot(popup, `several-lists-${L.lang}-popup`, { fullPage: true });
    // No 文号: the title heads the card, the site under it; nothing wider than the card.
    await expect.poll(() => card.locator('h2').textContent()).toContain(TITLE);
    expect(await card.locator('p.title').textContent()).toBe('www.hangzhou.gov.cn');
    expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The week's follow-ups, opened as a user does.
    await card.locator('details summary').first().click();
    await expect.poll(() => card.locator('.no').allTextContents()).toContain(L.popupItem);
    await popup.close();
  });
});
