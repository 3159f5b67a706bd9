/**
 * On every government page (`*.gov.cn`, and the sites of the registry): a cheap look for a
 * breakdown notice (lib/notice/probe.ts). A page that is not one is marked data-duban="none" and
 * left alone; on a likely notice the background injects the notice script (parser and overlay,
 * entrypoints/notice.content/). Kept small (≤ 10 KB, npm run bench: nonnotice_kb). Two measures,
 * written once the verdict is in (a mark costs about 0.1 ms itself): duban:probe from the start of
 * the probe's code, WXT's start-up (its context, the isolated world's first touch of the page)
 * included (nonnotice_ms), and duban:probe-main from main() (nonnotice_main_ms).
 */
import { defineContentScript } from '#imports';
import { governmentMatches } from '../lib/notice/government';
import { probePage } from '../lib/notice/probe';
import { sendMessage } from '../utils/messaging';

/** When the probe's own code starts, before WXT's start-up (its context) and main(). */
const started = performance.now();

export default defineContentScript({
  // Read at build time into the manifest.
  matches: governmentMatches(),
  runAt: 'document_idle',
  // As the notice script: no start announcement a page could replay.
  noScriptStartedPostMessage: true,
  main() {
    const start = performance.now();
    const { verdict } = probePage(document);
    const end = performance.now();
    performance.measure('duban:probe', { start: started, end });
    performance.measure('duban:probe-main', { start, end });
    const html = document.documentElement;
    if (verdict === 'no') {
      // The notice script may already have marked the page (the user asked before the probe ran).
      if (!html.hasAttribute('data-duban')) html.setAttribute('data-duban', 'none');
      return;
    }
    void sendMessage('noticeLikely', {}).catch(() => {});
  },
});
