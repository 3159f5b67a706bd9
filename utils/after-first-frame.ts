/**
 * Lets a page that has not drawn itself yet draw first. The browser runs duban's scripts at
 * document_idle, which comes as a task queued beside the page's first frame: on some loads
 * before it, some 15–35 ms after DOMContentLoaded, ahead of the page's first layout (60–130 ms for
 * a long notice, seen in traces). duban's reading then held up the page's first paint, and the
 * page's layout ran inside duban's wait for the background's answer. On other loads the frame
 * comes first and duban runs 70 ms or more after DOMContentLoaded.
 *
 * The web gives no word that a layout is still due, so: a recorded paint or a page out of view
 * (it draws no frames) go at once (undefined); otherwise wait for the next frame and the task
 * after it (a requestAnimationFrame callback runs before that frame's layout and paint), or
 * FRAME_WAIT_MS if no frame comes. (Time since DOMContentLoaded is no sign: on a busy machine the
 * scripts ran 60 ms and more after it with the first layout still to come, seen in
 * tests/e2e/first-frame.e2e.ts.)
 */
export const FRAME_WAIT_MS = 200;

export function afterFirstFrame(doc: Document = document): Promise<void> | undefined {
  const view = doc.defaultView;
  if (!view || doc.visibilityState !== 'visible') return undefined;
  const { performance } = view;
  if (performance.getEntriesByType('paint').length) return undefined;
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
