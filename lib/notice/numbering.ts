/**
 * How notices number their sections and items, and the item keys made from them. Read on text as
 * the page writes it or folded to half-width (foldWidth): `（一）` and `(一)`, `１．` and `1.` alike.
 */
import { chineseOrdinal, foldWidth } from './normalize';

/** Numbering styles, outermost first: 一、 > （一） > 1. (or ⒈) > （1） (or 1）, ⑴, ①). */
export const enum Level {
  Chinese = 0,
  ParenChinese = 1,
  Arabic = 2,
  ParenArabic = 3,
}

export interface Marker {
  level: Level;
  /** The number's value: 3 for 三、 （三） 3. 3、 （3）. */
  number: number;
  /** Where the text after the marker starts. */
  end: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const CHINESE = new RegExp(`^(${CN})、`);
const PAREN_CHINESE = new RegExp(`^[(（](${CN})[)）]`);
const PAREN_ARABIC = /^[(（]([0-9０-９]{1,2})[)）]/;

const fold = (c: number) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * A number in one character, as Word's numbering and some CMS editors write them: ① to ⑳
 * (U+2460–2473) and ⑴ to ⒇ (U+2474–2487) at the level of （1）, ⒈ to ⒛ (U+2488–249B) at that of 1.
 */
export const isEnclosedNumber = (c: number) => c >= 0x2460 && c <= 0x249b;
function enclosedMarker(c: number): Marker {
  if (c >= 0x2488) return { level: Level.Arabic, number: c - 0x2487, end: 1 };
  return { level: Level.ParenArabic, number: c >= 0x2474 ? c - 0x2473 : c - 0x245f, end: 1 };
}

/** 12 → 12, １２ → 12. */
function arabic(digits: string): number {
  let n = 0;
  for (let i = 0; i < digits.length; i++) n = n * 10 + fold(digits.charCodeAt(i)) - 0x30;
  return n;
}

/** 1.  1、  1．  1）: read by hand, the most common line of a notice (no match object made per line). */
function arabicMarker(text: string, next: number | undefined): Marker | undefined {
  let number = 0;
  let i = 0;
  for (let c = fold(text.charCodeAt(0)); isDigit(c) && i < 4; c = fold(text.charCodeAt(++i))) number = number * 10 + c - 0x30;
  if (i > 3 || number === 0) return undefined;
  const sep = text.charCodeAt(i);
  // 3） 3): a closing bracket alone, the level of （3）.
  if (sep === 0x29 || sep === 0xff09) return { level: Level.ParenArabic, number, end: i + 1 };
  const dot = sep === 0x2e || sep === 0xff0e;
  if (!dot && sep !== 0x3001) return undefined;
  // "5.5%…" at a line start is a decimal unless 5 is the number expected next; "1.2024年…" never is.
  if (dot && isDigit(fold(text.charCodeAt(i + 1))) && number !== next && !yearAt(text, i + 1)) return undefined;
  return { level: Level.Arabic, number, end: i + 1 };
}

/** Whether text[at…] is a year and its 年 (2024年, ２０２４年): an item's words, no decimal's. */
function yearAt(text: string, at: number): boolean {
  const c = fold(text.charCodeAt(at));
  const d = fold(text.charCodeAt(at + 1));
  if (!((c === 0x31 && d === 0x39) || (c === 0x32 && d === 0x30))) return false;
  return isDigit(fold(text.charCodeAt(at + 2))) && isDigit(fold(text.charCodeAt(at + 3))) && text.charCodeAt(at + 4) === 0x5e74;
}

/**
 * The marker a line (without layout) starts with, if any. "5.5%…" at a line start is a decimal,
 * not item 5: a dot followed by a digit counts only as the number `next` the reader expects.
 */
export function readMarker(text: string, next?: number): Marker | undefined {
  const c = fold(text.charCodeAt(0));
  if (isDigit(c)) return arabicMarker(text, next);
  if (isEnclosedNumber(c)) return enclosedMarker(c);
  // One pattern to try, by the first character (and the second after a bracket).
  let level: Level;
  let re: RegExp;
  if (CN_CHARS.has(c)) {
    level = Level.Chinese;
    re = CHINESE;
  } else if (c === 0x28) {
    const arabicInside = isDigit(fold(text.charCodeAt(1)));
    level = arabicInside ? Level.ParenArabic : Level.ParenChinese;
    re = arabicInside ? PAREN_ARABIC : PAREN_CHINESE;
  } else return undefined;
  const m = re.exec(text);
  if (!m) return undefined;
  const number = level === Level.ParenArabic ? arabic(m[1]) : chineseOrdinal(m[1]);
  return number > 0 ? { level, number, end: m[0].length } : undefined;
}

const CN_CHARS = new Set([...'一二三四五六七八九十'].map((ch) => ch.charCodeAt(0)));

/** A 序号 cell: `3`, `3.`, `3、`, `3）`, `1*` (a mark the page does not explain), `（三）`, `三`. */
export function cellNumber(text: string): number | undefined {
  const norm = foldWidth(text);
  const ar = /^(\d{1,3})[.、)]?\*?$/.exec(norm);
  if (ar) return Number(ar[1]) || undefined;
  const cn = new RegExp(`^(?:\\((${CN})\\)|(${CN})、?)$`).exec(norm);
  return cn ? chineseOrdinal(cn[1] ?? cn[2]) || undefined : undefined;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十: a section's ordinal as keys write it. */
export function toChineseOrdinal(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

export interface KeyParts {
  /** The list's 1-based place on the page, when the page holds several lists. */
  list?: number;
  /**
   * The top-level section's ordinal, when numbering starts again in each section. A heading the
   * page does not number (王丹县长牵头重点工作, a table's group row) is numbered by its place among
   * the unnumbered headings under the same parent: the second is 二、 (or （二） under 一、).
   */
  section?: number;
  /** The subsection's ordinal (its （二）), when numbering starts again in each subsection of a section. */
  sub?: number;
  number: number;
  /** The k-th task sharing one printed number (a 序号 cell spanning rows). */
  share?: number;
}

/**
 * An item's key: `[<list>/](<section>、[（<sub>）]<number>.|<number>)[-<k>]`, e.g. `12`, `二、3.`,
 * `1/一、2.`, `一、（二）1.`, `2/1`, `3-2`. The seed's keys are its item numbers, as today.
 */
export function itemKey({ list, section, sub, number, share }: KeyParts): string {
  const head = list ? `${list}/` : '';
  const inner = sub ? `（${toChineseOrdinal(sub)}）` : '';
  const body = section ? `${toChineseOrdinal(section)}、${inner}${number}.` : String(number);
  return `${head}${body}${share ? `-${share}` : ''}`;
}

/** A key moved to list `list` of the page (its own list's place replaced): `2/一、1.` for `一、1.` or `1/一、1.`. */
export function keyInList(key: string, list: number): string {
  return `${list}/${key.replace(/^[1-9][0-9]{0,3}\//, '')}`;
}

/**
 * What keying needs of an item: its number, its top-level section's ordinal and its subsection's
 * (the heading under that), its place among tasks sharing a number.
 */
export interface Keyable {
  number: number;
  top?: number;
  sub?: number;
  share?: number;
}

/**
 * The keys of one list's items, in order: by number where numbering runs on through the list; by
 * top-level section and number where it starts again in some section (`二、3.`); by section,
 * subsection and number where it starts again in each subsection too (`一、（二）1.`: section and
 * number alone would name two items); `list/` in front on a page of several lists.
 */
export function listKeys(items: readonly Keyable[], list?: number): string[] {
  const restarts = items.some((it, i) => i > 0 && (it.number < items[i - 1].number || (it.number === items[i - 1].number && !it.share)));
  const keys = (subs: boolean) =>
    items.map((it) => itemKey({ list, section: restarts ? it.top : undefined, sub: restarts && subs && it.top ? it.sub : undefined, number: it.number, share: it.share }));
  const bySection = keys(false);
  return restarts && new Set(bySection).size < bySection.length ? keys(true) : bySection;
}
