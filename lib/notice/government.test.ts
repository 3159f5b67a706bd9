import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { governmentMatches, isGovernmentUrl } from './government';
import { matchPattern } from './match-pattern';
import { SITES } from './sites';

describe('government pages', () => {
  it('are every page under gov.cn and of the sites duban knows, over http(s) on the default port', () => {
    for (const url of [
      'https://www.gov.cn/zhengce/content/2020-06/11/content_5518602.htm',
      'http://www.haiyan.gov.cn/art/2022/4/26/art_1229436874_59379425.html',
      'https://www.gongshu.gov.cn/',
      ...SITES.map((s) => s.samples.other),
    ]) expect(isGovernmentUrl(url), url).toBe(true);
  });

  it('are not look-alike hosts, other ports or schemes', () => {
    for (const url of [
      'https://gov.cn.evil.example/art/1.html',
      'https://evilgov.cn/art/1.html',
      'https://example.com/www.gongshu.gov.cn/art/1.html',
      'https://www.gongshu.gov.cn:8443/art/1.html',
      'ftp://www.gongshu.gov.cn/art/1.html',
      'chrome-extension://abc/popup.html',
      'not a url',
      undefined,
    ]) expect(isGovernmentUrl(url), String(url)).toBe(false);
  });

  it('are exactly the pages the manifest’s patterns match, gov.cn read directly or not', () => {
    const patterns = governmentMatches().map(matchPattern);
    const url = fc.record({
      scheme: fc.constantFrom('http', 'https', 'ftp', 'ws'),
      host: fc.constantFrom('www.gongshu.gov.cn', 'gov.cn', 'xgov.cn', 'gov.cn.example.org', 'www.gov.cn', 'GOV.CN', 'a.b.gov.cn', 'example.com'),
      port: fc.constantFrom('', ':80', ':443', ':8080'),
      path: fc.constantFrom('/', '/art/2024/3/7/art_1.html', '/x?docid=1#y'),
    }).map(({ scheme, host, port, path }) => `${scheme}://${host}${port}${path}`);
    fc.assert(fc.property(url, (u) => {
      expect(isGovernmentUrl(u), u).toBe(patterns.some((m) => m(new URL(u))));
    }), { numRuns: 300 });
  });

  it('are matched in the manifest by *.gov.cn alone while every site of the registry is under gov.cn', () => {
    expect(governmentMatches()).toEqual(['*://*.gov.cn/*']);
    expect(governmentMatches([{ ...SITES[0], hosts: ['notices.example.org'] }])).toEqual(['*://*.gov.cn/*', '*://notices.example.org/*']);
  });
});
