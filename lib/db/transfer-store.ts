/**
 * The database side of export and import (background only). An import is read, planned (by the
 * pure plan lib/transfer/plan.ts hands over: importJob) and written inside ONE Dexie transaction,
 * with the restore point that undoes it and the popup's digests (./records.ts): any failure, even
 * in its last write, leaves nothing. Undo is one transaction too (./restore-point.ts).
 */
import Dexie from 'dexie';
import type { HistoryEntry } from '../annotation/model';
import { itemRef, type ImportCounts, type RecordSet } from '../annotation/record-set';
import { Refusal } from '../message';
import type { DubanDatabase, HistoryPack } from './database';
import { getMeta, setMeta } from './meta';
import { localAuthor, peekLocalAuthor, readAuthorDirectory } from './authors';
import { recordTables, writeRecords } from './records';
import {
  changedMessage,
  changedSinceImport,
  LAST_IMPORT_KEY,
  NEWER_IMPORT,
  NO_IMPORT,
  UNDO_STACK_KEY,
  undoWrites,
  type RestorePoint,
  type UndoableImport,
} from './restore-point';

/** How many imports can be undone, newest first; an older import's restore point is dropped. */
export const MAX_UNDOABLE_IMPORTS = 10;

/** Everything an export reads, read in one transaction so it is consistent. */
export async function readSnapshot(db: DubanDatabase): Promise<RecordSet> {
  await localAuthor(db);
  return db.transaction('r', [db.notices, db.annotations, db.history, db.historyPacks, db.authors, db.meta], async () => {
    const [notices, annotations, history, packs, { me, authors }] = await Promise.all([
      db.notices.toArray(),
      db.annotations.toArray(),
      db.history.toArray(),
      db.historyPacks.toArray(),
      readAuthorDirectory(db),
    ]);
    return { notices, annotations, history: packs.length ? history.concat(...packs.map((p) => p.entries)) : history, authors, me };
  });
}

/** Notices and annotations without their history (the ledger shows no history), in one transaction. */
export function readNoticesAndAnnotations(db: DubanDatabase): Promise<Pick<RecordSet, 'notices' | 'annotations'>> {
  return db.transaction('r', db.notices, db.annotations, async () => {
    const [notices, annotations] = await Promise.all([db.notices.toArray(), db.annotations.toArray()]);
    return { notices, annotations };
  });
}

/** The notices `keys`, their annotations and history (own entries, then imported ones); call inside a transaction. */
async function readRecords(db: DubanDatabase, keys: readonly string[], readMe: typeof localAuthor = localAuthor): Promise<RecordSet> {
  const [notices, annotations, history, packs, { me, authors }] = await Promise.all([
    db.notices.bulkGet(keys as string[]),
    db.annotations.where('noticeKey').anyOf(keys).toArray(),
    Promise.all(
      keys.map((k) => db.history.where('[noticeKey+itemKey]').between([k, Dexie.minKey], [k, Dexie.maxKey], true, true).toArray()),
    ),
    db.historyPacks.where('noticeKey').anyOf(keys).toArray(),
    readAuthorDirectory(db, readMe),
  ]);
  return {
    notices: notices.filter((n) => n !== undefined),
    annotations,
    history: [...history.flat(), ...packs.flatMap((p) => p.entries)],
    authors,
    me,
  };
}

/** What an import's plan says to write, and how many items of each kind it brings. */
export interface PlannedImport {
  writes: RecordSet;
  counts: ImportCounts;
}

/** An import as lib/transfer/plan.ts hands it over (importJob): the notices it names, and its pure plan. */
export interface ImportJob<P extends PlannedImport> {
  noticeKeys: readonly string[];
  /** Plans from the records read; throws to refuse the import (nothing is written). */
  plan(records: RecordSet): P;
}

/** The plan of `job` against the database as it is now, without writing. */
export function previewImport<P extends PlannedImport>(db: DubanDatabase, job: ImportJob<P>): Promise<P> {
  // Read-only: a local author not made yet is a transient one (no record names it).
  return db.transaction('r', [db.notices, db.annotations, db.history, db.historyPacks, db.authors, db.meta], async () =>
    job.plan(await readRecords(db, job.noticeKeys, peekLocalAuthor)),
  );
}

/** Where an import came from: kept with its restore point. */
interface ImportSource {
  fileName?: string;
  importId?: string;
}

/**
 * Imports: planned against the database as it is now and written all or nothing, together with
 * the restore point that undoes it, on top of those of the previous imports (the last
 * MAX_UNDOABLE_IMPORTS are kept). An import that changes nothing writes nothing. Answers the plan.
 */
export async function applyImport<P extends PlannedImport>(db: DubanDatabase, job: ImportJob<P>, now: number, source: ImportSource = {}): Promise<P> {
  const tables = [...recordTables(db), db.history, db.historyPacks, db.restorePoints, db.meta, db.authors];
  return db.transaction('rw', tables, async () => {
    const local = await readRecords(db, job.noticeKeys);
    const planned = job.plan(local);
    const { notices, annotations, history, authors } = planned.writes;
    if (!notices.length && !annotations.length && !history.length) return planned;
    await writeRecords(db, { notices, annotations });
    // The colleagues the import names; an undo leaves them (a directory entry changes no item).
    if (authors?.length) await db.authors.bulkPut(authors.map(({ id, name, unit }) => ({ id, name, unit })));
    // One pack per notice: IndexedDB pays per record, and an import may bring tens of thousands of entries.
    const packIds = history.length ? await db.historyPacks.bulkAdd(packHistory(history, now), { allKeys: true }) : [];
    const id = await db.restorePoints.add(restorePoint(local, planned.writes, packIds as number[], now));
    const last: UndoableImport = {
      id: id as number,
      at: now,
      ...(source.fileName !== undefined && { fileName: source.fileName }),
      ...(source.importId !== undefined && { importId: source.importId }),
      counts: planned.counts,
    };
    const stack = [...(await undoStack(db)), last];
    const dropped = stack.splice(0, Math.max(0, stack.length - MAX_UNDOABLE_IMPORTS));
    if (dropped.length) await db.restorePoints.bulkDelete(dropped.map((d) => d.id));
    await writeUndoStack(db, stack);
    return planned;
  });
}

function restorePoint(local: RecordSet, writes: RecordSet, packIds: number[], at: number): RestorePoint {
  const notices = new Map(local.notices.map((n) => [n.key, n]));
  const annotations = new Map(local.annotations.map((a) => [itemRef(a.noticeKey, a.itemKey), a]));
  return {
    at,
    notices: writes.notices.map((n) => ({ key: n.key, before: notices.get(n.key) ?? null, after: n })),
    annotations: writes.annotations.map((a) => ({
      key: [a.noticeKey, a.itemKey] as [string, string],
      before: annotations.get(itemRef(a.noticeKey, a.itemKey)) ?? null,
      after: a,
    })),
    packIds,
  };
}

/** The imports that can be undone, oldest first (a small record: the popup reads it on opening). */
async function undoStack(db: DubanDatabase): Promise<UndoableImport[]> {
  const stack = await getMeta<UndoableImport[]>(db, UNDO_STACK_KEY);
  if (stack) return stack;
  // A database from before the stack: at most one import, kept under its own key.
  const legacy = await getMeta<UndoableImport>(db, LAST_IMPORT_KEY);
  return legacy ? [legacy] : [];
}

async function writeUndoStack(db: DubanDatabase, stack: UndoableImport[]): Promise<void> {
  await db.meta.delete(LAST_IMPORT_KEY);
  if (stack.length) await setMeta(db, UNDO_STACK_KEY, stack);
  else await db.meta.delete(UNDO_STACK_KEY);
}

/** The import "undo last import" would undo, if any: the newest of those that can be undone. */
export async function lastImport(db: DubanDatabase): Promise<UndoableImport | undefined> {
  return (await undoStack(db)).at(-1);
}

export class UndoRefused extends Refusal {}

/**
 * Puts back what import `id` replaced and drops its restore point, in one transaction; the import
 * before it becomes the last. Refused (nothing written) when that import is no longer the last,
 * or when an annotation it wrote was changed since (see ./restore-point.ts).
 */
export async function undoLastImport(db: DubanDatabase, id: number): Promise<UndoableImport> {
  const tables = [...recordTables(db), db.historyPacks, db.restorePoints, db.meta];
  return db.transaction('rw', tables, async () => {
    const stack = await undoStack(db);
    const last = stack.at(-1);
    const point = last && (await db.restorePoints.get(last.id));
    if (!last || !point) throw new UndoRefused(NO_IMPORT);
    if (last.id !== id) throw new UndoRefused(NEWER_IMPORT);
    const current = await db.annotations.bulkGet(point.annotations.map((c) => c.key));
    const changed = changedSinceImport(point, current);
    if (changed.length) {
      const keys = [...new Set(changed.map(([key]) => key))];
      const records = new Map(keys.map((k, i) => [k, i]));
      const notices = await db.notices.bulkGet(keys);
      throw new UndoRefused(changedMessage(changed, (k) => {
        const n = notices[records.get(k)!];
        return n?.docNo || n?.title || k;
      }));
    }
    const w = undoWrites(point, await db.notices.bulkGet(point.notices.map((c) => c.key)));
    await writeRecords(db, { annotations: w.putAnnotations, deletedAnnotations: w.deleteAnnotations, notices: w.putNotices });
    const deletedNotices: string[] = [];
    for (const key of w.deleteNotices) {
      // A notice the import created stays while it has annotations the import did not write.
      if (!(await db.annotations.where('noticeKey').equals(key).count())) deletedNotices.push(key);
    }
    if (deletedNotices.length) await writeRecords(db, { deletedNotices });
    if (point.packIds.length) await db.historyPacks.bulkDelete(point.packIds);
    await db.restorePoints.delete(last.id);
    await writeUndoStack(db, stack.slice(0, -1));
    return last;
  });
}

function packHistory(history: readonly HistoryEntry[], now: number): HistoryPack[] {
  const packs = new Map<string, HistoryPack>();
  for (const h of history) {
    let p = packs.get(h.noticeKey);
    if (!p) packs.set(h.noticeKey, (p = { noticeKey: h.noticeKey, at: now, entries: [] }));
    p.entries.push(h);
  }
  return [...packs.values()];
}
