/**
 * Reads duban's database as it is on disk, from one of duban's own pages (same origin as the
 * background): the end-to-end tests check what was stored, not what the UI claims.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { extensionPage } from './harness';

export interface DbSnapshot {
  notices: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
  history: Record<string, unknown>[];
  /** History entries imports brought, one record per notice and import. */
  historyPacks: Record<string, unknown>[];
  meta: Record<string, unknown>[];
  /** The attachment files the viewer kept (their bytes left out). */
  attachments: Record<string, unknown>[];
}

export async function readDb(context: BrowserContext, extensionId: string): Promise<DbSnapshot> {
  const page = await extensionPage(context, extensionId, 'popup.html');
  try {
    return await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('duban');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = (store: string) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          if (!db.objectStoreNames.contains(store)) return resolve([]);
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const snapshot = {
        notices: await all('notices'),
        annotations: await all('annotations'),
        history: await all('history'),
        historyPacks: await all('historyPacks'),
        meta: await all('meta'),
        attachments: (await all('attachments')).map(({ bytes: _bytes, ...rest }) => rest),
      };
      db.close();
      return snapshot;
    });
  } finally {
    await page.close();
  }
}

/** A request to the background in @webext-core/messaging's wire format, sent from one of duban's pages. */
export async function sendFromPage<T = unknown>(page: Page, type: string, data: unknown): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const reply = await page.evaluate(
    ([type, data]) => chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }),
    [type, data] as const,
  );
  if (reply?.err) throw new Error(`${type}: ${JSON.stringify(reply.err)}`);
  return reply.res;
}

/** duban's JSON export (the popup's 导出 JSON, by its message) from one of duban's pages: the file's text. */
export async function exportJsonText(page: Page): Promise<string> {
  const r = await sendFromPage<{ text: string }>(page, 'exportAnnotations', { format: 'json' });
  if (!r.ok) throw new Error(r.error);
  return r.value.text;
}
