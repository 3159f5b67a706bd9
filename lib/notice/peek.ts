/**
 * A page the background has seen before (peekNotice, lib/protocol.ts): the notice script asks
 * for it as it starts and, when the page reads as it did then, shows the rows' annotations without
 * waiting for openNotice. "As it did then" is strict — the same notice key, the same items in the
 * same order, each text exactly as then — since the background's answer to openNotice (which
 * says which texts differ from the stored notice's) is what a changed page must wait for.
 */
import type { NoticeItem } from './types';

/** The notice last opened at a page, its items as that page read. */
export interface PageSeen {
  noticeKey: string;
  items: readonly { key: string; text: string; fingerprint: string }[];
}

/** The items' fingerprints, in the page's order, when the page reads as `seen` did; else undefined. */
export function fingerprintsIfSame(
  seen: PageSeen | null | undefined,
  noticeKey: string,
  items: readonly Pick<NoticeItem, 'key' | 'text'>[],
): string[] | undefined {
  if (!seen || seen.noticeKey !== noticeKey || seen.items.length !== items.length) return undefined;
  const fingerprints: string[] = [];
  for (let k = 0; k < items.length; k++) {
    const then = seen.items[k]!;
    const now = items[k]!;
    if (then.key !== now.key || then.text !== now.text) return undefined;
    fingerprints.push(then.fingerprint);
  }
  return fingerprints;
}
