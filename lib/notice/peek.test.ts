import { describe, expect, it } from 'vitest';
import { fingerprintsIfSame, type PageSeen } from './peek';

const items = [
  { key: '一、1.', text: '坚持稳中求进，推动经济质的有效提升。' },
  { key: '一、2.', text: '全区生产总值增长6%左右。' },
  { key: '二、1.', text: '打造“数智拱墅”。' },
];
const seen: PageSeen = { noticeKey: 'K@www.gongshu.gov.cn', items: items.map((i, k) => ({ ...i, fingerprint: `fp${k}` })) };

describe('a page seen before shows its annotations at once only when it reads exactly as then', () => {
  it('gives the fingerprints made then, in the page’s order', () => {
    expect(fingerprintsIfSame(seen, seen.noticeKey, items)).toEqual(['fp0', 'fp1', 'fp2']);
  });

  it('refuses a page never seen, another notice, or items added, removed, moved or rewritten', () => {
    expect(fingerprintsIfSame(null, seen.noticeKey, items)).toBeUndefined();
    expect(fingerprintsIfSame(seen, 'K@www.other.gov.cn', items)).toBeUndefined();
    expect(fingerprintsIfSame(seen, seen.noticeKey, items.slice(0, 2))).toBeUndefined();
    expect(fingerprintsIfSame(seen, seen.noticeKey, [items[1]!, items[0]!, items[2]!])).toBeUndefined();
    // One character, even only its punctuation's width, is a different text: the background says which differ.
    expect(fingerprintsIfSame(seen, seen.noticeKey, [items[0]!, { ...items[1]!, text: '全区生产总值增长6%左右.' }, items[2]!])).toBeUndefined();
    expect(fingerprintsIfSame(seen, seen.noticeKey, [items[0]!, items[1]!, { ...items[2]!, key: '二、2.' }])).toBeUndefined();
  });
});
