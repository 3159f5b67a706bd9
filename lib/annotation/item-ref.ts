/**
 * An item's identity across notices as one opaque string: map keys, notification ids, the record
 * of reminded days and the overview's row ids all use it, and only this module knows what is in
 * it: JSON of [noticeKey, itemKey]. Refs made before item keys were strings, [noticeKey, 12], still
 * parse (as item "12"): notification ids outlive a browser session. (The database's own key,
 * [noticeKey+itemKey], is another matter: lib/db/database.ts.)
 */
import { keyOf } from '../notice/item-key';

declare const itemRefBrand: unique symbol;
/** Made only by `itemRef`: a string built otherwise is not an item ref. */
export type ItemRef = string & { readonly [itemRefBrand]: true };

export function itemRef(noticeKey: string, itemKey: string): ItemRef {
  return JSON.stringify([noticeKey, itemKey]) as ItemRef;
}

/** The item an item ref names (an old numeric ref too); undefined for any other string. */
export function parseItemRef(ref: string): { noticeKey: string; itemKey: string } | undefined {
  try {
    const v: unknown = JSON.parse(ref);
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string') {
      const itemKey = keyOf(v[1]);
      if (itemKey !== undefined) return { noticeKey: v[0], itemKey };
    }
  } catch {
    // not one of ours
  }
  return undefined;
}
