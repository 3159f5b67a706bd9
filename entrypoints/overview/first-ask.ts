/**
 * The overview's first screen asked for before the page's modules have loaded: a plain script
 * (entrypoints/overview-first.ts), run by overview.html as soon as it is fetched, posts the
 * request and leaves its answer where first-screen.ts takes it, so the background reads while the
 * page's code is fetched, compiled and run (~60 ms on a 2-core machine). Imports nothing at run
 * time but the post itself: that script must stay small.
 */
import type { Failure } from '../../lib/util/result';
import { postToWorker } from '../../utils/page-channel-post';

/** Rows asked for first: more than a tall screen shows. */
export const FIRST_SCREEN = 100;

/** Whether the first screen is worth asking for: not when the URL presets a filter. */
export function wantsFirstScreen(search: string): boolean {
  const p = new URLSearchParams(search);
  return !p.get('q') && !p.get('followUp');
}

/** A request that could not reach the background, as a Failure. */
export const unreached = (e: Error): Failure => ({ ok: false, error: e.message });

const EARLY = Symbol.for('duban.overview-first-screen');
type Early = { [EARLY]?: ReturnType<typeof askEarly> };

function askEarly() {
  return postToWorker('getOverview', { limit: FIRST_SCREEN })?.catch(unreached);
}

/** Run by the early script: asks, unless no worker controls the page yet (first-screen.ts asks then). */
export function askFirstScreenEarly(): void {
  if (wantsFirstScreen(location.search)) (globalThis as Early)[EARLY] = askEarly();
}

/** The early request's answer, once: undefined when the early script did not ask. */
export function takeEarlyFirstScreen() {
  const early = (globalThis as Early)[EARLY];
  delete (globalThis as Early)[EARLY];
  return early;
}
