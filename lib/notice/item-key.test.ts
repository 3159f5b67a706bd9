import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message } from '../message';
import { compareItemKeys, findTypedKey, isItemKey, itemHash, itemKeyWords, keyFromTyped, keyOf, keyOfHash, noticeOrder, numberOfKey, typedKeyTest } from './item-key';
import { itemKey } from './numbering';

describe('item keys', () => {
  it('accept every key the numbering makes and refuse other strings', () => {
    const parts = fc.record({
      list: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
      section: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
      sub: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
      number: fc.integer({ min: 1, max: 9999 }),
      share: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
    });
    fc.assert(fc.property(parts, (p) => isItemKey(itemKey(p))));
    expect(isItemKey('一、（二）1.')).toBe(true);
    for (const bad of ['（二）1.', '一、（二）', '一、(二)1.', '一、（0）1.']) expect(isItemKey(bad)).toBe(false);
    for (const bad of ['', '0', '12a', '一、', '1.', ' 1', '1/', '-1', 'x'.repeat(41), '１２']) expect(isItemKey(bad)).toBe(false);
  });

  it('turn a number stored before keys into its key, and keep a key as it is', () => {
    expect(keyOf(12)).toBe('12');
    expect(keyOf('二、3.')).toBe('二、3.');
    expect(keyOf(0)).toBeUndefined();
    expect(keyOf(1.5)).toBeUndefined();
    expect(keyOf('abc')).toBeUndefined();
  });

  it('give the printed number a key names', () => {
    expect(['12', '二、3.', '1/一、2.', '2/7', '3-2', '一、（二）4.'].map(numberOfKey)).toEqual([12, 3, 2, 7, 3, 4]);
  });

  it('sort naturally where no notice gives its order', () => {
    const keys = ['10', '2', '二、1.', '一、3.', '2/1', '1/一、2.', '3-2', '3-1', '1'];
    expect([...keys].sort(compareItemKeys)).toEqual(['1', '2', '3-1', '3-2', '10', '一、3.', '二、1.', '1/一、2.', '2/1']);
    const nested = ['二、（一）1.', '一、（二）1.', '一、（一）2.', '一、（一）1.'];
    expect([...nested].sort(compareItemKeys)).toEqual(['一、（一）1.', '一、（一）2.', '一、（二）1.', '二、（一）1.']);
  });

  it("sort by the notice's own order, then the keys it lacks", () => {
    const order = noticeOrder(['二、1.', '一、1.', '3']);
    expect(['3', '9', '一、1.', '2', '二、1.'].sort(order)).toEqual(['二、1.', '一、1.', '3', '2', '9']);
  });
});

describe('item links', () => {
  it('name any key in the URL fragment and read it back, old numeric links too', () => {
    for (const key of ['12', '二、3.', '1/一、2.', '3-2']) expect(keyOfHash(itemHash(key))).toBe(key);
    expect(itemHash('12')).toBe('#duban-item-12');
    expect(itemHash('二、3.')).toBe('#duban-item-%E4%BA%8C%E3%80%813.');
    expect(keyOfHash('#duban-item-120')).toBe('120');
    expect(keyOfHash('#duban-item-二、3.')).toBe('二、3.');
    for (const bad of ['#duban-item-', '#duban-item-0', '#duban-item-%E4', '#other-12', '#duban-item-12x']) expect(keyOfHash(bad)).toBeUndefined();
  });
});

describe('keys as a user reads them', () => {
  it('name the list in words on a page of several lists, and leave the rest as the page numbers it', () => {
    expect(itemKeyWords('2/1')).toEqual(message('row.inList', { list: 2, item: '1' }));
    expect(itemKeyWords('1/一、2.')).toEqual(message('row.inList', { list: 1, item: '一、2.' }));
    expect(itemKeyWords('3/4-2')).toEqual(message('row.inList', { list: 3, item: '4-2' }));
    for (const key of ['12', '二、3.', '3-2', 'not/a key']) expect(itemKeyWords(key)).toBe(key);
  });

  it('are what a user types to find the item: the key, in full-width digits, or as duban names it', () => {
    expect(keyFromTyped('１２')).toBe('12');
    expect(keyFromTyped(' 二、3. ')).toBe('二、3.');
    for (const typed of ['清单2·1', 'list 2·1', 'List2・1', '2·1', '清单２·１', '2/1']) expect(keyFromTyped(typed)).toBe('2/1');
    expect(keyFromTyped('清单1·一、2.')).toBe('1/一、2.');
    expect(keyFromTyped('二、3')).toBe('二、3.');
    // As the page prints it (12.), or with the box's # placeholder.
    for (const typed of ['12.', '12．', '12、', '#12', '＃12', '# 12']) expect(keyFromTyped(typed)).toBe('12');
    // As the UI says it, and a list's item without its section's point.
    for (const typed of ['第 12 项', '第12项', '第 １２ 项', 'Item 12', 'item 12.']) expect(keyFromTyped(typed)).toBe('12');
    expect(keyFromTyped('第 清单1·一、2 项')).toBe('1/一、2.');
  });

  it('name an item by its key or, on a page of several lists, by its key within its list', () => {
    const names = typedKeyTest('二、1')!;
    expect(['1/二、1.', '2/二、1.', '二、1.'].filter(names)).toEqual(['1/二、1.', '2/二、1.', '二、1.']);
    expect(['1/一、1.', '二、11.', '1/2/二、1.', 'x/二、1.'].some(names)).toBe(false);
    expect(['2/12', '12', '2/1', '112'].filter(typedKeyTest('12')!)).toEqual(['2/12', '12']);
    expect(typedKeyTest('清单1·二、1.')!('1/二、1.')).toBe(true);
    expect(typedKeyTest('清单1·二、1.')!('2/二、1.')).toBe(false);
    for (const typed of ['', '依法', '第二行', '2.0']) expect(typedKeyTest(typed)).toBeUndefined();
  });

  it('are the item as the page prints it: （二） for 2, 。 after a number, a section’s item in brackets', () => {
    for (const typed of ['（二）', '(二)', '2。', ' ２。 ']) expect(keyFromTyped(typed)).toBe('2');
    expect(keyFromTyped('（十二）')).toBe('12');
    for (const typed of ['一、（二）', '一、(二)', '一、2。', '一、２．', '一、 2']) expect(keyFromTyped(typed)).toBe('一、2.');
    // After the list’s word, a full stop (or 。) between list and item, as a keyboard types the ·.
    for (const typed of ['清单2.3', '清单２．３', '清单2。3', 'list 2.3', '清单2·（三）']) expect(keyFromTyped(typed)).toBe('2/3');
    expect(keyFromTyped('清单1.二、（一）')).toBe('1/二、1.');
    // Where numbering restarts in each （一） of a section: section, subsection, number.
    for (const typed of ['一、（二）1', '一、(二)1.', '一、（二）１。', '一、（二） 1']) expect(keyFromTyped(typed)).toBe('一、（二）1.');
    // Not an item: left as typed (folded), so the box says there is none.
    for (const typed of ['(零)', '(二', '一、(x)', '2.3', '二、']) expect(keyFromTyped(typed)).toBe(typed);
  });

  it('find the item printed （二） where numbering restarts: the first section’s', () => {
    const caidian = ['一、1.', '一、2.', '一、3.', '一、4.', '二、1.', '二、2.'];
    expect(findTypedKey('（二）', caidian)).toBe('一、2.');
    expect(findTypedKey('二、（二）', caidian)).toBe('二、2.');
    expect(findTypedKey('（九）', caidian)).toBeUndefined();
  });

  it('find, on a page of several lists, the first item printed with the number typed', () => {
    const keys = ['1/1', '1/2', '2/1', '3/1', '3/2', '3/3'];
    expect(findTypedKey('3', keys)).toBe('3/3');
    expect(findTypedKey('1', keys)).toBe('1/1');
    expect(findTypedKey('清单3·1', keys)).toBe('3/1');
    expect(findTypedKey('9', keys)).toBeUndefined();
    expect(findTypedKey('二、1', ['1/一、1.', '1/二、1.', '2/二、1.'])).toBe('1/二、1.');
    expect(findTypedKey('12', ['2/12', '12'])).toBe('12');
    expect(findTypedKey('2', ['12/2', '1/22'])).toBe('12/2');
  });

  it('find the first item printed with the number typed where numbering restarts in each section', () => {
    // haiyan-2022: list 1 numbers 一、1. 一、2. 二、1. 二、2.; list 2 numbers 1 2 3.
    const keys = ['1/一、1.', '1/一、2.', '1/二、1.', '1/二、2.', '2/1', '2/2', '2/3'];
    expect(findTypedKey('2', keys)).toBe('1/一、2.');
    expect(findTypedKey('3', keys)).toBe('2/3');
    expect(findTypedKey('2', ['一、1.', '一、2.', '二、2.'])).toBe('一、2.');
    // A shared cell's items (3-1, 3-2) answer to the number too.
    expect(findTypedKey('3', ['1', '2', '3-1', '3-2'])).toBe('3-1');
  });
});
