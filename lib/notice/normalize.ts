/**
 * Text normalisation shared by parsing and fingerprints. The live page uses full-width
 * punctuation (：，（）．１), U+3000 indents and &nbsp; runs; the seed dump uses half-width.
 * Both must give the same text, so only the full-width ASCII block and spaces are folded:
 * a general NFKC would also rewrite Ⅳ to IV and change the item text.
 */

/** What String.prototype.trim and a regex \s take: ASCII and Unicode spaces, &nbsp;, U+3000, BOM. */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f))
  );
}

/** Where the first character that is not white space sits in `s`, or -1 for blank text. */
export function firstVisible(s: string): number {
  // Inline for the common cases (a page reads this once per text node, with code that has never
  // run there): printable ASCII or CJK text, and the newlines and indents between blocks.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) continue;
    if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff) || !isWhiteSpace(c)) return i;
  }
  return -1;
}

/** Layout space: white space and the zero-width spaces (U+200B–U+200D) editors leave behind. */
export const isLayoutSpace = (c: number) => isWhiteSpace(c) || (c >= 0x200b && c <= 0x200d);

/** CJK text and punctuation, U+3001–U+FEFE: kept as it is. */
const isCjk = (c: number) => c > 0x3000 && c < 0xfeff;

/** An ASCII letter or digit (after folding): a space between two of them is a word space. */
const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/** FNV-1a (32 bits): the hash behind fingerprints, started here and carried across an item's lines. */
export const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A normalised text and the FNV-1a state after hashing it. */
interface Normalized {
  text: string;
  hash: number;
}

/**
 * Normalises raw.slice(start): trims, drops layout spaces and folds U+FF01–U+FF5E to ASCII, in one
 * pass, since it runs on every line the parser looks at. A run of spaces survives as one space
 * only between two ASCII letters or digits ("City Walk"); between CJK it is layout. Unchanged
 * stretches are copied as slices, and text that needs nothing comes back as it was.
 *
 * The same pass carries `hash` over the normalised text, so an item's fingerprint costs no second
 * read of its text: hashing "ab" from `hash` gives what hashing "a" then "b" gives.
 */
export function normalizeHashed(raw: string, start = 0, hash = FNV_BASIS): Normalized {
  let h = hash;
  let out = '';
  let from = start; // raw[from, i) is still to be copied unchanged
  let kept = false; // a character was kept: spaces from here on are inner, not leading
  let word = false; // the last character kept is an ASCII letter or digit
  let space = false; // spaces seen since that character
  const end = raw.length;
  let i = start;
  while (i < end) {
    let c = raw.charCodeAt(i);
    if (isCjk(c)) {
      // Most of a notice is runs of CJK text and punctuation, kept as they are: hashed, and on.
      do {
        h = Math.imul(h ^ c, FNV_PRIME);
        c = ++i < end ? raw.charCodeAt(i) : 0;
      } while (isCjk(c));
      kept = true;
      word = false;
      space = false;
      if (i === end) break;
    }
    const at = i++; // c is raw[at]
    if (isLayoutSpace(c)) {
      if (from < at) out += raw.slice(from, at);
      from = i;
      space = kept;
      continue;
    }
    const wide = c >= 0xff01 && c <= 0xff5e;
    if (wide) c -= 0xfee0;
    const isWord = isWordChar(c);
    if (space) {
      if (word && isWord) {
        out += ' ';
        h = Math.imul(h ^ 0x20, FNV_PRIME);
      }
      space = false;
    }
    if (wide) {
      if (from < at) out += raw.slice(from, at);
      out += String.fromCharCode(c);
      from = i;
    }
    h = Math.imul(h ^ c, FNV_PRIME);
    kept = true;
    word = isWord;
  }
  // Trailing spaces were never copied; text that needed nothing is returned as it was.
  const text = from === start ? (start === 0 ? raw : raw.slice(start)) : from < end ? out + raw.slice(from) : out;
  return { text, hash: h };
}

export function normalizeText(raw: string): string {
  return normalizeHashed(raw).text;
}

const HEX_DIGIT = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const hex = (n: number, shift: number) => HEX_DIGIT[(n >>> shift) & 0xf];

/**
 * An FNV-1a hash and the text's length as 14 hex digits: what `fingerprint` gives for the text.
 * One string built from its digits: toString(16)/padStart cost more than the hash of a short item.
 */
export function formatFingerprint(hash: number, length: number): string {
  // Six hex digits of length, more when it needs them (as padStart(6) would give).
  if (length >= 0x1000000) return formatFingerprint(hash, 0).slice(0, 8) + length.toString(16);
  return String.fromCharCode(
    hex(hash, 28), hex(hash, 24), hex(hash, 20), hex(hash, 16), hex(hash, 12), hex(hash, 8), hex(hash, 4), hex(hash, 0),
    hex(length, 20), hex(length, 16), hex(length, 12), hex(length, 8), hex(length, 4), hex(length, 0),
  );
}

/**
 * FNV-1a (32 bits) plus the text's length: cheap enough to run on every item at every page load,
 * and enough to notice that an item's text changed.
 */
export function fingerprint(text: string): string {
  let h = FNV_BASIS;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return formatFingerprint(h, text.length);
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

/** A letter or digit, ASCII or full-width: a space between two of them is a word space. */
const isAnyWordChar = (c: number) => isWordChar(c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);

/**
 * Layout space as isLayoutSpace has it, for the regex engine. U+FEFF is left out: layoutText has
 * always kept it as written.
 */
const LAYOUT_SPACE = /[\t-\r \u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000]/;
const LAYOUT_RUNS = /[\t-\r \u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000]+/g;

/** A run s[at, end) between two kept letters or digits is one word space; any other run is layout. */
const isWordSpace = (s: string, at: number, end: number) =>
  at > 0 && end < s.length && isAnyWordChar(s.charCodeAt(at - 1)) && isAnyWordChar(s.charCodeAt(end));

/**
 * The page's own words: raw.slice(start, end) without its layout (indents, &nbsp;, U+3000, spaces
 * between CJK), every character kept as written (`，` `：` `（）` stay full-width). Spaces go exactly
 * where normalizeHashed drops them, so foldWidth(layoutText(s)) is normalizeText(s).
 *
 * Left to the regex engine rather than a loop over the characters: it runs on every line the
 * parser reads, mostly on a page's first (and only) reading, when a loop in JavaScript is still
 * interpreted and costs many times what native code does.
 */
export function layoutText(raw: string, start = 0, end = raw.length): string {
  const s = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  if (!LAYOUT_SPACE.test(s)) return s;
  return s.replace(LAYOUT_RUNS, (run: string, at: number) => (isWordSpace(s, at, at + run.length) ? ' ' : ''));
}

/**
 * Where, in layoutText(raw, start)'s result, a layout space it dropped, s[at, end) of the text from
 * `start`, is one `apart` says parts two names (区发改局　区经信局: Word pastes lists of units so):
 * each position is that of the character after the space. Read only on lines that had some.
 */
export function layoutBreaks(raw: string, start: number, apart: (s: string, at: number, end: number) => boolean): number[] {
  const s = start ? raw.slice(start) : raw;
  const breaks: number[] = [];
  let dropped = 0;
  for (const m of s.matchAll(LAYOUT_RUNS)) {
    const at = m.index;
    const end = at + m[0].length;
    const kept = isWordSpace(s, at, end) ? 1 : 0;
    if (!kept && at > 0 && end < s.length && apart(s, at, end)) breaks.push(at - dropped);
    dropped += m[0].length - kept;
  }
  return breaks;
}

/** `text` from `from`, a 、 before each of `breaks` (positions in it, ascending) after `from`: names set apart. */
export function withBreaks(text: string, breaks: readonly number[], from = 0): string {
  let out = '';
  let at = from;
  for (const b of breaks) {
    if (b <= from) continue;
    out += `${text.slice(at, b)}、`;
    at = b;
  }
  return out + text.slice(at);
}

/**
 * Full-width ASCII (U+FF01–U+FF5E) folded to ASCII, character for character: positions are kept.
 * The ratio sign ∶ (U+2236), typed for a colon in some documents (牵头单位∶区发改局), is a colon.
 */
export function foldWidth(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x2236) {
      out += s.slice(from, i) + (c === 0x2236 ? ':' : String.fromCharCode(c - 0xfee0));
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}
