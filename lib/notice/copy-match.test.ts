import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SEED_PAGE } from '../../tests/fixtures/seed-dump';
import { noticeOfCopy } from './copy-match';
import { recogniseNotice } from './recognise';

const SEED_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html';
const GONGSHU = { key: '拱政办发〔2024〕2号@www.gongshu.gov.cn', docNo: '拱政办发〔2024〕2号', issuer: '杭州市拱墅区人民政府办公室', sourceUrl: SEED_URL };
/** Another issuer's notice that happens to carry the same 文号. */
const ELSEWHERE = { key: '拱政办发〔2024〕2号@www.elsewhere.gov.cn', docNo: '拱政办发〔2024〕2号', issuer: '某某市某某区人民政府办公室', sourceUrl: 'https://www.elsewhere.gov.cn/a.html' };
/** Stored before duban kept the issuer (database version 8 moved it; no page seen since). */
const UNNAMED = { key: '拱政办发〔2024〕2号@www.gongshu.gov.cn', docNo: '拱政办发〔2024〕2号', sourceUrl: SEED_URL };
/** Another government site's page claiming the seed's 文号 and issuer. */
const CLAIMING = { ...GONGSHU, key: '拱政办发〔2024〕2号@www.xihu.gov.cn', sourceUrl: 'https://www.xihu.gov.cn/art/2024/3/7/a.html' };

describe('a copy off government sites', () => {
  it('reads its issuer from the page itself: the seed copied to a news site names 杭州市拱墅区人民政府办公室', () => {
    const r = recogniseNotice(parseHTML(readFileSync(SEED_PAGE, 'utf8')).document as unknown as Document, { url: 'https://news.example.com/2024/gongshu.html' });
    if (!r.ok) throw new Error(r.reason);
    expect([r.notice.docNo, r.notice.issuer]).toEqual([GONGSHU.docNo, GONGSHU.issuer]);
    expect(noticeOfCopy(r.notice, [ELSEWHERE, GONGSHU])).toBe(GONGSHU);
  });

  it('is the notice with its 文号 (brackets as written aside) and issuer (its city in front or not)', () => {
    expect(noticeOfCopy({ docNo: '拱政办发[2024]2号', issuer: '杭州市拱墅区人民政府办公室' }, [GONGSHU])).toBe(GONGSHU);
    expect(noticeOfCopy({ docNo: '拱政办发【2024】2号', issuer: '拱墅区人民政府办公室' }, [GONGSHU])).toBe(GONGSHU);
  });

  it('is no notice whose issuer is another', () => {
    expect(noticeOfCopy({ docNo: GONGSHU.docNo, issuer: '某某县人民政府办公室' }, [GONGSHU])).toBeUndefined();
  });

  it('is no notice of another 文号, nor any without a 文号 of its own', () => {
    expect(noticeOfCopy({ docNo: '拱政办发〔2024〕3号', issuer: GONGSHU.issuer }, [GONGSHU])).toBeUndefined();
    expect(noticeOfCopy({ issuer: GONGSHU.issuer }, [GONGSHU])).toBeUndefined();
  });

  it('naming no issuer, takes the 文号’s prefix for it: the one notice with that 文号, never one of two', () => {
    expect(noticeOfCopy({ docNo: GONGSHU.docNo }, [GONGSHU])).toBe(GONGSHU);
    expect(noticeOfCopy({ docNo: GONGSHU.docNo }, [GONGSHU, ELSEWHERE])).toBeUndefined();
  });

  it('of a notice two government sites claim (the same 文号 and issuer) is the one on the issuer’s own site in the registry', () => {
    expect(noticeOfCopy({ docNo: GONGSHU.docNo, issuer: GONGSHU.issuer }, [CLAIMING, GONGSHU])).toBe(GONGSHU);
    expect(noticeOfCopy({ docNo: GONGSHU.docNo, issuer: GONGSHU.issuer }, [CLAIMING, { ...CLAIMING, key: 'k2', sourceUrl: 'https://www.y.gov.cn/b.html' }])).toBeUndefined();
  });

  it('is a notice stored without its issuer when nothing else fits, and the named one when both could', () => {
    expect(noticeOfCopy({ docNo: GONGSHU.docNo, issuer: GONGSHU.issuer }, [UNNAMED])).toBe(UNNAMED);
    expect(noticeOfCopy({ docNo: GONGSHU.docNo, issuer: ELSEWHERE.issuer }, [UNNAMED, ELSEWHERE])).toBe(ELSEWHERE);
  });
});
