// The built extension runs where the sites registry (lib/notice/sites.ts) says, and the background
// accepts as duban's content script exactly the pages that script runs on: the manifest's patterns
// are read back from the build and matched by WXT's own matcher, independent of duban's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { isOfficialUrl, noticeMatches, siteOrigins, SITES } from '../../lib/notice/sites';
import { EXTENSION_DIR } from './harness';

const manifest = () => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
const sorted = (a: string[]) => [...a].sort();

describe('the manifest built from the sites registry', () => {
  it('runs the one content script on the notice pages of every site, and lets only those sites frame the editor', () => {
    const m = manifest();
    expect(m.content_scripts).toHaveLength(1);
    expect(sorted(m.content_scripts[0].matches)).toEqual(sorted(noticeMatches()));
    expect(m.web_accessible_resources.map((r: { matches: string[] }) => r.matches)).toEqual([siteOrigins()]);
  });

  it('has the background accept as content script the pages the script runs on, and no other', () => {
    const patterns = (manifest().content_scripts[0].matches as string[]).map((p) => new MatchPattern(p));
    const runsOn = (url: string) => patterns.some((p) => p.includes(url));
    const urls = SITES.flatMap((site) => {
      const notice = new URL(site.samples.notice);
      const host = notice.host;
      return [
        site.samples.notice,
        site.samples.other,
        site.samples.notice.replace('https:', 'http:'),
        `${site.samples.notice}?from=wx#duban-item-2`,
        `https://${host}/`,
        `https://${host}/col/col1/index.html`,
        `https://${host}.evil.example/art/1.html`,
        `https://evil.example/${host}${notice.pathname}`,
        `https://x.${host}${notice.pathname}`,
        `ftp://${host}${notice.pathname}`,
      ];
    });
    for (const url of urls) expect(isOfficialUrl(url), url).toBe(runsOn(url));
    expect(urls.filter(isOfficialUrl).length).toBeGreaterThanOrEqual(4 * SITES.length);
    // The one difference, by design: the match patterns ignore the port, but a page on another
    // port is another origin, and the background refuses it.
    const ported = SITES[0].samples.notice.replace(/^https:\/\/([^/]+)/, 'https://$1:8443');
    expect([runsOn(ported), isOfficialUrl(ported)]).toEqual([true, false]);
  });
});
