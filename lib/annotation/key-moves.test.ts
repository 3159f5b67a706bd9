import { describe, expect, it } from 'vitest';
import { itemKeyMove, movedItem, movedRefs, movedRestorePoint, noticeKeyMove } from './key-moves';
import { itemRef } from './item-ref';

const point = () => ({
  at: 1,
  packIds: [3],
  notices: [{ key: 'K', before: null, after: { key: 'K', items: [{ key: '1' }] } }],
  annotations: [
    { key: ['K', '1'], before: null, after: { noticeKey: 'K', itemKey: '1', note: '甲' } },
    { key: ['K', '2'], before: { noticeKey: 'K', itemKey: '2', note: '' }, after: { noticeKey: 'K', itemKey: '2', note: '乙' } },
    { key: ['L', '1'], before: null, after: { noticeKey: 'L', itemKey: '1', note: '丙' } },
  ],
});

describe('records moved to an item’s new key within its notice', () => {
  const move = itemKeyMove('K', { '1': '一、1.', '2': '一、2.' });

  it('move annotations and history entries of that notice only', () => {
    expect(movedItem({ noticeKey: 'K', itemKey: '1', note: 'n' }, move)).toEqual({ noticeKey: 'K', itemKey: '一、1.', note: 'n' });
    const other = { noticeKey: 'L', itemKey: '1' };
    expect(movedItem(other, move)).toBe(other);
    const unmoved = { noticeKey: 'K', itemKey: '3' };
    expect(movedItem(unmoved, move)).toBe(unmoved);
  });

  it('move what a restore point would put back, so the import still undoes, and leave a point without them as it is', () => {
    expect(movedRestorePoint(point(), move)).toEqual({
      ...point(),
      annotations: [
        { key: ['K', '一、1.'], before: null, after: { noticeKey: 'K', itemKey: '一、1.', note: '甲' } },
        { key: ['K', '一、2.'], before: { noticeKey: 'K', itemKey: '一、2.', note: '' }, after: { noticeKey: 'K', itemKey: '一、2.', note: '乙' } },
        { key: ['L', '1'], before: null, after: { noticeKey: 'L', itemKey: '1', note: '丙' } },
      ],
    });
    const elsewhere = point();
    expect(movedRestorePoint(elsewhere, itemKeyMove('M', { '1': '2' }))).toBe(elsewhere);
  });

  it('move the reminded days, so a day reminded of is not reminded of again', () => {
    const reminded = { [itemRef('K', '1')]: '2026-01-02', [itemRef('L', '1')]: '2026-01-03', other: 'x' };
    expect(movedRefs(reminded, move)).toEqual({ [itemRef('K', '一、1.')]: '2026-01-02', [itemRef('L', '1')]: '2026-01-03', other: 'x' });
  });
});

describe('records moved to their notice’s new key (database version 8)', () => {
  const move = noticeKeyMove({ K: 'K@site' });

  it('move every record of the notice, item keys as they are', () => {
    expect(movedItem({ noticeKey: 'K', itemKey: '1' }, move)).toEqual({ noticeKey: 'K@site', itemKey: '1' });
    const moved = movedRestorePoint(point(), move);
    expect(moved.notices).toEqual([{ key: 'K@site', before: null, after: { key: 'K@site', items: [{ key: '1' }] } }]);
    expect(moved.annotations.map((c) => [c.key, c.after.noticeKey])).toEqual([[['K@site', '1'], 'K@site'], [['K@site', '2'], 'K@site'], [['L', '1'], 'L']]);
    expect(movedRefs({ [itemRef('K', '7')]: 'd' }, move)).toEqual({ [itemRef('K@site', '7')]: 'd' });
  });
});
