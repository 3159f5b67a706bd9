// An import and its undo reach notice pages already open: the rows of an open notice tab show
// the imported status and note, then the earlier ones again after the undo, without a reload;
// so does duban's editor frame open on that page, except over what the user is typing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromPage } from './db';
import { closeEditor, editorSaved, field, openEditor, rowLabel, rowStatus } from './editor';
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

  /** This profile's export, read in `page` (any duban page; it need not be in front). */
  async function exported(page: Page) {
    const r = await sendFromPage<{ text: string }>(page, 'exportAnnotations', { format: 'json' });
    if (!r.ok) throw new Error(r.error);
    return JSON.parse(r.value.text) as { notices: { items: { itemKey: string; note?: string }[] }[] };
  }

  /** A colleague's copy of the export: `itemKey` done with `note`, later than ours. */
  function colleagueCopy(file: Awaited<ReturnType<typeof exported>>, itemKey: string, note: string): string {
    const later = new Date(Date.now() + 60_000).toISOString();
    const item = file.notices[0].items.find((i) => i.itemKey === itemKey)!;
    Object.assign(item, { status: 'done', note, updatedAt: later, noteUpdatedAt: later });
    return JSON.stringify(file);
  }

  it('shows the imported note in the editor open on the page, the earlier one after the undo, and never replaces what is being typed', async () => {
    const notice = await openNotice(duban.context, noticeSeed().url);
    const frame = await openEditor(notice, 4);
    await notice.keyboard.type('本地备注四');
    await field(frame, 'status');
    await editorSaved(frame);
    const note = frame.locator('#ed-note');
    const status = frame.locator('#ed-status');

    // Imported in the popup while the editor stays open on item 4.
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    await popup.locator('main[aria-busy="false"]').waitFor();
    const path = join(dir, 'colleague-4.json');
    writeFileSync(path, colleagueCopy(await exported(popup), '4', '同事填报：已办结'));
    await popup.locator('[data-testid="import-file"]').setInputFiles(path);
    await popup.locator('[data-action="apply-import"]').click();
    await popup.locator('[data-testid="import-done"]').waitFor();
    await expect.poll(() => note.inputValue(), { timeout: 10_000 }).toBe('同事填报：已办结');
    expect(await status.inputValue()).toBe('done');

    await popup.locator('[data-action="undo-import"]').click();
    await popup.locator('[data-testid="undo-done"]').waitFor();
    await expect.poll(() => note.inputValue(), { timeout: 10_000 }).toBe('本地备注四');
    expect(await status.inputValue()).toBe('not_started');

    // An import changes item 5's note while the user types in it (the popup's tab stays behind,
    // so the note field keeps the keyboard): the typing stays, and goes on.
    await notice.bringToFront();
    await openEditor(notice, 5);
    await notice.keyboard.type('正在输入');
    const typed = () => exported(popup).then((f) => f.notices[0].items.find((i) => i.itemKey === '5')?.note);
    await expect.poll(typed, { timeout: 10_000 }).toBe('正在输入');
    const applied = await sendFromPage(popup, 'applyImport', { text: colleagueCopy(await exported(popup), '5', '同事填报：第五项') });
    if (!applied.ok) throw new Error(applied.error);
    await expect.poll(typed, { timeout: 10_000 }).toBe('同事填报：第五项');
    // The frame has the import (the status, not being edited, shows it); the note keeps the typing.
    await expect.poll(() => status.inputValue(), { timeout: 10_000 }).toBe('done');
    expect(await note.inputValue()).toBe('正在输入');
    await notice.keyboard.type('，续写');
    expect(await note.inputValue()).toBe('正在输入，续写');
  });
});
