import { describe, expect, it } from 'vitest';
import { governmentMatches, isGovernmentUrl } from './government';
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

  it('are matched in the manifest by *.gov.cn alone while every site of the registry is under gov.cn', () => {
    expect(governmentMatches()).toEqual(['*://*.gov.cn/*']);
    expect(governmentMatches([{ ...SITES[0], hosts: ['notices.example.org'] }])).toEqual(['*://*.gov.cn/*', '*://notices.example.org/*']);
  });
});
