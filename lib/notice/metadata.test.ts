import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readNoticeMeta } from './metadata';
import { NATIONAL_META, type MetaNames } from './sites';

const page = (head: string, body = '') =>
  parseHTML(`<html><head><title>网页标题 2023年</title>${head}</head><body>${body}</body></html>`).document as unknown as Document;

describe('readNoticeMeta', () => {
  it('reads the national metadata, the 文号 from the info table and the year from it', () => {
    const d = page('<meta name="ArticleTitle" content="关于印发重点工作责任分解的通知"><meta name="PubDate" content="2024-03-07 16:38">');
    expect(readNoticeMeta(d, ['信息索引号', '文号', '拱政办发〔2024〕2号'])).toEqual({
      title: '关于印发重点工作责任分解的通知',
      docNo: '拱政办发〔2024〕2号',
      year: 2024,
      publishedAt: '2024-03-07 16:38',
    });
  });

  it('strips a label the info table runs into the 文号, and falls back to <title> and firstpublishedtime', () => {
    const d = page('<meta name="firstpublishedtime" content="2023-01-02">');
    expect(readNoticeMeta(d, ['文号：拱政办发〔2023〕9号']).docNo).toBe('拱政办发〔2023〕9号');
    expect(readNoticeMeta(d, ['文号拱政办发[2023]9号'])).toEqual({ title: '网页标题2023年', docNo: '拱政办发〔2023〕9号', year: 2023, publishedAt: '2023-01-02' });
  });

  it('reads the names a site gives, in its order', () => {
    const names: MetaNames = { title: ['DC.Title', 'ArticleTitle'], published: ['Maketime'], docNoLabels: ['发文字号'] };
    const d = page('<meta name="ArticleTitle" content="A"><meta name="DC.Title" content="B"><meta name="PubDate" content="x"><meta name="Maketime" content="2021-05-06">');
    expect(readNoticeMeta(d, ['发文字号嘉政办发〔2021〕3号'], names)).toEqual({ title: 'B', docNo: '嘉政办发〔2021〕3号', year: 2021, publishedAt: '2021-05-06' });
    expect(readNoticeMeta(d, ['发文字号嘉政办发〔2021〕3号'], NATIONAL_META)).toMatchObject({ title: 'A', docNo: '发文字号嘉政办发〔2021〕3号', publishedAt: 'x' });
  });
});
