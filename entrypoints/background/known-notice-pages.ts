/**
 * Government pages where duban has opened a notice, kept as one dynamic content script
 * (scripting.registerContentScripts): the browser runs the notice script there itself as the page
 * loads, right after the probe, rather than the probe asking the background and the background
 * injecting it (./page-injection.ts) — the rows ready ~50 ms sooner (npm run bench:
 * probe_ready_ms), on the pages people come back to all year. Such a page may open its notice
 * without a grant (./page-grants.ts); the probe finds the notice script at work there and says
 * nothing (entrypoints/probe.ts), and a word from it would inject nothing more. Only
 * government pages (those duban may read by itself), the LIMIT opened last; the browser keeps the
 * registration across sessions.
 */
import { isGovernmentUrl } from '../../lib/notice/government';
import { pagePattern } from '../../lib/notice/match-pattern';

/** The registration's id. */
export const KNOWN_NOTICES_SCRIPT = 'duban-known-notices';
/** Pages kept; the oldest opened go first. */
export const KNOWN_LIMIT = 200;

/** Run before the notice script on those pages: it marks them as pages where a notice opened (entrypoints/known-page.ts). */
export const KNOWN_PAGE_SCRIPT = 'known-page.js';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
}

interface Registration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

/** The part of browser.scripting used here. */
export interface ContentScriptRegistry {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Registered[]>;
  registerContentScripts(scripts: Registration[]): Promise<void>;
  updateContentScripts(scripts: Registration[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

/** The pattern a government page is kept as; undefined for any other page. */
const patternOf = (url: string | undefined) => (url && isGovernmentUrl(url) ? pagePattern(url) : undefined);

export function createKnownNoticePages(registry: ContentScriptRegistry, script: string) {
  // The patterns registered, oldest first; read once from the browser, then kept here.
  let patterns: Promise<{ list: string[]; registered: boolean }> | undefined;
  const js = [KNOWN_PAGE_SCRIPT, script];
  const registration = (matches: string[]): Registration => ({ id: KNOWN_NOTICES_SCRIPT, matches, js, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true });
  // One change at a time: register, then update.
  let writing: Promise<void> = Promise.resolve();
  // Every write queued so far done, those queued meanwhile too.
  const settled = (): Promise<void> => {
    const w = writing;
    return w.then(() => (w === writing ? undefined : settled()));
  };
  const load = () =>
    (patterns ??= registry
      .getRegisteredContentScripts({ ids: [KNOWN_NOTICES_SCRIPT] })
      .then(([r]) => {
        const list = r?.matches ?? [];
        // Registered by an older duban with other scripts: its pages get today's.
        if (r && (r.js?.length !== js.length || r.js.some((f, i) => f !== js[i]))) {
          // (With the pages registered by then: an add may come first.)
          writing = writing.then(async () => {
            const now = await load();
            await registry.updateContentScripts([registration(now.list)]).catch((e) => console.error('duban: notice pages not updated', e));
          });
        }
        return { list, registered: !!r };
      })
      .catch(() => ({ list: [], registered: false })));
  /** The registration brought to `next(list, pattern)` (undefined: nothing to change), one change at a time. */
  const change = (url: string, next: (list: string[], pattern: string) => string[] | undefined): Promise<void> => {
    const pattern = patternOf(url);
    if (!pattern) return settled();
    writing = writing.then(async () => {
      const known = await load();
      const list = next(known.list, pattern);
      if (!list) return;
      try {
        // The browser registers no script without a page.
        if (!list.length) await registry.unregisterContentScripts({ ids: [KNOWN_NOTICES_SCRIPT] });
        else await (known.registered ? registry.updateContentScripts([registration(list)]) : registry.registerContentScripts([registration(list)]));
        patterns = Promise.resolve({ list, registered: list.length > 0 });
      } catch (e) {
        // The probe still finds the page; read the browser's registration again next time.
        patterns = undefined;
        console.error('duban: notice pages not changed', e);
      }
    });
    return settled();
  };
  // Read as the worker starts: the probe's word, which may be what woke it, waits on no extra trip
  // to the browser before the injection.
  void load();

  return {
    /** Whether the page at `url` is one the browser runs the notice script on itself. */
    async has(url: string | undefined): Promise<boolean> {
      const pattern = patternOf(url);
      return !!pattern && (await load()).list.includes(pattern);
    },
    /** A notice was opened on the page at `url`: the browser runs the notice script there from its next load. */
    add: (url: string) => change(url, (list, p) => (list.includes(p) ? undefined : [...list, p].slice(-KNOWN_LIMIT))),
    /**
     * The notice script found no notice on the page at `url` (its notice gone, or a reading of a
     * newer duban refuses it): the browser stops running it there, and the probe looks again.
     */
    remove: (url: string) => change(url, (list, p) => (list.includes(p) ? list.filter((q) => q !== p) : undefined)),
  };
}

export type KnownNoticePages = ReturnType<typeof createKnownNoticePages>;
