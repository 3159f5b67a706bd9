/**
 * On an official article page: recognise the notice, or mark the page data-duban="none" and leave
 * it alone. On a notice: open it in the background, mount the overlays, load the saved annotations,
 * then mark <html data-duban="ready" data-duban-items="N">. The performance marks duban:start and
 * duban:ready time it (npm run bench); duban:recognised, duban:built and duban:rendered (every
 * overlay drawn, in idle time) tell where the time went.
 */
import { defineContentScript } from '#imports';
import { createItemStore } from '../../lib/annotation/item-store';
import { dayAt, timeProgress } from '../../lib/annotation/schedule';
import { noticeKey } from '../../lib/notice/notice-key';
import { recogniseNotice } from '../../lib/notice/recognise';
import type { Result } from '../../lib/protocol';
import { onMessage, removeAllListeners, sendMessage } from '../../utils/messaging';
import { buildOverlays } from './mount';

/** How long to wait for the background before showing the overlays without saved annotations. */
const ATTACH_WAIT = 300;
/** How long to wait for the saved annotations before calling the page ready without them. */
const OPEN_TIMEOUT = 10_000;

export default defineContentScript({
  matches: ['https://www.gongshu.gov.cn/art/*', 'http://www.gongshu.gov.cn/art/*'],
  runAt: 'document_idle',
  async main(ctx) {
    performance.mark('duban:start');
    const html = document.documentElement;
    const found = recogniseNotice(document, {
      url: location.href,
      isVisible: (el) => el.checkVisibility?.() ?? true,
    });
    if (!found.ok) {
      html.setAttribute('data-duban', 'none');
      return;
    }
    const { notice, anchors } = found;
    performance.mark('duban:recognised');
    const opened = withTimeout(sendMessage('openNotice', notice), OPEN_TIMEOUT, ctx.setTimeout.bind(ctx));
    // The messenger hands the request to the browser one microtask later: let it go before the
    // build below keeps the thread busy, so the background works while the overlays are built.
    await Promise.resolve();

    const store = createItemStore({
      noticeKey: noticeKey(notice),
      items: notice.items,
      send: (patch) => sendMessage('saveAnnotation', patch),
      timers: { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id as number) },
    });
    onMessage('annotationChanged', ({ data }) => {
      if (data.noticeKey === store.noticeKey) store.received(data.annotation);
    });

    const today = dayAt(Date.now());
    const overlays = buildOverlays(document, {
      notice,
      anchors,
      store,
      today,
      expected: timeProgress(today, notice.year ?? Number(today.slice(0, 4))),
      loadHistory: (itemNo) => sendMessage('getItemHistory', { noticeKey: store.noticeKey, itemNo }),
    });

    performance.mark('duban:built');

    // Typed text goes out before the page does; hidden tabs may never come back.
    ctx.addEventListener(window, 'pagehide', () => store.flush({ force: true }));
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') store.flush();
    });
    ctx.onInvalidated(() => {
      removeAllListeners();
      store.dispose();
      overlays.unmount();
      html.removeAttribute('data-duban');
      html.removeAttribute('data-duban-items');
    });

    // Attached once the saved annotations are in (the page lays out once), or after a short wait
    // when the background is slow to wake; they fill in when they come.
    let attached = false;
    const attach = () => {
      if (attached) return;
      attached = true;
      overlays.flush();
      overlays.attach();
    };
    const attachAnyway = ctx.setTimeout(attach, ATTACH_WAIT);

    void opened
      .then((r) => {
        if (r.ok) {
          store.load(r.value.annotations);
          // The page's text differs from the stored notice's: those rows say 原文已更改.
          if (r.value.revision) store.markTextChanged(r.value.revision.differs);
        } else overlays.setLoadError(r.error);
      })
      .catch((e: unknown) => overlays.setLoadError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        clearTimeout(attachAnyway);
        attach();
        html.setAttribute('data-duban-items', String(overlays.items.size));
        html.setAttribute('data-duban', 'ready');
        performance.mark('duban:ready');
        // Links from the popup, the overview and reminders end in #duban-item-N.
        jumpToHash();
        ctx.addEventListener(window, 'hashchange', jumpToHash);
      });

    function jumpToHash() {
      const m = /^#duban-item-(\d+)$/.exec(location.hash);
      if (m) overlays.jumpTo(Number(m[1]));
    }
  },
});

function withTimeout<T>(p: Promise<Result<T>>, ms: number, later: (fn: () => void, ms: number) => unknown): Promise<Result<T>> {
  return Promise.race([p, new Promise<Result<T>>((resolve) => later(() => resolve({ ok: false, error: `no answer in ${ms} ms` }), ms))]);
}
