/**
 * Where the notice script keeps what it found in a page (entrypoints/notice.content/index.ts), in
 * duban's isolated world: every content script of duban in a frame shares that world, and the
 * page cannot reach it. The probe (entrypoints/probe.ts), finding it, knows the notice script is at
 * work there already.
 */
export const NOTICE_RUNNING = Symbol.for('duban.notice');
