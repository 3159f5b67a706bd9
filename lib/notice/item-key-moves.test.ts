import { describe, expect, it } from 'vitest';
import { completingMoves, orphanMoves, rereadingMoves, revisionMoves, unblockedMoves } from './item-key-moves';

/** Items as [key, text]: the fingerprint stands for the text. */
const items = (...pairs: [string, string][]) => pairs.map(([key, text]) => ({ key, fingerprint: `fp:${text}` }));

describe('a notice read again by a newer reading (same items, other keys)', () => {
  it('moves each item to the key the page gives it: unnumbered leader lines now head sections', () => {
    const stored = items(['1', '生产总值'], ['2', '一般性支出'], ['3', '集体学法'], ['4', '亩均论英雄']);
    const page = items(['一、1.', '生产总值'], ['一、2.', '一般性支出'], ['二、1.', '集体学法'], ['二、2.', '亩均论英雄']);
    expect(rereadingMoves(stored, page)).toEqual({ '1': '一、1.', '2': '一、2.', '3': '二、1.', '4': '二、2.' });
  });

  it('names only the keys that change', () => {
    const stored = items(['1/1', '甲'], ['2/1', '乙'], ['3', '丙']);
    const page = items(['一、1.', '甲'], ['二、1.', '乙'], ['3', '丙']);
    expect(rereadingMoves(stored, page)).toEqual({ '1/1': '一、1.', '2/1': '二、1.' });
  });

  it('is no re-reading when a text, the order or the count differs, or when no key changed', () => {
    const stored = items(['1', '甲'], ['2', '乙']);
    expect(rereadingMoves(stored, items(['一、1.', '甲'], ['一、2.', '乙改']))).toBeUndefined();
    expect(rereadingMoves(stored, items(['一、1.', '乙'], ['一、2.', '甲']))).toBeUndefined();
    expect(rereadingMoves(stored, items(['一、1.', '甲'], ['一、2.', '乙'], ['一、3.', '丙']))).toBeUndefined();
    expect(rereadingMoves(stored, items(['一、1.', '甲']))).toBeUndefined();
    expect(rereadingMoves(stored, items(['1', '甲'], ['2', '乙']))).toBeUndefined();
  });

  it('is no re-reading when an item has no fingerprint to compare', () => {
    expect(rereadingMoves([{ key: '1', fingerprint: '' }], [{ key: '一、1.', fingerprint: '' }])).toBeUndefined();
  });
});

describe('an accepted revision: notes follow their items’ texts', () => {
  it('moves the items after an inserted one to their new numbers', () => {
    const old = items(['4', '丁'], ['5', '戊'], ['6', '己']);
    const next = items(['4', '丁'], ['5', '新增'], ['6', '戊'], ['7', '己']);
    expect(revisionMoves(old, next)).toEqual({ '5': '6', '6': '7' });
  });

  it('moves nothing whose text changed, nor a text the new notice has twice or not at all', () => {
    const old = items(['1', '甲'], ['2', '乙'], ['3', '丙']);
    const next = items(['1', '新'], ['2', '甲改'], ['3', '乙'], ['4', '乙']);
    expect(revisionMoves(old, next)).toEqual({});
  });

  it('moves nothing whose text the old notice had twice: which of the two went where is not known', () => {
    const old = items(['1', '甲'], ['2', '甲']);
    const next = items(['1', '新'], ['2', '新二'], ['3', '甲']);
    expect(revisionMoves(old, next)).toEqual({});
  });

  it('swaps two items that changed places', () => {
    expect(revisionMoves(items(['1', '甲'], ['2', '乙']), items(['1', '乙'], ['2', '甲']))).toEqual({ '1': '2', '2': '1' });
  });
});

describe('moves that would land on a note of its own', () => {
  it('are dropped: a key whose note stays is never written over', () => {
    expect(unblockedMoves({ '5': '6' }, new Set(['5', '6']))).toEqual({});
  });

  it('go ahead when the note there moves on itself, down a chain or round a swap', () => {
    expect(unblockedMoves({ '5': '6', '6': '7' }, new Set(['5', '6', '7']))).toEqual({});
    expect(unblockedMoves({ '5': '6', '6': '7', '7': '8' }, new Set(['5', '6', '7']))).toEqual({ '5': '6', '6': '7', '7': '8' });
    expect(unblockedMoves({ '1': '2', '2': '1' }, new Set(['1', '2']))).toEqual({ '1': '2', '2': '1' });
  });

  it('drop the whole chain behind a blocked move: the note that stays blocks the one behind it', () => {
    // 7's note cannot go to 8 (an orphan note is there), so 7 stays, and 6 cannot take it.
    expect(unblockedMoves({ '6': '7', '7': '8' }, new Set(['6', '7', '8']))).toEqual({});
    expect(unblockedMoves({ '1': '一、1.', '2': '一、2.' }, new Set(['1', '2', '一、2.']))).toEqual({ '1': '一、1.' });
  });
});

describe('notes whose key the notice no longer has (orphans)', () => {
  /** Annotations as [item key, the text they were written on]. */
  const notes = (...pairs: [string, string][]) => pairs.map(([itemKey, text]) => ({ itemKey, fingerprint: `fp:${text}` }));

  it('go back to the one item holding the text they were written on', () => {
    const text = items(['一、1.', '甲'], ['一、2.', '乙'], ['二、1.', '丙']);
    expect(orphanMoves(text, notes(['1/1', '甲'], ['2/1', '丙']))).toEqual({ '1/1': '一、1.', '2/1': '二、1.' });
  });

  it('leave notes on the notice’s own keys where they are, and orphans whose text it no longer holds', () => {
    const text = items(['1', '甲'], ['2', '乙']);
    expect(orphanMoves(text, notes(['1', '乙'], ['7', '庚']))).toEqual({});
    expect(orphanMoves(text, [{ itemKey: '9', fingerprint: '' }])).toEqual({});
  });

  it('stay when their text is held twice, or when two of them were written on the same text', () => {
    expect(orphanMoves(items(['1', '甲'], ['2', '甲']), notes(['5', '甲']))).toEqual({});
    expect(orphanMoves(items(['1', '甲']), notes(['5', '甲'], ['6', '甲']))).toEqual({});
  });
});

describe('a page completing a notice known from a colleague’s file (some of its items)', () => {
  it('moves each of the file’s items to the key its text has on the page', () => {
    const page = items(['一、1.', '甲'], ['一、2.', '乙'], ['二、1.', '丙'], ['二、2.', '丁']);
    expect(completingMoves(items(['1/2', '乙'], ['2/2', '丁']), page)).toEqual({ '1/2': '一、2.', '2/2': '二、2.' });
  });

  it('is nothing when one of its texts is not on the page once, two are the same, or no key changed', () => {
    const page = items(['一、1.', '甲'], ['一、2.', '乙'], ['二、1.', '乙']);
    expect(completingMoves(items(['1', '甲'], ['9', '庚']), page)).toBeUndefined();
    expect(completingMoves(items(['2', '乙']), page)).toBeUndefined();
    expect(completingMoves(items(['1', '甲'], ['5', '甲']), items(['一、1.', '甲']))).toBeUndefined();
    expect(completingMoves(items(['一、1.', '甲']), page)).toBeUndefined();
  });
});
