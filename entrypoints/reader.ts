/**
 * The page reader, loaded into a page's isolated world beside the notice script
 * (utils/notice-running.ts READER says why it is a script of its own): it only hands the notice
 * script the functions that read a page.
 */
import { defineUnlistedScript } from '#imports';
import { readCover } from '../lib/notice/cover';
import { recogniseNotice } from '../lib/notice/recognise';
import { READER, type PageReader } from '../utils/notice-running';

export default defineUnlistedScript(() => {
  (globalThis as { [READER]?: PageReader })[READER] = { recogniseNotice, readCover };
});
