/**
 * Text normalisation shared by parsing and fingerprints. The live page uses full-width
 * punctuation (：，（）．１), U+3000 indents and &nbsp; runs; the seed dump uses half-width.
 * Both must give the same text, so only the full-width ASCII block and spaces are folded:
 * a general NFKC would also rewrite Ⅳ to IV and change the item text.
 */

const FULLWIDTH = /[\uFF01-\uFF5E]/g;
const INNER_SPACE = /[\s\u00A0\u3000\u200B-\u200D\uFEFF]/;
const fold = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/**
 * Runs on every line the parser looks at, so the common case is kept native: a line of the live
 * page has an indent and full-width punctuation but no space inside.
 */
export function normalizeText(raw: string): string {
  const trimmed = raw.trim();
  let s = INNER_SPACE.test(trimmed) ? dropLayoutSpaces(trimmed) : trimmed;
  // The page's everyday punctuation by native scans; the rest of the block, if any, by one regex.
  s = s.replaceAll('，', ',').replaceAll('：', ':').replaceAll('（', '(').replaceAll('）', ')').replaceAll('；', ';');
  FULLWIDTH.lastIndex = 0;
  return FULLWIDTH.test(s) ? s.replace(FULLWIDTH, fold) : s;
}

/** A space survives only between two ASCII letters or digits ("City Walk"); between CJK it is layout. */
function dropLayoutSpaces(s: string): string {
  return s
    .replace(/[\s\u00A0\u3000\u200B-\u200D\uFEFF]+/g, ' ')
    .trim()
    .replace(/ (?![A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A])|(?<![A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]) /g, '');
}

/**
 * FNV-1a (32 bits) plus the text's length: cheap enough to run on every item at every page load,
 * and enough to notice that an item's text changed.
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0') + text.length.toString(16).padStart(6, '0');
}

const CN_DIGITS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20; enough for section ordinals. */
export function chineseOrdinal(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return CN_DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s.slice(0, ten)] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGITS[s.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

