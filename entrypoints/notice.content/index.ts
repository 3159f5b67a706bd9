/**
 * Injected by the background (registration: 'runtime', not in the manifest) where the probe found
 * a likely notice or the user asked (entrypoints/background/page-injection.ts), or by the
 * browser itself on a page where a notice opened before (known-notice-pages.ts), once per page:
 * recognise the notice (on a page known again, the one read then, from where its items were:
 * lib/notice/page-map.ts, marked duban:remembered); or, on a cover page whose list is an attachment, mark it data-duban="cover"
 * and put 在督办中打开 beside each attachment (./cover-buttons.ts); or mark the page
 * data-duban="none" and leave it alone; answer what it found
 * (PageRecognition). A page off government sites is a copy: its bar says 副本. On a notice: open it in the background (which binds this tab to it), mount the rows,
 * load the saved annotations, then mark <html data-duban="ready" data-duban-items="N">; in idle
 * time, make the one editor frame. This script never edits: it shows, and asks the background to
 * show the editor frame. The performance marks duban:start and duban:ready time it (npm run bench);
 * duban:recognised, duban:built and duban:rendered (every row drawn, in idle time) tell where the
 * time went.
 */
import { browser, defineContentScript } from '#imports';
import type { recogniseNotice } from '../../lib/notice/recognise';
import { isGovernmentUrl } from '../../lib/notice/government';
import { attachmentRequests } from '../../lib/attachment/cover-requests';
import type { PageRecognition, PeekedNotice } from '../../lib/protocol';
import { holdWords } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { afterFirstFrame } from '../../utils/after-first-frame';
import { bodyLength, KNOWN_PAGE, NEW_WORDS, NOTICE_RUNNING, READER, REFUSED, type PageReader } from '../../utils/notice-running';
import { anchorsOf, bodyTextNodes, figureRuns, isPageSeen, pageText, placeItems, signMappedPage, signPage, type PageSignature, type TextNodeList } from '../../lib/notice/page-map';
import { pageLocale } from '../../utils/page-words';
import pageWords from 'virtual:duban-page-words';
import { mountCoverButtons } from './cover-buttons';
import { showNotice } from './show-notice';

/** The manifest's default_locale (wxt.config.ts): the browser's catalogue for any other language. */
const DEFAULT_LOCALE = 'zh_CN';
/**
 * What the first run in a page found, kept in duban's isolated world (which the page cannot
 * reach): a second injection answers it and draws nothing, and the probe leaves the page to it.
 */
type Running = { [NOTICE_RUNNING]?: Promise<PageRecognition>; [KNOWN_PAGE]?: boolean; [READER]?: PageReader; [REFUSED]?: number };

export default defineContentScript({
  // Built as a file and injected by the background: no `matches` in the manifest.
  registration: 'runtime',
  // WXT announces each start to the page with window.postMessage, naming the extension id, and
  // stops an older copy when it hears that again: a page replaying it would remove the overlays.
  noScriptStartedPostMessage: true,
  async main(ctx): Promise<PageRecognition> {
    const world = globalThis as Running;
    // A page found to hold no notice is read again once it brought new words (an article fetched by script).
    const refused = world[REFUSED];
    if (world[NOTICE_RUNNING] && (refused === undefined || Math.abs(bodyLength() - refused) < NEW_WORDS)) return world[NOTICE_RUNNING];
    delete world[REFUSED];
    // Set at once, before any wait: a second injection, or the probe, finds this run at work.
    let found!: (r: PageRecognition) => void;
    world[NOTICE_RUNNING] = new Promise<PageRecognition>((resolve) => (found = resolve));
    // Asked first, before the page is read and before the wait below: the notice last opened at
    // this very address, if its items still read the same (./show-notice.ts), and where they are
    // (below). The question travels while the page draws itself (a message costs the page's
    // thread 1–3 ms, the round trip to the background 10–30).
    const peek = sendMessage('peekNotice', {}).then((r) => (r.ok ? withItems(r.value) : null), () => null);
    // A page that has not drawn itself yet draws first (utils/after-first-frame.ts).
    const frame = afterFirstFrame();
    if (frame) {
      const from = performance.now();
      await frame;
      // The page's own first layout and paint: npm run bench takes it off probe_ready_ms.
      performance.measure('duban:first-frame', { start: from, end: performance.now() });
    }
    performance.mark('duban:start');
    const copy = !isGovernmentUrl(location.href);
    // Where a notice opened before (the browser ran known-page.js first), the page is likely the
    // one read then: signed while the question travels, and when its signature is the one the
    // answer brings, the notice read then and where its items are are used, and the page is not
    // read again (lib/notice/page-map.ts). A copy is always read.
    const textNodes = !copy && world[KNOWN_PAGE] ? bodyTextNodes(document) : undefined;
    const text = textNodes && pageText(document);
    const signed = text && signPage(text, textNodes.length).catch(() => undefined);
    // The messenger hands a request to the browser a microtask later: let it go before the reading.
    await Promise.resolve();
    // Its rows' and bar's words in hand: the browser's catalogue is fetched synchronously on the
    // first word asked of it (utils/page-words.ts). getUILanguage asks nothing of the browser.
    holdWords(pageWords[pageLocale(browser.i18n.getUILanguage(), Object.keys(pageWords), DEFAULT_LOCALE)]);
    const html = document.documentElement;
    const known = textNodes && text && signed ? knownAgain(await peek, await signed, figureRuns(text), textNodes) : undefined;
    if (known) performance.mark('duban:remembered');
    let recognised: ReturnType<typeof recogniseNotice>;
    let reader: PageReader | undefined;
    try {
      if (known) recognised = { ok: true, format: 'known', ...known };
      else {
        // Loaded before this script where the background loaded it; else asked for now.
        reader = world[READER] ?? (await loadReader(world));
        recognised = reader.recogniseNotice(document, {
          url: location.href,
          isVisible: (el) => el.checkVisibility?.() ?? true,
          // The background fingerprints the items (lib/notice/from-reading.ts says why), and the
          // quotes go once the rows are ready (./show-notice.ts): both off the page's first reading.
          fingerprints: false,
          quotes: false,
        });
      }
    } catch (e) {
      // Nothing shown: a later injection may try again.
      delete world[NOTICE_RUNNING];
      throw e;
    }
    if (!recognised.ok) {
      // A cover page: its list is an attachment, which duban's viewer opens.
      const cover = copy || !reader ? undefined : reader.readCover(document, location.href);
      const verdict: PageRecognition = cover
        ? { verdict: 'cover', copy, attachments: attachmentRequests(cover) }
        : { verdict: 'none', copy, ...(recognised.report ? { report: true } : {}), ...(recognised.numbered ? { numbered: recognised.numbered } : {}) };
      found(verdict);
      if (!cover) world[REFUSED] = bodyLength();
      // Run by the browser where a notice opened before, and none here now: not again next time.
      if (!cover && world[KNOWN_PAGE]) void sendMessage('noNoticeHere', {}).catch(() => {});
      if (cover) {
        const unmount = mountCoverButtons(document, cover, (request) => void sendMessage('openAttachment', request).catch(() => {}));
        ctx.onInvalidated(() => {
          if (browser.runtime?.id) return;
          unmount();
          html.removeAttribute('data-duban');
        });
      }
      html.setAttribute('data-duban', cover ? 'cover' : 'none');
      return verdict;
    }
    const verdict: PageRecognition = { verdict: 'notice', copy };
    found(verdict);
    const { notice, anchors } = recognised;
    const shown = await showNotice(document, notice, anchors, {
      copy,
      // A copy is never at the notice's link, where alone quotes are kept: it works none out; a
      // page known again has its quotes kept already.
      quotes: copy ? undefined : recognised.quotes,
      peek,
      // Where its items are, for the next visit (a copy is read each time; a page known again
      // has them kept). Taken in idle time, with duban's rows in the page: they add no text node.
      pageMap: copy || known
        ? undefined
        : async () => {
            const nodes = bodyTextNodes(document);
            const items = placeItems(notice.items.map((i) => i.key), anchors, nodes);
            return items && { page: await signMappedPage(document, nodes, anchors), items };
          },
    });
    ctx.onInvalidated(() => {
      // Only a real end of this script (duban reloaded or removed) takes the overlays away; the
      // page cannot fake that, since runtime.id goes only with the extension.
      if (browser.runtime?.id) return;
      shown.remove();
    });
    return verdict;
  },
});

/** The page reader, loaded into this world by the background; a refusal when it could not be. */
async function loadReader(world: Running): Promise<PageReader> {
  const loaded = await sendMessage('loadReader', {});
  const reader = world[READER];
  if (!loaded.ok || !reader) throw new Error(`duban: the page reader did not load${loaded.ok ? '' : `: ${loaded.error}`}`);
  return reader;
}

/** The peek's items, where it sent them as its known notice's (lib/protocol.ts PeekedNotice.known). */
function withItems(peeked: PeekedNotice | null): PeekedNotice | null {
  if (!peeked?.known) return peeked;
  return { ...peeked, items: peeked.known.notice.items.map(({ key, text, fingerprint }) => ({ key, text, fingerprint })) };
}

/** The notice and its items' anchors when the page is the one read then (its signature the same, figures and all), else undefined. */
function knownAgain(peeked: PeekedNotice | null, signed: PageSignature | undefined, figures: readonly string[], textNodes: TextNodeList) {
  const known = peeked?.known;
  if (!known || !signed || !isPageSeen(known.page, signed, figures)) return undefined;
  const anchors = anchorsOf(known.items, textNodes);
  return anchors && { notice: known.notice, anchors };
}
