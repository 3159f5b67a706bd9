/**
 * Reads and writes of annotations; each edit is one transaction with its history entries and the
 * digests the popup reads (written through ./records.ts).
 */
import { applyPatch, resolveNoteCopy, type AnnotationPatch, type HistoryEntry, type ItemAnnotation } from '../annotation/model';
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

type Edit = (current: ItemAnnotation | undefined) => { annotation: ItemAnnotation; history: HistoryEntry[] };

/**
 * One editor saves as the user types, so one change arrives as many saves: an editing session's
 * changes of a field within this time are one history entry (from the value before the first, to
 * the value after the last; none if they cancel out).
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
  return db.transaction('rw', [...recordTables(db), db.history], async () => {
    const { annotation, history } = edit(await db.annotations.get(key));
    if (!history.length) return { annotation, changed: false };
    await writeRecords(db, { annotations: [annotation] });
    await db.history.bulkAdd(session === undefined ? history : await coalesce(db, key, history, session));
    return { annotation, changed: true };
  });
}

/** Saves one edit (a stale note becomes a conflict copy: lib/annotation/note-copies.ts). */
export function saveAnnotation(db: DubanDatabase, patch: AnnotationPatch, now: number) {
  return writeEdit(db, [patch.noticeKey, patch.itemKey], (current) => applyPatch(current, patch, now), patch.session);
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
    const merged = { ...last, to: e.to, at: e.at };
    if ((merged.from ?? null) === (merged.to ?? null)) {
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
  return writeEdit(db, [r.noticeKey, r.itemKey], (current) => resolveNoteCopy(current, r.copyId, r.action, now));
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
