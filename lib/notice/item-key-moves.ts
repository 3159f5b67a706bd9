/**
 * Which stored item keys go to which new ones when a notice's items take other keys, so that the
 * notes (and every record named by item key) follow their items instead of being left as orphans:
 * a newer reading of the same page keys the same items otherwise (unnumbered leader lines that now
 * head sections: `1` becomes `一、1.`), or the user accepts a revision whose items were
 * renumbered (a new item 5: the old 5 is now 6). Items are compared by fingerprint (their
 * normalised text). Pure: lib/db/notices.ts moves the records (lib/annotation/key-moves.ts).
 */
import type { NoticeItem } from './types';

/** Old item key → new item key, within one notice. */
export type ItemKeyMoves = Record<string, string>;

type KeyedItem = Pick<NoticeItem, 'key' | 'fingerprint'>;

/**
 * The moves of a re-reading: `page` has exactly the items of `stored`, the same texts in the same
 * order, and only keys differ. Undefined when it is anything else (a revision, or the same keys).
 */
export function rereadingMoves(stored: readonly KeyedItem[], page: readonly KeyedItem[]): ItemKeyMoves | undefined {
  if (stored.length !== page.length) return undefined;
  const moves: ItemKeyMoves = {};
  let moved = false;
  for (let i = 0; i < stored.length; i++) {
    const [a, b] = [stored[i], page[i]];
    if (!a.fingerprint || a.fingerprint !== b.fingerprint) return undefined;
    if (a.key !== b.key) {
      moves[a.key] = b.key;
      moved = true;
    }
  }
  return moved && new Set(page.map((i) => i.key)).size === page.length ? moves : undefined;
}

/**
 * The moves of a page completing a notice known from a colleague's file, which holds some of its
 * items: each of them found once on the page by its text, some under other keys (the file was read
 * by an earlier duban). Undefined when one is not found so, two share a text, or no key changed.
 */
export function completingMoves(stored: readonly KeyedItem[], page: readonly KeyedItem[]): ItemKeyMoves | undefined {
  const byText = keysByText(page);
  const targets = new Set<string>();
  const moves: ItemKeyMoves = {};
  let moved = false;
  for (const { key, fingerprint } of stored) {
    const to = fingerprint ? byText.get(fingerprint) : undefined;
    if (!to || targets.has(to)) return undefined;
    targets.add(to);
    if (to !== key) {
      moves[key] = to;
      moved = true;
    }
  }
  return moved ? moves : undefined;
}

/** Each fingerprint's one key in `items`; a fingerprint held twice has none (which is which is not known). */
function keysByText(items: readonly KeyedItem[]): Map<string, string | null> {
  const keys = new Map<string, string | null>();
  for (const i of items) if (i.fingerprint) keys.set(i.fingerprint, keys.has(i.fingerprint) ? null : i.key);
  return keys;
}

/**
 * The moves of accepting a revision: an old item not under its own key with its own text in the
 * new text goes to the one key its text has there, when it had that text alone in the old one too.
 * Whether a note is already there is for unblockedMoves to say.
 */
export function revisionMoves(old: readonly KeyedItem[], next: readonly KeyedItem[]): ItemKeyMoves {
  const before = keysByText(old);
  const after = keysByText(next);
  const moves: ItemKeyMoves = {};
  for (const [text, from] of before) {
    const to = after.get(text);
    if (from !== null && to != null && to !== from) moves[from] = to;
  }
  return moves;
}

/**
 * The moves that bring orphaned notes back: a note under a key the notice's text no longer has goes
 * to the one item holding the text it was written on (its fingerprint), when no other orphan was
 * written on that text too. Mends notes left behind by a revision that only re-keyed the items,
 * accepted before notes followed keys, and by an import of an older text. Whether a note is
 * already there is for unblockedMoves to say.
 */
export function orphanMoves(items: readonly KeyedItem[], notes: readonly { itemKey: string; fingerprint: string }[]): ItemKeyMoves {
  const keys = new Set(items.map((i) => i.key));
  const byText = keysByText(items);
  // Each key an orphan would go to, and the orphan; null when several would.
  const wanted = new Map<string, string | null>();
  for (const { itemKey, fingerprint } of notes) {
    const to = keys.has(itemKey) || !fingerprint ? undefined : byText.get(fingerprint);
    if (to) wanted.set(to, wanted.has(to) ? null : itemKey);
  }
  const moves: ItemKeyMoves = {};
  for (const [to, from] of wanted) if (from !== null) moves[from] = to;
  return moves;
}

/**
 * `moves` less those that would land on a key whose annotation stays there (an item's own, or an
 * orphan): nothing is written over or merged. A note that moves on itself frees its key, so
 * chains (5 → 6 → 7) and swaps go ahead; a blocked move blocks the one into its key in turn.
 */
export function unblockedMoves(moves: ItemKeyMoves, annotated: ReadonlySet<string>): ItemKeyMoves {
  const kept: ItemKeyMoves = { ...moves };
  for (;;) {
    const blocked = Object.keys(kept).filter((from) => annotated.has(kept[from]) && !Object.hasOwn(kept, kept[from]));
    if (!blocked.length) return kept;
    for (const from of blocked) delete kept[from];
  }
}
