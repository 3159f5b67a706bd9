/**
 * Records written before items had string keys, when an item was its number (`itemNo: 12`), made
 * into today's (`itemKey: '12'`; a notice's items `key: '12', number: 12`). The database's
 * upgrade (lib/db/database.ts, version 6) and old files (lib/transfer/parse-file.ts) use them.
 * A record already keyed passes unchanged, so converting twice changes nothing. Below, the same
 * for notices keyed by their 文号 alone before version 8 (lib/notice/notice-key.ts).
 */
import { keyOf } from '../notice/item-key';
import { noticeKey } from '../notice/notice-key';
import type { NoticeRecord } from '../notice/notice-record';
import { itemRef, parseItemRef } from './item-ref';

type Loose = Record<string, unknown>;

/** An annotation, history entry or file item: `itemNo` becomes `itemKey`, the rest stays. */
export function keyedItem<T extends object>(record: T): T {
  const r = record as Loose;
  if (!('itemNo' in r)) return record;
  const { itemNo, ...rest } = r;
  const itemKey = keyOf(itemNo);
  // A number out of range stays a number: the model's check refuses it where it is read.
  return { ...rest, itemKey: itemKey ?? itemNo } as T;
}

/** An item of a notice's text: `itemNo` becomes `key` and `number`. */
function keyedNoticeItem(item: Loose): Loose {
  if (!('itemNo' in item)) return item;
  const { itemNo, ...rest } = item;
  return { key: keyOf(itemNo) ?? itemNo, number: itemNo, ...rest };
}

/** A notice's text (a record or one of its revisions): its items keyed; `differs` lists keys. */
function keyedText<T extends Loose>(text: T): T {
  const items = Array.isArray(text.items) ? (text.items as Loose[]).map(keyedNoticeItem) : text.items;
  return { ...text, items };
}

/** A stored notice record, with its revisions. */
export function keyedNotice<T extends object>(record: T): T {
  const r = keyedText(record as Loose);
  if (Array.isArray(r.revisions)) r.revisions = (r.revisions as Loose[]).map(keyedText);
  return r as T;
}

/** An annotation's key in the database: [noticeKey, 12] becomes [noticeKey, '12']. */
function keyedPair(key: unknown): unknown {
  if (!Array.isArray(key) || key.length !== 2) return key;
  return [key[0], keyOf(key[1]) ?? key[1]];
}

/** A restore point: the annotations it would put back, and the notices. */
export function keyedRestorePoint<T extends object>(point: T): T {
  const p = { ...(point as Loose) };
  const change = (map: (r: Loose) => Loose, key: (k: unknown) => unknown) => (c: Loose) => ({
    ...c,
    key: key(c.key),
    before: c.before ? map(c.before as Loose) : c.before,
    after: c.after ? map(c.after as Loose) : c.after,
  });
  if (Array.isArray(p.annotations)) p.annotations = (p.annotations as Loose[]).map(change(keyedItem, keyedPair));
  // Notice keys are another matter (version 8, ./key-moves.ts).
  if (Array.isArray(p.notices)) p.notices = (p.notices as Loose[]).map(change(keyedNotice, (k) => k));
  return p as T;
}

/** A record keyed by item refs (the reminded days): old refs [k, 12] written as today's. */
export function keyedRefs<V>(record: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [ref, v] of Object.entries(record)) {
    const item = parseItemRef(ref);
    out[item ? itemRef(item.noticeKey, item.itemKey) : ref] = v;
  }
  return out;
}

/**
 * Where database version 8 moved notice keys: the key a notice had → its key by today's rule
 * (./key-moves.ts noticeKeyMove moves the records).
 */
export type NoticeKeyMoves = Record<string, string>;

/**
 * The keys of stored notices made by today's rule (lib/notice/notice-key.ts): a 文号 alone
 * becomes 文号@issuer's site, host + path the URL's key. A record whose new key another record
 * already has stays where it is (it cannot happen with the keys duban made: they differ in 文号 or
 * URL).
 */
export function noticeKeyMoves(records: readonly Pick<NoticeRecord, 'key' | 'docNo' | 'sourceUrl'>[]): NoticeKeyMoves {
  const taken = new Set(records.map((r) => r.key));
  const moves: NoticeKeyMoves = {};
  for (const r of records) {
    const key = noticeKey(r);
    if (key === r.key || taken.has(key)) continue;
    taken.add(key);
    moves[r.key] = key;
  }
  return moves;
}
