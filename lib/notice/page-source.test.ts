import { describe, expect, it } from 'vitest';
import { decodePage, savedFromUrl } from './page-source';

/** GBK bytes of 重点工作责任分解 (as iconv writes them). */
const GBK_WORDS = [0xd6, 0xd8, 0xb5, 0xe3, 0xb9, 0xa4, 0xd7, 0xf7, 0xd4, 0xf0, 0xc8, 0xce, 0xb7, 0xd6, 0xbd, 0xe2];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const page = (head: string, words: number[]) => new Uint8Array([...ascii(`<html><head>${head}</head><body><p>`), ...words, ...ascii('</p></body></html>')]);

describe('decodePage: a saved page read in the charset it was served in', () => {
  it.each([
    ['<meta charset="gb2312">', 'gbk'],
    ['<meta charset=GBK>', 'gbk'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'gbk'],
    ["<meta http-equiv='content-type' content='text/html;charset=GB18030'>", 'gb18030'],
  ])('%s: its Chinese words as the page wrote them', (head, charset) => {
    const { text, charset: read } = decodePage(page(head, GBK_WORDS));
    expect(text).toContain('<p>重点工作责任分解</p>');
    expect(read).toBe(charset);
  });

  it('UTF-8 with or without a byte-order mark or a meta saying so', () => {
    const utf8 = [...new TextEncoder().encode('重点工作责任分解')];
    expect(decodePage(page('<meta charset="utf-8">', utf8)).text).toContain('重点工作责任分解');
    expect(decodePage(page('', utf8))).toMatchObject({ charset: 'utf-8' });
    expect(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, ...page('', utf8)])).text).toMatch(/^<html>.*重点工作责任分解/);
  });

  it('a GBK page that names no charset: not UTF-8, so read as GB18030 (which holds GBK)', () => {
    expect(decodePage(page('', GBK_WORDS))).toMatchObject({ charset: 'gb18030', text: expect.stringContaining('重点工作责任分解') });
  });

  it('a charset no browser knows, or named beyond the first 1,024 bytes, is not taken at its word', () => {
    expect(decodePage(page('<meta charset="x-unknown">', GBK_WORDS)).charset).toBe('gb18030');
    const late = page(`${' '.repeat(1100)}<meta charset="big5">`, [...new TextEncoder().encode('责任分解')]);
    expect(decodePage(late)).toMatchObject({ charset: 'utf-8', text: expect.stringContaining('责任分解') });
  });
});

describe('savedFromUrl: the address a browser noted as it saved the page', () => {
  it('reads it from the mark atop the page, before its <html> tag and after any DOCTYPE, as Chromium writes it', () => {
    expect(savedFromUrl('<!DOCTYPE html>\n<!-- saved from url=(0071)https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841065.html -->\n<html>')).toBe(
      'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841065.html',
    );
    // A comment of the page's own further down says nothing of where it was saved from.
    expect(savedFromUrl('<html><head><!-- saved from url=(0019)https://example.com --></head>')).toBeUndefined();
    expect(savedFromUrl('<!-- saved from url=(0071)https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841065.html -->\n<html>')).toBe(
      'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841065.html',
    );
    expect(savedFromUrl('<html><!-- saved from url=(0014)about:internet --></html>')).toBeUndefined();
  });
});
