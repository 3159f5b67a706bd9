import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readCover } from './cover';
import { MAX_NOTICE_KEY_LENGTH, noticeKey } from './notice-key';
import { probePage } from './probe';

const DIR = fileURLToPath(new URL('../../tests/fixtures/notices/', import.meta.url));
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const TITLE = '高唐县人民政府关于印发2024年政府工作报告重点工作任务分解表的通知';
const cover = (links: string, words = '现将《2024年政府工作报告重点工作任务分解表》印发给你们，请认真贯彻落实。') =>
  doc(`<!DOCTYPE html><html><head><title>${TITLE}</title><meta name="ArticleTitle" content="${TITLE}"></head><body>
  <table><tr><td>文号</td><td>高政字〔2024〕5号</td></tr></table>
  <p>各乡镇人民政府：</p><p>${words}</p><p>高唐县人民政府</p><p>2024年3月1日</p>${links}</body></html>`);
const URL_ = 'http://www.gaotang.gov.cn/site/doc_1.html';

describe('a cover page', () => {
  it('reads a JCMS download link (its text names the file) and a TRS file link, with the cover’s 文号 and issuer', () => {
    const page = cover(`<p>附件：<a href="/module/download/downfile.jsp?classid=0&filename=abc.docx">1.2024年重点工作任务分解表.docx</a></p>
      <p><a href="./P020240301.pdf">附件2：民生实事分解表.pdf</a></p><p><a href="/other.html">上一篇</a></p>`);
    const found = readCover(page, URL_)!;
    expect(found).toMatchObject({ docNo: '高政字〔2024〕5号', issuer: '高唐县人民政府', title: TITLE });
    expect(found.attachments.map(({ url, title, kind }) => ({ url, title, kind }))).toEqual([
      { url: 'http://www.gaotang.gov.cn/module/download/downfile.jsp?classid=0&filename=abc.docx', title: '1.2024年重点工作任务分解表', kind: 'docx' },
      { url: 'http://www.gaotang.gov.cn/site/P020240301.pdf', title: '附件2：民生实事分解表', kind: 'pdf' },
    ]);
  });

  it('tells formats duban cannot read (doc, xls, wps, et) and sheets apart', () => {
    const page = cover(['a.doc', 'b.xls', 'c.wps', 'd.et', 'e.xlsx'].map((f) => `<a href="/f/${f}">${f}</a>`).join(''));
    expect(readCover(page, URL_)!.attachments.map((a) => a.kind)).toEqual(['legacy', 'legacy', 'legacy', 'legacy', 'sheet']);
  });

  it('reads the dawa cover page (its list an .xls attachment)', () => {
    const page = doc(readFileSync(DIR + 'dawa-2021-attachment.html', 'utf8'));
    const found = readCover(page, 'http://www.dawa.gov.cn/2021_02/01_16/content-307974.html')!;
    expect(found.attachments).toHaveLength(1);
    expect(found.attachments[0]).toMatchObject({ kind: 'legacy', url: 'http://www.dawa.gov.cn/uploadfile/2021/0201/20210201163512786.xls' });
  });

  it('is not a page that links files without announcing anything, nor a page without attachments', () => {
    expect(readCover(cover('<a href="/a.docx">办事指南.docx</a>', '欢迎访问本站。'), URL_)).toBeUndefined();
    expect(readCover(cover('<a href="/a.html">上一篇</a>'), URL_)).toBeUndefined();
  });

  it('is likely to the probe, which otherwise would say no for want of 牵头', () => {
    expect(probePage(cover('<a href="/a.docx">分解表.docx</a>'))).toMatchObject({ verdict: 'likely', attachment: true });
    expect(probePage(cover('<a href="/a.html">上一篇</a>')).verdict).toBe('no');
  });
});

describe('the key of an attachment notice', () => {
  const notice = (title: string, docNo?: string, cover = URL_, sourceUrl = 'http://www.gaotang.gov.cn/module/download/downfile.jsp?filename=a.docx') =>
    noticeKey({ ...(docNo ? { docNo } : {}), sourceUrl, attachment: { title, cover } });

  it('is the cover’s 文号 at the cover’s site with the attachment’s title, its 附件1 label dropped', () => {
    expect(notice('附件1：2024年重点工作任务分解表', '高政字〔2024〕5号')).toBe('高政字〔2024〕5号@www.gaotang.gov.cn 附件：2024年重点工作任务分解表');
    expect(notice('1.2024年重点工作任务分解表', '高政字〔2024〕5号')).toBe(notice('附件1：2024年重点工作任务分解表', '高政字〔2024〕5号'));
    // Two attachments of one cover are two notices; the same title under another 文号 or another site is another notice.
    expect(notice('附件2：民生实事', '高政字〔2024〕5号')).not.toBe(notice('附件1：分解表', '高政字〔2024〕5号'));
    expect(notice('附件1：分解表', '高政字〔2024〕6号')).not.toBe(notice('附件1：分解表', '高政字〔2024〕5号'));
    expect(notice('附件1：分解表', '高政字〔2024〕5号', 'http://www.liaocheng.gov.cn/doc_2.html')).not.toBe(notice('附件1：分解表', '高政字〔2024〕5号'));
  });

  it('never names the file’s host: a download that redirects to object storage is the same notice', () => {
    const stored = 'https://gaotang-gov.oss-cn-beijing.aliyuncs.com/jcms/2024/a.docx';
    expect(notice('分解表', '高政字〔2024〕5号', URL_, stored)).toBe(notice('分解表', '高政字〔2024〕5号'));
    expect(notice('分解表', '高政字〔2024〕5号', URL_, stored)).not.toContain('aliyuncs');
  });

  it('uses the cover’s URL without a 文号, the file’s own 文号 for a file from disk, and stays within the key’s length', () => {
    const coverUrl = 'https://www.x.gov.cn/a/b.html';
    expect(notice('分解表', undefined, coverUrl)).toBe(`${noticeKey({ sourceUrl: coverUrl })} 附件：分解表`);
    expect(notice('分解表', undefined, coverUrl)).toBe('www.x.gov.cn/a/b.html 附件：分解表');
    expect(noticeKey({ docNo: '高政字〔2024〕5号', sourceUrl: 'file:///a.docx', attachment: { title: '分解表' } })).toBe('高政字〔2024〕5号 附件：分解表');
    expect(noticeKey({ sourceUrl: 'file:///a.docx', attachment: { title: '分解表' } })).toBe('附件：分解表');
    expect(notice('表'.repeat(400), '高政字〔2024〕5号').length).toBe(MAX_NOTICE_KEY_LENGTH);
  });
});
