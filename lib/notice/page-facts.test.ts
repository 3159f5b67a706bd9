import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractLines } from './extract-text';
import { listTitle, readPageFacts } from './page-facts';
import { PageLines } from './page-lines';
import { LeadRule } from './responsibility';

function page(body: string, title = '关于印发2024年重点工作责任分解的通知', head = '') {
  const doc = parseHTML(`<html><head><meta name="ArticleTitle" content="${title}">${head}</head><body>${body}</body></html>`).document as unknown as Document;
  const pl = new PageLines(extractLines(doc.body));
  return { doc, pl, facts: readPageFacts(doc, pl) };
}

describe('what a page says about itself', () => {
  it('its 文号 as written, from a cell of its own, not one cited in a sentence', () => {
    expect(page('<table><tr><th>发文字号</th><td>武昌政办【2019】3号</td></tr></table>').facts.docNo).toBe('武昌政办【2019】3号');
    expect(page('<p>根据《通知》（浙政发〔2024〕1号）要求，现印发。</p>').facts.docNo).toBeUndefined();
    expect(page('<p>文号：盐政办发〔２０２２〕16号</p>').facts.docNo).toBe('盐政办发〔２０２２〕16号');
  });

  it('its issuer in full from the signature above the date, else from its title', () => {
    expect(page('<p>各街道：</p><p>现印发。</p><p>黄石市下陆区人民政府办公室</p><p>2020年6月28日</p>',
      '区人民政府办公室关于印发2020年区政府重点工作责任分解的通知').facts.issuer).toBe('黄石市下陆区人民政府办公室');
    expect(page('<p>广州市人民政府办公厅</p><p>二〇〇六年四月二十八日</p>').facts.issuer).toBe('广州市人民政府办公厅');
    expect(page('<p>现印发。</p>', '湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见').facts.issuer).toBe('湖南省人民政府');
    // 市人民政府 alone names no one.
    expect(page('<p>市人民政府</p><p>2006年3月15日</p>', '市人民政府关于印发2006年政府工作报告重点工作任务分解的通知').facts.issuer).toBeUndefined();
  });

  it('the year the breakdown is for: its title’s, else its 文号’s', () => {
    expect(page('', '台州市人民政府关于印发《政府工作报告》2018年目标任务责任分解的通知').facts.year).toBe(2018);
    expect(page('<p>湘政发〔2019〕1号</p>', '湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见').facts.year).toBe(2019);
  });

  it('the rule for who leads, stated anywhere on the page', () => {
    expect(page('<p>二、责任分解中，列第一位的责任单位为牵头单位或汇总单位。</p>').facts.rule).toBe(LeadRule.FirstListed);
    expect(page('<p>均为落实目标任务的同责单位，无先后大小责任之分。</p>').facts.rule).toBe(LeadRule.NoOrder);
    expect(page('<p>责任单位：区发改局</p>').facts.rule).toBe(LeadRule.None);
  });
});

describe('a list’s heading', () => {
  const titleBefore = (body: string) => {
    const { pl } = page(body);
    const start = Array.from({ length: pl.count }, (_, i) => pl.disp(i)).indexOf('一、甲区长牵头工作');
    return listTitle(pl, start, -1, '');
  };

  it('is printed over one line or two, joined', () => {
    expect(titleBefore('<p>2024年3月1日</p><p>政府工作报告“十四五”时期</p><p>重点工作责任分解</p><p>一、甲区长牵头工作</p>')).toBe('政府工作报告“十四五”时期重点工作责任分解');
  });

  it('may stand above a preamble, and is never a date, a remark, an 附件 line or a salutation', () => {
    expect(titleBefore('<p>2024年3月1日</p><p>2024年重点工作分工方案</p><p>为全面贯彻落实……制定分工方案如下。</p><p>一、甲区长牵头工作</p>')).toBe('2024年重点工作分工方案');
    expect(titleBefore('<p>2024年3月1日</p><p>（此件公开发布）</p><p>一、甲区长牵头工作</p>')).toBeUndefined();
    expect(titleBefore('<p>各街道：</p><p>现提出分工意见如下：</p><p>一、甲区长牵头工作</p>')).toBeUndefined();
    expect(titleBefore('<p>附件1</p><p>一、甲区长牵头工作</p>')).toBeUndefined();
  });
});
