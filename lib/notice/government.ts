/**
 * Where duban looks for notices by itself: every government site (`*.gov.cn`) and the sites of the
 * registry (lib/notice/sites.ts). The probe content script runs on these pages; the background
 * may inject the notice script into them when the probe finds a likely notice. Anywhere else
 * duban runs only when the user asks (activeTab).
 */
import { matchPattern, type UrlMatcher } from './match-pattern';
import { siteHosts, SITES, type Site } from './sites';

/** The government domain: `gov.cn` and every host under it. */
export const GOVERNMENT_DOMAIN = 'gov.cn';

/** The probe's `matches` (and the host permissions of injection): every government page. */
export function governmentMatches(sites: readonly Site[] = SITES): string[] {
  const others = siteHosts(sites).filter((host) => !isGovernmentHost(host));
  return [`*://*.${GOVERNMENT_DOMAIN}/*`, ...others.map((host) => `*://${host}/*`)];
}

function isGovernmentHost(host: string): boolean {
  return host === GOVERNMENT_DOMAIN || host.endsWith(`.${GOVERNMENT_DOMAIN}`);
}

/** The patterns compiled when first needed: a page under gov.cn, which the notice script asks about first thing, needs none. */
let matchers: UrlMatcher[] | undefined;

/** A page of a government site or of a site duban knows, over http(s), on its scheme's port. */
export function isGovernmentUrl(url: string | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // `*://*.gov.cn/*` read directly (`host` holds a port that is not the default: then no match).
  if ((u.protocol === 'https:' || u.protocol === 'http:') && isGovernmentHost(u.host)) return true;
  return (matchers ??= governmentMatches().map(matchPattern)).some((m) => m(u));
}
