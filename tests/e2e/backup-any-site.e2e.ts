// A backup of a notice read on a government site other than the registry's (here the seed notice
// as another district's site would serve it) restores into a fresh profile through the popup, and
// the notice there shows the note again. Until 2026-12-05 such a file was refused: the import
// accepted notice URLs on www.gongshu.gov.cn only (tester's finding).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchDuban, noticeSeed, openNotice, openPopup, screenshot, serveHtml, type Duban } from './harness';
import { closeEditor, editorSaved, field, openEditor, rowLabel } from './editor';

const URL_ELSEWHERE = 'https://www.hzgs.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
const NOTE = '其他政府网站上的备注';

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
    const frame = await openEditor(page, 2);
    await (await field(frame, 'note')).fill(NOTE);
    await editorSaved(frame);
    await closeEditor(page);

    const popupA = await openPopup(a);
    const [download] = await Promise.all([popupA.waitForEvent('download'), popupA.locator('.transfer .export-row [data-export="json"]').click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).notices[0]).toMatchObject({ url: URL_ELSEWHERE });

    const b = await launchDuban();
    profiles.push(b);
    await serveHtml(b.context, URL_ELSEWHERE, html);
    const popupB = await openPopup(b);
    const [chooser] = await Promise.all([popupB.waitForEvent('filechooser'), popupB.locator('[data-action="choose-import"]').click()]);
    await chooser.setFiles(file);
    const preview = popupB.locator('[data-testid="import-preview"], [data-testid="import-error"]');
    await preview.first().waitFor();
    await screenshot(popupB, 'backup-any-site-preview', { fullPage: true });
    // Refused before the fix: "应为督办所知网站上的通知网址（www.gongshu.gov.cn）".
    expect(await popupB.locator('[data-testid="import-error"]').count()).toBe(0);
    expect(await popupB.locator('[data-testid="import-preview"] [data-kind="new"]').textContent()).toBe('1');
    await popupB.locator('[data-action="apply-import"]').click();
    await popupB.locator('[data-testid="import-done"]').waitFor();

    const restored = await openNotice(b.context, URL_ELSEWHERE);
    await expect.poll(() => rowLabel(restored, 2, 'note')).toBe(NOTE);
    await screenshot(restored, 'backup-any-site-restored');
  });
});
