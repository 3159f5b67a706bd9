/**
 * In Chromium with the built extension: time from the content script's start to all overlays
 * rendered (its performance marks duban:start → duban:ready), next to the page's own load time,
 * median of several loads; and the content script's size on disk (minified).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchDuban, noticeSeed, openNotice, serveSeeds } from '../../tests/e2e/harness';
import { median, round } from './stats';

export async function benchOverlay(runs = 7) {
  const duban = await launchDuban();
  try {
    await serveSeeds(duban.context);
    const url = noticeSeed().url;
    const ready: number[] = [];
    const load: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const page = await openNotice(duban.context, url);
      const t = await page.evaluate(() => {
        const start = performance.getEntriesByName('duban:start')[0]?.startTime;
        const done = performance.getEntriesByName('duban:ready')[0]?.startTime;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { overlay: done - start, load: nav ? nav.loadEventEnd || nav.domContentLoadedEventEnd : NaN };
      });
      await page.close();
      if (i === 0) continue; // the first load warms the browser's caches
      ready.push(t.overlay);
      load.push(t.load);
    }
    const size = statSync(join(EXTENSION_DIR, 'content-scripts/notice.js')).size;
    return {
      overlay_ready_ms: round(median(ready)),
      page_load_ms: round(median(load)),
      content_script_kb: round(size / 1024),
    };
  } finally {
    await duban.close();
  }
}
