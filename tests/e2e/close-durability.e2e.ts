// A save that reached the background survives the browser closing right after: saves sent from one
// of duban's pages (as the editor sends them), the browser closed 200 ms later (or the moment an
// import is acknowledged), the profile opened again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readDb, sendFromPage as send } from './db';
import { extensionPage, launchDuban, type Duban } from './harness';

/** The seed notice's key (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
const profile = mkdtempSync(join(tmpdir(), 'duban-close-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

const save = (itemNo: number, note: string) => ({ noticeKey: KEY, itemKey: String(itemNo), fingerprint: 'f', note });

/** Sends a request in @webext-core/messaging's wire format without waiting for its answer. */
function fire(page: Page, type: string, data: unknown): Promise<void> {
  return page.evaluate(
    ([type, data]) => void chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }),
    [type, data] as const,
  );
}

/** A version 1 file: items by number (`itemNo`). */
function importFile(itemNo: number, note: string): string {
  const at = new Date(Date.now() - 60_000).toISOString();
  const docNo = '拱政办发〔2025〕7号';
  const items = [{ itemNo, fingerprint: 'fp', status: 'in_progress', note, createdAt: at, updatedAt: at, history: [] }];
  const notice = { key: docNo, docNo, url: 'https://www.gongshu.gov.cn/art/2025/1/7/art_9007.html', title: '测试通知', items };
  return JSON.stringify({ format: 'duban-annotations', version: 1, exportedAt: at, notices: [notice] });
}

/**
 * Records, inside duban's service worker, the durability of each write transaction from now on:
 * the import's (the one over the restore points) and the saves' (over history, without restore points).
 * Observes only (Dexie binds IDBDatabase#transaction when it opens, so the hook is on objectStore).
 */
async function watchDurability(duban: Duban, page: Page): Promise<() => Promise<{ import: string[]; save: string[] }>> {
  await send(page, 'getLastImport', {}); // wakes the worker if it was stopped
  const worker = duban.context.serviceWorkers().at(-1)!;
  await worker.evaluate(() => {
    const seen = new WeakSet<IDBTransaction>();
    const log: { import: string[]; save: string[] } = ((self as unknown as { __durability: unknown }).__durability = { import: [], save: [] });
    const proto = IDBTransaction.prototype as unknown as { objectStore: (name: string) => IDBObjectStore };
    const original = proto.objectStore;
    proto.objectStore = function (this: IDBTransaction, name: string) {
      if (!seen.has(this) && this.mode === 'readwrite') {
        seen.add(this);
        const stores = Array.from(this.objectStoreNames);
        if (stores.includes('restorePoints')) log.import.push(this.durability);
        else if (stores.includes('history')) log.save.push(this.durability);
      }
      return original.call(this, name);
    };
  });
  return () => worker.evaluate(() => (self as unknown as { __durability: { import: string[]; save: string[] } }).__durability);
}

/** Closes the browser as a user does (context.close()), then opens the same profile again. */
async function restart(duban: Duban): Promise<Duban> {
  await duban.context.close();
  return launchDuban({ userDataDir: profile });
}

describe('closing the browser', () => {
  it('keeps a save sent 200 ms before, acknowledged or not, and an import acknowledged just before', async () => {
    let duban = await launchDuban({ userDataDir: profile });
    try {
      const page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
      expect(await send(page, 'saveAnnotation', save(1, '关闭前确认保存的备注'))).toMatchObject({ ok: true });
      await fire(page, 'saveAnnotation', save(2, '关闭前 200 毫秒发出的备注'));
      await page.waitForTimeout(200);
      duban = await restart(duban);
      let db = await readDb(duban.context, duban.extensionId);
      expect(db.annotations).toContainEqual(expect.objectContaining({ noticeKey: KEY, itemKey: '1', note: '关闭前确认保存的备注' }));
      expect(db.annotations).toContainEqual(expect.objectContaining({ noticeKey: KEY, itemKey: '2', note: '关闭前 200 毫秒发出的备注' }));

      const again = await extensionPage(duban.context, duban.extensionId, 'popup.html');
      const durability = await watchDurability(duban, again);
      expect(await send(again, 'applyImport', { text: importFile(5, '导入后立即关闭') })).toMatchObject({ ok: true });
      expect(await send(again, 'saveAnnotation', save(3, '确认后立即关闭'))).toMatchObject({ ok: true });
      // The import is flushed to disk before it is answered (strict); single edits are not (relaxed).
      expect(await durability()).toEqual({ import: ['strict'], save: ['relaxed'] });
      duban = await restart(duban);
      db = await readDb(duban.context, duban.extensionId);
      expect(db.annotations).toContainEqual(expect.objectContaining({ itemKey: '5', note: '导入后立即关闭' }));
      expect(db.annotations).toContainEqual(expect.objectContaining({ itemKey: '3', note: '确认后立即关闭' }));
      expect(db.meta).toContainEqual(expect.objectContaining({ key: expect.stringMatching(/import/i) }));
    } finally {
      await duban.close();
    }
  });
});
