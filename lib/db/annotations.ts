/**
 * Reads and writes of annotations; each edit is one transaction with its history entries and the
 * digests the popup reads (written through ./records.ts).
 */
import { applyPatch, resolveNoteCopy, type AnnotationPatch, type HistoryEntry, type ItemAnnotation } from '../annotation/model';
import { MAX_HISTORY_PER_ITEM } from '../annotation/status';
import { localAuthor } from './authors';
import type { NoteCopyResolution } from '../annotation/note-copies';
import { compareItemKeys } from '../notice/item-key';
import type { DubanDatabase } from './database';
import { recordTables, writeRecords } from './records';

// Notice records are written by ./notices.ts; re-exported for the callers that found it here.
export { rememberNotice } from './notices';

export async function noticeAnnotations(db: DubanDatabase, key: string): Promise<ItemAnnotation[]> {
  const list = await db.annotations.where('noticeKey').equals(key).toArray();
  return list.sort((a, b) => compareItemKeys(a.itemKey, b.itemKey));
}

/** An edit of the item as stored, made by `author` (the local author's id). */
type Edit = (current: ItemAnnotation | undefined, author: string) => { annotation: ItemAnnotation; history: HistoryEntry[] };

/**
 * One editor saves as the user types, so one change arrives as many saves: an editing session's
 * changes of a field (until the field is left: the patch's fieldVisit, or saves stop for this
 * long) are one history entry, from the value (and a note's text) before the first to the value
 * after the last; none if they cancel out.
 */
const HISTORY_SESSION_MS = 3 * 60_000;
const COALESCED: ReadonlySet<HistoryEntry['field']> = new Set(['status', 'note', 'followUp', 'progress']);

/**
 * Writes one edit of one item, read and written in one transaction with its history entries and
 * digest. Resolves only after the transaction has committed, so an acknowledged edit is on disk;
 * returns the annotation as stored and whether anything changed.
 */
async function writeEdit(
  db: DubanDatabase,
  key: [string, string],
  edit: Edit,
  session?: string,
): Promise<{ annotation: ItemAnnotation; changed: boolean }> {
  return db.transaction('rw', [...recordTables(db), db.history, db.meta], async () => {
    const me = await localAuthor(db);
    const { annotation, history } = edit(await db.annotations.get(key), me.id);
    if (!history.length) return { annotation, changed: false };
    await writeRecords(db, { annotations: [annotation] });
    await db.history.bulkAdd(session === undefined ? history : await coalesce(db, key, history, session));
    await capHistory(db, key);
    return { annotation, changed: true };
  });
}

/** Saves one edit by the local author (a stale note becomes a conflict copy: lib/annotation/note-copies.ts). */
export function saveAnnotation(db: DubanDatabase, patch: AnnotationPatch, now: number) {
  const session = patch.session === undefined ? undefined : patch.fieldVisit === undefined ? patch.session : `${patch.session}#${patch.fieldVisit}`;
  return writeEdit(db, [patch.noticeKey, patch.itemKey], (current, author) => applyPatch(current, patch, now, undefined, author), session);
}

/**
 * Keeps the item's own history to MAX_HISTORY_PER_ITEM entries: the oldest are dropped and
 * counted in one `trimmed` entry, which takes the time of the last one dropped (the oldest shown).
 */
async function capHistory(db: DubanDatabase, key: [string, string]): Promise<void> {
  const byItem = db.history.where('[noticeKey+itemKey]').equals(key);
  if ((await byItem.count()) <= MAX_HISTORY_PER_ITEM) return;
  // In the order written (the index ties on the primary key).
  const entries = await byItem.toArray();
  const trimmed = entries.find((e) => e.field === 'trimmed');
  const rest = entries.filter((e) => e !== trimmed);
  const drop = rest.slice(0, rest.length - (MAX_HISTORY_PER_ITEM - 1));
  if (!drop.length) return;
  await db.history.bulkDelete(drop.map((e) => e.id!));
  const count = Number(trimmed?.to ?? 0) + drop.length;
  const at = Math.max(trimmed?.at ?? 0, ...drop.map((e) => e.at));
  await db.history.put({ ...(trimmed ?? { noticeKey: key[0], itemKey: key[1], field: 'trimmed' as const, from: null }), at, to: count });
}

/**
 * Folds `entries` into the item's latest entry of the same field when the same session wrote it
 * within HISTORY_SESSION_MS; answers the entries still to add (marked with the session).
 */
async function coalesce(db: DubanDatabase, key: [string, string], entries: HistoryEntry[], session: string): Promise<HistoryEntry[]> {
  const recent = await db.history.where('[noticeKey+itemKey]').equals(key).reverse().limit(8).toArray();
  const add: HistoryEntry[] = [];
  for (const e of entries) {
    const last = COALESCED.has(e.field) ? recent.find((r) => r.field === e.field) : undefined;
    if (!last || last.id === undefined || last.session !== session || e.at - last.at > HISTORY_SESSION_MS) {
      add.push({ ...e, session });
      continue;
    }
    const merged: HistoryEntry = { ...last, to: e.to, at: e.at };
    // The text before the session stays; the text after is this save's.
    if (e.toText !== undefined) merged.toText = e.toText;
    if (e.author !== undefined) merged.author = e.author;
    const same = merged.fromText !== undefined || merged.toText !== undefined ? merged.fromText === merged.toText : (merged.from ?? null) === (merged.to ?? null);
    if (same) {
      await db.history.delete(last.id);
      recent.splice(recent.indexOf(last), 1);
    } else {
      await db.history.put(merged);
      recent[recent.indexOf(last)] = merged;
    }
  }
  return add;
}

/** Appends or dismisses one conflict copy; throws NoteCopyRefused if it is gone or too long. */
export function resolveAnnotationCopy(db: DubanDatabase, r: NoteCopyResolution, now: number) {
  return writeEdit(db, [r.noticeKey, r.itemKey], (current, author) => resolveNoteCopy(current, r.copyId, r.action, now, author));
}

export async function itemHistory(db: DubanDatabase, key: string, itemKey: string): Promise<HistoryEntry[]> {
  // Index order ties on the primary key: entries come back in the order they were written.
  const [own, packs] = await Promise.all([
    db.history.where('[noticeKey+itemKey]').equals([key, itemKey]).toArray(),
    db.historyPacks.where('noticeKey').equals(key).toArray(),
  ]);
  if (!packs.length) return own;
  // Entries an import brought (lib/transfer), merged in by time; the sort is stable.
  const imported = packs.flatMap((p) => p.entries.filter((e) => e.itemKey === itemKey));
  return [...own, ...imported].sort((a, b) => a.at - b.at);
}
