import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { NoticeKey } from '../annotation/model';
import { SEED_PAGE, SEED_URL } from '../../tests/fixtures/seed-dump';
import { legacyNoticeKey, MAX_NOTICE_KEY_LENGTH, noticeKey } from './notice-key';
import { recogniseNotice } from './recognise';
import type { Notice } from './types';

const FIXTURES = new URL('../../tests/fixtures/notices/', import.meta.url);
const page = (file: string) => readFileSync(new URL(file, FIXTURES), 'utf8');

/** The notice the extension reads from `html` served at `url`. */
function read(html: string, url: string): Notice {
  const r = recogniseNotice(parseHTML(html).document as unknown as Document, { url });
  if (!r.ok) throw new Error(r.reason);
  return r.notice;
}

const keyAt = (html: string, url: string) => noticeKey(read(html, url));

describe('a notice with a 文号', () => {
  const seed = readFileSync(SEED_PAGE, 'utf8');

  it('is its 文号 at its issuer’s site: readable, and valid as a key', () => {
    const key = keyAt(seed, SEED_URL);
    expect(key).toBe('拱政办发〔2024〕2号@www.gongshu.gov.cn');
    expect(NoticeKey.safeParse(key).success).toBe(true);
  });

  it('is one notice over http and https, with tracking or article query strings, a fragment, an upper-case host', () => {
    const variants = [
      SEED_URL.replace('https:', 'http:'),
      `${SEED_URL}?from=timeline&isappinstalled=0`,
      `${SEED_URL}?articleId=4246130`,
      `${SEED_URL}#duban-item-12`,
      SEED_URL.replace('www.gongshu.gov.cn', 'WWW.GONGSHU.GOV.CN'),
      // The same site's page moved to another path.
      'https://www.gongshu.gov.cn/art/2024/3/8/art_1229290402_9999999.html',
    ];
    for (const url of variants) expect(keyAt(seed, url), url).toBe(keyAt(seed, SEED_URL));
  });

  it('is another notice at another government host claiming the same 文号 (and issuer)', () => {
    const other = 'https://www.hangzhou.gov.cn/art/2024/3/7/art_1229290402_4246130.html';
    const there = read(seed, other);
    expect(there.docNo).toBe('拱政办发〔2024〕2号');
    expect(there.issuer).toBe('杭州市拱墅区人民政府办公室');
    expect(noticeKey(there)).toBe('拱政办发〔2024〕2号@www.hangzhou.gov.cn');
    expect(noticeKey(there)).not.toBe(keyAt(seed, SEED_URL));
  });

  it('of two issuers with the same 文号 makes two notices', () => {
    const a = { docNo: '政办发〔2024〕2号', sourceUrl: 'https://www.haiyan.gov.cn/art/2024/1/1/art_1_1.html' };
    const b = { docNo: '政办发〔2024〕2号', sourceUrl: 'http://www.tx.gov.cn/art/2024/1/1/art_1_1.html' };
    expect(noticeKey(a)).not.toBe(noticeKey(b));
  });

  it('stays within the schema’s length, one key per notice, however long the 文号 and host', () => {
    const host = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}.gov.cn`;
    const docNo = `${'某'.repeat(90)}〔2024〕2号`;
    const a = noticeKey({ docNo, sourceUrl: `https://${host}/a.html` });
    const b = noticeKey({ docNo: docNo.replace('2号', '3号'), sourceUrl: `https://${host}/a.html` });
    for (const k of [a, b]) {
      expect(k.length).toBeLessThanOrEqual(MAX_NOTICE_KEY_LENGTH);
      expect(NoticeKey.safeParse(k).success).toBe(true);
    }
    expect(a).not.toBe(b);
  });
});

describe('a notice without a 文号', () => {
  const html = page('hangzhou-2021.html');
  const url = 'https://www.hangzhou.gov.cn/art/2021/4/2/art_1229063382_1727043.html';

  it('is its normalised URL without the scheme', () => {
    expect(read(html, url).docNo).toBeUndefined();
    expect(keyAt(html, url)).toBe('www.hangzhou.gov.cn/art/2021/4/2/art_1229063382_1727043.html');
  });

  it('is one notice over http and https, and with query strings that name no article', () => {
    for (const v of [url.replace('https:', 'http:'), `${url}?from=singlemessage`, `${url}?utm_source=wx&t=5#x`]) expect(keyAt(html, v), v).toBe(keyAt(html, url));
  });

  it('is another notice for another article of a page served by one script (docDetail.jsp?docid=…)', () => {
    const a = keyAt(html, 'http://www.x.gov.cn/docDetail.jsp?docid=1&from=wx');
    const b = keyAt(html, 'http://www.x.gov.cn/docDetail.jsp?docid=2');
    expect(a).toBe('www.x.gov.cn/docDetail.jsp?docid=1');
    expect(b).not.toBe(a);
  });

  it('stays within the schema’s length for a long URL, two long URLs two keys', () => {
    const long = (n: number) => `https://www.x.gov.cn/${'p/'.repeat(400)}${n}.html`;
    const [a, b] = [noticeKey({ sourceUrl: long(1) }), noticeKey({ sourceUrl: long(2) })];
    expect(a.length).toBeLessThanOrEqual(MAX_NOTICE_KEY_LENGTH);
    expect(a).not.toBe(b);
  });
});

it('the key of databases before version 8 and files before version 4: the 文号 alone, else host and path', () => {
  expect(legacyNoticeKey({ docNo: '拱政办发〔2024〕2号', sourceUrl: SEED_URL })).toBe('拱政办发〔2024〕2号');
  expect(legacyNoticeKey({ sourceUrl: 'https://www.x.gov.cn/a/b.html?id=3' })).toBe('www.x.gov.cn/a/b.html');
});
