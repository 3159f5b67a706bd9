import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, FNV_BASIS, formatFingerprint, normalizeHashed, normalizeText } from './normalize';
import { parseLines } from './parse-lines';

// Characters where raw and normalised text part ways: digits of both widths, the item
// separators, spaces of every kind (zero-width too), full-width punctuation, CJK, ASCII words.
const chars = [...'0123１２３.．、 \u3000\u00a0\u200b\t，：（）xY拱墅区Ⅳ'];
const text = fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map((a) => a.join(''));
const pick = (set: string, maxLength: number) => fc.array(fc.constantFrom(...set), { maxLength }).map((a) => a.join(''));
/** Lines shaped like items, near misses included: spaces, digits, spaces, separator, spaces, text. */
const itemish = fc
  .tuple(pick(' \u3000\u00a0\u200b', 2), pick('0123１２３ ', 5), pick(' \u3000\u200b', 2), pick('.．、x', 1), pick(' \u3000\u200b', 2), text)
  .map((parts) => parts.join(''));

describe('normalizeHashed', () => {
  it('normalises like normalizeText and hashes what it returns, carried across pieces', () => {
    fc.assert(
      fc.property(text, text, fc.nat(24), (a, b, k) => {
        const start = Math.min(k, a.length);
        const first = normalizeHashed(a, start);
        expect(first.text).toBe(normalizeText(a.slice(start)));
        expect(formatFingerprint(first.hash, first.text.length)).toBe(fingerprint(first.text));
        const both = normalizeHashed(b, 0, first.hash);
        const joined = first.text + both.text;
        expect(formatFingerprint(both.hash, joined.length)).toBe(fingerprint(joined));
      }),
    );
    expect(normalizeHashed('').hash).toBe(FNV_BASIS);
  });
});

describe('parseLines', () => {
  it('reads an item on the raw line as the item rule reads the normalised line', () => {
    fc.assert(
      fc.property(fc.oneof(itemish, text), (line) => {
        const copies = parseLines(['一、某某区长牵头工作', line, '牵头单位:区财政局']);
        const normalised = normalizeText(line);
        const m = /^(\d{1,3})([.、])(.+)$/.exec(normalised);
        // Only a line whose first visible character is a digit can open an item; "5.5%" is a decimal.
        const opens = /^\s*[0-9０-９]/.test(line) && m && !(m[2] === '.' && /^\d/.test(m[3]) && Number(m[1]) !== 1);
        // (Item 0 starts a copy of its own: its number does not follow the last.)
        const items = copies.flatMap((c) => c.items).map((i) => ({ no: i.itemNo, text: i.text, fp: formatFingerprint(i.hash, i.text.length) }));
        expect(items).toEqual(opens ? [{ no: Number(m[1]), text: m[3], fp: fingerprint(m[3]) }] : []);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the same item rule on a line it had to normalise first (after an open item)', () => {
    // A zero-width space before the number hides it from the raw reading: the line is normalised
    // as a possible continuation of item 1, and still opens item 2; "7.5%" there is no item.
    const [copy] = parseLines(['一、某某区长牵头工作', '1.第一项', '\u200b2\u3000．第二项', '\u200b7.5%的增长', '牵头单位：区财政局']);
    expect(copy.items.map((i) => [i.itemNo, i.text, i.firstLine, i.lastLine, i.units.length])).toEqual([
      [1, '第一项', 1, 1, 1],
      [2, '第二项7.5%的增长', 2, 3, 1],
    ]);
    expect(formatFingerprint(copy.items[1].hash, copy.items[1].text.length)).toBe(fingerprint('第二项7.5%的增长'));
  });
});
