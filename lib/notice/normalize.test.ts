import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseOrdinal, fingerprint, firstVisible, foldWidth, layoutText, normalizeText } from './normalize';

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

  it('keeps every character that is not layout, in order, and only word spaces between letters or digits', () => {
    const layout = '\t\n\r \u00a0\u1680\u2002\u200b\u200d\u2028\u202f\u205f\u3000';
    const chars = fc.constantFrom(...`甲，（ａ９Ｚz0.\ufeff${layout}`.split(''));
    const isLayout = (c: string) => c.length === 1 && layout.includes(c);
    const word = /^[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]$/;
    fc.assert(fc.property(fc.array(chars, { maxLength: 24 }), fc.nat(30), fc.nat(30), (a, i, j) => {
      const raw = a.join('');
      const [start, end] = [Math.min(i, j, raw.length), Math.min(Math.max(i, j), raw.length)];
      const out = layoutText(raw, start, end);
      const kept = [...raw.slice(start, end)].filter((c) => !isLayout(c));
      expect([...out].filter((c) => c !== ' ')).toEqual(kept.filter((c) => c !== ' '));
      // A space in the result stands between two letters or digits, where the page had layout.
      [...out].forEach((c, k) => {
        if (c === ' ') expect(word.test(out[k - 1] ?? '') && word.test(out[k + 1] ?? '')).toBe(true);
      });
      expect(isLayout(out[0] ?? '') || isLayout(out[out.length - 1] ?? '')).toBe(false);
    }), { numRuns: 500 });
  });
});

describe('firstVisible: where a text node’s first visible character is', () => {
  it('passes over every white space String.trim does, and no other character', () => {
    const spaces = ' \t\n\r\v\f\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    expect(spaces.trim()).toBe('');
    expect(firstVisible(spaces)).toBe(-1);
    expect(firstVisible('')).toBe(-1);
    for (const c of ['1', '（', '一', '牵', 'ａ', '\u200b', '·', '\u00ad', '€', '\uff01']) {
      expect(firstVisible(`${spaces}${c}x`)).toBe(spaces.length);
      expect(firstVisible(`${c}${spaces}`)).toBe(0);
    }
  });
  it('is where a regular expression finds the first non-space character, for any text', () => {
    const chars = fc.constantFrom(...' \t\n\u00a0\u1680\u2003\u200b\u2028\u3000\ufeff\u3001a1（一\uff10'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (s) => firstVisible(s) === s.search(/\S/)));
  });
});
