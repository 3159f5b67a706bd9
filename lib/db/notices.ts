/**
 * Notice records as pages see them and the user accepts their texts (the rules: lib/notice/notice-record.ts);
 * each write is one transaction with the digests the popup reads (written through ./records.ts).
 */
import { message } from '../message';
import { noticeOfCopy, noticeOfUnnumberedCopy, sameDocNo } from '../notice/copy-match';
import { isGovernmentUrl } from '../notice/government';
import { noticeKey } from '../notice/notice-key';
import type { Notice } from '../notice/types';
import type { NoticeKeyMoves } from '../annotation/legacy-keys';
import { itemKeyMove, movedItem } from '../annotation/key-moves';
import { orphanMoves, revisionMoves, unblockedMoves, type ItemKeyMoves } from '../notice/item-key-moves';
import { ITEM_KEY_MOVES_META_KEY, moveItemRecords, NOTICE_KEY_MOVES_META_KEY, type DubanDatabase } from './database';
import { getMeta, setMeta } from './meta';
import { recordTables, writeRecords } from './records';
import {
  acceptRevision,
  differsFromStored,
  RevisionNotFound,
  seeNotice,
  summariseRevisions,
  type NoticeRecord,
  type NoticeRevisions,
  type SeenNotice,
  withPageQuotes,
} from '../notice/notice-record';
import type { PageQuote } from '../notice/page-quote';

/**
 * Records that a page showed `notice` now: adds its URL; a text other than the stored one is kept
 * as a revision, never put in its place. Answers the record and the page's revision, if any.
 * A copy off government sites that is a notice duban knows (../notice/copy-match.ts) answers that
 * notice and changes nothing in it: its URL is no link of the notice and its text no revision.
 */
export async function noticeSeen(db: DubanDatabase, notice: Notice, now: number): Promise<SeenNotice> {
  // The usual visit: a government page seen again as stored. Answered from a read, with no write
  // while the page waits, but for when it was last seen (at most once an hour).
  if (isGovernmentUrl(notice.sourceUrl)) {
    const stored = await db.notices.get(noticeKey(notice));
    const seen = stored && seeNotice(stored, notice, now);
    if (seen && !seen.revision && now - stored.lastSeenAt < SEEN_AGAIN && sameRecord(stored, seen.record)) return { record: stored, revision: null };
  }
  return db.transaction('rw', movingTables(db), async () => {
    const known = isGovernmentUrl(notice.sourceUrl) ? undefined : await noticeCopied(db, notice);
    if (known) {
      const differs = differsFromStored(known, notice);
      // Id 0: the copy's text was not kept.
      return { record: known, revision: differs.length ? { id: 0, differs } : null };
    }
    const seen = seeNotice(await db.notices.get(noticeKey(notice)), notice, now);
    if (!seen.moves) {
      await writeRecords(db, { notices: [seen.record] });
      return seen;
    }
    return { ...seen, moves: await writeWithMoves(db, seen.record, seen.moves) };
  });
}

/** The tables a write that moves item keys writes: the records' and every other store keyed by item (./database.ts moveItemRecords). */
const movingTables = (db: DubanDatabase) => [...recordTables(db), db.history, db.historyPacks, db.restorePoints, db.meta];

/**
 * Writes `record` and moves its notice's records from the old item keys of `moves` to the new,
 * but onto a key whose annotation stays there (unblockedMoves): nothing is written over, and what
 * does not move stays where it was. Answers the moves made; call inside a transaction over movingTables.
 */
async function writeWithMoves(db: DubanDatabase, record: NoticeRecord, moves: ItemKeyMoves): Promise<ItemKeyMoves> {
  const annotations = await db.annotations.where('noticeKey').equals(record.key).toArray();
  const made = unblockedMoves(moves, new Set(annotations.map((a) => a.itemKey)));
  const move = itemKeyMove(record.key, made);
  const leaving = annotations.filter((a) => Object.hasOwn(made, a.itemKey));
  const arriving = leaving.map((a) => movedItem(a, move));
  // Annotations are put before deletions are made: a key another note moves into is not deleted.
  const taken = new Set(arriving.map((a) => a.itemKey));
  const vacated = leaving.filter((a) => !taken.has(a.itemKey)).map((a) => [a.noticeKey, a.itemKey] as const);
  await writeRecords(db, { notices: [record], annotations: arriving, deletedAnnotations: vacated });
  const from = Object.keys(made).map((itemKey) => [record.key, itemKey]);
  if (!from.length) return made;
  await moveItemRecords(db, move, db.history.where('[noticeKey+itemKey]').anyOf(from), db.historyPacks.where('noticeKey').equals(record.key));
  await rememberItemMoves(db, record.key, made);
  return made;
}

/** Item keys moved, by notice key: old → today's (ITEM_KEY_MOVES_META_KEY). */
type ItemKeyMovesByNotice = Record<string, ItemKeyMoves>;

/** Adds `made` to the moves kept for notice `key` (ITEM_KEY_MOVES_META_KEY). */
async function rememberItemMoves(db: DubanDatabase, key: string, made: ItemKeyMoves) {
  const all = (await getMeta<ItemKeyMovesByNotice>(db, ITEM_KEY_MOVES_META_KEY)) ?? {};
  await setMeta(db, ITEM_KEY_MOVES_META_KEY, { ...all, [key]: { ...all[key], ...made } });
}

/**
 * An item by today's keys, for one named before a move (a reminder on screen): its notice's key
 * since version 8, and its item's key where visits or accepted revisions moved it, as long as the
 * notice's text has no item of that key (a renumbered text keeps its keys: 5 names its new item 5).
 */
export async function currentItem(db: DubanDatabase, item: { noticeKey: string; itemKey: string }): Promise<{ noticeKey: string; itemKey: string }> {
  const noticeKey = await currentNoticeKey(db, item.noticeKey);
  const moved = (await getMeta<ItemKeyMovesByNotice>(db, ITEM_KEY_MOVES_META_KEY))?.[noticeKey];
  let { itemKey } = item;
  if (!moved || !Object.hasOwn(moved, itemKey)) return { noticeKey, itemKey };
  const keys = new Set((await db.notices.get(noticeKey))?.items.map((i) => i.key));
  // Moved more than once (1/1 → 一、1. → …): on to where it is now; a cycle stops.
  for (let hops = 0; !keys.has(itemKey) && Object.hasOwn(moved, itemKey) && hops < 8; hops++) itemKey = moved[itemKey];
  return { noticeKey, itemKey };
}

/** How long a visit to a notice as stored goes without a write of its lastSeenAt. */
export const SEEN_AGAIN = 60 * 60 * 1000;

/**
 * The record a visit makes is the stored one but for when it was last seen and the order of its
 * URLs (the one visited moves last): both are written with the next change, or within the hour.
 * A reader going back and forth between two links of a notice costs no write.
 */
const sameRecord = (stored: NoticeRecord, seen: NoticeRecord) =>
  JSON.stringify({ ...seen, lastSeenAt: 0, urls: [...seen.urls].sort() }) === JSON.stringify({ ...stored, lastSeenAt: 0, urls: [...stored.urls].sort() });

/** The stored notice of a government page that the copy `notice` is, if any. */
async function noticeCopied(db: DubanDatabase, notice: Notice): Promise<NoticeRecord | undefined> {
  const docNo = notice.docNo;
  if (!docNo) {
    // Known by their addresses alone: read as the copy reads (the user asked, on one page: a scan is fine).
    const unnumbered = await db.notices.filter((n) => !n.docNo && isGovernmentUrl(n.sourceUrl)).toArray();
    return noticeOfUnnumberedCopy(notice, unnumbered);
  }
  // The index's 文号 as written; the copy may write its brackets otherwise.
  const written = (await db.notices.orderBy('docNo').uniqueKeys()).filter((k): k is string => typeof k === 'string' && sameDocNo(k, docNo));
  if (!written.length) return undefined;
  const stored = await db.notices.where('docNo').anyOf(written).toArray();
  return noticeOfCopy(notice, stored.filter((n) => isGovernmentUrl(n.sourceUrl)));
}

/**
 * A notice's key today for a key given before database version 8 moved it (a notification shown
 * before the upgrade); any other key as it is.
 */
export async function currentNoticeKey(db: DubanDatabase, key: string): Promise<string> {
  const moves = await getMeta<NoticeKeyMoves>(db, NOTICE_KEY_MOVES_META_KEY);
  return moves && Object.hasOwn(moves, key) ? moves[key] : key;
}

/** noticeSeen, answering the record as stored. */
export async function rememberNotice(db: DubanDatabase, notice: Notice, now: number): Promise<NoticeRecord> {
  return (await noticeSeen(db, notice, now)).record;
}

/**
 * The quotes the page at `pageUrl` sent for notice `key`'s items, apart from its notice
 * (withPageQuotes says which are kept); written only when they change. True when written.
 */
export async function noticeQuotesSeen(db: DubanDatabase, key: string, pageUrl: string, quotes: ReadonlyMap<string, PageQuote>, differs: readonly string[]): Promise<boolean> {
  return db.transaction('rw', recordTables(db), async () => {
    const old = await db.notices.get(key);
    const record = old && withPageQuotes(old, pageUrl, quotes, differs);
    if (!record) return false;
    await writeRecords(db, { notices: [record] });
    return true;
  });
}

/**
 * Makes revision `id` the notice's text (the old text becomes a revision), and moves the notes of
 * items the revision numbered otherwise to their texts' new keys (../notice/item-key-moves.ts
 * revisionMoves); answers the record and the moves made. Throws RevisionNotFound.
 */
export async function acceptNoticeRevision(db: DubanDatabase, key: string, id: number, now: number): Promise<{ record: NoticeRecord; moves: ItemKeyMoves }> {
  return db.transaction('rw', movingTables(db), async () => {
    const old = (await db.notices.get(key)) ?? missing(key);
    const record = acceptRevision(old, id, now);
    return { record, moves: await writeWithMoves(db, record, revisionMoves(old.items, record.items)) };
  });
}

/**
 * Brings the orphaned notes of notice `key` back to the items holding their texts
 * (../notice/item-key-moves.ts orphanMoves), with every record named by their keys, in one
 * transaction; answers the moves made.
 */
export async function reattachOrphans(db: DubanDatabase, key: string): Promise<ItemKeyMoves> {
  return db.transaction('rw', movingTables(db), async () => {
    const record = await db.notices.get(key);
    if (!record) return {};
    const moves = orphanMoves(record.items, await db.annotations.where('noticeKey').equals(key).toArray());
    return Object.keys(moves).length ? writeWithMoves(db, record, moves) : {};
  });
}

/** Every notice that has revisions, with what each would change. */
export async function noticeRevisions(db: DubanDatabase): Promise<NoticeRevisions[]> {
  const records = await db.notices.filter((n) => !!n.revisions?.length).toArray();
  return records.map(summariseRevisions).filter((r): r is NoticeRevisions => r !== undefined);
}

function missing(key: string): never {
  throw new RevisionNotFound(message('revision.noNotice', { notice: key }));
}
