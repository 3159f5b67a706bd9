/**
 * The editor frame and the memory duban adds, in Chromium with the built extension:
 * - editor_ready_ms: a click on a row's Edit → the editor frame shows that item and has the
 *   keyboard (duban:editor-open → duban:editor-focused), once the frame is warm; median of items.
 * - overlay_memory_mb: JS heap of the notice page and duban's frames (CDP, per target, after a
 *   garbage collection) minus the same page in the same browser build without duban.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, launchDuban, noticeSeed, openNotice, serveSeeds } from '../../tests/e2e/harness';
import { closeEditor, editorFrame, openEditor } from '../../tests/e2e/editor';
import { median, round } from './stats';

async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  let bytes = 0;
  for (const frame of page.frames()) {
    // Same-process frames share the page's heap; duban's editor frame is its own target.
    if (frame !== page.mainFrame() && !/^chrome-extension:/.test(frame.url())) continue;
    const s = await context.newCDPSession(frame === page.mainFrame() ? page : frame);
    await s.send('HeapProfiler.collectGarbage');
    const { usedSize } = await s.send('Runtime.getHeapUsage');
    bytes += usedSize;
    await s.detach();
  }
  return bytes / 2 ** 20;
}

export async function benchEditor(runs = 7) {
  const duban = await launchDuban();
  const opens: number[] = [];
  let withDuban = NaN;
  try {
    await serveSeeds(duban.context);
    const page = await openNotice(duban.context, noticeSeed().url);
    await page.locator('html[data-duban-rendered]').waitFor({ state: 'attached' });
    for (let i = 0; i < runs + 1; i++) {
      await openEditor(page, 10 + i);
      // No helper functions inside: tsx would wrap them in a __name() the page doesn't have.
      const t = await page.evaluate(
        () => performance.getEntriesByName('duban:editor-focused').at(-1)!.startTime - performance.getEntriesByName('duban:editor-open').at(-1)!.startTime,
      );
      // Escape closes it; the next open waits for the page to have hidden it, not racing the close.
      await closeEditor(page, 'escape');
      if (i > 0) opens.push(t); // the first open may still wait for the frame to attach
    }
    editorFrame(page); // the frame exists: it is counted below
    withDuban = await heapMb(duban.context, page);
  } finally {
    await duban.close();
  }
  // The same page, the same Chromium, no extension.
  const dir = mkdtempSync(join(tmpdir(), 'duban-bare-'));
  const bare = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  let without = NaN;
  try {
    const seed = noticeSeed();
    await bare.route('**/*', (r) => (r.request().url() === seed.url ? r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(seed.path) }) : r.abort()));
    const page = await bare.newPage();
    await page.goto(seed.url, { waitUntil: 'load' });
    without = await heapMb(bare, page);
  } finally {
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { editor_ready_ms: round(median(opens)), overlay_memory_mb: round(withDuban - without) };
}
