/**
 * Lets a page that has not drawn itself yet draw first. The browser runs duban's scripts at
 * document_idle, which comes as a task queued beside the page's first frame: on some loads
 * before it, some 15–35 ms after DOMContentLoaded, ahead of the page's first layout (60–130 ms for
 * a long notice, seen in traces). duban's reading then held up the page's first paint, and the
 * page's layout ran inside duban's wait for the background's answer. On other loads the frame
 * comes first and duban runs 70 ms or more after DOMContentLoaded.
 *
 * The web gives no word that a layout is still due, so: a recorded paint, a page out of view
 * (it draws no frames) or DOMContentLoaded more than LAID_OUT_AFTER_MS ago, go at once (undefined);
 * otherwise wait for the next frame and the task after it (a requestAnimationFrame callback runs
 * before that frame's layout and paint), or FRAME_WAIT_MS if no frame comes.
 */
export const LAID_OUT_AFTER_MS = 60;
export const FRAME_WAIT_MS = 200;

export function afterFirstFrame(doc: Document = document): Promise<void> | undefined {
  const view = doc.defaultView;
  if (!view || doc.visibilityState !== 'visible') return undefined;
  const { performance } = view;
  if (performance.getEntriesByType('paint').length) return undefined;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (!nav?.domContentLoadedEventEnd || performance.now() - nav.domContentLoadedEventEnd > LAID_OUT_AFTER_MS) return undefined;
  return new Promise((resolve) => {
    const timer = view.setTimeout(resolve, FRAME_WAIT_MS);
    view.requestAnimationFrame(() =>
      view.setTimeout(() => {
        view.clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
