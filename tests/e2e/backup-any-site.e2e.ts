// A backup restores wherever duban read the notice: on a government site other than the
// registry's (here the seed notice as another district's site would serve it), or on a page off
// government sites where the user asked (a news site). Each restores into a fresh profile through
// the popup, and the notice there shows the note again. Until 2026-12-05 such files were refused:
// the import accepted notice URLs on www.gongshu.gov.cn only, then on government sites only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDuban, noticeSeed, openNotice, openPopup, screenshot, serveHtml, type Duban } from './harness';
import { closeEditor, editorSaved, field, openEditor, rowLabel } from './editor';
import { exportJsonText } from './db';
import { waitReady } from './overlay-helpers';
import { userAsks, USER_ACTION_ARGS } from './user-asks';

const URL_ELSEWHERE = 'https://www.hzgs.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
const NOTE = '其他政府网站上的备注';
/** The seed notice on a news site: a notice of its own in a profile that has not read it elsewhere. */
const NEWS_URL = 'https://news.example.com/2024/0307/gongshu-zerenfenjie.html';
const NEWS_NOTE = '新闻网站副本上的备注';

/** Types `note` into item 2's editor on `page`. */
async function noteOnItem2(page: Page, note: string) {
  const frame = await openEditor(page, 2);
  await (await field(frame, 'note')).fill(note);
  await editorSaved(frame);
  await closeEditor(page);
}

/** The popup's 导出 JSON, saved into `dir`; its path. */
async function exportJson(d: Duban, dir: string): Promise<string> {
  const popup = await openPopup(d);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('.transfer .export-row [data-export="json"]').click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await popup.close();
  return file;
}

/**
 * The popup's JSON export as its button makes it (the same message), written into `dir`: where the
 * user asked, the DevTools client that clicked the toolbar moved the browser's downloads into its
 * own folder, gone when it disconnected, so a real download cannot be saved afterwards.
 */
async function exportJsonByMessage(d: Duban, dir: string): Promise<string> {
  const popup = await openPopup(d);
  const text = await exportJsonText(popup);
  await popup.close();
  const file = join(dir, 'news.json');
  writeFileSync(file, text);
  return file;
}

/** Chooses `file` in a fresh profile's popup; the preview must offer one new item, which is then imported. */
async function restore(d: Duban, file: string, shot: string) {
  const popup = await openPopup(d);
  const [chooser] = await Promise.all([popup.waitForEvent('filechooser'), popup.locator('[data-action="choose-import"]').click()]);
  await chooser.setFiles(file);
  await popup.locator('[data-testid="import-preview"], [data-testid="import-error"]').first().waitFor();
  await screenshot(popup, shot, { fullPage: true });
  // Refused before: "应为督办所知网站上的通知网址（www.gongshu.gov.cn）", later "（*.gov.cn, …）".
  expect(await popup.locator('[data-testid="import-error"]').count()).toBe(0);
  expect(await popup.locator('[data-testid="import-preview"] [data-kind="new"]').textContent()).toBe('1');
  await popup.locator('[data-action="apply-import"]').click();
  await popup.locator('[data-testid="import-done"]').waitFor();
  await popup.close();
}

describe('a backup of a notice on another government site', () => {
  const profiles: Duban[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'duban-backup-'));
  afterAll(async () => {
    for (const p of profiles) await p.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh profile, and the notice there shows the note', async () => {
    const html = readFileSync(noticeSeed().path, 'utf8');
    const a = await launchDuban();
    profiles.push(a);
    await serveHtml(a.context, URL_ELSEWHERE, html);
    const page = await openNotice(a.context, URL_ELSEWHERE);
    await noteOnItem2(page, NOTE);
    const file = await exportJson(a, dir);
    expect(JSON.parse(readFileSync(file, 'utf8')).notices[0]).toMatchObject({ url: URL_ELSEWHERE });

    const b = await launchDuban();
    profiles.push(b);
    await serveHtml(b.context, URL_ELSEWHERE, html);
    await restore(b, file, 'backup-any-site-preview');

    const restored = await openNotice(b.context, URL_ELSEWHERE);
    await expect.poll(() => rowLabel(restored, 2, 'note')).toBe(NOTE);
    await screenshot(restored, 'backup-any-site-restored');
  });

  it('restores a notice read on a news site where the user asked, and asking there again shows the note', async () => {
    const html = readFileSync(noticeSeed().path, 'utf8');
    const a = await launchDuban({ args: USER_ACTION_ARGS });
    profiles.push(a);
    await serveHtml(a.context, NEWS_URL, html);
    const page = await a.context.newPage();
    await page.goto(NEWS_URL, { waitUntil: 'load' });
    expect(await userAsks(a, page)).toMatchObject({ ok: true, value: { verdict: 'notice' } });
    await waitReady(page);
    await noteOnItem2(page, NEWS_NOTE);
    const file = await exportJsonByMessage(a, dir);
    expect(JSON.parse(readFileSync(file, 'utf8')).notices[0]).toMatchObject({ url: NEWS_URL, key: '拱政办发〔2024〕2号@news.example.com' });

    const b = await launchDuban({ args: USER_ACTION_ARGS });
    profiles.push(b);
    await serveHtml(b.context, NEWS_URL, html);
    await restore(b, file, 'backup-news-site-preview');
    const again = await b.context.newPage();
    await again.goto(NEWS_URL, { waitUntil: 'load' });
    expect(await userAsks(b, again)).toMatchObject({ ok: true, value: { verdict: 'notice' } });
    await waitReady(again);
    await expect.poll(() => rowLabel(again, 2, 'note')).toBe(NEWS_NOTE);
    await screenshot(again, 'backup-news-site-restored');
  });
});
