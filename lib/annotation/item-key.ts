/**
 * An item's identity across notices as one opaque string: map keys, notification ids, the record
 * of reminded days and the overview's row ids all use it, and only this module knows what is in
 * it. Today it is JSON of [noticeKey, itemNo]; when an item is known by list, section and number
 * (a later issue), only this module changes. The encoding is kept stable, because notification
 * ids and the reminded-days record outlive a browser session. (The database's own key,
 * [noticeKey+itemNo], is another matter: lib/db/database.ts.)
 */

declare const itemKeyBrand: unique symbol;
/** Made only by `itemKey`: a string built otherwise is not an item key. */
export type ItemKey = string & { readonly [itemKeyBrand]: true };

export function itemKey(noticeKey: string, itemNo: number): ItemKey {
  return JSON.stringify([noticeKey, itemNo]) as ItemKey;
}

/** The item an item key names; undefined for any other string. */
export function parseItemKey(key: string): { noticeKey: string; itemNo: number } | undefined {
  try {
    const v: unknown = JSON.parse(key);
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1])) {
      return { noticeKey: v[0], itemNo: v[1] as number };
    }
  } catch {
    // not one of ours
  }
  return undefined;
}
