/**
 * The URLs a notice is known at. A page can only add a URL to a notice, never change what is
 * stored about it: the list is capped, variants that only differ in tracking parameters or the
 * fragment are one URL, and an https URL is kept as the notice's link over an http one.
 */

/** How many URLs one notice keeps. */
export const MAX_NOTICE_URLS = 20;

/**
 * Query parameters that name the article on sites that serve it from one script
 * (`docDetail.jsp?docid=…`, `detail?id=…`, `view.aspx?articleId=…`); compared lower-case,
 * without `_` and `-`.
 */
const ARTICLE_PARAMS = new Set(['id', 'docid', 'articleid', 'artid', 'infoid', 'contentid', 'newsid', 'aid', 'guid', 'uuid', 'fileid', 'wjid']);

/** Parameters that say how the reader arrived, never which article: dropped everywhere. */
const TRACKING_PARAMS = new Set(['from', 'source', 'src', 'spm', 'scene', 'share', 'shareid', 'isappinstalled', 'clicktime', 'enterid', 'timestamp', 't', 'ts', '_', 'fbclid', 'gclid', 'nsukey']);

/** A path that names a document itself (…/art_1229290402_4246130.html): its query names nothing else. */
const STATIC_PATH = /\.(s?html?|xhtml)$/i;

const paramName = (name: string) => name.toLowerCase().replace(/[-_]/g, '') || name;

const isArticleParam = (name: string) => ARTICLE_PARAMS.has(paramName(name));
const isTrackingParam = (name: string) => {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
};

/**
 * The form a notice's URL is kept in: no fragment; on a static article page only the parameters
 * that name an article; on a dynamic one (`.jsp`, `.aspx`, no extension) every parameter but
 * tracking ones, since any may pick the article. Kept parameters are sorted so that reorderings
 * are one URL. Anything that is not an http(s) URL comes back as it was.
 */
export function canonicalNoticeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return url;
  u.hash = '';
  const keep = STATIC_PATH.test(u.pathname) ? isArticleParam : (name: string) => !isTrackingParam(name);
  const params = [...u.searchParams].filter(([name]) => keep(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = params.length ? new URLSearchParams(params).toString() : '';
  return u.href;
}

const isHttps = (url: string) => url.startsWith('https:');

/** The link a notice keeps: an https URL is never given up for an http one; otherwise the current stays. */
export function preferredSourceUrl(current: string, seen: string): string {
  return !isHttps(current) && isHttps(seen) ? seen : current;
}

/**
 * The notice's URLs after a page at `url` was seen: `url` moves to the end (latest seen) and, past
 * the cap, the least recently seen go, never `sourceUrl`.
 */
export function withNoticeUrl(urls: readonly string[], url: string, sourceUrl: string, max = MAX_NOTICE_URLS): string[] {
  const next = [...urls.filter((u) => u !== url), url];
  // Older records may hold more than the cap, or not hold their own link.
  if (!next.includes(sourceUrl)) next.unshift(sourceUrl);
  while (next.length > max) next.splice(next.findIndex((u) => u !== sourceUrl), 1);
  return next;
}
