/**
 * Where the notice script keeps what it found in a page (entrypoints/notice.content/index.ts), in
 * duban's isolated world: every content script of duban in a frame shares that world, and the
 * page cannot reach it. The probe (entrypoints/probe.ts), finding it, knows the notice script is at
 * work there already.
 */
export const NOTICE_RUNNING = Symbol.for('duban.notice');

/**
 * Set by the browser's first script on a page where a notice opened before (entrypoints/
 * known-page.ts, before the notice script: entrypoints/background/known-notice-pages.ts): there
 * the page is likely the one read then, and the notice script asks before reading it.
 */
export const KNOWN_PAGE = Symbol.for('duban.known-page');

/**
 * The page reader (entrypoints/reader.ts: the notice's recognition, a cover page's reading), a
 * script of its own beside the notice script: where the background loads the notice script it
 * loads the reader first; where the browser runs the notice script itself (a page known again,
 * which needs no reading, lib/notice/page-map.ts) the notice script asks for it only when the
 * page must be read after all. A page known again then compiles ~35 KB less (~3.5 ms).
 */
export const READER = Symbol.for('duban.reader');

export interface PageReader {
  recogniseNotice: typeof import('../lib/notice/recognise').recogniseNotice;
  readCover: typeof import('../lib/notice/cover').readCover;
}

/**
 * Set where the notice script found no notice: the length of the page's body text then. A later
 * injection (the probe watching a page that brings its article by script, or the user asking)
 * reads the page again only when its text changed by NEW_WORDS or more since; else it answers
 * the verdict it gave.
 */
export const REFUSED = Symbol.for('duban.refused');

/** A body's text grown or shrunk by this much is new words (a ticker's come and go). */
export const NEW_WORDS = 200;

/** The length of the page's body text. */
export const bodyLength = (doc: Document = document) => doc.body?.textContent?.length ?? 0;
