import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractLines } from './extract-text';

const body = (html: string) => (parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document).body;

describe('extractLines', () => {
  it('says which lines a <br> began, inside their paragraph', () => {
    const lines = extractLines(body('<p>1.甲<br>　　责任单位：乙</p><p>2.丙</p><p><span>丁<br></span></p><p>戊</p>'));
    expect(lines.raws.map((r) => r.trim())).toEqual(['1.甲', '责任单位：乙', '2.丙', '丁', '戊']);
    expect(lines.softs).toEqual([false, true, false, false, false]);
  });

  it('notes the tables it passes, the lines each holds and whether it holds another', () => {
    const lines = extractLines(body(`<p>标题</p><table><tr><td>布局<table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td>甲</td></tr></table></td></tr></table>
      <table><tr><td></td></tr></table><div style="display:none"><table><tr><td>印</td></tr></table></div>`), true);
    expect(lines.raws).toEqual(['标题', '布局', '序号', '任务', '1', '甲']);
    expect(lines.tables.map((t) => [t.el.textContent?.slice(0, 2), t.first, t.last, t.leaf])).toEqual([
      ['布局', 1, 5, false],
      ['序号', 2, 5, true],
      ['', 6, 5, true],
    ]);
  });

  it('starts each item of a numbered list with the number the browser draws: its start and values, （1） in a list inside one', () => {
    const lines = extractLines(body(`<ol start="3"><li>甲</li><li><p>乙</p><p>牵头单位：丙</p></li><li value="9">丁<ol><li>戊</li><li>己</li></ol></li><li>庚</li></ol>`));
    expect(lines.raws).toEqual(['3.甲', '4.乙', '牵头单位：丙', '9.丁', '（1）戊', '（2）己', '10.庚']);
    // The number is no text node: the item's nodes are its own words.
    expect(lines.nodes.map((n) => n.data)).toEqual(['甲', '乙', '牵头单位：丙', '丁', '戊', '己', '庚']);
  });

  it('adds no number a list does not draw (letters, none) or that its item writes itself, and none to a bulleted list', () => {
    const lines = extractLines(body(`<ol type="a"><li>甲</li></ol><ol style="list-style:none"><li>乙</li></ol><ol><li>1．丙</li><li>　（二）丁</li></ol>
      <ul><li>戊</li></ul><ol style="list-style-type:cjk-ideographic"><li>己</li><li>庚</li></ol>`));
    expect(lines.raws.map((r) => r.trim())).toEqual(['甲', '乙', '1．丙', '（二）丁', '戊', '一、己', '二、庚']);
  });
});
