/**
 * In Chromium with the built extension: time from the content script's start to all 156 overlays
 * mounted with their annotations and the rows in view drawn (duban:start → duban:ready), and to
 * the last row drawn in idle time (→ duban:rendered), next to the page's own load time,
 * median of several loads; and the content script's size on disk (minified).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchDuban, noticeSeed, openNotice, serveSeeds } from '../../tests/e2e/harness';
import { median, round } from './stats';

export async function benchOverlay(runs = 7, opts: { userDataDir?: string } = {}) {
  const duban = await launchDuban(opts);
  try {
    await serveSeeds(duban.context);
    const url = noticeSeed().url;
    const ready: number[] = [];
    const fromProbe: number[] = [];
    const rendered: number[] = [];
    const load: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const page = await openNotice(duban.context, url);
      // Rows far from the viewport are drawn in idle time after ready: wait for the last one too.
      await page.locator('html[data-duban-rendered]').waitFor({ state: 'attached', timeout: 30_000 });
      // No helper functions inside: tsx would wrap them in a __name() the page doesn't have.
      const t = await page.evaluate(() => {
        const start = performance.getEntriesByName('duban:start')[0].startTime;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          overlay: performance.getEntriesByName('duban:ready')[0].startTime - start,
          // From the probe's start: its verdict, the background's injection, then the above.
          fromProbe: performance.getEntriesByName('duban:ready')[0].startTime - (performance.getEntriesByName('duban:probe', 'measure')[0]?.startTime ?? NaN),
          rendered: performance.getEntriesByName('duban:rendered')[0].startTime - start,
          load: nav ? nav.loadEventEnd || nav.domContentLoadedEventEnd : NaN,
        };
      });
      await page.close();
      if (i === 0) continue; // the first load warms the browser's caches
      ready.push(t.overlay);
      fromProbe.push(t.fromProbe);
      rendered.push(t.rendered);
      load.push(t.load);
    }
    const size = statSync(join(EXTENSION_DIR, 'content-scripts/notice.js')).size;
    return {
      overlay_ready_ms: round(median(ready)),
      probe_ready_ms: round(median(fromProbe)),
      overlay_all_rendered_ms: round(median(rendered)),
      page_load_ms: round(median(load)),
      content_script_kb: round(size / 1024),
    };
  } finally {
    await duban.close();
  }
}
