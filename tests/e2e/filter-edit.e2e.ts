// A status filter on while the user changes an item's status in the editor (caidian-2023, six
// items, all 未开始): the row being edited stays shown until the editor closes, then the filter
// applies to it; the bar's 显示 N/6 always counts the rows the page shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowStatus, closeEditor, editorSaved, openEditor, rowStatus, shownAt } from './editor';
import { launchDuban, noticeSeed, openNotice, ROOT, screenshot, serveHtml, serveSeeds, type Duban } from './harness';
import { barClick, barLabel, visibleKeys } from './overlay-helpers';
import { shadowClick } from './shadow';

const URL = 'https://www.caidian.gov.cn/zwgk/zc/zfwj/qzfbgwj/202302/t20230208_2147809.shtml';
const HTML = readFileSync(join(ROOT, 'tests/fixtures/notices/caidian-2023.html'), 'utf8');

/** What the bar says it shows, and what the page shows. */
async function shown(page: Page) {
  const rows = await visibleKeys(page);
  return { label: await barLabel(page, '.total'), rows };
}

describe('a status filter while an item’s status changes in the editor', () => {
  let duban: Duban;
  let page: Page;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveHtml(duban.context, URL, HTML);
    page = await openNotice(duban.context, URL);
  }, 60_000);
  afterAll(() => duban?.close());

  it('keeps the edited row shown and counted while the editor is open, then hides it and counts 5/6', async () => {
    await barClick(page, '.chip.s-not_started');
    expect(await shown(page)).toEqual({ label: '显示 6/6', rows: ['一、1.', '一、2.', '一、3.', '一、4.', '二、1.', '二、2.'] });
    const frame = await openEditor(page, '一、3.');
    await arrowStatus(page, frame, 1); // 推进中
    await editorSaved(frame);
    await expect.poll(() => rowStatus(page, '一、3.')).toBe('in_progress');
    // The user still sees the item they edit, and the bar counts it.
    expect(await shown(page)).toEqual({ label: '显示 6/6', rows: ['一、1.', '一、2.', '一、3.', '一、4.', '二、1.', '二、2.'] });
    await screenshot(page, 'filter-edit-open');
    await closeEditor(page, 'escape');
    expect(await shown(page)).toEqual({ label: '显示 5/6', rows: ['一、1.', '一、2.', '一、4.', '二、1.', '二、2.'] });
    // Its row gone, the keyboard is on the next row shown, where the user was: not lost in the page, nor sent up to the bar.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-duban-item'))).toBe('一、4.');
    await screenshot(page, 'filter-edit-closed');
  });

  it('hides the edited row when the user clicks another row’s Edit, and that click opens the other row’s editor', async () => {
    const frame = await openEditor(page, '一、1.');
    await arrowStatus(page, frame, 1);
    await editorSaved(frame);
    await expect.poll(() => rowStatus(page, '一、1.')).toBe('in_progress');
    expect(await shown(page)).toEqual({ label: '显示 5/6', rows: ['一、1.', '一、2.', '一、4.', '二、1.', '二、2.'] });
    await shadowClick(page, '二、1.', 'button.edit');
    await shownAt(page, '二、1.');
    expect(await shown(page)).toEqual({ label: '显示 4/6', rows: ['一、2.', '一、4.', '二、1.', '二、2.'] });
    await closeEditor(page);
    expect(await shown(page)).toEqual({ label: '显示 4/6', rows: ['一、2.', '一、4.', '二、1.', '二、2.'] });
  });
});

describe('the open editor while the page’s layout moves under it', () => {
  let duban: Duban;
  let page: Page;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    page = await openNotice(duban.context, noticeSeed().url);
  }, 60_000);
  afterAll(() => duban?.close());

  it('stays under its row when a change in another tab hides a row above it', async () => {
    await barClick(page, '.chip.s-not_started');
    await openEditor(page, 12);
    const gap = () =>
      page.evaluate(() => {
        const row = document.querySelector('[data-duban-item="12"]')!.getBoundingClientRect();
        return Math.round(document.querySelector('[data-duban-editor]')!.getBoundingClientRect().top - row.bottom);
      });
    const before = await gap();
    expect(before).toBeGreaterThanOrEqual(0);
    expect(before).toBeLessThan(20);
    // Another tab sets item 10 going: under 未开始 it leaves this page, and the rows below it move up.
    const other = await openNotice(duban.context, noticeSeed().url);
    const frame = await openEditor(other, 10);
    await arrowStatus(other, frame, 1);
    await editorSaved(frame);
    await closeEditor(other);
    await other.close();
    await page.bringToFront();
    await expect.poll(async () => (await visibleKeys(page)).includes('10')).toBe(false);
    await expect.poll(gap).toBe(before);
    await screenshot(page, 'filter-edit-moved');
    await closeEditor(page);
  });
});
