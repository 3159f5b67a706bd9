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
});
