// A government page where a notice was opened comes back with the notice script run by the
// browser itself (entrypoints/background/known-notice-pages.ts), end to end in Chromium: the page
// is registered, its next load gets the overlay with its notes and may edit them, though no probe
// word granted it, and the notice script runs there once, not again on the probe's word; a page
// that holds no notice any more is forgotten. A copy off government sites is never registered.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorSaved, openEditor, rowLabel } from './editor';
import { extensionPage, launchDuban, noticeSeed, openNotice, serveHtml, waitForDuban, type Duban } from './harness';
import { userAsks, USER_ACTION_ARGS } from './user-asks';

/** A government host that is not in the registry (lib/notice/sites.ts): no page of it may open a notice unasked but for the probe. */
const GOV_URL = 'https://www.xihu.gov.cn/art/2024/3/7/art_1229290402_4246130.html';
const COPY_URL = 'https://news.example.com/2024/gongshu-zerenfenjie.html';
const NOTE = '回访时还在：区发改经信局已报进度';

let duban: Duban;
beforeAll(async () => {
  duban = await launchDuban({ args: USER_ACTION_ARGS });
  const html = readFileSync(noticeSeed().path, 'utf8');
  await serveHtml(duban.context, GOV_URL, html);
  await serveHtml(duban.context, `${GOV_URL}?from=wx`, html);
  await serveHtml(duban.context, COPY_URL, html);
}, 60_000);
afterAll(() => duban?.close());

/** The match patterns of duban's registered content scripts, with their files. */
async function registered(): Promise<{ matches: string[]; js: string[] }[]> {
  const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
  try {
    return await page.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ matches: s.matches ?? [], js: s.js ?? [] })),
    );
  } finally {
    await page.close();
  }
}

/** Opens `url` in a new tab, counting the times duban's notice script is loaded into it. */
async function openCounting(url: string): Promise<{ page: Page; loads: () => number }> {
  const page = await duban.context.newPage();
  const cdp = await duban.context.newCDPSession(page);
  let loads = 0;
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url === `chrome-extension://${duban.extensionId}/content-scripts/notice.js`) loads++;
  });
  await cdp.send('Debugger.enable');
  const done = waitForDuban(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await done;
  return { page, loads: () => loads };
}

describe('a government page where a notice was opened', () => {
  it('is registered for the notice script once its notice opens, and only then', async () => {
    expect(await registered()).toEqual([]);
    const page = await openNotice(duban.context, GOV_URL);
    const frame = await openEditor(page, 2);
    await page.keyboard.type(NOTE);
    await editorSaved(frame);
    await page.close();
    await expect.poll(registered).toEqual([{ matches: ['*://www.xihu.gov.cn/art/2024/3/7/art_1229290402_4246130.html*'], js: ['known-page.js', 'content-scripts/notice.js'] }]);
  });

  it('comes back with its notes, runs the notice script once, and may edit with no word from the probe', async () => {
    const { page, loads } = await openCounting(`${GOV_URL}?from=wx`);
    expect(await page.locator('html').getAttribute('data-duban')).toBe('ready');
    expect(await page.locator('[data-duban-item]').count()).toBe(156);
    await expect.poll(() => rowLabel(page, 2, 'note')).toContain('回访时还在');
    // The probe ran too, found the notice script at work in duban's world and left the page to it:
    // no reading of the body, no word to the background, nothing injected again.
    await page.waitForFunction(() => performance.getEntriesByName('duban:probe-handover', 'measure').length === 1);
    expect(await page.evaluate(() => performance.getEntriesByName('duban:probe', 'measure').length)).toBe(0);
    const frame = await openEditor(page, 4);
    await page.keyboard.type('再访也能记');
    await editorSaved(frame);
    expect(loads()).toBe(1);
    await page.close();
  });

  it('a copy off government sites is never registered, even when the user asks there', async () => {
    const page = await duban.context.newPage();
    await page.goto(COPY_URL);
    expect(await userAsks(duban, page)).toMatchObject({ ok: true, value: { verdict: 'notice', copy: true } });
    expect((await waitForDuban(page)).state).toBe('ready');
    await page.close();
    expect((await registered()).flatMap((s) => s.matches)).toEqual(['*://www.xihu.gov.cn/art/2024/3/7/art_1229290402_4246130.html*']);
  });

  it('is forgotten once it holds no notice: the notice script run there finds none, and the next load is the probe\'s', async () => {
    // The address now serves a 督查 bulletin on the tasks (a page taken down and replaced, or one a
    // newer duban no longer reads as a notice).
    const bulletin = readFileSync(fileURLToPath(new URL('../fixtures/notices/gongshu-2024h1-bulletin.html', import.meta.url)), 'utf8');
    await serveHtml(duban.context, GOV_URL, bulletin);
    const first = await openCounting(GOV_URL);
    expect(await first.page.locator('html').getAttribute('data-duban')).toBe('none');
    expect(first.loads()).toBe(1);
    await first.page.close();
    // Its only page gone, the registration goes with it.
    await expect.poll(registered).toEqual([]);
    const next = await openCounting(GOV_URL);
    expect(await next.page.locator('html').getAttribute('data-duban')).toBe('none');
    expect(await next.page.locator('[data-duban-item], [data-duban-bar]').count()).toBe(0);
    expect(next.loads()).toBe(0);
    await next.page.close();
  });
});
