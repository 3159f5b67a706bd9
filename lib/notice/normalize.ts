/**
 * Text normalisation shared by parsing and fingerprints. The live page uses full-width
 * punctuation (：，（）．１), U+3000 indents and &nbsp; runs; the seed dump uses half-width.
 * Both must give the same text, so only the full-width ASCII block and spaces are folded:
 * a general NFKC would also rewrite Ⅳ to IV and change the item text.
 */

const isSpace = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x200b && c <= 0x200d) || c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200a);
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

let buffer = new Uint16Array(256);

/**
 * One pass into a reused buffer: this runs on every line the parser looks at.
 * A space survives only between two ASCII letters or digits ("City Walk"); between CJK it is layout.
 */
export function normalizeText(raw: string): string {
  if (buffer.length < raw.length) buffer = new Uint16Array(raw.length * 2);
  let n = 0;
  let space = false; // a space run is waiting to be kept or dropped
  let prevAlnum = false;
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (isSpace(c)) {
      space = true;
      continue;
    }
    const alnum = isAlnum(c);
    if (space) {
      if (prevAlnum && alnum && n) buffer[n++] = 0x20;
      space = false;
    }
    buffer[n++] = c;
    prevAlnum = alnum;
  }
  return decode(buffer, n);
}

function decode(buf: Uint16Array, n: number): string {
  let out = '';
  // fromCharCode.apply takes a bounded argument count: decode in chunks.
  for (let i = 0; i < n; i += 4096) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  }
  return out;
}

/** cyrb53: a fast 53-bit string hash; enough to notice that an item's text changed. */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
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
