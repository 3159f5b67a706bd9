/**
 * Loading the notice script (parser and overlay) into a page: where the probe found a likely
 * notice on a government page, and where the user asked (popup 识别本页, keyboard command). The
 * page is first granted the right to open its notice (./page-grants.ts), then the script is
 * injected into the tab's top frame; it answers what it found. The script runs once per page
 * (entrypoints/notice.content/index.ts): a second injection answers the first one's verdict.
 */
import { browser } from '#imports';
import { message } from '../../lib/message';
import { refusalMessage } from '../../lib/notice/refusal-message';
import { isGovernmentUrl } from '../../lib/notice/government';
import { PageRecognitionSchema, type PageRecognition, type Result } from '../../lib/protocol';
import { failure, ok } from '../../lib/util/result';
import { say, t } from '../../utils/i18n';
import { grantPage, type PageGrants } from './page-grants';
import type { KnownNoticePages } from './known-notice-pages';

/** Where the build puts the notice script (registration: 'runtime', not in the manifest). */
export const NOTICE_SCRIPT = '/content-scripts/notice.js';
/** The page reader, loaded before it wherever the page is to be read (utils/notice-running.ts READER). */
export const READER_SCRIPT = '/reader.js';

type Scripting = Pick<typeof browser.scripting, 'executeScript'>;

/** The page the tab shows, from inside it (no `tabs` permission: the tab's URL is not ours to read). */
function pageAddress(): string {
  return location.href;
}

/** `known`: pages the browser runs the notice script on itself (./known-notice-pages.ts). */
export function createPageInjection(scripting: Scripting, grants: PageGrants, known?: Pick<KnownNoticePages, 'has'>) {
  const cannot = (detail: unknown) => ({ ...failure(message('recognise.cannot')), error: `cannot read this page: ${String(detail)}` });

  async function inject(tabId: number): Promise<Result<PageRecognition>> {
    try {
      const [run] = await scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [READER_SCRIPT, NOTICE_SCRIPT] });
      const found = PageRecognitionSchema.safeParse(run?.result);
      return found.success ? ok(found.data) : cannot('the notice script answered nothing');
    } catch (e) {
      return cannot(e instanceof Error ? e.message : e);
    }
  }

  return {
    /** The probe in tab `tabId` found a likely notice on the government page `url`. */
    async noticeLikely(tabId: number, url: string | undefined, documentId?: string, late?: true): Promise<Result<PageRecognition>> {
      const page = grantPage(url);
      if (!page || !isGovernmentUrl(url)) return cannot('not a government page');
      // A page where a notice was opened before: the browser has run the notice script there
      // already, unless the page brought its article later (`late`), after that script found none.
      if (!late && (await known?.has(url))) return ok({ verdict: 'notice', copy: false });
      // Written while the script loads: its first request waits for the grant (./page-grants.ts).
      const [found] = await Promise.all([inject(tabId), grants.grant(tabId, { why: 'likely', page, ...(documentId ? { documentId } : {}) })]);
      return found;
    },

    /** The notice script in frame `frameId` of tab `tabId` must read its page after all: the page reader, loaded there. */
    async loadReader(tabId: number, frameId: number): Promise<Result<boolean>> {
      try {
        await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [READER_SCRIPT] });
        return ok(true);
      } catch (e) {
        return cannot(e instanceof Error ? e.message : e);
      }
    },

    /**
     * The user asked to recognise the page in tab `tabId`: the browser granted duban that tab
     * (activeTab) when the user clicked its toolbar button or pressed its command.
     */
    async recognisePage(tabId: number): Promise<Result<PageRecognition>> {
      let at: { result?: unknown; documentId?: string } | undefined;
      try {
        [at] = await scripting.executeScript({ target: { tabId, frameIds: [0] }, func: pageAddress });
      } catch (e) {
        // A browser page (chrome://, the web store) or a tab the user did not ask about.
        return cannot(e instanceof Error ? e.message : e);
      }
      const page = grantPage(typeof at?.result === 'string' ? at.result : undefined);
      if (!page) return cannot('not a web page');
      await grants.grant(tabId, { why: 'asked', page, ...(at?.documentId ? { documentId: at.documentId } : {}) });
      return inject(tabId);
    },
  };
}

export type PageInjection = ReturnType<typeof createPageInjection>;

/** The keyboard command that asks duban to recognise the page (manifest `commands`, wxt.config.ts). */
export const RECOGNISE_COMMAND = 'recognise-page';

/**
 * The keyboard command: the browser grants duban the active tab (activeTab) and names it. A page
 * that is not a notice, or cannot be read, is said in a notification: no popup is open to say it.
 */
export function listenForRecogniseCommand(injection: PageInjection) {
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== RECOGNISE_COMMAND || tab?.id === undefined) return;
    const found = await injection.recognisePage(tab.id);
    if (found.ok && found.value.verdict === 'notice') return;
    const cover = found.ok && found.value.verdict === 'cover';
    const said = !found.ok
      ? message(found.code ?? 'recognise.cannot', found.params)
      : cover ? message('recogniseCover.command') : refusalMessage(found.value);
    await browser.notifications
      .create(`${RECOGNISE_COMMAND}:${tab.id}`, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: t('popup.title'), message: say(said) })
      .catch(() => {});
  });
}
