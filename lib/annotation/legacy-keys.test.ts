import { describe, expect, it } from 'vitest';
import { keyedItem, keyedNotice, keyedRefs, keyedRestorePoint } from './legacy-keys';
import { itemRef } from './item-ref';

describe('records written before item keys', () => {
  it('give each item its key, and leave a record already keyed as it is', () => {
    const old = { noticeKey: 'K', itemNo: 12, note: 'n' };
    expect(keyedItem(old)).toEqual({ noticeKey: 'K', itemKey: '12', note: 'n' });
    expect(keyedItem(keyedItem(old))).toEqual(keyedItem(old));
    expect(keyedNotice({ key: 'K', items: [{ itemNo: 3, text: 't' }], revisions: [{ items: [{ itemNo: 4 }] }] })).toEqual({
      key: 'K', items: [{ key: '3', number: 3, text: 't' }], revisions: [{ items: [{ key: '4', number: 4 }] }],
    });
  });

  it('key the annotations a restore point puts back, and the reminded days', () => {
    const point = { at: 1, packIds: [], notices: [{ key: 'K', before: null, after: { key: 'K', items: [{ itemNo: 1 }] } }], annotations: [{ key: ['K', 1], before: { itemNo: 1 }, after: { itemNo: 1 } }] };
    expect(keyedRestorePoint(point)).toEqual({
      at: 1, packIds: [],
      notices: [{ key: 'K', before: null, after: { key: 'K', items: [{ key: '1', number: 1 }] } }],
      annotations: [{ key: ['K', '1'], before: { itemKey: '1' }, after: { itemKey: '1' } }],
    });
    expect(keyedRefs({ '["K",7]': '2026-01-02', other: 'x' })).toEqual({ [itemRef('K', '7')]: '2026-01-02', other: 'x' });
  });
});
