/**
 * A notice keeps one identity across URL variants (http/https, query strings, a page that moved):
 * its 文号 where the page has one, else the page's host and path.
 */
import type { Notice } from './types';

export function noticeKey(notice: Pick<Notice, 'docNo' | 'sourceUrl'>): string {
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
