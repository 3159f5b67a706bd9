import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { itemBlocks, OVERLAY_ROW, overlayPosition } from './placement';
import { readNoticePage } from './read-notice';
import { isRefusal } from './reading';

// 甲乙丙 share their leader (a cell spanning three rows); 丁 stands alone.
const PAGE = `<html><head><meta name="ArticleTitle" content="关于印发2024年重点工作责任分解的通知"></head><body><div id="zoom">
<p>2024年重点工作责任分解表</p>
<table><tr><td>序号</td><td>工作任务</td><td>牵头领导</td><td>牵头单位</td></tr>
<tr><td>1</td><td>甲任务</td><td rowspan="3">李明</td><td>区发改局</td></tr>
<tr><td>2</td><td>乙任务</td><td>区财政局</td></tr>
<tr><td>3</td><td>丙任务</td><td>区教育局</td></tr>
<tr><td>4</td><td>丁任务</td><td>王强</td><td>区卫健局</td></tr></table></div></body></html>`;

function read() {
  const doc = parseHTML(PAGE).document as unknown as Document;
  const r = readNoticePage(doc, 'https://www.example.gov.cn/art/2024/1/1/art_1.html');
  if (isRefusal(r.reading)) throw new Error(r.reading.reason);
  const anchor = (key: string) => r.anchors!.get(key)!;
  const rows = () => [...doc.querySelectorAll('tr')];
  return { doc, anchor, rows, zoom: doc.getElementById('zoom')! };
}

/** Where each overlay row is, by the text of the row before it (or its overlay number). */
const layout = (rows: Element[]) => rows.map((tr) => (tr.hasAttribute(OVERLAY_ROW) ? `overlay ${tr.getAttribute(OVERLAY_ROW)}` : tr.textContent!.slice(0, 2)));

describe('overlay rows in a task table', () => {
  it('go after the last row of tasks sharing a cell, one per task in task order, whatever order they are asked in', () => {
    const { anchor, rows } = read();
    for (const key of ['4', '3', '1', '2']) overlayPosition(anchor(key));
    expect(layout(rows())).toEqual(['序号', '1甲', '2乙', '3丙', 'overlay 1', 'overlay 2', 'overlay 3', '4丁', 'overlay 4']);
  });

  it('span the table in one cell, where the overlay goes; asked again, the same row', () => {
    const { anchor, rows } = read();
    const pos = overlayPosition(anchor('2'))!;
    expect(pos.before).toBeNull();
    expect((pos.parent as Element).localName).toBe('td');
    expect((pos.parent as Element).getAttribute('colspan')).toBe('4');
    expect(overlayPosition(anchor('2'))!.parent).toBe(pos.parent);
    expect(rows().filter((tr) => tr.hasAttribute(OVERLAY_ROW))).toHaveLength(1);
  });

  it('give a filter each task’s rows and overlay row, the row holding the shared cell to each task of the group', () => {
    const { anchor, zoom } = read();
    for (const key of ['1', '2', '3', '4']) overlayPosition(anchor(key));
    const names = (key: string) => layout(itemBlocks(anchor(key), zoom));
    expect(names('1')).toEqual(['1甲', 'overlay 1']);
    expect(names('2')).toEqual(['1甲', '2乙', 'overlay 2']);
    expect(names('3')).toEqual(['1甲', '3丙', 'overlay 3']);
    expect(names('4')).toEqual(['4丁', 'overlay 4']);

    // As the page's filter does it: an element stays while any item listing it is shown.
    const shownWith = (keep: string[]) => {
      const owners = new Map<Element, string[]>();
      for (const key of ['1', '2', '3', '4']) for (const el of itemBlocks(anchor(key), zoom)) owners.set(el, [...(owners.get(el) ?? []), key]);
      return layout([...owners].filter(([, keys]) => keys.some((k) => keep.includes(k))).map(([el]) => el));
    };
    // Only 乙 shown: 甲's row stays, it holds the leader cell 乙's row needs.
    expect(shownWith(['2'])).toEqual(['1甲', '2乙', 'overlay 2']);
    expect(shownWith(['4'])).toEqual(['4丁', 'overlay 4']);
  });

  it('see the table as it is when asked again later: a cell the page stopped spanning no longer groups its rows', async () => {
    const { doc, anchor, rows } = read();
    overlayPosition(anchor('1'));
    expect(layout(rows())).toEqual(['序号', '1甲', '2乙', '3丙', 'overlay 1', '4丁']);
    await Promise.resolve();
    doc.querySelector('td[rowspan]')!.setAttribute('rowspan', '1');
    overlayPosition(anchor('2'));
    expect(layout(rows())).toEqual(['序号', '1甲', '2乙', 'overlay 2', '3丙', 'overlay 1', '4丁']);
  });

  it('gives no place to an item whose text has left the page', () => {
    const { anchor, rows } = read();
    const a = anchor('4');
    rows()[4].remove();
    expect(overlayPosition(a)).toBeUndefined();
  });
});
