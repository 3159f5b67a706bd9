import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchPattern } from './match-pattern';
import { GONGSHU, isOfficialUrl, noticeMatches, siteHosts, siteOf, siteOrigins, SITES, type Site } from './sites';

/** isOfficialUrl as it was before the registry (notice-key.ts, issue 10): the reference. */
function officialBefore(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.host === 'www.gongshu.gov.cn' && u.pathname.startsWith('/art/');
  } catch {
    return false;
  }
}

/** A second site, for tests only. */
const OTHER: Site = {
  id: 'example',
  name: '示例区人民政府',
  hosts: ['www.example.gov.cn', 'xxgk.example.gov.cn'],
  noticePaths: ['/art/*', '/zwgk/*/t*.shtml'],
  meta: { title: ['Title'], published: ['PubDate'], docNoLabels: ['文号'] },
  samples: { notice: 'https://xxgk.example.gov.cn/zwgk/zfwj/202302/t20230208_2147809.shtml', other: 'https://www.example.gov.cn/col/1.html' },
};

describe('what the manifest gets', () => {
  it('runs the content script on the articles of www.gongshu.gov.cn, over https and http', () => {
    expect(noticeMatches()).toEqual(['https://www.gongshu.gov.cn/art/*', 'http://www.gongshu.gov.cn/art/*']);
  });

  it('lets pages of that site, and only those, frame the editor', () => {
    expect(siteOrigins()).toEqual(['https://www.gongshu.gov.cn/*', 'http://www.gongshu.gov.cn/*']);
  });

  it('gives a second site its own patterns, one entry in the list', () => {
    const sites = [...SITES, OTHER];
    expect(noticeMatches(sites)).toEqual([
      'https://www.gongshu.gov.cn/art/*', 'http://www.gongshu.gov.cn/art/*',
      'https://www.example.gov.cn/art/*', 'http://www.example.gov.cn/art/*',
      'https://www.example.gov.cn/zwgk/*/t*.shtml', 'http://www.example.gov.cn/zwgk/*/t*.shtml',
      'https://xxgk.example.gov.cn/art/*', 'http://xxgk.example.gov.cn/art/*',
      'https://xxgk.example.gov.cn/zwgk/*/t*.shtml', 'http://xxgk.example.gov.cn/zwgk/*/t*.shtml',
    ]);
    expect(siteHosts(sites)).toEqual(['www.gongshu.gov.cn', 'www.example.gov.cn', 'xxgk.example.gov.cn']);
    expect(siteOf(OTHER.samples.notice, sites)).toBe(OTHER);
    expect(siteOf(GONGSHU.samples.notice, sites)).toBe(GONGSHU);
    expect(siteOf(OTHER.samples.other, sites)).toBeUndefined();
    // Not a site duban knows by default.
    expect(siteOf(OTHER.samples.notice)).toBeUndefined();
  });
});

describe('the registry', () => {
  it('holds well-formed entries: unique ids and hosts, lower-case hosts without ports, sample notices on their own site', () => {
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    expect(new Set(siteHosts()).size).toBe(siteHosts().length);
    for (const site of SITES) {
      for (const host of site.hosts) expect(host).toMatch(/^[a-z0-9.-]+$/);
      for (const path of site.noticePaths) expect(path.startsWith('/')).toBe(true);
      expect(siteOf(site.samples.notice)).toBe(site);
      expect(new URL(site.samples.notice).protocol).toBe('https:');
      expect(site.meta.title.length).toBeGreaterThan(0);
    }
  });
});

describe('isOfficialUrl', () => {
  it('accepts the notice pages of the site, over https and http, whatever their query or fragment', () => {
    for (const url of [
      GONGSHU.samples.notice,
      GONGSHU.samples.notice.replace('https:', 'http:'),
      'https://www.gongshu.gov.cn/art/2024/3/7/art_1.html?from=wx#duban-item-3',
      'https://WWW.Gongshu.gov.cn/art/x.html',
      'https://www.gongshu.gov.cn:443/art/x.html',
      'http://www.gongshu.gov.cn:80/art/x.html',
      'https://www.gongshu.gov.cn/art/',
      'https://user@www.gongshu.gov.cn/art/x.html',
    ]) expect(isOfficialUrl(url), url).toBe(true);
  });

  it('refuses other hosts, look-alikes, other ports, other paths and schemes', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      '/art/1.html',
      'https://www.gongshu.gov.cn.evil.com/art/1.html',
      'https://evil.com/www.gongshu.gov.cn/art/1.html',
      'https://gongshu.gov.cn/art/1.html',
      'https://x.www.gongshu.gov.cn/art/1.html',
      'https://www.gongshu.gov.cn:8443/art/1.html',
      'https://www.gongshu.gov.cn/col/1.html',
      'https://www.gongshu.gov.cn/art',
      'https://www.gongshu.gov.cn/ART/1.html',
      'https://www.gongshu.gov.cn/x/art/1.html',
      'https://www.gongshu.gov.cn/?u=/art/1.html',
      'ftp://www.gongshu.gov.cn/art/1.html',
      'ws://www.gongshu.gov.cn/art/1.html',
      'javascript:alert(1)//www.gongshu.gov.cn/art/',
      'chrome-extension://www.gongshu.gov.cn/art/1.html',
    ]) expect(isOfficialUrl(url), String(url)).toBe(false);
  });

  it('agrees with the check it replaces on any URL', () => {
    const scheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'javascript:', 'file://', 'ws://', '');
    const host = fc.constantFrom('www.gongshu.gov.cn', 'WWW.GONGSHU.GOV.CN', 'gongshu.gov.cn', 'www.gongshu.gov.cn.evil.com', 'evil.com', 'a@www.gongshu.gov.cn', 'www.gongshu.gov.cn@evil.com', 'xn--www-gongshu.cn', '');
    const port = fc.constantFrom('', ':443', ':80', ':8080', ':');
    const path = fc.array(fc.constantFrom('/', 'art', '/art', '/art/', 'ART', 'col', '..', '.', '%2e', 'x.html', '?', '#', '?a=/art/', '\\', ' ', '%2F'), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(scheme, host, port, path, (s, h, p, rest) => {
        const url = `${s}${h}${p}${rest}`;
        expect(isOfficialUrl(url), url).toBe(officialBefore(url));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('match patterns', () => {
  const matches = (pattern: string, url: string) => matchPattern(pattern)(new URL(url));

  it('reads the scheme: * is https or http', () => {
    expect(matches('*://a.cn/*', 'https://a.cn/x')).toBe(true);
    expect(matches('*://a.cn/*', 'http://a.cn/x')).toBe(true);
    expect(matches('*://a.cn/*', 'ftp://a.cn/x')).toBe(false);
    expect(matches('https://a.cn/*', 'http://a.cn/x')).toBe(false);
  });

  it('reads the host: a name, *.name (the name and below it), or any', () => {
    expect(matches('https://*.a.cn/*', 'https://a.cn/x')).toBe(true);
    expect(matches('https://*.a.cn/*', 'https://b.a.cn/x')).toBe(true);
    expect(matches('https://*.a.cn/*', 'https://ba.cn/x')).toBe(false);
    expect(matches('https://*/*', 'https://b.cn/x')).toBe(true);
    expect(matches('https://A.cn/*', 'https://a.CN/x')).toBe(true);
  });

  it('matches the path and the query with * as any run, and nothing else literally', () => {
    expect(matches('https://a.cn/zwgk/*/t*.shtml', 'https://a.cn/zwgk/zfwj/202302/t20230208_1.shtml')).toBe(true);
    expect(matches('https://a.cn/zwgk/*/t*.shtml', 'https://a.cn/zwgk/t1.shtml')).toBe(false);
    expect(matches('https://a.cn/doc.jsp?id=*', 'https://a.cn/doc.jsp?id=5')).toBe(true);
    expect(matches('https://a.cn/a.html', 'https://a.cn/aXhtml')).toBe(false);
    expect(matches('https://a.cn/a.html', 'https://a.cn/a.html#x')).toBe(true);
  });

  it('refuses what is not a pattern for web pages', () => {
    for (const p of ['a.cn/*', 'https://a.cn', 'file:///x/*', 'https://a.*.cn/*', 'https://a.cn:8080/*', '<all_urls>']) {
      expect(() => matchPattern(p), p).toThrow(/not a match pattern/);
    }
  });
});
