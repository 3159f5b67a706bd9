// Notices beyond the registry's sites, end to end (Chromium + the built extension): the probe on
// every government page, the notice script injected where it finds a likely notice, nothing on a
// portal, and a copy at a non-government host overlaid only when the user asks (./user-asks.ts
// names the stand-in for "the user asked"), marked as a copy, with the notice's own notes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recogniseNotice } from '../../lib/notice/recognise';
import { sendFromPage } from './db';
import { closeEditor, editorSaved, openEditor, rowLabel, waitEditorReady } from './editor';
import { dubanState, extensionPage, launchDuban, noticeSeed, openNotice, screenshot, serveHtml, serveSeeds, type Duban } from './harness';
import { barLabel, waitReady } from './overlay-helpers';
import { openActionPopup, sendRecognise, tabIdOf, userAsks, USER_ACTION_ARGS } from './user-asks';

/** A government host that is not in the registry (lib/notice/sites.ts). */
const GOV_URL = 'https://www.xihu.gov.cn/art/2024/3/7/art_1229290402_4246130.html';
const PORTAL_URL = 'https://www.xihu.gov.cn/';
/** The seed notice copied to a host that is not a government site. */
const COPY_URL = 'https://news.example.com/2024/gongshu-zerenfenjie.html';
const NOT_NOTICE_URL = 'https://news.example.com/2024/portal.html';
const NOTE = '副本上也应看到：已联系区发改经信局';
/** The seed notice's key (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';

/** A notice without a 文号 (known by its address alone), at its own government address and copied. */
const UNNUMBERED_URL = 'https://www.hangzhou.gov.cn/art/2021/4/2/art_1229063382_1727043.html';
const UNNUMBERED_COPY_URL = 'https://news.example.com/2021/hangzhou-zerenfenjie.html';
const unnumberedHtml = () => readFileSync(fileURLToPath(new URL('../fixtures/notices/hangzhou-2021.html', import.meta.url)), 'utf8');

/** A 督查 bulletin on the seed's tasks (its lagging items, each with its 责任单位 line), at its government address. */
const BULLETIN_URL = 'https://www.gongshu.gov.cn/art/2024/7/16/art_1229290402_4270116.html';
// Numbered measures with no unit named for any of them, at their own government address.
const MEASURES_URL = 'https://www.gongshu.gov.cn/art/2024/4/12/art_1229290402_4251180.html';
const measuresHtml = () => readFileSync(fileURLToPath(new URL('../fixtures/notices/gongshu-2024-measures.html', import.meta.url)), 'utf8');
const bulletinHtml = () => readFileSync(fileURLToPath(new URL('../fixtures/notices/gongshu-2024h1-bulletin.html', import.meta.url)), 'utf8');

const seedHtml = () => readFileSync(noticeSeed().path, 'utf8');
const portalHtml = () => readFileSync(fileURLToPath(new URL('../fixtures/notices/gongshu-portal.html', import.meta.url)), 'utf8');

/** What of duban the page holds: rows, bar, editor frame, and frames of duban's pages. */
async function dubanOnPage(page: Page) {
  return {
    ...(await dubanState(page)),
    hosts: await page.locator('[data-duban-item], [data-duban-bar], [data-duban-editor]').count(),
    frames: page.frames().filter((f) => f.url().startsWith('chrome-extension://')).length,
    copy: await page.evaluate(() => document.documentElement.hasAttribute('data-duban-copy')),
  };
}

let duban: Duban;
beforeAll(async () => {
  duban = await launchDuban({ args: USER_ACTION_ARGS });
  await serveSeeds(duban.context);
  await serveHtml(duban.context, GOV_URL, seedHtml());
  await serveHtml(duban.context, COPY_URL, seedHtml());
  await serveHtml(duban.context, PORTAL_URL, portalHtml());
  await serveHtml(duban.context, MEASURES_URL, measuresHtml());
  await serveHtml(duban.context, NOT_NOTICE_URL, portalHtml());
  await serveHtml(duban.context, UNNUMBERED_URL, unnumberedHtml());
  await serveHtml(duban.context, UNNUMBERED_COPY_URL, unnumberedHtml());
  await serveHtml(duban.context, BULLETIN_URL, bulletinHtml());
}, 60_000);
afterAll(() => duban?.close());

describe('on a government site not in the registry', () => {
  it('the probe finds the notice and the injected notice script overlays every item', async () => {
    const page = await openNotice(duban.context, GOV_URL);
    expect(await dubanOnPage(page)).toMatchObject({ state: 'ready', items: 156, copy: false });
    expect(await page.locator('[data-duban-item]').count()).toBe(156);
    // The probe ran (its measure) and loaded the notice script.
    expect(await page.evaluate(() => [performance.getEntriesByName('duban:probe', 'measure').length, performance.getEntriesByName('duban:start').length])).toEqual([1, 1]);

    // The page keeps its right to its notice when a link from the popup jumps to an item in it
    // (a same-document navigation): the row's editor still opens.
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    expect(await sendFromPage(popup, 'openPage', { url: `${GOV_URL}#duban-item-5` })).toMatchObject({ ok: true });
    await popup.close();
    await page.waitForURL(`${GOV_URL}#duban-item-5`);
    await page.bringToFront();
    const frame = await openEditor(page, 5);
    expect(await frame.locator('h1').textContent()).toContain('事项 5');
    await page.close();
  });

  it('a portal front page gets no overlay and no editor frame', async () => {
    const page = await openNotice(duban.context, PORTAL_URL);
    expect(await dubanOnPage(page)).toEqual({ state: 'none', items: null, hosts: 0, frames: 0, copy: false });
    // The notice script never ran: only the probe did.
    expect(await page.evaluate(() => [performance.getEntriesByName('duban:probe', 'measure').length, performance.getEntriesByName('duban:start').length])).toEqual([1, 0]);
    await page.close();
  });
});

/** What duban's real action popup says when 识别本页 is clicked over `page` (its screenshot saved as `shot`). */
async function popupSaysOn(page: Page, shot: string): Promise<{ said: string | null; role: string | null }> {
  const { popup, close } = await openActionPopup(duban, page);
  try {
    await popup.locator('button[data-action="recognise"]').click();
    const said = popup.locator('[data-testid="recognise-status"]');
    await said.waitFor();
    await screenshot(popup, shot);
    return { said: await said.textContent(), role: await said.getAttribute('role') };
  } finally {
    await close();
  }
}

describe('a 督查 bulletin on the tasks, at its government address', () => {
  it('gets nothing on its own, and is said to be none when the user asks', async () => {
    const page = await openNotice(duban.context, BULLETIN_URL);
    expect(await dubanOnPage(page)).toEqual({ state: 'none', items: null, hosts: 0, frames: 0, copy: false });
    expect(await userAsks(duban, page)).toEqual({ ok: true, value: { verdict: 'none', copy: false, report: true } });
    expect(await dubanOnPage(page)).toEqual({ state: 'none', items: null, hosts: 0, frames: 0, copy: false });
    await page.close();
  });

  it('the popup\'s 识别本页 says it reports on the tasks, not their breakdown', async () => {
    const page = await openNotice(duban.context, BULLETIN_URL);
    expect(await popupSaysOn(page, 'popup-recognise-report')).toEqual({
      said: '本页是任务推进情况的报告或督查通报，不是任务分解通知，督办不在此添加批注。请打开分解通知本身跟进各项任务。',
      role: 'alert',
    });
    expect(await dubanOnPage(page)).toEqual({ state: 'none', items: null, hosts: 0, frames: 0, copy: false });
    await page.close();
  });
});

describe('numbered measures naming no unit, at their government address', () => {
  it('get nothing on their own; the popup\'s 识别本页 says how many points they number and that none names a unit', async () => {
    const page = await openNotice(duban.context, MEASURES_URL);
    expect(await dubanOnPage(page)).toEqual({ state: 'none', items: null, hosts: 0, frames: 0, copy: false });
    expect(await popupSaysOn(page, 'popup-recognise-unassigned')).toEqual({
      said: '本页列有 10 个编号事项，但未写明牵头单位或责任单位，不是任务分解通知，督办不在此添加批注。',
      role: 'alert',
    });
    expect(await dubanOnPage(page)).toEqual({ state: 'none', items: null, hosts: 0, frames: 0, copy: false });
    await page.close();
  });
});

describe('a copy of the notice at a non-government host', () => {
  beforeAll(async () => {
    // The notice as duban knows it, from its official page, with a note on item 3.
    const official = await openNotice(duban.context, noticeSeed().url);
    await official.close();
    const { document } = parseHTML(seedHtml());
    const found = recogniseNotice(document as unknown as Document, { url: noticeSeed().url });
    if (!found.ok) throw new Error(found.reason);
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    const saved = await sendFromPage(popup, 'saveAnnotation', { noticeKey: KEY, itemKey: '3', fingerprint: found.notice.items[2]!.fingerprint, note: NOTE, status: 'in_progress' });
    expect(saved.ok).toBe(true);
    await popup.close();
  }, 60_000);

  it('gets nothing on its own, and nothing when duban is asked without the user granting the tab', async () => {
    const page = await duban.context.newPage();
    await page.goto(COPY_URL, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    expect(await dubanOnPage(page)).toEqual({ state: null, items: null, hosts: 0, frames: 0, copy: false });
    // The popup's message alone (no click on duban's toolbar button, so no activeTab): refused.
    const refused = await sendRecognise(duban, await tabIdOf(duban, page));
    expect(refused).toMatchObject({ ok: false });
    expect(await dubanOnPage(page)).toMatchObject({ state: null, hosts: 0 });
    await page.close();
  });

  it('when the user asks: overlays marked as a copy, showing the notice\'s saved note, and the editor frame', async () => {
    const page = await duban.context.newPage();
    await page.goto(COPY_URL, { waitUntil: 'load' });
    const answer = await userAsks(duban, page);
    expect(answer).toEqual({ ok: true, value: { verdict: 'notice', copy: true } });
    await waitReady(page);
    expect(await dubanOnPage(page)).toMatchObject({ state: 'ready', items: 156, copy: true });
    expect(await page.locator('[data-duban-item]').count()).toBe(156);
    expect(await barLabel(page, '.copy')).toBe('副本');
    await expect.poll(() => rowLabel(page, 3, 'note')).toBe(NOTE);
    expect(await rowLabel(page, 3, 'status')).toBe('推进中');
    // The editor frame may sit on the copy (web_accessible_resources cover the page).
    await waitEditorReady(page);

    // Asked again: the script does not run twice.
    expect(await userAsks(duban, page)).toEqual({ ok: true, value: { verdict: 'notice', copy: true } });
    expect(await page.locator('[data-duban-item]').count()).toBe(156);
    expect(await page.locator('[data-duban-bar]').count()).toBe(1);
    await page.close();
  });

  it('a page that is not a notice, when asked, is said to be none and left alone', async () => {
    const page = await duban.context.newPage();
    await page.goto(NOT_NOTICE_URL, { waitUntil: 'load' });
    expect(await userAsks(duban, page)).toEqual({ ok: true, value: { verdict: 'none', copy: true } });
    expect(await dubanOnPage(page)).toEqual({ state: 'none', items: null, hosts: 0, frames: 0, copy: false });
    await page.close();
  });
});

describe('a copy of a notice without a 文号, at a non-government host', () => {
  it('when the user asks: shows the notice’s note written on its official page, marked as a copy', async () => {
    const official = await openNotice(duban.context, UNNUMBERED_URL);
    const frame = await openEditor(official, '3/2');
    await official.keyboard.type('原件页上写的备注');
    await editorSaved(frame);
    await closeEditor(official);
    await official.close();

    const page = await duban.context.newPage();
    await page.goto(UNNUMBERED_COPY_URL, { waitUntil: 'load' });
    expect(await userAsks(duban, page)).toEqual({ ok: true, value: { verdict: 'notice', copy: true } });
    await waitReady(page);
    expect(await dubanOnPage(page)).toMatchObject({ state: 'ready', items: 14, copy: true });
    await expect.poll(() => rowLabel(page, '3/2', 'note')).toBe('原件页上写的备注');
    await page.close();
  });
});
