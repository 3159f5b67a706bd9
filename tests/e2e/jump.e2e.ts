// The bar's 跳转 box takes an item written as the page prints it, or as duban names it: （二） under
// a section whose items restart (caidian-2023 keys it 一、2.), a number closed by 。, a list's item
// with a full stop between list and number (清单2.3). An item the page does not have still says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDuban, openNotice, ROOT, serveHtml, type Duban } from './harness';
import { barEval, barFocus } from './overlay-helpers';

type Fixture = { file: string; url: string };
const fixtures = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/notices/index.json'), 'utf8')) as Fixture[];
const fixture = (name: string) => fixtures.find((f) => f.file.startsWith(name))!;

/** Types `text` into the 跳转 box as a user does and presses Enter. */
async function jump(page: Page, text: string): Promise<void> {
  await barFocus(page, '.jump input');
  await barEval(page, '.jump input', 'function () { this.select() }');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
}

const focusedItem = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-duban-item') ?? null);
/** The box's message that the item is not there, or null. */
const jumpError = (page: Page) => barEval<string | null>(page, '.jump', 'function () { return this.querySelector(".error")?.textContent ?? null }');

describe.each([
  {
    name: 'caidian-2023',
    // Printed （二） under 一、 and under 二、: the first is 一、2.; a section's own name picks the other.
    cases: [
      ['（二）', '一、2.'],
      ['(二)', '一、2.'],
      ['一、（二）', '一、2.'],
      ['二、（一）', '二、1.'],
      ['3。', '一、3.'],
      ['二、2。', '二、2.'],
    ],
  },
  {
    name: 'haiyan-2022',
    // Two lists: duban names list 2’s item 3 清单2·3; typed with a full stop, or full-width, too.
    cases: [
      ['清单2.3', '2/3'],
      ['清单２．３', '2/3'],
      ['清单2。3', '2/3'],
      ['2。', '1/一、2.'],
      ['一、2。', '1/一、2.'],
      ['清单1·二、（一）', '1/二、1.'],
    ],
  },
])('the 跳转 box on $name', ({ name, cases }) => {
  let duban: Duban;
  let page: Page;
  beforeAll(async () => {
    duban = await launchDuban();
    const f = fixture(name);
    await serveHtml(duban.context, f.url, readFileSync(join(ROOT, 'tests/fixtures/notices', f.file), 'utf8'));
    page = await openNotice(duban.context, f.url);
  }, 60_000);
  afterAll(() => duban?.close());

  it.each(cases)('goes to the item written %s as the page or duban shows it (%s)', async (typed, key) => {
    // Start from the bar, so that the focus moving is the jump’s doing.
    await jump(page, '999');
    expect(await jumpError(page)).toBe('无事项 999');
    await jump(page, typed);
    await expect.poll(() => focusedItem(page)).toBe(key);
    expect(await jumpError(page)).toBeNull();
  });

  it('still says plainly that an item the page does not have is not there', async () => {
    await jump(page, '（九）');
    await expect.poll(() => jumpError(page)).toBe('无事项 （九）');
  });
});
