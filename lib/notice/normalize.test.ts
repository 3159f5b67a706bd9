import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseOrdinal, fingerprint, foldWidth, layoutText, normalizeText } from './normalize';

describe('normalizeText', () => {
  it('folds full-width forms and drops layout spaces', () => {
    expect(normalizeText('\u3000\u3000１０．坚持（政治）引领，担当：勤政\u00a0 ')).toBe('10.坚持(政治)引领,担当:勤政');
    expect(normalizeText('牵头单位： 区财政局')).toBe('牵头单位:区财政局');
  });
  it('keeps one space between ASCII words and none between CJK', () => {
    expect(normalizeText('打响 City  Walk 城市\u3000漫步')).toBe('打响City Walk城市漫步');
    expect(normalizeText('FIH  世界')).toBe('FIH世界');
  });
  it('leaves other compatibility characters alone (Ⅳ stays Ⅳ)', () => {
    expect(normalizeText('全域Ⅳ类及以上')).toBe('全域Ⅳ类及以上');
  });
  it('gives empty text for whitespace', () => {
    expect(normalizeText(' \u3000\u00a0\n')).toBe('');
  });
});

describe('fingerprint', () => {
  it('is stable and tells texts apart', () => {
    expect(fingerprint('新增婴幼儿成长驿站9个')).toBe(fingerprint('新增婴幼儿成长驿站9个'));
    expect(fingerprint('新增婴幼儿成长驿站9个')).not.toBe(fingerprint('新增婴幼儿成长驿站10个'));
    expect(fingerprint('a')).toMatch(/^[0-9a-f]{14}$/);
  });
});

describe('chineseOrdinal', () => {
  it('reads section numerals', () => {
    expect(['一', '九', '十', '十二', '二十', '二十三'].map(chineseOrdinal)).toEqual([1, 9, 10, 12, 20, 23]);
  });
});

describe('layoutText: the page’s own words', () => {
  it('drops layout, keeps every character as written', () => {
    expect(layoutText('　　1．坚持\u00a0政治引领，\u00a0City  Walk（试点） ')).toBe('1．坚持政治引领，City Walk（试点）');
    expect(layoutText('沈　　昱')).toBe('沈昱');
  });

  it('folded, is exactly the normalised text matching and fingerprints use', () => {
    const chars = fc.constantFrom(...'甲乙，：；（）．１Ａa1 .,\u3000\u00a0\u200b\n、'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join('')), (s) => {
      expect(foldWidth(layoutText(s))).toBe(normalizeText(s));
      expect(foldWidth(s)).toHaveLength(s.length);
    }), { numRuns: 500 });
  });
});
