// Never lose a note: browser restarts, the service worker stopped mid-typing, and rapid edits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readDb } from './db';
import { extensionPage, launchDuban, noticeSeed, openNotice, serveSeeds } from './harness';
import { arrowStatus, editorSaved, itemInEditor, openEditor, reveal, rowLabel, rowStatus } from './editor';
import { cdp } from './shadow';

/** The seed notice's key (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
const profile = mkdtempSync(join(tmpdir(), 'duban-durable-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

/** Opens the editor at `item` and types `text` into its note; returns the editor frame. */
async function typeNote(page: Page, item: number, text: string) {
  const frame = await openEditor(page, item);
  await page.keyboard.type(text);
  return frame;
}

/** Stops every service worker of the profile, as Chromium does to an idle extension. */
async function stopServiceWorker(page: Page) {
  const s = await cdp(page);
  await s.send('ServiceWorker.enable');
  await s.send('ServiceWorker.stopAllWorkers');
}

describe('durability', () => {
  it('keeps every note across a browser restart', async () => {
    let duban = await launchDuban({ userDataDir: profile });
    await serveSeeds(duban.context);
    let page = await openNotice(duban.context, noticeSeed().url);
    const frame = await typeNote(page, 3, '重启前写的备注');
    await arrowStatus(page, frame, 1);
    await page.keyboard.press('Tab');
    await editorSaved(frame);
    await duban.close();

    duban = await launchDuban({ userDataDir: profile });
    try {
      await serveSeeds(duban.context);
      page = await openNotice(duban.context, noticeSeed().url);
      await reveal(page, 3);
      expect(await rowLabel(page, 3, 'note')).toBe('重启前写的备注');
      expect(await rowStatus(page, 3)).toBe('in_progress');
      expect(await itemInEditor(page, 3)).toMatchObject({ note: '重启前写的备注', status: 'in_progress' });
      const db = await readDb(duban.context, duban.extensionId);
      expect(db.annotations).toContainEqual(expect.objectContaining({ noticeKey: KEY, itemKey: '3', note: '重启前写的备注', status: 'in_progress' }));
      // duban asked the browser to keep its storage (unlimitedStorage + persist()) and kept the answer.
      expect(db.meta).toContainEqual({ key: 'storagePersisted', value: { persisted: expect.any(Boolean), at: expect.any(Number) } });
    } finally {
      await duban.close();
    }
  });

  it('saves a note typed while the service worker is stopped mid-way', async () => {
    const duban = await launchDuban({ userDataDir: profile });
    try {
      await serveSeeds(duban.context);
      const page = await openNotice(duban.context, noticeSeed().url);
      const frame = await typeNote(page, 44, '前半句，');
      await stopServiceWorker(page);
      await page.keyboard.type('后半句。');
      await editorSaved(frame);
      await stopServiceWorker(page);
      await page.keyboard.type('又一句');
      await page.keyboard.press('Tab'); // blur flushes at once
      await editorSaved(frame);
      expect(await frame.locator('#ed-note').inputValue()).toBe('前半句，后半句。又一句');
      const db = await readDb(duban.context, duban.extensionId);
      expect(db.annotations).toContainEqual(expect.objectContaining({ itemKey: '44', note: '前半句，后半句。又一句' }));
    } finally {
      await duban.close();
    }
  });

  it('lands 100 rapid edits in a row, all of them, in order', async () => {
    const duban = await launchDuban();
    try {
      const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
      // Sent without waiting, as fast as the page can: the protocol's own message shape.
      const answers = await page.evaluate(async (key) => {
        const sends = [];
        for (let i = 1; i <= 100; i++) {
          sends.push(chrome.runtime.sendMessage({ id: i, type: 'saveAnnotation', timestamp: Date.now(), data: { noticeKey: key, itemKey: '9', fingerprint: 'f', note: `第${i}次` } }));
        }
        return Promise.all(sends);
      }, KEY);
      expect(answers.every((a: { res?: { ok: boolean } }) => a?.res?.ok === true)).toBe(true);
      const db = await readDb(duban.context, duban.extensionId);
      expect(db.annotations.find((a) => a.itemKey === '9')?.note).toBe('第100次');
      const notes = db.history.filter((h) => h.itemKey === '9' && h.field === 'note');
      expect(notes).toHaveLength(100);
      expect(notes.map((h) => h.to)).toEqual(Array.from({ length: 100 }, (_, i) => `第${i + 1}次`.length));
      const ids = notes.map((h) => h.id as number);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    } finally {
      await duban.close();
    }
  });
});
