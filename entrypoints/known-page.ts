/**
 * Run by the browser just before the notice script on the pages where a notice opened before
 * (entrypoints/background/known-notice-pages.ts registers the two), never injected: it marks
 * duban's isolated world, which the page cannot reach, so that the notice script knows the page
 * is likely the one it read then (lib/notice/page-map.ts) and asks before reading it.
 */
import { defineUnlistedScript } from '#imports';
import { KNOWN_PAGE } from '../utils/notice-running';

export default defineUnlistedScript(() => {
  (globalThis as { [KNOWN_PAGE]?: boolean })[KNOWN_PAGE] = true;
});
