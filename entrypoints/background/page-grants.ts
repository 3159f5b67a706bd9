/**
 * Pages outside the registry's sites that may open their notice, one per tab: the page the user
 * asked duban to recognise (popup 识别本页, keyboard command), or a government page where the probe
 * found a likely notice; and, in any tab, a government page where a notice was opened before
 * (./known-notice-pages.ts). A grant names the page's document (and its origin and path): a
 * navigation makes another document, which the grant does not cover, and a load of another page
 * in the tab clears it. Kept in storage.session like the tab bindings (./tab-bindings.ts), so it survives the
 * service worker stopping, and goes with the browser session.
 */
import { browser } from '#imports';
import { isGovernmentUrl } from '../../lib/notice/government';
import { isOfficialUrl } from '../../lib/notice/sites';
import { senderKind, type SenderInfo, type SenderKind } from '../../lib/protocol';
import type { KnownNoticePages } from './known-notice-pages';

export interface PageGrant {
  /** Why the page may open its notice. */
  why: 'asked' | 'likely';
  /** The page's origin and path (no query, no hash). */
  page: string;
  /** The page's document, when the browser says which (Chrome). */
  documentId?: string;
}

const PREFIX = 'grant:';

/** The page a URL is, for a grant: origin and path. */
export function grantPage(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? `${u.origin}${u.pathname}` : undefined;
  } catch {
    return undefined;
  }
}

/** `known`: pages where a notice was opened before, which may open it again in any tab (./known-notice-pages.ts). */
export function createPageGrants(known?: Pick<KnownNoticePages, 'has'>) {
  const area = browser.storage.session;
  const key = (tabId: number) => PREFIX + tabId;
  const clear = (tabId: number) => area.remove(key(tabId)).catch(() => {});

  browser.tabs.onRemoved.addListener((tabId) => void clear(tabId));
  // A tab loading another page: its grant goes. Chrome also says "loading" for a jump within the
  // page (#duban-item-N from the popup), which keeps its document and so its grant; a grant named
  // by its document covers no other document anyway, so only a grant without one (a browser that
  // does not say) goes on every load.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void grants.get(tabId).then((g) => {
      if (g && (!g.documentId || (change.url !== undefined && grantPage(change.url) !== g.page))) void clear(tabId);
    });
  });

  // Grants being written: the notice script is injected meanwhile, and its first request waits
  // for its page's grant here rather than the injection for the write.
  const writing = new Map<number, Promise<void>>();
  const grants = {
    async get(tabId: number): Promise<PageGrant | undefined> {
      await writing.get(tabId)?.catch(() => {});
      return (await area.get(key(tabId)))[key(tabId)] as PageGrant | undefined;
    },
    async grant(tabId: number, grant: PageGrant): Promise<void> {
      const written = area.set({ [key(tabId)]: grant });
      writing.set(tabId, written);
      try {
        await written;
      } finally {
        if (writing.get(tabId) === written) writing.delete(tabId);
      }
    },
    clear,
    /** Whether the sender's page in `tabId` is the page granted there. */
    async allows(tabId: number, sender: Pick<SenderInfo, 'url' | 'documentId'>): Promise<boolean> {
      // The browser runs the notice script there itself, with no word from the probe to grant it.
      if (await known?.has(sender.url)) return true;
      const g = await grants.get(tabId);
      if (!g || g.page !== grantPage(sender.url)) return false;
      return !g.documentId || !sender.documentId || g.documentId === sender.documentId;
    },
  };
  return grants;
}

export type PageGrants = ReturnType<typeof createPageGrants>;

/**
 * Who sent a message (lib/protocol.ts senderKind): a content script may open its notice on a site
 * of the registry or on the page granted in its tab; elsewhere on a government site it is the
 * probe, which may only say that the page looks like a notice; anywhere else it is nobody.
 */
export async function classifySender(sender: SenderInfo, extensionId: string, grants: PageGrants): Promise<SenderKind | null> {
  const tabId = sender.tab?.id;
  const granted = tabId !== undefined && !isOfficialUrl(sender.url) && (await grants.allows(tabId, sender));
  return senderKind(sender, extensionId, (url) => granted || isOfficialUrl(url), isGovernmentUrl);
}
