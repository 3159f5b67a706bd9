/**
 * On every government page (`*.gov.cn`, and the sites of the registry): a cheap look for a
 * breakdown notice (lib/notice/probe.ts). A page that is not one is marked data-duban="none" and
 * left alone; on a likely notice the background injects the notice script (parser and overlay,
 * entrypoints/notice.content/). Kept small (≤ 10 KB, npm run bench: nonnotice_kb); the measure
 * duban:probe times it from its start to its verdict (nonnotice_ms), written once the verdict is
 * in (a mark costs about 0.1 ms itself).
 */
import { defineContentScript } from '#imports';
import { governmentMatches } from '../lib/notice/government';
import { probePage } from '../lib/notice/probe';
import { sendMessage } from '../utils/messaging';

export default defineContentScript({
  // Read at build time into the manifest.
  matches: governmentMatches(),
  runAt: 'document_idle',
  // As the notice script: no start announcement a page could replay.
  noScriptStartedPostMessage: true,
  main() {
    const start = performance.now();
    const { verdict } = probePage(document);
    performance.measure('duban:probe', { start, end: performance.now() });
    const html = document.documentElement;
    if (verdict === 'no') {
      // The notice script may already have marked the page (the user asked before the probe ran).
      if (!html.hasAttribute('data-duban')) html.setAttribute('data-duban', 'none');
      return;
    }
    void sendMessage('noticeLikely', {}).catch(() => {});
  },
});
