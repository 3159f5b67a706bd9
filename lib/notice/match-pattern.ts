/**
 * Browser match patterns for web pages (`https://www.gongshu.gov.cn/art/*`), read as the manifest's
 * `matches` are, so that what duban takes for a notice page is what its content script runs on.
 * Stricter than the browser in one point: a URL on a port other than its scheme's default is
 * another origin, and matches no named host.
 */

/** Tells whether a parsed URL is one the pattern names. */
export type UrlMatcher = (url: URL) => boolean;

// <scheme>://<host><path>: scheme * (http or https), http or https; host *, *.example.org or a name.
const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(\/.*)$/;

const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Compiles `pattern` once; throws on anything that is not an http(s) match pattern. */
export function matchPattern(pattern: string): UrlMatcher {
  const m = PATTERN.exec(pattern);
  if (!m) throw new Error(`not a match pattern for web pages: ${pattern}`);
  const [, scheme, rawHost, path] = m;
  const host = rawHost.toLowerCase(); // URL gives hosts in lower case
  const schemeOk = scheme === '*' ? (p: string) => p === 'http:' || p === 'https:' : (p: string) => p === `${scheme}:`;
  const parent = host.slice(1); // `.example.org` of `*.example.org`
  const hostOk =
    host === '*' ? () => true : host.startsWith('*.') ? (h: string) => h === parent.slice(1) || h.endsWith(parent) : (h: string) => h === host;
  // The path part matches the path and the query, as the browser's does; `*` is any run.
  const pathRe = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  // `host` holds a port that is not the default: no named host matches it.
  return (u) => schemeOk(u.protocol) && hostOk(u.host) && pathRe.test(u.pathname + u.search);
}

/**
 * The match pattern for the page at `url` and its variants (http or https, any query or hash):
 * `*://host/path*`. Undefined for a URL that is not an http(s) page on its scheme's port, or whose
 * path holds a `*`, which a pattern cannot say literally.
 */
export function pagePattern(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(u.protocol) || u.port !== '' || u.pathname.includes('*')) return undefined;
  return `*://${u.hostname}${u.pathname}*`;
}
