/**
 * What any extension pays here before duban's own work, on the seed page under the same serving
 * as the overlay's measures (loads at page load, warm browser): a bare extension, made in a
 * temporary folder, with three content scripts at document_idle, as the probe and the notice
 * script run, and a worker that answers at once.
 * - floor_script_ms: a script holding the notice script's text, none of it run, starts this much
 *   after the tiny script before it: V8 reading a script of that size;
 * - floor_layout_ms: the page's first layout, which reading where the rows in view are forces;
 * - floor_message_ms: a small message from the content script to the worker and its answer;
 * - floor_notice_message_ms: the same carrying the seed's notice as the notice script sends it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { EXTENSION_DIR, launchDuban, noticeSeed, serveSeeds } from '../../tests/e2e/harness';
import { recogniseNotice } from '../../lib/notice/recognise';
import { openQuietly } from './quiet-load';
import { median, round } from './stats';

function bareExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duban-floor-'));
  const seed = noticeSeed();
  const found = recogniseNotice(parseHTML(readFileSync(seed.path, 'utf8')).document as unknown as Document, { url: seed.url, fingerprints: false, quotes: false });
  if (!found.ok) throw new Error(found.reason);
  const notice = readFileSync(join(EXTENSION_DIR, 'content-scripts/notice.js'), 'utf8');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'floor',
    version: '1',
    background: { service_worker: 'worker.js' },
    content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['first.js', 'unrun.js', 'last.js'], run_at: 'document_idle' }],
  }));
  writeFileSync(join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true }); });');
  writeFileSync(join(dir, 'first.js'), "performance.mark('floor:first');");
  writeFileSync(join(dir, 'unrun.js'), `performance.mark('floor:unrun');\nif (performance.now() < 0) {\n${notice}\n}`);
  writeFileSync(join(dir, 'last.js'), `
const start = performance.now();
document.body.getBoundingClientRect();
performance.measure('floor:layout', { start, end: performance.now() });
const notice = ${JSON.stringify(found.notice)};
const sent = performance.now();
chrome.runtime.sendMessage({ type: 'ping' }, () => {
  performance.measure('floor:message', { start: sent, end: performance.now() });
  const again = performance.now();
  chrome.runtime.sendMessage({ type: 'openNotice', data: notice }, () => {
    performance.measure('floor:notice-message', { start: again, end: performance.now() });
    document.documentElement.setAttribute('data-floor', 'done');
  });
});`);
  return dir;
}

export async function benchFloor(runs = 12) {
  const dir = bareExtension();
  const bare = await launchDuban({ extensionDir: dir });
  try {
    await serveSeeds(bare.context);
    const rows: { script: number; layout: number; message: number; noticeMessage: number }[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const page = await openQuietly(bare.context, noticeSeed().url, 'data-floor');
      // No helper functions inside: tsx would wrap them in a __name() the page doesn't have.
      const t = await page.evaluate(() => ({
        script: performance.getEntriesByName('floor:unrun')[0].startTime - performance.getEntriesByName('floor:first')[0].startTime,
        layout: performance.getEntriesByName('floor:layout', 'measure')[0].duration,
        message: performance.getEntriesByName('floor:message', 'measure')[0].duration,
        noticeMessage: performance.getEntriesByName('floor:notice-message', 'measure')[0].duration,
      }));
      await page.close();
      if (i >= 2) rows.push(t); // the first loads warm the browser's caches
    }
    return {
      floor_script_ms: round(median(rows.map((r) => r.script))),
      floor_layout_ms: round(median(rows.map((r) => r.layout))),
      floor_message_ms: round(median(rows.map((r) => r.message))),
      floor_notice_message_ms: round(median(rows.map((r) => r.noticeMessage))),
    };
  } finally {
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
