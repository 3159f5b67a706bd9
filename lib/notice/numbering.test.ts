import { describe, expect, it } from 'vitest';
import { chineseOrdinal } from './normalize';
import { cellNumber, keyInList, Level, listKeys, readMarker, toChineseOrdinal } from './numbering';

describe('numbering', () => {
  it('reads every way a number is printed, at its level, full- or half-width', () => {
    const read = (s: string) => {
      const m = readMarker(s);
      return m && [m.level, m.number, s.slice(m.end)];
    };
    expect(read('12.坚持')).toEqual([Level.Arabic, 12, '坚持']);
    expect(read('１２．坚持')).toEqual([Level.Arabic, 12, '坚持']);
    expect(read('3、坚持')).toEqual([Level.Arabic, 3, '坚持']);
    expect(read('（三）坚持')).toEqual([Level.ParenChinese, 3, '坚持']);
    expect(read('(三)坚持')).toEqual([Level.ParenChinese, 3, '坚持']);
    expect(read('十二、坚持')).toEqual([Level.Chinese, 12, '坚持']);
    expect(read('（3）坚持')).toEqual([Level.ParenArabic, 3, '坚持']);
    // A closing bracket alone, as (3): 3）, 3).
    expect(read('3）坚持')).toEqual([Level.ParenArabic, 3, '坚持']);
    expect(read('１２)坚持')).toEqual([Level.ParenArabic, 12, '坚持']);
    expect(read('2022年')).toBeUndefined();
    expect(read('（此件公开发布）')).toBeUndefined();
    // A number in one character, as Word's numbering writes it: ① ⑴ at the level of （1）, ⒈ at that of 1.
    expect(read('③坚持')).toEqual([Level.ParenArabic, 3, '坚持']);
    expect(read('⑳坚持')).toEqual([Level.ParenArabic, 20, '坚持']);
    expect(read('⑿坚持')).toEqual([Level.ParenArabic, 12, '坚持']);
    expect(read('⒊坚持')).toEqual([Level.Arabic, 3, '坚持']);
    expect(read('㉑坚持')).toBeUndefined();
  });

  it('takes 5.5% at a line’s start for a decimal unless 5 is the number expected next', () => {
    expect(readMarker('5.5%左右')).toBeUndefined();
    expect(readMarker('5.5%左右', 5)?.number).toBe(5);
  });

  it('takes a number whose text starts with a year (1.2024年…) for an item’s, whatever number is expected', () => {
    expect(readMarker('1.2024年完成老旧小区改造', 3)).toEqual({ level: Level.Arabic, number: 1, end: 2 });
    expect(readMarker('１２．２０２５年底前建成', 3)?.number).toBe(12);
    expect(readMarker('1.2024%')).toBeUndefined();
  });

  it('reads a 序号 cell', () => {
    expect(['3', '3.', '3、', '1*', '（三）', '三', '3）'].map(cellNumber)).toEqual([3, 3, 3, 1, 3, 3, 3]);
    expect(cellNumber('合计')).toBeUndefined();
  });

  it('writes section ordinals as they are read', () => {
    for (let n = 1; n < 100; n++) expect(chineseOrdinal(toChineseOrdinal(n))).toBe(n);
  });
});

describe('item keys', () => {
  it('are the numbers where numbering runs on, the seed’s keys as today', () => {
    expect(listKeys([{ number: 1, top: 1 }, { number: 2, top: 1 }, { number: 3, top: 2 }])).toEqual(['1', '2', '3']);
  });

  it('carry the top-level section where numbering starts again, and the list on a page of several', () => {
    expect(listKeys([{ number: 1, top: 1 }, { number: 2, top: 1 }, { number: 1, top: 2 }], 1)).toEqual(['1/一、1.', '1/一、2.', '1/二、1.']);
    expect(listKeys([{ number: 1 }, { number: 2 }], 2)).toEqual(['2/1', '2/2']);
  });

  it('carry the subsection too where numbering starts again in each （一） of a section, and only there', () => {
    // 一、 （一）1. 2. （二）1. 2. 二、 （一）1.: by section alone, 一、1. would name two items.
    const nested = [
      { number: 1, top: 1, sub: 1 }, { number: 2, top: 1, sub: 1 }, { number: 1, top: 1, sub: 2 }, { number: 2, top: 1, sub: 2 }, { number: 1, top: 2, sub: 1 },
    ];
    expect(listKeys(nested)).toEqual(['一、（一）1.', '一、（一）2.', '一、（二）1.', '一、（二）2.', '二、（一）1.']);
    // One subsection a section: the keys stay what they were.
    expect(listKeys([{ number: 1, top: 1, sub: 1 }, { number: 2, top: 1, sub: 1 }, { number: 1, top: 2, sub: 1 }])).toEqual(['一、1.', '一、2.', '二、1.']);
  });

  it('move to another list of the page, whichever list they were keyed in', () => {
    expect(['一、1.', '1/一、1.', '3-2', '12/7'].map((k) => keyInList(k, 2))).toEqual(['2/一、1.', '2/一、1.', '2/3-2', '2/7']);
  });

  it('number the tasks sharing one printed number without taking that for a restart', () => {
    expect(listKeys([{ number: 2 }, { number: 3, share: 1 }, { number: 3, share: 2 }, { number: 4 }])).toEqual(['2', '3-1', '3-2', '4']);
  });
});
