/**
 * The probe, on every government page (`*.gov.cn`, and the sites of the registry): a cheap look
 * for a breakdown notice (lib/notice/probe.ts). A page that is not one is marked data-duban="none"
 * and left alone; on a likely notice the background injects the notice script (parser and
 * overlay, entrypoints/notice.content/).
 *
 * A plain script, listed in the manifest's content_scripts by wxt.config.ts, rather than a WXT
 * content script: WXT's content-script context (which announces each start on the document and
 * listens for newer copies) cost about 2 ms on every government page before the probe's first
 * line, and the probe, run once per page and never stopped, needs none of it. Kept small
 * (≤ 10 KB, npm run bench: nonnotice_kb). Two measures, written once the verdict is in (a mark
 * costs about 0.1 ms itself): duban:probe from the start of the probe's code (nonnotice_ms) and
 * duban:probe-main from its main function (nonnotice_main_ms); and duban:probe-marker, the
 * data-duban="none" hook written in idle time (nonnotice_marker_ms).
 */
import { defineUnlistedScript } from '#imports';
import { probePage } from '../lib/notice/probe';
import { sendMessage } from '../utils/messaging';

/** When the probe's own code starts (its imports evaluated). */
const started = performance.now();

export default defineUnlistedScript(() => {
  const start = performance.now();
  const { verdict } = probePage(document);
  const end = performance.now();
  performance.measure('duban:probe', { start: started, end });
  performance.measure('duban:probe-main', { start, end });
  if (verdict === 'no') {
    // The test hook waits for the page's own work: the first element a content script touches
    // costs its world ~1 ms (lib/notice/probe.ts), which the verdict itself no longer pays.
    requestIdleCallback(markNone, { timeout: 2000 });
    return;
  }
  // No word of duban's is fetched here: the notice script carries the words it draws first
  // (utils/page-words.ts), and the catalogue, fetched synchronously, held up the rows.
  void sendMessage('noticeLikely', {}).catch(() => {});
});

function markNone() {
  const start = performance.now();
  const html = document.documentElement;
  // The notice script may already have marked the page (the user asked before the probe ran).
  if (!html.hasAttribute('data-duban')) html.setAttribute('data-duban', 'none');
  performance.measure('duban:probe-marker', { start, end: performance.now() });
}
