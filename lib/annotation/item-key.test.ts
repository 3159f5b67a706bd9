import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemKey, parseItemKey } from './item-key';

describe('item keys', () => {
  it('tell any two items apart and give the item back', () => {
    const item = fc.record({ noticeKey: fc.string({ minLength: 1 }), itemNo: fc.integer({ min: 1, max: 9999 }) });
    fc.assert(
      fc.property(item, item, (a, b) => {
        expect(parseItemKey(itemKey(a.noticeKey, a.itemNo))).toEqual(a);
        expect(itemKey(a.noticeKey, a.itemNo) === itemKey(b.noticeKey, b.itemNo)).toBe(a.noticeKey === b.noticeKey && a.itemNo === b.itemNo);
      }),
    );
  });

  it('keep the encoding notification ids and the reminded-days record already hold', () => {
    expect(itemKey('拱政办发〔2024〕2号', 20)).toBe('["拱政办发〔2024〕2号",20]');
    expect(parseItemKey('nope')).toBeUndefined();
  });
});
