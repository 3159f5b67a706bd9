/**
 * Records that name an item by its notice's key and its own (annotations, history entries, the
 * annotations a restore point puts back, the reminded days) under keys that moved: database
 * version 8 moved notices' keys (./legacy-keys.ts noticeKeyMoves), and a notice read again or
 * revised moves its items' keys (lib/notice/item-key-moves.ts). Each returns the record itself
 * when nothing in it moved, so a store writes only what changed. Pure: lib/db moves the records.
 */
import type { ItemKeyMoves } from '../notice/item-key-moves';
import { itemRef, parseItemRef } from './item-ref';

type Loose = Record<string, unknown>;

/** Where keys go. */
export interface KeyMove {
  /** A notice's key after the move. */
  notice(key: string): string;
  /** An item's key after the move; `noticeKey` is its notice's key before it. */
  item(noticeKey: string, itemKey: string): string;
}

const movedTo = (moves: Record<string, string>, key: string) => (Object.hasOwn(moves, key) ? moves[key] : key);

/** Notices' keys move (old → new); their items keep theirs. */
export function noticeKeyMove(moves: Record<string, string>): KeyMove {
  return { notice: (key) => movedTo(moves, key), item: (_, itemKey) => itemKey };
}

/** The items of notice `noticeKey` move (old item key → new); every other key stays. */
export function itemKeyMove(noticeKey: string, moves: ItemKeyMoves): KeyMove {
  return { notice: (key) => key, item: (key, itemKey) => (key === noticeKey ? movedTo(moves, itemKey) : itemKey) };
}

/** A record that names its notice by `noticeKey` and maybe its item by `itemKey` (an annotation, a history entry, a history pack). */
export function movedItem<T extends object>(record: T, move: KeyMove): T {
  const r = record as Loose;
  if (typeof r.noticeKey !== 'string') return record;
  const noticeKey = move.notice(r.noticeKey);
  const itemKey = typeof r.itemKey === 'string' ? move.item(r.noticeKey, r.itemKey) : r.itemKey;
  return noticeKey === r.noticeKey && itemKey === r.itemKey ? record : ({ ...r, noticeKey, itemKey } as T);
}

/** A restore point: every notice and annotation it would put back under its moved keys. */
export function movedRestorePoint<T extends object>(point: T, move: KeyMove): T {
  let changed = false;
  const track = (x: unknown, to: (x: unknown) => unknown) => {
    const y = to(x);
    if (y !== x) changed = true;
    return y;
  };
  const noticeKey = (k: unknown) => (typeof k === 'string' ? move.notice(k) : k);
  const moveNotice = (n: unknown) => (n && (n as Loose).key !== noticeKey((n as Loose).key) ? { ...(n as Loose), key: noticeKey((n as Loose).key) } : n);
  const moveItem = (a: unknown) => (a ? movedItem(a as Loose, move) : a);
  const movePair = (key: unknown) => {
    if (!Array.isArray(key) || key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'string') return key;
    const [n, i] = [move.notice(key[0]), move.item(key[0], key[1])];
    return n === key[0] && i === key[1] ? key : [n, i];
  };
  const changes = (list: unknown, key: (k: unknown) => unknown, record: (r: unknown) => unknown) =>
    Array.isArray(list) ? (list as Loose[]).map((c) => ({ ...c, key: track(c.key, key), before: track(c.before, record), after: track(c.after, record) })) : list;
  const p = point as Loose;
  const notices = changes(p.notices, noticeKey, moveNotice);
  const annotations = changes(p.annotations, movePair, moveItem);
  return changed ? ({ ...p, notices, annotations } as T) : point;
}

/** A record keyed by item refs (the reminded days), each ref under its moved keys. */
export function movedRefs<V>(record: Record<string, V>, move: KeyMove): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [ref, v] of Object.entries(record)) {
    const item = parseItemRef(ref);
    out[item ? itemRef(move.notice(item.noticeKey), move.item(item.noticeKey, item.itemKey)) : ref] = v;
  }
  return out;
}
