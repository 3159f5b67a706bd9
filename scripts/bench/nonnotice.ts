/**
 * On a government page that is not a notice (the portal front page fixture, 2,000 links, served
 * at a *.gov.cn host), in Chromium with the built extension: the probe's main-thread time from
 * its start to its verdict (the measure duban:probe, WXT's start-up included; duban:probe-main
 * from its main()), median of several loads; the data-duban="none" hook it writes afterwards, in
 * idle time (duban:probe-marker); and the probe script's size on disk (minified). The notice script must not have started there.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR, launchDuban, serveHtml } from '../../tests/e2e/harness';
import { openQuietly } from './quiet-load';
import { median, round } from './stats';

const PORTAL = fileURLToPath(new URL('../../tests/fixtures/notices/gongshu-portal.html', import.meta.url));
const PORTAL_URL = 'https://www.xihu.gov.cn/';

export async function benchNonNotice(runs = 15) {
  const duban = await launchDuban();
  try {
    await serveHtml(duban.context, PORTAL_URL, readFileSync(PORTAL, 'utf8'));
    const times: number[] = [];
    const mains: number[] = [];
    const markers: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      // The probe's data-duban="none", written in idle time after its verdict.
      const page = await openQuietly(duban.context, PORTAL_URL, 'data-duban');
      // No helper functions inside: tsx would wrap them in a __name() the page doesn't have.
      const t = await page.evaluate(() => ({
        probe: performance.getEntriesByName('duban:probe', 'measure')[0]?.duration,
        main: performance.getEntriesByName('duban:probe-main', 'measure')[0]?.duration ?? NaN,
        marker: performance.getEntriesByName('duban:probe-marker', 'measure')[0]?.duration ?? NaN,
        notice: performance.getEntriesByName('duban:start')[0]?.startTime,
        links: document.links.length,
      }));
      await page.close();
      if (t.probe === undefined) throw new Error('the probe left no measure on the portal');
      if (t.notice !== undefined) throw new Error('the notice script ran on the portal');
      if (t.links < 2000) throw new Error(`the portal has ${t.links} links`);
      if (i === 0) continue; // the first load warms the browser's caches
      times.push(t.probe);
      mains.push(t.main);
      markers.push(t.marker);
    }
    return {
      nonnotice_ms: round(median(times)),
      nonnotice_main_ms: round(median(mains)),
      nonnotice_marker_ms: round(median(markers)),
      nonnotice_kb: round(statSync(join(EXTENSION_DIR, 'probe.js')).size / 1024),
    };
  } finally {
    await duban.close();
  }
}
