/**
 * An item's key as a string: `[<list>/](<section>、<n>.|<n>)[-<k>]` (./numbering.ts `itemKey`
 * makes them; tests/fixtures/notices/README.md). The seed's keys are its item numbers, "1".."156",
 * so a number stored before keys existed is its key as a string. Zod-free: the content script uses it.
 */
import { message, type Message } from '../message';
import { chineseOrdinal, foldWidth } from './normalize';

/** The longest key duban accepts. */
export const MAX_ITEM_KEY_LENGTH = 40;

const CN = '[一二三四五六七八九十]{1,3}';
const NUM = '[1-9][0-9]{0,3}';
/** The key syntax: list, then section (and subsection) and number or number alone, then the share. */
export const ITEM_KEY_PATTERN = new RegExp(`^(?:(${NUM})/)?(?:(${CN})、(?:（(${CN})）)?(${NUM})\\.|(${NUM}))(?:-(${NUM}))?$`);

export function isItemKey(s: string): boolean {
  return s.length > 0 && s.length <= MAX_ITEM_KEY_LENGTH && ITEM_KEY_PATTERN.test(s);
}

/**
 * The key of an item stored before keys existed (a number, 1..9999), or a key as it is: what an
 * upgrade and an old file hand over. Undefined for anything else.
 */
export function keyOf(legacy: unknown): string | undefined {
  if (typeof legacy === 'number') return Number.isInteger(legacy) && legacy >= 1 && legacy <= 9999 ? String(legacy) : undefined;
  return typeof legacy === 'string' && isItemKey(legacy) ? legacy : undefined;
}

const CN_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十一 → 21. */
function ordinal(cn: string): number {
  const ten = cn.indexOf('十');
  if (ten < 0) return CN_VALUE[cn] ?? 0;
  return (ten === 0 ? 1 : CN_VALUE[cn[0]] ?? 0) * 10 + (CN_VALUE[cn.slice(ten + 1)] ?? 0);
}

/** A key's parts to sort by: list, section, subsection, number, share (0 where absent); undefined for a string that is not a key. */
function sortParts(key: string): [number, number, number, number, number] | undefined {
  const m = ITEM_KEY_PATTERN.exec(key);
  if (!m) return undefined;
  return [Number(m[1] ?? 0), m[2] ? ordinal(m[2]) : 0, m[3] ? ordinal(m[3]) : 0, Number(m[4] ?? m[5]), Number(m[6] ?? 0)];
}

/**
 * The order of keys when no notice is at hand to give its own: by list, section, number, share
 * ("2" before "10", "一、3." before "二、1."); anything not a key after them, as strings.
 */
export function compareItemKeys(a: string, b: string): number {
  if (a === b) return 0;
  const pa = sortParts(a);
  const pb = sortParts(b);
  if (pa && pb) {
    for (let i = 0; i < 5; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  } else if (pa || pb) return pa ? -1 : 1;
  return a < b ? -1 : 1;
}

/**
 * A comparator of keys in the notice's order (`keys`, the notice's items in page order); keys the
 * notice lacks come after its own, in compareItemKeys order.
 */
export function noticeOrder(keys: readonly string[]): (a: string, b: string) => number {
  const place = new Map<string, number>();
  keys.forEach((k, i) => place.has(k) || place.set(k, i));
  return (a, b) => {
    const pa = place.get(a);
    const pb = place.get(b);
    if (pa !== undefined && pb !== undefined) return pa - pb;
    if (pa !== undefined || pb !== undefined) return pa !== undefined ? -1 : 1;
    return compareItemKeys(a, b);
  };
}

const HASH_PREFIX = '#duban-item-';

/** The URL fragment that opens a notice at an item: `#duban-item-12`, the key URL-encoded (`二、3.` has non-ASCII). */
export function itemHash(key: string): string {
  return HASH_PREFIX + encodeURIComponent(key);
}

/** The item a URL fragment names (`#duban-item-12`, encoded or as typed); undefined for any other fragment. */
export function keyOfHash(hash: string): string | undefined {
  if (!hash.startsWith(HASH_PREFIX)) return undefined;
  let key: string;
  try {
    key = decodeURIComponent(hash.slice(HASH_PREFIX.length));
  } catch {
    return undefined;
  }
  return isItemKey(key) ? key : undefined;
}

/** The printed number a key names: 3 for `3`, `二、3.`, `1/3-2`; 0 for a string that is not a key. */
export function numberOfKey(key: string): number {
  const m = ITEM_KEY_PATTERN.exec(key);
  return m ? Number(m[4] ?? m[5]) : 0;
}

/**
 * How a key reads to a user: as it is on a page of one list (`12`, `二、3.`); on a page of several,
 * its list in words (`2/1` → 清单2·1, row.inList), since `2/1` reads as a date or a fraction.
 * Files keep the key itself.
 */
export function itemKeyWords(key: string): string | Message {
  const m = /^([1-9][0-9]{0,3})\/(.+)$/.exec(key);
  return m && isItemKey(key) ? message('row.inList', { list: Number(m[1]), item: m[2] }) : key;
}

/**
 * An item typed without its list, as the page prints it: 12, 12. 12。 12、; （三）, which a page
 * restarting in each section prints for 3; 二、3, 二、3。 or 二、（三） for 二、3.; 一、（二）1 for
 * 一、（二）1. (Folded to half-width.)
 */
function itemFromTyped(typed: string): string {
  const number = (s: string) => {
    const paren = /^\(([一二三四五六七八九十]{1,3})\)$/.exec(s);
    const n = paren ? chineseOrdinal(paren[1]) : NaN;
    return n > 0 ? String(n) : s.replace(/^([1-9][0-9]{0,3})[.、。]$/, '$1');
  };
  const section = /^([一二三四五六七八九十]{1,3})、\s*(.+)$/.exec(typed);
  if (!section) return number(typed);
  // 一、（二）1: an item of a subsection, where numbering restarts in each.
  const inSub = /^\(([一二三四五六七八九十]{1,3})\)\s*([1-9][0-9]{0,3})[.、。]?$/.exec(section[2]);
  if (inSub) return `${section[1]}、（${inSub[1]}）${inSub[2]}.`;
  const n = number(section[2]);
  return /^[1-9][0-9]{0,3}$/.test(n) ? `${section[1]}、${n}.` : typed;
}

/**
 * The key a user means by what they type to find an item (the bar's 跳转 box): the key itself, in
 * full-width digits and punctuation too (１２, （二）, as an input method types them), as the page
 * prints it (12., 12。, （二）), after the box's # placeholder, as duban names it on a page of
 * several lists (清单2·1, list 2·1, 2·1; after the list's word, 清单2.1 too: a full stop is what
 * most keyboards have for the ·), or as the UI says it (第 12 项, Item 12).
 */
export function keyFromTyped(typed: string): string {
  const folded = foldWidth(typed.trim())
    .replace(/^第\s*(.+?)\s*项$/, '$1')
    .replace(/^item\s+/i, '')
    .replace(/^#\s*/, '');
  const m =
    /^(?:清单|list\s*)?([1-9][0-9]{0,3})\s*[·・•]\s*(.+)$/i.exec(folded) ?? /^(?:清单|list\s*)([1-9][0-9]{0,3})\s*[.。/]\s*(.+)$/i.exec(folded);
  return m ? `${m[1]}/${itemFromTyped(m[2])}` : itemFromTyped(folded);
}

/**
 * A test of keys for what a user typed to name an item (keyFromTyped), undefined when it names
 * none: the key itself, or on a page of several lists the key within its list (一、2. for
 * 1/一、2., 清单1·一、2. as the overview shows it), in whichever list.
 */
export function typedKeyTest(typed: string): ((key: string) => boolean) | undefined {
  const key = keyFromTyped(typed);
  if (!isItemKey(key)) return undefined;
  const tail = `/${key}`;
  return (k) => k === key || (k.endsWith(tail) && /^[1-9][0-9]{0,3}$/.test(k.slice(0, -tail.length)));
}

/**
 * The item typed, among `keys` (the notice's, in page order): its key as keyFromTyped reads it;
 * else the first item the page numbers so (12, 二、3.: the number a reader sees printed, whichever
 * list or section it is in, where numbering restarts).
 */
export function findTypedKey(typed: string, keys: Iterable<string>): string | undefined {
  const key = keyFromTyped(typed);
  const number = /^[1-9][0-9]{0,3}$/.test(key) ? Number(key) : 0;
  let first: string | undefined;
  for (const k of keys) {
    if (k === typed || k === key) return k;
    if (first !== undefined) continue;
    if ((k.endsWith(`/${key}`) && /^[1-9][0-9]{0,3}\/$/.test(k.slice(0, k.length - key.length))) || (number && numberOfKey(k) === number)) first = k;
  }
  return first;
}
