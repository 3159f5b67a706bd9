/**
 * A notice's identity, its key in the database, in files and in item refs: its 文号 at its
 * issuer's site (`拱政办发〔2024〕2号@www.gongshu.gov.cn`) where the page gives a 文号, else its
 * normalised URL without the scheme (`www.x.gov.cn/art/2024/3/7/art_1_2.html`). One notice across
 * http/https, tracking query strings and moved pages of its site; a page at another government
 * host claiming the same 文号 is another notice. The issuer is the site the notice is published
 * on (the registry's site, lib/notice/sites.ts, else the page's host): the one fact about a
 * government page that the page cannot claim, and that every stored notice and file has (its
 * URL), so old keys move to it without the page. The issuing body the page names (`issuer`) is
 * how a copy off government sites finds its notice (./copy-match.ts).
 *
 * A notice whose list is an attachment (`attachment`) is its cover page's key — the cover's 文号 at
 * the cover's site, else the cover's URL — plus the attachment's title:
 * `高政字〔2024〕5号@www.gaotang.gov.cn 附件：2024年重点工作任务分解表`. Never the file's own host:
 * a download link redirects to object storage (*.aliyuncs.com) that names no issuer. A file opened
 * from disk has no cover: its own 文号 (if it has one) plus its title.
 */
import { attachmentTitle } from './attachment-key';
import { fingerprint } from './normalize';
import { canonicalNoticeUrl } from './notice-url';
import { SITES } from './sites';
import type { Notice } from './types';

/** The NoticeKey schema's length (lib/annotation/model.ts). */
export const MAX_NOTICE_KEY_LENGTH = 300;

/** The host that stands for a notice's issuer: the registry site's first host, else the URL's own. */
export function issuerSite(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (!host) return undefined;
  return SITES.find((site) => site.hosts.includes(host))?.hosts[0] ?? host;
}

/** The URL as one notice's: canonical (./notice-url.ts), without its scheme, so http and https are one. */
function urlKey(url: string): string {
  const canonical = canonicalNoticeUrl(url);
  return canonical.replace(/^https?:\/\//, '');
}

/** Past the schema's length, a key is cut and ends in a hash of the whole: still one key per notice. */
function bounded(key: string): string {
  if (key.length <= MAX_NOTICE_KEY_LENGTH) return key;
  const hash = fingerprint(key);
  return `${key.slice(0, MAX_NOTICE_KEY_LENGTH - hash.length - 1)}~${hash}`;
}

/** The one rule that makes a notice's key. */
export function noticeKey(notice: Pick<Notice, 'docNo' | 'sourceUrl' | 'attachment'>): string {
  const { attachment } = notice;
  if (attachment) {
    const cover = attachment.cover ? noticeKey({ docNo: notice.docNo, sourceUrl: attachment.cover }) : notice.docNo;
    return bounded([cover, `附件：${attachmentTitle(attachment.title)}`].filter(Boolean).join(' '));
  }
  if (notice.docNo) {
    const site = issuerSite(notice.sourceUrl);
    // A page with no host (a saved file) has no site to tell issuers apart: its 文号 alone.
    return bounded(site ? `${notice.docNo}@${site}` : notice.docNo);
  }
  return bounded(urlKey(notice.sourceUrl));
}

/**
 * The key a notice had before database version 8 (lib/db/database.ts) and in files written by
 * then: its 文号 alone, else its URL's host and path. Only to move old records and files to
 * `noticeKey`.
 */
export function legacyNoticeKey(notice: Pick<Notice, 'docNo' | 'sourceUrl'>): string {
  if (notice.docNo) return notice.docNo;
  try {
    const u = new URL(notice.sourceUrl);
    return `${u.host}${u.pathname}`;
  } catch {
    return notice.sourceUrl;
  }
}

// Its importers (the background's sender checks, the import file's URL check) keep this path;
// the sites themselves are lib/notice/sites.ts.
export { isOfficialUrl } from './sites';
