/**
 * duban's database. Opened by the background, in the extension's own origin (and by the document
 * viewer for its `attachments` table only, so a file never crosses a message): the page's
 * storage never holds a note. Versions are append-only; each adds an upgrade, never edits an old one.
 */
import Dexie, { type Collection, type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import type { HistoryEntry, ItemAnnotation } from '../annotation/model';
import type { NoticeRecord } from '../notice/notice-record';
import type { RestorePoint } from './restore-point';
import type { Author } from '../annotation/author';
import { keyedItem, keyedNotice, keyedRefs, keyedRestorePoint, noticeKeyMoves, type NoticeKeyMoves } from '../annotation/legacy-keys';
import { movedItem, movedRefs, movedRestorePoint, noticeKeyMove, type KeyMove } from '../annotation/key-moves';
import { attachmentKeyMoves } from './attachment-keys';
import { deriveDigests, type AnnotationDigest, type NoticeDigest, type SummaryDigest } from '../summary/digests';

/**
 * History entries one import added to one notice, kept together: importing 10,000 items writes a
 * handful of records instead of tens of thousands of entries (see ./transfer-store.ts).
 * An item's history is its `history` rows plus its entries in the packs of its notice.
 */
export interface HistoryPack {
  id?: number;
  noticeKey: string;
  /** When the import ran. */
  at: number;
  entries: HistoryEntry[];
}

/** An attachment file a notice was read from (./attachments.ts keeps them). */
export interface AttachmentRecord {
  /** The notice read from the file (lib/notice/attachment-key.ts). */
  noticeKey: string;
  /** Where the file was fetched from (the cover's link), or `file:` and its name for one opened from disk. */
  url: string;
  /** The attachment's title as the cover page names it. */
  title: string;
  /** The cover page: where the viewer links back to. */
  cover?: { url: string; title: string; docNo?: string; issuer?: string };
  /** The file's type, as sniffed from its bytes. */
  kind: string;
  size: number;
  bytes: Blob;
  savedAt: number;
}

/** Small facts about the database itself: persistence granted, last export, … */
interface MetaRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'duban';

/** Meta key of the reminded days (lib/followup/reminders.ts RemindedDays): item ref → the day last reminded of. */
export const REMINDED_META_KEY = 'reminders.reminded';

/**
 * Meta key of the notice keys version 8 moved (lib/annotation/legacy-keys.ts NoticeKeyMoves): a
 * notification shown before the upgrade names its item by the old key.
 */
export const NOTICE_KEY_MOVES_META_KEY = 'noticeKeyMoves';

/**
 * Meta key of the item keys visits and accepted revisions moved (lib/db/notices.ts writeWithMoves),
 * by notice key, old item key → today's: a reminder shown before the move names the old.
 */
export const ITEM_KEY_MOVES_META_KEY = 'itemKeyMoves';

/** The annotations table's schema since version 6: one annotation per notice and item key. */
const KEYED_ANNOTATIONS = '[noticeKey+itemKey], noticeKey, status, updatedAt, followUp';

/** Makes `target` (a record modify() hands over) hold exactly `source`'s fields. */
function replace(target: Record<string, unknown>, source: Record<string, unknown>): void {
  if (target === source) return;
  for (const k of Object.keys(target)) if (!(k in source)) delete target[k];
  Object.assign(target, source);
}

export class DubanDatabase extends Dexie {
  notices!: EntityTable<NoticeRecord, 'key'>;
  annotations!: Table<ItemAnnotation, [string, string]>;
  history!: EntityTable<HistoryEntry, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  historyPacks!: EntityTable<HistoryPack, 'id'>;
  /** What the last import replaced, so it can be undone (./restore-point.ts): at most one row. */
  restorePoints!: EntityTable<RestorePoint, 'id'>;
  /** What the popup's summary needs of each notice record (lib/summary/digests.ts). */
  noticeDigests!: EntityTable<NoticeDigest, 'key'>;
  /** What the popup's summary needs of each notice's annotations (lib/summary/digests.ts). */
  annotationDigests!: EntityTable<AnnotationDigest, 'noticeKey'>;
  /** Each notice's summary as far as it does not depend on the day: what the popup reads (lib/summary/digests.ts). */
  summaryDigests!: EntityTable<SummaryDigest, 'key'>;
  /** Attachment files a notice was read from, kept so it reopens without fetching (./attachments.ts). */
  attachments!: EntityTable<AttachmentRecord, 'noticeKey'>;
  /** Colleagues an import named (lib/db/authors.ts; the local author is in `meta`). */
  authors!: EntityTable<Author, 'id'>;
  /** How many writes this instance has made since it was created (the write-counter middleware below). */
  writes = 0;
  /** The same, table by table. */
  readonly tableWrites = new Map<string, number>();
  private readonly writeListeners = new Set<() => void>();

  /** Calls `fn` after each write of this instance; returns the way to stop. */
  onWrite(fn: () => void): () => void {
    this.writeListeners.add(fn);
    return () => this.writeListeners.delete(fn);
  }

  /**
   * `chromeTransactionDurability` applies to every transaction of this instance: the background
   * opens one instance for single edits and one for imports and undo (entrypoints/background).
   * `indexedDB` lets tests put a failing factory under it (./recovery.test.ts).
   */
  constructor(name = DB_NAME, options: Pick<DexieOptions, 'chromeTransactionDurability' | 'indexedDB'> = {}) {
    // Dexie takes a key given as undefined as the value: pass only the options set.
    super(name, Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
    // Every put, add and delete of any table, whichever store or transaction makes it, counts:
    // a cache of what was read (./popup-summary.ts) knows from the count that it may be stale.
    this.use({
      stack: 'dbcore',
      name: 'write-counter',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) =>
              table.mutate(req).then((res) => {
                this.writes++;
                this.tableWrites.set(tableName, (this.tableWrites.get(tableName) ?? 0) + 1);
                for (const fn of this.writeListeners) fn();
                return res;
              }),
          };
        },
      }),
    });
    // Version 1: the first released schema (tests keep a database written by it).
    this.version(1).stores({
      notices: 'key, docNo, lastSeenAt',
      annotations: '[noticeKey+itemNo], noticeKey, status, updatedAt',
      history: '++id, [noticeKey+itemNo], at',
    });
    // Version 2: follow-ups get an index for reminders, and a meta table. Version 1 stored an
    // empty follow-up as '' where version 2 leaves the field out.
    this.version(2)
      .stores({
        annotations: '[noticeKey+itemNo], noticeKey, status, updatedAt, followUp',
        meta: 'key',
      })
      .upgrade(async (tx) => {
        await tx
          .table('annotations')
          .toCollection()
          .modify((a: Record<string, unknown>) => {
            if (a.followUp === '' || a.followUp === null) delete a.followUp;
          });
      });
    // Version 3: history written by imports goes to packs, one record per notice and import.
    // A new table only: nothing to migrate.
    this.version(3).stores({ historyPacks: '++id, noticeKey' });
    // Version 4: the restore point of the last import ("undo last import"). A new table only: an
    // upgraded database simply has no import to undo.
    this.version(4).stores({ restorePoints: '++id' });
    // Version 5: digests of notices and annotations for the popup's summary, so that it reads a
    // few small rows instead of every annotation. Filled here from what the database holds; from
    // then on every write keeps them in step, in its own transaction. (If a digest changes shape,
    // a new version derives them again.)
    this.version(5)
      .stores({ noticeDigests: 'key', annotationDigests: 'noticeKey', summaryDigests: 'key' })
      .upgrade(async (tx) => {
        const [notices, annotations] = await Promise.all([tx.table('notices').toArray(), tx.table('annotations').toArray()]);
        const digests = deriveDigests(notices, annotations);
        await tx.table('noticeDigests').bulkPut(digests.notices);
        await tx.table('annotationDigests').bulkPut(digests.annotations);
        await tx.table('summaryDigests').bulkPut(digests.summaries);
      });
    // Version 6: an item is its key, a string (`12`, `二、3.`), no longer its number: annotations,
    // history (own and in packs), restore points, notices' items and the reminded days are
    // converted (`itemNo: 12` → `itemKey: '12'`, lib/annotation/legacy-keys.ts). IndexedDB cannot
    // change a table's primary key: the annotations move to `annotationsByKey` here and back to
    // `annotations` in version 7, both run in the same upgrade.
    this.version(6)
      .stores({
        annotations: null,
        annotationsByKey: KEYED_ANNOTATIONS,
        history: '++id, [noticeKey+itemKey], at',
      })
      .upgrade(async (tx) => {
        await tx.table('annotationsByKey').bulkPut((await tx.table('annotations').toArray()).map(keyedItem));
        await tx.table('history').toCollection().modify((h: Record<string, unknown>) => replace(h, keyedItem(h)));
        await tx.table('historyPacks').toCollection().modify((p: HistoryPack) => {
          p.entries = p.entries.map(keyedItem);
        });
        await tx.table('restorePoints').toCollection().modify((p: Record<string, unknown>) => replace(p, keyedRestorePoint(p)));
        await tx.table('notices').toCollection().modify((n: Record<string, unknown>) => replace(n, keyedNotice(n)));
        const reminded = await tx.table('meta').get(REMINDED_META_KEY);
        if (reminded?.value) await tx.table('meta').put({ key: REMINDED_META_KEY, value: keyedRefs(reminded.value) });
      });
    // Version 7: the annotations back under their name, keyed [noticeKey+itemKey]; the digests,
    // whose columns now hold keys, derived again.
    this.version(7)
      .stores({ annotationsByKey: null, annotations: KEYED_ANNOTATIONS })
      .upgrade(async (tx) => {
        const [notices, annotations] = await Promise.all([tx.table('notices').toArray(), tx.table('annotationsByKey').toArray()]);
        await tx.table('annotations').bulkPut(annotations);
        const digests = deriveDigests(notices, annotations);
        await Promise.all(['noticeDigests', 'annotationDigests', 'summaryDigests'].map((t) => tx.table(t).clear()));
        await tx.table('noticeDigests').bulkPut(digests.notices);
        await tx.table('annotationDigests').bulkPut(digests.annotations);
        await tx.table('summaryDigests').bulkPut(digests.summaries);
      });
    // Version 8: a notice is its 文号 at its issuer's site, else its normalised URL
    // (lib/notice/notice-key.ts), no longer its 文号 alone: every record that names a notice by
    // key moves with it — notices, annotations, history (own and in packs), restore points, the
    // reminded days — and the digests are derived again. Annotations whose notice is not stored
    // keep their key (there is no URL to tell the site). The schema is unchanged.
    this.version(8)
      .stores({})
      .upgrade(async (tx) => {
        const notices: NoticeRecord[] = await tx.table('notices').toArray();
        const moves = noticeKeyMoves(notices);
        const old = Object.keys(moves);
        if (old.length) await moveNoticeKeys(tx, notices, moves);
        const meta = tx.table('meta');
        if (old.length) await meta.put({ key: NOTICE_KEY_MOVES_META_KEY, value: moves });
        const annotations = await tx.table('annotations').toArray();
        const digests = deriveDigests(await tx.table('notices').toArray(), annotations);
        await Promise.all(['noticeDigests', 'annotationDigests', 'summaryDigests'].map((t) => tx.table(t).clear()));
        await tx.table('noticeDigests').bulkPut(digests.notices);
        await tx.table('annotationDigests').bulkPut(digests.annotations);
        await tx.table('summaryDigests').bulkPut(digests.summaries);
      });
    // Version 9: who said what. The authors an import names get a table; this profile gets its
    // local author (a random id, named later by the user), and everything already written here is
    // theirs: annotations (their last change, their note), own history entries, and the records of
    // restore points (so an import made before still undoes). Imported history (packs) stays
    // without an author: who wrote it is not known. (Version 8 is another change: this works on
    // a database of version 7 or 8.)
    this.version(9)
      .stores({ authors: 'id' })
      .upgrade(async (tx) => {
        const meta = tx.table('meta');
        const found = (await meta.get(LOCAL_AUTHOR_KEY))?.value as Author | undefined;
        const me: Author = found ?? { id: crypto.randomUUID(), name: '', unit: '' };
        if (!found) await meta.put({ key: LOCAL_AUTHOR_KEY, value: me });
        const id = me.id;
        const own = (a: Record<string, unknown>) => {
          if (a.author === undefined) a.author = id;
          if (a.noteAuthor === undefined && typeof a.note === 'string' && a.note !== '') a.noteAuthor = id;
        };
        await tx.table('annotations').toCollection().modify(own);
        await tx.table('history').toCollection().modify((h: Record<string, unknown>) => {
          if (h.author === undefined) h.author = id;
        });
        await tx.table('restorePoints').toCollection().modify((p: RestorePoint) => {
          for (const c of p.annotations) {
            if (c.before) own(c.before as unknown as Record<string, unknown>);
            own(c.after as unknown as Record<string, unknown>);
          }
        });
      });
    // Version 10: the attachment files notices were read from (the document viewer). A new table
    // only, so it applies on top of whichever versions ran before it.
    this.version(10).stores({ attachments: 'noticeKey, url, savedAt' });
    // Version 11: a notice read from an attachment is its cover's 文号 at the cover's site plus the
    // attachment's title, no longer a 文号 field made of them at the file's host
    // (./attachment-keys.ts): such notices move with their notes, history (own and in packs),
    // restore points, reminded days and kept files, and the digests are derived again. A notice
    // whose kept file is gone (the oldest go past 300 MB) keeps its key and its notes. The schema
    // is unchanged; it works whichever of versions 8–10 ran before.
    this.version(11)
      .stores({})
      .upgrade(async (tx) => {
        const notices: NoticeRecord[] = await tx.table('notices').toArray();
        const kept: AttachmentRecord[] = await tx.table('attachments').toArray();
        const { moves, notices: moved, attachments } = attachmentKeyMoves(notices, kept);
        if (!moved.length) return;
        const renamed = new Set(Object.keys(moves));
        await moveNoticeKeys(tx, moved.filter((n) => renamed.has(n.key)), moves);
        // A notice whose key stays (a file from disk with its own 文号) still gets its attachment.
        await tx.table('notices').bulkPut(moved.filter((n) => !renamed.has(n.key)));
        await tx.table('attachments').bulkDelete(kept.map((a) => a.noticeKey));
        await tx.table('attachments').bulkPut(attachments);
        const meta = tx.table('meta');
        // A notification shown before version 8 or 11 names its notice by a key moved since.
        const before = ((await meta.get(NOTICE_KEY_MOVES_META_KEY))?.value ?? {}) as NoticeKeyMoves;
        const composed = Object.fromEntries(Object.entries(before).map(([k, v]) => [k, moves[v] ?? v]));
        if (renamed.size) await meta.put({ key: NOTICE_KEY_MOVES_META_KEY, value: { ...composed, ...moves } });
        await deriveDigestsAgain(tx);
      });
    // Version 12: a notice's digest says when its sections name no official (`themes`: the popup
    // groups it by section, not by lead official): the digests are derived again. Schema unchanged.
    this.version(12).stores({}).upgrade(deriveDigestsAgain);
    // Version 13: annotations lose their `status` and `followUp` indexes. Nothing asks by status,
    // and reminders read follow-up days from the digests; every save and import wrote both.
    this.version(13).stores({ annotations: '[noticeKey+itemKey], noticeKey, updatedAt' });
    // Version 14: the digests keep the items' deadlines (完成时限, and the day each allows), so the
    // popup lists the items past theirs: the digests are derived again. Schema unchanged.
    this.version(14).stores({}).upgrade(deriveDigestsAgain);
    // Version 15: a deadline before a month (10月前, 10月份前) allows the day before the month
    // begins (09-30), not its end: the digests' deadline days are derived again. Schema unchanged.
    this.version(15).stores({}).upgrade(deriveDigestsAgain);
    // Version 16: a deadline written in figures (2024.6.30, 2024-06-30, 2024.12) names its day, one in
    // a third of a month (10月中旬前) that third's last day, and a mark for none (无, /) is no deadline:
    // the digests' deadline days are derived again. Schema unchanged.
    this.version(16).stores({}).upgrade(deriveDigestsAgain);
    // Version 17: a year's end beside ongoing work (2024年底前完成，并长期坚持) names that year's last
    // day, as 2024年底 alone does: the digests' deadline days are derived again. Schema unchanged.
    this.version(17).stores({}).upgrade(deriveDigestsAgain);
    // Version 18: 年中 (2025年中, 年中前) names its first half's end, 全年 (全年完成) its end: the
    // digests' deadline days are derived again. Schema unchanged.
    this.version(18).stores({}).upgrade(deriveDigestsAgain);
  }
}

/** Every digest derived again from the notices and annotations, in an upgrade's transaction. */
async function deriveDigestsAgain(tx: Transaction): Promise<void> {
  const digests = deriveDigests(await tx.table('notices').toArray(), await tx.table('annotations').toArray());
  await Promise.all(['noticeDigests', 'annotationDigests', 'summaryDigests'].map((t) => tx.table(t).clear()));
  await tx.table('noticeDigests').bulkPut(digests.notices);
  await tx.table('annotationDigests').bulkPut(digests.annotations);
  await tx.table('summaryDigests').bulkPut(digests.summaries);
}

/** Meta key of the local author (lib/db/authors.ts), made by version 9 or on first use. */
export const LOCAL_AUTHOR_KEY = 'localAuthor';

/** Versions 8 and 11: the records of the notices in `moves` under their new keys, in the upgrade's transaction. */
async function moveNoticeKeys(tx: Transaction, notices: readonly NoticeRecord[], moves: NoticeKeyMoves): Promise<void> {
  const old = Object.keys(moves);
  const to = noticeKeyMove(moves);
  const moved = notices.filter((n) => Object.hasOwn(moves, n.key));
  await tx.table('notices').bulkDelete(moved.map((n) => n.key));
  await tx.table('notices').bulkPut(moved.map((n) => ({ ...n, key: moves[n.key] })));
  // The primary key [noticeKey+itemKey] changes: out under the old, in under the new.
  const annotations = tx.table('annotations');
  const items: ItemAnnotation[] = await annotations.where('noticeKey').anyOf(old).toArray();
  await annotations.bulkDelete(items.map((a) => [a.noticeKey, a.itemKey]));
  await annotations.bulkPut(items.map((a) => movedItem(a, to)));
  const table = (name: string) => tx.table(name);
  await moveItemRecords({ restorePoints: table('restorePoints'), meta: table('meta') }, to, table('history').toCollection(), table('historyPacks').toCollection());
}

/**
 * Every record that names items by key, but notices and annotations (each caller writes those its
 * own way), under the keys `move` gives: the history entries in `history`, the packs in `packs`,
 * restore points (so an import still undoes) and the reminded days (so a day is not reminded of
 * twice). Call inside a transaction that has these tables in its scope. Versions 8 and 11 move
 * notices' keys with it, lib/db/notices.ts a notice's item keys.
 */
export async function moveItemRecords(
  tables: { restorePoints: Table; meta: Table },
  move: KeyMove,
  history: Collection<HistoryEntry, number | undefined>,
  packs: Collection<HistoryPack, number | undefined>,
): Promise<void> {
  // Returning false leaves a record unwritten: only what moved is written.
  await history.modify((h) => {
    const moved = movedItem(h, move);
    if (moved === h) return false;
    Object.assign(h, moved);
  });
  await packs.modify((p: HistoryPack) => {
    const entries = p.entries.map((e) => movedItem(e, move));
    const noticeKey = move.notice(p.noticeKey);
    if (noticeKey === p.noticeKey && entries.every((e, i) => e === p.entries[i])) return false;
    p.noticeKey = noticeKey;
    p.entries = entries;
  });
  await tables.restorePoints.toCollection().modify((p: Record<string, unknown>) => {
    const moved = movedRestorePoint(p, move);
    if (moved === p) return false;
    replace(p, moved);
  });
  const reminded = await tables.meta.get(REMINDED_META_KEY);
  if (reminded?.value) await tables.meta.put({ key: REMINDED_META_KEY, value: movedRefs(reminded.value, move) });
}
