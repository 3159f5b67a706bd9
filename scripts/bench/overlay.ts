/**
 * In Chromium with the built extension: time from the content script's start to all 156 overlays
 * mounted with their annotations and the rows in view drawn (duban:start → duban:ready), and to
 * the last row drawn in idle time (→ duban:rendered), next to the page's own load time,
 * median of several loads; the same on the seed's table layout (`*_table_ms`, loads alternating
 * with the seed's); probe_ready_ms again with duban's worker stopped before each load
 * (probe_ready_cold_ms), and on a first visit, through the probe and the background's injection
 * (probe_ready_first_ms, probe_ready_first_table_ms); on a page known again whose words changed
 * since (overlay_ready_changed_ms); and the content script's size on disk
 * (minified).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, extensionPage, launchDuban, noticeSeed, ROOT, serveHtml, serveSeeds } from '../../tests/e2e/harness';
import { openQuietly } from './quiet-load';

/** The seed in its old table layout, at another address of the same site (the same notice, 文号 and all). */
const TABLE_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
/** The seed at a third address, served in two versions in turn (overlay_ready_changed_ms). */
const CHANGED_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841068.html';
import { median, round } from './stats';
import { stopServiceWorkers } from './transfer';

/**
 * In the page: its probe's start → ready (the probe's measure; on a page where the notice opened
 * before, the one it writes as it leaves the page to the notice script), less the notice script's
 * wait for the page's first frame (utils/after-first-frame.ts), which is the page's own work. An
 * expression, not a function: tsx would wrap a function's helpers in a __name() the page lacks.
 */
const FROM_PROBE = `performance.getEntriesByName('duban:ready')[0].startTime
  - ((performance.getEntriesByName('duban:probe', 'measure')[0] ?? performance.getEntriesByName('duban:probe-handover', 'measure')[0])?.startTime ?? NaN)
  - (performance.getEntriesByName('duban:first-frame', 'measure')[0]?.duration ?? 0)`;

export async function benchOverlay(runs = 7, opts: { userDataDir?: string } = {}) {
  const duban = await launchDuban(opts);
  try {
    await serveSeeds(duban.context);
    await serveHtml(duban.context, TABLE_URL, readFileSync(join(ROOT, 'tests/fixtures/notices/gongshu-2024-2-table.html'), 'utf8'));
    const url = noticeSeed().url;
    const ready: number[] = [];
    const fromProbe: number[] = [];
    const rendered: number[] = [];
    const load: number[] = [];
    const table = { ready: [] as number[], fromProbe: [] as number[], fromNavigation: [] as number[] };
    const fromNavigation: number[] = [];
    for (let i = 0; i < 2 * (runs + 1); i++) {
      const onTable = i % 2 === 1;
      // Rows far from the viewport are drawn in idle time after ready: wait for the last one too.
      const page = await openQuietly(duban.context, onTable ? TABLE_URL : url);
      // No helper functions inside: tsx would wrap them in a __name() the page doesn't have.
      const t = await page.evaluate(() => {
        const start = performance.getEntriesByName('duban:start')[0].startTime;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          overlay: performance.getEntriesByName('duban:ready')[0].startTime - start,
          rendered: performance.getEntriesByName('duban:rendered')[0].startTime - start,
          // What the user waits for in all: the navigation's start → ready.
          fromNavigation: performance.getEntriesByName('duban:ready')[0].startTime,
          load: nav ? nav.loadEventEnd || nav.domContentLoadedEventEnd : NaN,
        };
      });
      // From the probe's start: then the above.
      const fromProbeMs = (await page.evaluate(FROM_PROBE)) as number;
      await page.close();
      if (i < 2) continue; // the first loads warm the browser's caches
      if (onTable) {
        table.ready.push(t.overlay);
        table.fromProbe.push(fromProbeMs);
        table.fromNavigation.push(t.fromNavigation);
        continue;
      }
      ready.push(t.overlay);
      fromProbe.push(fromProbeMs);
      fromNavigation.push(t.fromNavigation);
      rendered.push(t.rendered);
      load.push(t.load);
    }
    // A user opening a notice a while after the last: Chromium has stopped duban's worker, which
    // starts again for the notice script's first question (and reads the pages it knew from
    // storage.local, the annotations from the database).
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) {
      const blank = await duban.context.newPage();
      await stopServiceWorkers(blank);
      await blank.close();
      const page = await openQuietly(duban.context, url);
      cold.push((await page.evaluate(FROM_PROBE)) as number);
      await page.close();
    }
    // A page known again whose words changed since the last visit, outside its notice (each load
    // the other of two versions, a footer link's words apart, as a site's news column changes):
    // signed, found changed, the reader asked for, then read; its notice as stored.
    const seedHtml = readFileSync(noticeSeed().path, 'utf8');
    const versions = [seedHtml, seedHtml.replace('隐私声明', '隐私政策')];
    const changed: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      await serveHtml(duban.context, CHANGED_URL, versions[i % 2]);
      const page = await openQuietly(duban.context, CHANGED_URL);
      const ms = await page.evaluate(() => performance.getEntriesByName('duban:ready')[0].startTime - performance.getEntriesByName('duban:start')[0].startTime);
      // Where its items are goes in idle time after the rows: let it go, so that the next load is of a page known.
      await page.waitForTimeout(300);
      await page.close();
      if (i >= 2) changed.push(ms);
    }
    // The loads above come back to pages where the notice opened before: the browser runs the
    // notice script itself (entrypoints/background/known-notice-pages.ts). A first visit goes the
    // probe's way, through the background: duban forgets the pages (the registration, and the
    // worker that read it, woken again by the popup) before each load.
    const first = { seed: [] as number[], table: [] as number[], fromStart: [] as number[], tableFromStart: [] as number[] };
    for (let i = 0; i < 2 * runs; i++) {
      const onTable = i % 2 === 1;
      const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
      await popup.evaluate(() => chrome.scripting.unregisterContentScripts());
      await stopServiceWorkers(popup);
      await popup.reload();
      await popup.waitForLoadState('load');
      await popup.close();
      const page = await openQuietly(duban.context, onTable ? TABLE_URL : url);
      (onTable ? first.table : first.seed).push(
        (await page.evaluate(FROM_PROBE)) as number,
      );
      // The page read (a first visit): the notice script's start → ready, as overlay_ready_ms.
      (onTable ? first.tableFromStart : first.fromStart).push(
        await page.evaluate(() => performance.getEntriesByName('duban:ready')[0].startTime - performance.getEntriesByName('duban:start')[0].startTime),
      );
      await page.close();
    }
    const size = statSync(join(EXTENSION_DIR, 'content-scripts/notice.js')).size;
    // Loaded before it wherever the page is read (a first visit, a page whose text changed).
    const reader = statSync(join(EXTENSION_DIR, 'reader.js')).size;
    return {
      overlay_ready_ms: round(median(ready)),
      probe_ready_ms: round(median(fromProbe)),
      overlay_ready_table_ms: round(median(table.ready)),
      probe_ready_table_ms: round(median(table.fromProbe)),
      nav_ready_ms: round(median(fromNavigation)),
      nav_ready_table_ms: round(median(table.fromNavigation)),
      probe_ready_cold_ms: round(median(cold)),
      probe_ready_first_ms: round(median(first.seed)),
      probe_ready_first_table_ms: round(median(first.table)),
      overlay_ready_first_ms: round(median(first.fromStart)),
      overlay_ready_first_table_ms: round(median(first.tableFromStart)),
      overlay_ready_changed_ms: round(median(changed)),
      overlay_all_rendered_ms: round(median(rendered)),
      page_load_ms: round(median(load)),
      content_script_kb: round(size / 1024),
      reader_script_kb: round(reader / 1024),
    };
  } finally {
    await duban.close();
  }
}
