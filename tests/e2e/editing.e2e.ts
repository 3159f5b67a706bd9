// No edit is lost (issue 10, findings 4–7): progress typed right after another field's save,
// progress left unfinished when the page reloads, a note in the overview's details closed with
// Escape, text typed just before the browser closes, and text typed after the page was printed
// with the editor open (the printout hides the editor, which took the keyboard away).
import { rmSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDb } from './db';
import { editorHistory, editorSaved, openEditor, rowLabel } from './editor';
import { extensionPage, launchDuban, noticeSeed, openNotice, screenshot, serveSeeds, type Duban } from './harness';

/** The seed notice's key (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';

async function stored(duban: Duban, itemNo: number) {
  const db = await readDb(duban.context, duban.extensionId);
  return db.annotations.find((a) => a.noticeKey === KEY && a.itemKey === String(itemNo));
}

/** Waits until the database holds `want` for the item (reads from duban's page; no timing). */
async function until(duban: Duban, itemKey: number, want: Record<string, unknown>) {
  for (let i = 0; i < 100; i++) {
    const a = await stored(duban, itemKey);
    if (a && Object.entries(want).every(([k, v]) => a[k] === v)) return a;
    await new Promise((r) => setTimeout(r, 100));
  }
  return stored(duban, itemKey);
}

describe('edits on the notice page', () => {
  let duban: Duban;
  let page: Page;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    page = await openNotice(duban.context, noticeSeed().url);
  });
  afterAll(() => duban?.close());

  it('progress typed at once after a status change is saved as typed, and the field is never reset', async () => {
    const frame = await openEditor(page, 21);
    await frame.locator('#ed-status').focus();
    await page.keyboard.press('ArrowDown'); // 推进中: its save answers while the next field is typed
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('45', { delay: 120 });
    expect(await frame.locator('#ed-progress').inputValue()).toBe('45');
    await editorSaved(frame);
    expect(await frame.locator('#ed-progress').inputValue()).toBe('45');
    expect(await until(duban, 21, { progress: 45 })).toMatchObject({ status: 'in_progress', progress: 45 });
    await page.keyboard.press('Escape');
    expect(await rowLabel(page, 21, 'progress')).toContain('45%');
  });

  it('progress typed at once after a note is saved as typed', async () => {
    const frame = await openEditor(page, 22);
    await page.keyboard.type('先写备注');
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('70', { delay: 120 });
    expect(await frame.locator('#ed-progress').inputValue()).toBe('70');
    await editorSaved(frame);
    expect(await until(duban, 22, { progress: 70 })).toMatchObject({ note: '先写备注', progress: 70 });
    await page.keyboard.press('Escape');
  });

  it('progress typed and the page reloaded without leaving the field is kept', async () => {
    const frame = await openEditor(page, 23);
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('63');
    await page.reload();
    await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached' });
    expect(await until(duban, 23, { progress: 63 })).toMatchObject({ progress: 63 });
  });

  it('a progress over 100 says why in words beside the field and saves nothing', async () => {
    const frame = await openEditor(page, 24);
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('150');
    await frame.locator('#ed-progress-msg[role="alert"]').waitFor();
    expect(await frame.locator('#ed-progress-msg').innerText()).toContain('0–100');
    await page.keyboard.press('Escape');
    // Half-typed 1 and 15 went out as typed; 150 put the stored value back.
    expect(await until(duban, 24, { progress: undefined })).not.toHaveProperty('progress');
  });

  // 150 is over 100; the browser reads 1e2 as 100, not a percentage anyone types.
  it.each([
    [26, '150'],
    [30, '1e2'],
  ])('a progress refused (item %i: %s) typed over one saved in the same visit puts that one back, not the value before the visit', async (item, typed) => {
    const frame = await openEditor(page, item);
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('30');
    await editorSaved(frame);
    // (The database is read only after: reading it opens a page, which would take the focus from the field.)
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(typed);
    await frame.locator('#ed-progress-msg[role="alert"]').waitFor();
    expect(await frame.locator('#ed-progress-msg').innerText()).toContain(`“${typed}”`);
    expect(await frame.locator('#ed-progress-msg').innerText()).toContain('30%');
    await page.keyboard.press('Escape');
    expect(await until(duban, item, { progress: 30 })).toMatchObject({ progress: 30 });
    expect(await rowLabel(page, item, 'progress')).toContain('30%');
  });

  it('a follow-up day typed half-way or with a year out of range is not saved, and the editor says so', async () => {
    const frame = await openEditor(page, 27);
    const day = frame.locator('#ed-followup');
    await day.fill('2026-12-10');
    expect(await until(duban, 27, { followUp: '2026-12-10' })).toMatchObject({ followUp: '2026-12-10' });
    // The year typed over: 207 is the year 0207.
    await day.focus();
    await page.keyboard.type('207');
    await frame.locator('#ed-followup-msg[role="alert"]').waitFor();
    expect(await frame.locator('#ed-followup-msg').innerText()).toContain('2026-12-10');
    await screenshot(page, 'editor-day-refused');
    // A part cleared (the field reads empty while half-typed): the stored day stays.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    expect(await until(duban, 27, { followUp: '2026-12-10' })).toMatchObject({ followUp: '2026-12-10' });
    expect(await rowLabel(page, 27, 'followup')).toContain('2026-12-10');
  });

  it('progress that contradicts the status offers the status it suggests; the keyboard takes it and stays on the status', async () => {
    const frame = await openEditor(page, 25);
    const hint = frame.locator('.status-hint');
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('30');
    await hint.waitFor();
    expect(await hint.innerText()).toContain('进度 30%，状态仍为“未开始”');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('100');
    await expect.poll(() => hint.locator('button').innerText()).toBe('改为已完成');
    await screenshot(page, 'editor-status-hint');
    // Shift+Tab from the note reaches the button (it follows the fields); Enter takes it.
    await frame.locator('#ed-note').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('改为已完成');
    await page.keyboard.press('Enter');
    await hint.waitFor({ state: 'detached' });
    expect(await frame.locator('#ed-status').inputValue()).toBe('done');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('ed-status');
    expect(await until(duban, 25, { status: 'done' })).toMatchObject({ status: 'done', progress: 100 });
    // 滞后 at any progress may be what the user means: nothing offered.
    await page.keyboard.press('ArrowDown');
    await editorSaved(frame);
    expect(await frame.locator('#ed-status').inputValue()).toBe('behind');
    expect(await hint.count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('opening the history makes the editor as tall as the window allows, and closing it gives its height back', async () => {
    const frame = await openEditor(page, 28);
    await page.keyboard.type('为历史写一句');
    await editorSaved(frame);
    const height = () => page.evaluate(() => Math.round(document.querySelector('[data-duban-editor]')!.getBoundingClientRect().height));
    const own = await height();
    await editorHistory(frame);
    await expect.poll(height).toBeGreaterThan(own + 200);
    // The history's first entry is whole inside the frame, not cut under its edge.
    const entry = await frame.locator('ol.timeline li').first().boundingBox();
    const inner = await frame.evaluate(() => innerHeight);
    expect(entry!.y + entry!.height).toBeLessThanOrEqual(inner);
    await screenshot(page, 'editor-history-tall');
    await frame.locator('details.history > summary').click();
    await expect.poll(height).toBe(own);
    await page.keyboard.press('Escape');
  });

  it('Tab goes round the editor\'s controls and never out to the page behind; Escape still closes it', async () => {
    const frame = await openEditor(page, 25);
    const where = async () => ({
      // The frame sits in a closed root: the page sees its host focused.
      page: await page.evaluate(() => (document.activeElement?.hasAttribute('data-duban-editor') ? 'editor' : document.activeElement?.tagName)),
      editor: await frame.evaluate(() => document.activeElement?.id || document.activeElement?.className || document.activeElement?.tagName),
    });
    const seen = new Set<string>();
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press('Tab');
      const at = await where();
      expect(at.page).toBe('editor');
      expect(at.editor).not.toBe('BODY');
      seen.add(at.editor!);
    }
    // Every control came round (close, status, progress, follow-up, note, history), more than once.
    expect(seen.size).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await where()).page).toBe('editor');
    }
    await page.keyboard.press('Escape');
    await page.locator('[data-duban-editor-open]').waitFor({ state: 'detached' });
  });

  it('a paste longer than 20,000 characters is cut there and the editor says so', async () => {
    const frame = await openEditor(page, 29);
    await page.keyboard.insertText('长'.repeat(20_010));
    const msg = frame.locator('#ed-note-msg[role="alert"]');
    await msg.waitFor();
    expect(await msg.innerText()).toContain('20000');
    expect((await frame.locator('#ed-note').inputValue()).length).toBe(20_000);
    await editorSaved(frame);
  });

  it('a long note: the row shows its first 140 characters and …, the editor the whole, after a reload too', async () => {
    const long = `进展：${'已召开专题会，明确时间表和责任人。'.repeat(30)}`;
    const preview = `${long.slice(0, 140)}…`;
    const frame = await openEditor(page, 25);
    await frame.locator('#ed-note').fill(long);
    await editorSaved(frame);
    expect(await until(duban, 25, { note: long })).toMatchObject({ note: long });
    await page.keyboard.press('Escape');
    expect(await rowLabel(page, 25, 'note')).toBe(preview);
    // Loaded again, the page gets the preview from the background (lib/annotation/note-preview.ts);
    // the editor still opens the whole note.
    await page.reload();
    await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached' });
    expect(await rowLabel(page, 25, 'note')).toBe(preview);
    const again = await openEditor(page, 25);
    expect(await again.locator('#ed-note').inputValue()).toBe(long);
    await page.keyboard.press('Escape');
  });
});

describe('two tabs typing one note at once', () => {
  let duban: Duban;
  afterAll(() => duban?.close());

  it('keeps both: the text typed on the older version becomes a conflict copy, shown, which the user appends', async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    const a = await openNotice(duban.context, noticeSeed().url);
    const b = await openNotice(duban.context, noticeSeed().url);
    const frameA = await openEditor(a, 50); // A opens the note first…
    const frameB = await openEditor(b, 50);
    await b.keyboard.type('乙：已上报'); // …B's text lands first…
    await editorSaved(frameB);
    await a.bringToFront();
    await frameA.locator('#ed-note').focus();
    await a.keyboard.type('甲：待核实'); // …A types on the version it opened.
    await frameA.locator('.note-copies li', { hasText: '甲：待核实' }).waitFor();
    // The open editor grows to show the copy that appeared in it, whole.
    await expect
      .poll(async () => {
        const frame = (await a.locator('[data-duban-editor]').boundingBox())!;
        const list = (await frameA.locator('section.note-copies').boundingBox())!;
        return list.y + list.height <= frame.y + frame.height;
      })
      .toBe(true);
    let item = await until(duban, 50, { note: '乙：已上报' });
    expect(item?.note).toBe('乙：已上报');
    expect((item?.noteCopies as { text: string }[]).map((c) => c.text)).toEqual(['甲：待核实']);
    // B sees the copy too.
    await frameB.locator('.note-copies li', { hasText: '甲：待核实' }).waitFor();
    await screenshot(a, 'editor-conflict-copy');
    await a.bringToFront();
    await frameA.locator('.note-copies button', { hasText: '追加到备注' }).click();
    item = await until(duban, 50, { note: '乙：已上报\n甲：待核实' });
    expect(item?.note).toBe('乙：已上报\n甲：待核实');
    expect(item?.noteCopies ?? []).toEqual([]);
  });
});

describe('the overview’s details panel', () => {
  let duban: Duban;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    const page = await openNotice(duban.context, noticeSeed().url);
    const frame = await openEditor(page, 30);
    await page.keyboard.type('起点');
    await editorSaved(frame);
    await page.close();
  });
  afterAll(() => duban?.close());

  it('keeps a note typed there when Escape closes the panel, and shows its save state', async () => {
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    // The overview lists every item of the notice: find the one with the note by its words.
    await overview.locator('tbody tr').first().waitFor();
    await overview.locator('label.search input').fill('起点');
    const row = overview.locator('tbody tr[data-item="30"]');
    await row.waitFor();
    await row.press('Enter');
    const note = overview.locator('#details-note');
    await note.click();
    await note.press('End');
    await overview.keyboard.type('，总览里补充');
    await overview.locator('.details .save').waitFor();
    await overview.keyboard.press('Escape');
    await overview.locator('.details').waitFor({ state: 'detached' });
    expect(await until(duban, 30, { note: '起点，总览里补充' })).toMatchObject({ note: '起点，总览里补充' });
  });
});

/** Waits until the keyboard is in the editor's field `id` (the page gives it back in its own time). */
const keyboardIn = (frame: Frame, id: string) => frame.waitForFunction((id) => document.hasFocus() && document.activeElement?.id === id, id);
/**
 * Waits until the printout has taken the keyboard from the editor's field `id`: the browser does so
 * when it next lays out the hidden frame, which may come after the page is back on screen when the
 * printout is only emulated (a real print dialog stays open far longer).
 */
const keyboardLeft = (frame: Frame, id: string) =>
  // Polled by time: a hidden frame runs no animation frames.
  frame.waitForFunction((id) => !(document.hasFocus() && document.activeElement?.id === id), id, { polling: 50 });

describe('a notice page printed with the editor open', () => {
  let duban: Duban;
  let page: Page;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    page = await openNotice(duban.context, noticeSeed().url);
  });
  afterAll(() => duban?.close());

  it('keeps the keyboard in the editor: typing after the printout goes on in the note and is saved', async () => {
    const frame = await openEditor(page, 31);
    await page.keyboard.type('打印前');
    const shown = () => page.locator('[data-duban-editor-open="31"]').evaluate((h) => getComputedStyle(h).display);
    // On paper the page as published (styles.css @media print): the editor is not printed…
    await page.emulateMedia({ media: 'print' });
    await expect.poll(shown).toBe('none');
    await keyboardLeft(frame, 'ed-note');
    await screenshot(page, 'editor-printing');
    // …and back on screen it is where it was, the keyboard still in its note.
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(shown).toBe('block');
    await keyboardIn(frame, 'ed-note');
    await page.keyboard.type('，打印后');
    expect(await frame.locator('#ed-note').inputValue()).toBe('打印前，打印后');
    await page.keyboard.press('Escape');
    expect(await until(duban, 31, { note: '打印前，打印后' })).toMatchObject({ note: '打印前，打印后' });
    expect(await rowLabel(page, 31, 'note')).toBe('打印前，打印后');
  });

  it('gives the keyboard back in the field it was in', async () => {
    const frame = await openEditor(page, 32);
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('4');
    // (The page blurs the frame, or the frame only its field, as the timing falls.)
    await page.emulateMedia({ media: 'print' });
    await keyboardLeft(frame, 'ed-progress');
    await page.emulateMedia({ media: 'screen' });
    await keyboardIn(frame, 'ed-progress');
    await page.keyboard.type('0');
    expect(await frame.locator('#ed-progress').inputValue()).toBe('40');
    await page.keyboard.press('Escape');
    expect(await until(duban, 32, { progress: 40 })).toMatchObject({ progress: 40 });
  });
});

describe('a browser closed right after typing', () => {
  it('keeps text typed 200 ms before the close', async () => {
    const first = await launchDuban();
    const profile = first.userDataDir;
    await serveSeeds(first.context);
    const page = await openNotice(first.context, noticeSeed().url);
    await openEditor(page, 40);
    await page.keyboard.type('关前最后一句');
    await new Promise((r) => setTimeout(r, 200));
    await first.context.close();

    const again = await launchDuban({ userDataDir: profile });
    try {
      const a = await stored(again, 40);
      expect(a?.note).toBe('关前最后一句');
    } finally {
      await again.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
