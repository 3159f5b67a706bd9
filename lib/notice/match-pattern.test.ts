import { describe, expect, it } from 'vitest';
import { matchPattern, pagePattern } from './match-pattern';

const PAGE = 'https://www.xihu.gov.cn/art/2024/3/7/art_1_2.html';

describe('pagePattern: the page a notice was recognised on, as the browser matches it', () => {
  it('covers the page over http or https, with any query or hash', () => {
    const matches = matchPattern(pagePattern(PAGE)!);
    for (const url of [PAGE, PAGE.replace('https:', 'http:'), `${PAGE}?from=wx`, `${PAGE}#duban-item-3`]) expect(matches(new URL(url)), url).toBe(true);
  });

  it('covers no other page of the site, nor the same path on another host', () => {
    const matches = matchPattern(pagePattern(PAGE)!);
    for (const url of ['https://www.xihu.gov.cn/art/2024/3/7/art_1_3.html', 'https://www.xihu.gov.cn/', 'https://xihu.gov.cn/art/2024/3/7/art_1_2.html', 'https://www.xihu.gov.cn.evil.com/art/2024/3/7/art_1_2.html'])
      expect(matches(new URL(url)), url).toBe(false);
  });

  it('names no pattern for what is not a web page on its default port, or a path a pattern cannot say', () => {
    for (const url of ['chrome-extension://abc/viewer.html', 'file:///notice.html', 'https://www.xihu.gov.cn:8443/a.html', 'https://www.xihu.gov.cn/a*b.html', 'not a url'])
      expect(pagePattern(url), url).toBeUndefined();
  });
});
