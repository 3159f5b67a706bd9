// An import and its undo reach notice pages already open: the rows of an open notice tab show
// the imported status and note, then the earlier ones again after the undo, without a reload.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromPage } from './db';
import { closeEditor, openEditor, rowLabel, rowStatus } from './editor';
import { extensionPage, launchDuban, noticeSeed, openNotice, screenshot, serveSeeds, type Duban } from './harness';

describe('an import reaches the notice pages already open', () => {
  let duban: Duban;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-open-pages-'));
    duban = await launchDuban();
    await serveSeeds(duban.context);
  });
  afterAll(async () => {
    await duban?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the imported status and note on the open page, and the earlier ones after the undo', async () => {
    const notice = await openNotice(duban.context, noticeSeed().url);
    await openEditor(notice, 2);
    await notice.keyboard.type('本地备注');
    await notice.keyboard.press('Tab');
    await closeEditor(notice, 'escape');
    await expect.poll(() => rowLabel(notice, 2, 'note')).toContain('本地备注');
    expect(await rowStatus(notice, 2)).toBe('not_started');

    // A colleague's copy of the file: item 2 done, with a new note, later than ours.
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    await popup.locator('main[aria-busy="false"]').waitFor();
    const exported = await sendFromPage<{ text: string }>(popup, 'exportAnnotations', { format: 'json' });
    if (!exported.ok) throw new Error(exported.error);
    const file = JSON.parse(exported.value.text);
    const later = new Date(Date.now() + 60_000).toISOString();
    const item = file.notices[0].items.find((i: { itemKey: string }) => i.itemKey === '2');
    Object.assign(item, { status: 'done', note: '已办结，材料已报送', updatedAt: later, noteUpdatedAt: later });
    const path = join(dir, 'colleague.json');
    writeFileSync(path, JSON.stringify(file));

    const [chooser] = await Promise.all([popup.waitForEvent('filechooser'), popup.locator('[data-action="choose-import"]').click()]);
    await chooser.setFiles(path);
    await popup.locator('[data-action="apply-import"]').click();
    await popup.locator('[data-testid="import-done"]').waitFor();

    // The notice tab, not reloaded, shows the import.
    await expect.poll(() => rowStatus(notice, 2), { timeout: 10_000 }).toBe('done');
    expect(await rowLabel(notice, 2, 'note')).toContain('已办结，材料已报送');
    await notice.bringToFront();
    await screenshot(notice, 'open-page-after-import');

    // The undo, from the popup: the open page goes back to what it showed before.
    await popup.bringToFront();
    await popup.locator('[data-action="undo-import"]').click();
    await popup.locator('[data-testid="undo-done"]').waitFor();
    await expect.poll(() => rowStatus(notice, 2), { timeout: 10_000 }).toBe('not_started');
    expect(await rowLabel(notice, 2, 'note')).toContain('本地备注');
  });
});
