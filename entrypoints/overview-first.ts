/**
 * The overview's first request (entrypoints/overview/first-ask.ts), a plain script that
 * overview.html runs as soon as it is fetched, before the page's modules: it holds only the post.
 */
import { defineUnlistedScript } from '#imports';
import { askFirstScreenEarly } from './overview/first-ask';

export default defineUnlistedScript(() => askFirstScreenEarly());
