import { describe, expect, it } from 'vitest';
import { canonicalNoticeUrl, MAX_NOTICE_URLS, preferredSourceUrl, withNoticeUrl } from './notice-url';

const ART = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html';

describe('canonicalNoticeUrl', () => {
  it('drops the fragment and a static article page’s query, which never names another article', () => {
    expect(canonicalNoticeUrl(`${ART}#duban-item-12`)).toBe(ART);
    expect(canonicalNoticeUrl(`${ART}?from=wx&isappinstalled=0`)).toBe(ART);
    expect(canonicalNoticeUrl(`${ART}?pageNum=2&v=3`)).toBe(ART);
    expect(canonicalNoticeUrl(`http://www.gongshu.gov.cn/art/2024/3/7/art_1.html?utm_source=x`)).toBe('http://www.gongshu.gov.cn/art/2024/3/7/art_1.html');
  });

  it('keeps the parameters that name the article, on any page', () => {
    expect(canonicalNoticeUrl('https://xxgk.example.gov.cn/docDetail.jsp?docid=4246130&from=wx')).toBe('https://xxgk.example.gov.cn/docDetail.jsp?docid=4246130');
    expect(canonicalNoticeUrl('https://xxgk.example.gov.cn/docDetail.html?docId=77&t=1700000000')).toBe('https://xxgk.example.gov.cn/docDetail.html?docId=77');
    expect(canonicalNoticeUrl('https://www.example.gov.cn/news/view.html?articleId=9')).toBe('https://www.example.gov.cn/news/view.html?articleId=9');
    expect(canonicalNoticeUrl('https://www.example.gov.cn/detail?id=5&spm=a.b')).toBe('https://www.example.gov.cn/detail?id=5');
    expect(canonicalNoticeUrl('https://www.example.gov.cn/x.html?article_id=5')).toBe('https://www.example.gov.cn/x.html?article_id=5');
    // Different articles stay different URLs.
    expect(canonicalNoticeUrl('https://x.gov.cn/docDetail.jsp?docid=1')).not.toBe(canonicalNoticeUrl('https://x.gov.cn/docDetail.jsp?docid=2'));
  });

  it('keeps every parameter but tracking ones on a dynamic page, in one order', () => {
    expect(canonicalNoticeUrl('https://x.gov.cn/module/detail.jsp?infoid=3&area=33&utm_medium=m')).toBe('https://x.gov.cn/module/detail.jsp?area=33&infoid=3');
    expect(canonicalNoticeUrl('https://x.gov.cn/module/detail.jsp?area=33&infoid=3')).toBe(canonicalNoticeUrl('https://x.gov.cn/module/detail.jsp?infoid=3&area=33'));
    expect(canonicalNoticeUrl('https://x.gov.cn/module/show.do?cat=5&from=timeline')).toBe('https://x.gov.cn/module/show.do?cat=5');
  });

  it('leaves what is not an http(s) URL as it is', () => {
    expect(canonicalNoticeUrl('not a url')).toBe('not a url');
    expect(canonicalNoticeUrl('file:///tmp/a.html?x=1#y')).toBe('file:///tmp/a.html?x=1#y');
  });
});

describe('the notice’s link and URLs', () => {
  const http = ART.replace('https:', 'http:');

  it('never gives an https link up for an http one; takes an https one over http', () => {
    expect(preferredSourceUrl(ART, http)).toBe(ART);
    expect(preferredSourceUrl(http, ART)).toBe(ART);
    expect(preferredSourceUrl(ART, 'https://www.gongshu.gov.cn/art/2024/3/8/other.html')).toBe(ART);
    expect(preferredSourceUrl(http, 'http://www.gongshu.gov.cn/art/2024/3/8/other.html')).toBe(http);
  });

  it('keeps at most MAX_NOTICE_URLS, the latest seen and always the link', () => {
    let urls = [ART];
    for (let i = 0; i < 30; i++) urls = withNoticeUrl(urls, `${ART}?id=${i}`, ART);
    expect(urls).toHaveLength(MAX_NOTICE_URLS);
    expect(urls[0]).toBe(ART);
    expect(urls.at(-1)).toBe(`${ART}?id=29`);
    expect(urls).not.toContain(`${ART}?id=10`);
    expect(urls).toContain(`${ART}?id=11`);
    // Seen again: one entry, now the latest.
    urls = withNoticeUrl(urls, `${ART}?id=11`, ART);
    expect(urls).toHaveLength(MAX_NOTICE_URLS);
    expect(urls.filter((u) => u === `${ART}?id=11`)).toHaveLength(1);
    expect(urls.at(-1)).toBe(`${ART}?id=11`);
  });

  it('brings an older, longer list under the cap and puts the link back in it', () => {
    const old = Array.from({ length: 25 }, (_, i) => `${ART}?id=${i}`);
    const urls = withNoticeUrl(old, http, ART);
    expect(urls).toHaveLength(MAX_NOTICE_URLS);
    expect(urls).toContain(ART);
    expect(urls.at(-1)).toBe(http);
  });
});
