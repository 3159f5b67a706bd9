/**
 * Injected by the background (registration: 'runtime', not in the manifest) where the probe found
 * a likely notice or the user asked (entrypoints/background/page-injection.ts), once per page:
 * recognise the notice; or, on a cover page whose list is an attachment, mark it data-duban="cover"
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
import { recogniseNotice } from '../../lib/notice/recognise';
import { isGovernmentUrl } from '../../lib/notice/government';
import { readCover } from '../../lib/notice/cover';
import { attachmentRequests } from '../../lib/attachment/cover-requests';
import type { PageRecognition } from '../../lib/protocol';
import { holdWords } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { NOTICE_RUNNING } from '../../utils/notice-running';
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
type Running = { [NOTICE_RUNNING]?: PageRecognition };

export default defineContentScript({
  // Built as a file and injected by the background: no `matches` in the manifest.
  registration: 'runtime',
  // WXT announces each start to the page with window.postMessage, naming the extension id, and
  // stops an older copy when it hears that again: a page replaying it would remove the overlays.
  noScriptStartedPostMessage: true,
  async main(ctx): Promise<PageRecognition> {
    const world = globalThis as Running;
    if (world[NOTICE_RUNNING]) return world[NOTICE_RUNNING];
    performance.mark('duban:start');
    // Asked before the page is read, so the answer is here when the rows are built: the notice
    // last opened at this very address, if its items still read the same (./show-notice.ts).
    const peek = sendMessage('peekNotice', {}).then((r) => (r.ok ? r.value : null), () => null);
    // The messenger hands a request to the browser a microtask later: let it go before the reading.
    await Promise.resolve();
    // Its rows' and bar's words in hand: the browser's catalogue is fetched synchronously on the
    // first word asked of it (utils/page-words.ts). getUILanguage asks nothing of the browser.
    holdWords(pageWords[pageLocale(browser.i18n.getUILanguage(), Object.keys(pageWords), DEFAULT_LOCALE)]);
    const html = document.documentElement;
    const copy = !isGovernmentUrl(location.href);
    const found = recogniseNotice(document, {
      url: location.href,
      isVisible: (el) => el.checkVisibility?.() ?? true,
      // The background fingerprints the items (lib/notice/from-reading.ts says why), and the
      // quotes go once the rows are ready (./show-notice.ts): both off the page's first reading.
      fingerprints: false,
      quotes: false,
    });
    // Set before the first await: a second injection runs only after this one yields.
    world[NOTICE_RUNNING] = { verdict: found.ok ? 'notice' : 'none', copy };
    if (!found.ok) {
      // A cover page: its list is an attachment, which duban's viewer opens.
      const cover = copy ? undefined : readCover(document, location.href);
      if (cover) {
        world[NOTICE_RUNNING] = { verdict: 'cover', copy, attachments: attachmentRequests(cover) };
        const unmount = mountCoverButtons(document, cover, (request) => void sendMessage('openAttachment', request).catch(() => {}));
        ctx.onInvalidated(() => {
          if (browser.runtime?.id) return;
          unmount();
          html.removeAttribute('data-duban');
        });
      }
      html.setAttribute('data-duban', cover ? 'cover' : 'none');
      return world[NOTICE_RUNNING];
    }
    // A copy is never at the notice's link, where alone quotes are kept: it works none out.
    const shown = await showNotice(document, found.notice, found.anchors, { copy, quotes: copy ? undefined : found.quotes, peek });
    ctx.onInvalidated(() => {
      // Only a real end of this script (duban reloaded or removed) takes the overlays away; the
      // page cannot fake that, since runtime.id goes only with the extension.
      if (browser.runtime?.id) return;
      shown.remove();
    });
    return world[NOTICE_RUNNING];
  },
});
