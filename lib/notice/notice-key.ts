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

/** The official pages duban decorates: the Gongshu government site's articles. */
export const OFFICIAL_MATCHES = ['https://www.gongshu.gov.cn/art/*', 'http://www.gongshu.gov.cn/art/*'];

export function isOfficialUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.host === 'www.gongshu.gov.cn' && u.pathname.startsWith('/art/');
  } catch {
    return false;
  }
}
