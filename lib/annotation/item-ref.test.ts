import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemRef, parseItemRef } from './item-ref';

describe('item refs', () => {
  it('tell any two items apart and give the item back', () => {
    const key = fc.constantFrom('1', '12', '二、3.', '1/一、2.', '2/1', '3-2');
    const item = fc.record({ noticeKey: fc.string({ minLength: 1 }), itemKey: key });
    fc.assert(
      fc.property(item, item, (a, b) => {
        expect(parseItemRef(itemRef(a.noticeKey, a.itemKey))).toEqual(a);
        expect(itemRef(a.noticeKey, a.itemKey) === itemRef(b.noticeKey, b.itemKey)).toBe(a.noticeKey === b.noticeKey && a.itemKey === b.itemKey);
      }),
    );
  });

  it('read the refs notification ids and the reminded-days record held before keys were strings', () => {
    expect(parseItemRef('["拱政办发〔2024〕2号",20]')).toEqual({ noticeKey: '拱政办发〔2024〕2号', itemKey: '20' });
    expect(itemRef('拱政办发〔2024〕2号', '20')).toBe('["拱政办发〔2024〕2号","20"]');
    expect(parseItemRef('nope')).toBeUndefined();
    expect(parseItemRef('["K",0]')).toBeUndefined();
  });
});
