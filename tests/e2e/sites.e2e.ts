// The built extension runs its probe where lib/notice/government.ts says (every government page and
// the sites of the registry), and the background takes as the probe exactly the pages it runs on,
// and as the notice script without a grant only the registry's notice pages among them: the
// manifest's patterns are read back from the build and matched by WXT's own matcher, independent
// of duban's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { governmentMatches, isGovernmentUrl } from '../../lib/notice/government';
import { fileHostMatches, isOfficialUrl, SITES } from '../../lib/notice/sites';
import { EXTENSION_DIR } from './harness';

const manifest = () => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
const sorted = (a: string[]) => [...a].sort();

describe('the manifest built from the sites registry', () => {
  it('runs only the probe on government pages; the notice script is a file the background injects', () => {
    const m = manifest();
    expect(m.content_scripts).toEqual([expect.objectContaining({ js: ['probe.js'] })]);
    expect(sorted(m.content_scripts[0].matches)).toEqual(sorted(governmentMatches()));
    expect(existsSync(join(EXTENSION_DIR, 'content-scripts/notice.js'))).toBe(true);
    // Injection needs the hosts the probe runs on; any other page only when the user asks (activeTab).
    // The viewer fetches attachments from the object storage the registry names (no script runs there).
    expect(sorted(m.host_permissions)).toEqual(sorted([...governmentMatches(), ...fileHostMatches()]));
    expect(m.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    expect(m.permissions).not.toContain('tabs');
    expect(m.host_permissions).not.toContain('<all_urls>');
    // Overlays show on any page the user asks about: any web page may frame the editor, under a per-session URL.
    expect(m.web_accessible_resources).toEqual([{ resources: ['editor.html'], matches: ['*://*/*'], use_dynamic_url: true }]);
  });

  it('has the background take as the probe the pages it runs on, and as the notice script (ungranted) only the registry\'s notice pages', () => {
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
    for (const url of urls) {
      expect(isGovernmentUrl(url), url).toBe(runsOn(url));
      if (isOfficialUrl(url)) expect(runsOn(url), url).toBe(true);
    }
    expect(urls.filter(isOfficialUrl).length).toBeGreaterThanOrEqual(4 * SITES.length);
    expect(urls.filter((u) => runsOn(u) && !isOfficialUrl(u)).length).toBeGreaterThanOrEqual(2 * SITES.length);
    // The one difference, by design: the match patterns ignore the port, but a page on another
    // port is another origin, and the background refuses it.
    const ported = SITES[0].samples.notice.replace(/^https:\/\/([^/]+)/, 'https://$1:8443');
    expect([runsOn(ported), isGovernmentUrl(ported), isOfficialUrl(ported)]).toEqual([true, false, false]);
  });
});
