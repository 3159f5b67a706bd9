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
 * data-duban="none" hook written in idle time (nonnotice_marker_ms). Where the notice script
 * is at work already, duban:probe-handover instead, from the same start.
 */
import { defineUnlistedScript } from '#imports';
import { probeBody, probeTitle } from '../lib/notice/probe';
import { sendMessage } from '../utils/messaging';
import { afterFirstFrame } from '../utils/after-first-frame';
import { bodyLength, NEW_WORDS, NOTICE_RUNNING, REFUSED } from '../utils/notice-running';

/** When the probe's own code starts (its imports evaluated). */
const started = performance.now();

export default defineUnlistedScript(() => {
  const start = performance.now();
  const kind = probeTitle(document);
  if (kind === 'untitled') {
    verdictIn(started, start);
    const title = document.title;
    // The test hook waits for the page's own work: the first element a content script touches
    // costs its world ~1 ms (lib/notice/probe.ts), which the verdict itself no longer pays.
    requestIdleCallback(() => (markNone(), watchLate(document.head, undefined, title)), { timeout: 2000 });
    return;
  }
  // A title naming a breakdown or tasks: the body's count and the background's word wait one
  // task, or for the page's first frame if it has not drawn itself yet (utils/after-first-frame.ts:
  // the measures then start after that wait, which is the page's own layout). On a page where a
  // notice opened before, the browser runs the notice script right after this probe
  // (entrypoints/background/known-notice-pages.ts): it then reads the page first, with nothing of
  // the probe's in its way, and the probe, finding it at work, is done.
  // `from`: where the measures start (the probe's start, or the end of its wait for the frame);
  // `main`: where the probe's own main part started, or that same end.
  const go = (from: number, main: number) => {
    const running = world()[NOTICE_RUNNING];
    if (running) {
      performance.measure('duban:probe-handover', { start: from, end: performance.now() });
      // Where it finds no notice (a page known again whose article is still to come), the page is watched.
      void running.then((r) => r.verdict === 'none' && watchLate(document.body, undefined, world()[REFUSED]));
      return;
    }
    const { verdict } = probeBody(document, kind);
    verdictIn(from, main);
    if (verdict === 'no') {
      const words = bodyLength();
      return void requestIdleCallback(() => (markNone(), watchLate(document.body, undefined, words)), { timeout: 2000 });
    }
    noticeLikely();
  };
  const frame = afterFirstFrame();
  // On a known page the handover is timed from the probe's start; the notice script measures its
  // own wait for the frame (duban:first-frame), which the bench takes off.
  if (frame) {
    void frame.then(() => {
      const now = performance.now();
      go(noticeRunning() ? started : now, now);
    });
  } else setTimeout(() => go(started, start), 0);
});

/**
 * No word of duban's is fetched here: the notice script carries the words it draws first
 * (utils/page-words.ts), and the catalogue, fetched synchronously, held up the rows. Where the
 * notice script finds no notice after all, the page may still be bringing it: it is watched from
 * the words the script read.
 */
const noticeLikely = (until?: number) =>
  void sendMessage('noticeLikely', until === undefined ? {} : { late: true }).then(
    (r) => r.ok && r.value.verdict === 'none' && watchLate(document.body, until, world()[REFUSED]),
    () => {},
  );

/** How long after its verdict a page may still bring its notice: a site that fetches its article by script. */
const LATE_MS = 30_000;
/** The page is looked at again once its words have been still this long (an article comes in several writes). */
const SETTLE_MS = 400;

/**
 * A page said "no" is watched for a while: some government sites fetch their article after the
 * page loads, its title (the <head> is watched) or its words (the body, looked at again only when
 * its text changed by NEW_WORDS since it was judged; `seen`, the title or length then). Once they have
 * settled, the verdict is asked again, and a likely notice gets the notice script as at load. The
 * first look comes at once: the page may have changed since it was judged. Each look that reads
 * the page writes duban:probe-again (the test hook for a page that stays "no").
 */
function watchLate(target: Node | null, until = performance.now() + LATE_MS, seen?: number | string) {
  if (!target || performance.now() >= until) return;
  const head = target === document.head;
  // What the page was judged on: its title, or its body's length.
  let was = seen ?? (head ? document.title : bodyLength());
  const changed = () => {
    const now = head ? document.title : bodyLength();
    if (head ? now === was : Math.abs((now as number) - (was as number)) < NEW_WORDS) return false;
    was = now;
    return true;
  };
  const look = () => {
    clearTimeout(timer);
    timer = setTimeout(lookAgain, SETTLE_MS);
  };
  let timer = setTimeout(lookAgain, 0);
  const observer = new MutationObserver(look);
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  const stop = setTimeout(() => observer.disconnect(), until - performance.now());
  function lookAgain() {
    if (!changed()) return;
    const start = performance.now();
    const kind = probeTitle(document);
    const likely = kind !== 'untitled' && probeBody(document, kind).verdict === 'likely';
    performance.measure('duban:probe-again', { start, end: performance.now() });
    if (!likely && (kind === 'untitled' || !head)) return;
    clearTimeout(stop);
    observer.disconnect();
    // The notice script reads the page again where its words changed since it found none.
    if (likely) noticeLikely(until);
    // The title came, its words not yet: the body is watched for them from now on.
    else watchLate(document.body, until);
  }
}

/** duban's isolated world, where the notice script keeps what it found (utils/notice-running.ts). */
const world = () => globalThis as { [NOTICE_RUNNING]?: Promise<{ verdict: string }>; [REFUSED]?: number };
const noticeRunning = () => !!world()[NOTICE_RUNNING];

/** The measures, written once the verdict is in (a mark costs about 0.1 ms itself). */
function verdictIn(from: number, main: number) {
  const end = performance.now();
  performance.measure('duban:probe', { start: from, end });
  performance.measure('duban:probe-main', { start: main, end });
}

function markNone() {
  const start = performance.now();
  const html = document.documentElement;
  // The notice script may already have marked the page (the user asked before the probe ran).
  if (!html.hasAttribute('data-duban')) html.setAttribute('data-duban', 'none');
  performance.measure('duban:probe-marker', { start, end: performance.now() });
}
