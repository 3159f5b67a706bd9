import { describe, expect, it } from 'vitest';
import { diffText } from './text-diff';

describe('diffText', () => {
  it('shows a sentence added, a word replaced and text removed, around what stays', () => {
    expect(diffText('已召开专题会', '已召开专题会，方案已定')).toEqual({ before: '已召开专题会', removed: '', added: '，方案已定', after: '' });
    expect(diffText('方案待定，下周报送', '方案已定，下周报送')).toEqual({ before: '方案', removed: '待', added: '已', after: '定，下周报送' });
    expect(diffText('甲乙丙', '')).toEqual({ before: '', removed: '甲乙丙', added: '', after: '' });
  });

  it('gives back both texts whole: before + removed + after, before + added + after', () => {
    for (const [x, y] of [['aaa', 'aa'], ['abcabc', 'abc'], ['😀a', '😀b'], ['', 'x']]) {
      const d = diffText(x, y);
      expect(d.before + d.removed + d.after).toBe(x);
      expect(d.before + d.added + d.after).toBe(y);
    }
  });
});
