/**
 * The database side of export and import (background only). An import is read, planned and
 * written inside ONE Dexie transaction, with the restore point that undoes it and the popup's
 * digests (lib/db/digests.ts): any failure, even in its last write, leaves nothing. Undo is one
 * transaction too (./restore-point.ts).
 */
import Dexie from 'dexie';
import type { HistoryEntry, ItemAnnotation } from '../annotation/model';
import { getMeta, setMeta } from '../db/annotations';
import type { DubanDatabase, HistoryPack } from '../db/database';
import { digestTables, writeDigests } from '../db/digests';
import { messageDetail, Refusal, type Message } from '../message';
import type { TransferFile } from './format';
import { planImport, type ImportPreview, type ImportWrites, type LocalState } from './plan';
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
import { itemKey, type TransferSnapshot } from './snapshot';

export const LAST_EXPORT_KEY = 'lastExport';

/** How many imports can be undone, newest first; an older import's restore point is dropped. */
export const MAX_UNDOABLE_IMPORTS = 10;

/** What the meta table remembers of the last backup (JSON) export. */
export interface LastExport {
  at: number;
  notices: number;
  items: number;
}

/** Everything an export needs, read in one transaction so it is consistent. */
export function readSnapshot(db: DubanDatabase): Promise<TransferSnapshot> {
  return db.transaction('r', db.notices, db.annotations, db.history, db.historyPacks, async () => {
    const [notices, annotations, history, packs] = await Promise.all([
      db.notices.toArray(),
      db.annotations.toArray(),
      db.history.toArray(),
      db.historyPacks.toArray(),
    ]);
    return { notices, annotations, history: packs.length ? history.concat(...packs.map((p) => p.entries)) : history };
  });
}

/** The local notices, annotations and history of the notices a file names (call inside a transaction). */
async function readLocal(db: DubanDatabase, file: TransferFile): Promise<LocalState> {
  const local: LocalState = { notices: new Map(), annotations: new Map(), history: new Map() };
  const keys = file.notices.map((n) => n.key);
  const [notices, annotations, history, packs] = await Promise.all([
    db.notices.bulkGet(keys),
    db.annotations.where('noticeKey').anyOf(keys).toArray(),
    Promise.all(
      keys.map((k) => db.history.where('[noticeKey+itemNo]').between([k, Dexie.minKey], [k, Dexie.maxKey], true, true).toArray()),
    ),
    db.historyPacks.where('noticeKey').anyOf(keys).toArray(),
  ]);
  for (const n of notices) if (n) local.notices.set(n.key, n);
  for (const a of annotations as ItemAnnotation[]) local.annotations.set(itemKey(a.noticeKey, a.itemNo), a);
  for (const h of [...history.flat(), ...packs.flatMap((p) => p.entries)] as HistoryEntry[]) {
    const k = itemKey(h.noticeKey, h.itemNo);
    const list = local.history.get(k);
    if (list) list.push(h);
    else local.history.set(k, [h]);
  }
  return local;
}

export class ImportRefused extends Error {
  constructor(readonly errors: Message[]) {
    super(errors.map(messageDetail).join('\n'));
  }
}

/** What importing `file` would do, without writing. */
export async function previewImport(db: DubanDatabase, file: TransferFile, now: number): Promise<ImportPreview> {
  return db.transaction('r', [db.notices, db.annotations, db.history, db.historyPacks], async () => {
    const plan = planImport(file, await readLocal(db, file), now);
    if (!plan.ok) throw new ImportRefused(plan.errors);
    return plan.preview;
  });
}

/** Where an import came from: kept with its restore point. */
export interface ImportSource {
  fileName?: string;
  importId?: string;
}

/**
 * Imports `file`: planned against the database as it is now and written all or nothing, together
 * with the restore point that undoes it, on top of those of the previous imports (the last
 * MAX_UNDOABLE_IMPORTS are kept). An import that changes nothing writes nothing.
 */
export async function applyImport(db: DubanDatabase, file: TransferFile, now: number, source: ImportSource = {}): Promise<ImportPreview> {
  const tables = [db.notices, db.annotations, db.history, db.historyPacks, db.restorePoints, db.meta, ...digestTables(db)];
  return db.transaction('rw', tables, async () => {
    const local = await readLocal(db, file);
    const plan = planImport(file, local, now);
    if (!plan.ok) throw new ImportRefused(plan.errors);
    if (!plan.preview.changes) return plan.preview;
    const { notices, annotations, history } = plan.writes;
    if (notices.length) await db.notices.bulkPut(notices);
    if (annotations.length) await db.annotations.bulkPut(annotations);
    await writeDigests(db, { notices, annotations });
    // One pack per notice: IndexedDB pays per record, and an import may bring tens of thousands of entries.
    const packIds = history.length ? await db.historyPacks.bulkAdd(packHistory(history, now), { allKeys: true }) : [];
    const id = await db.restorePoints.add(restorePoint(local, plan.writes, packIds as number[], now));
    const last: UndoableImport = {
      id: id as number,
      at: now,
      ...(source.fileName !== undefined && { fileName: source.fileName }),
      ...(source.importId !== undefined && { importId: source.importId }),
      counts: plan.preview.counts,
    };
    const stack = [...(await undoStack(db)), last];
    const dropped = stack.splice(0, Math.max(0, stack.length - MAX_UNDOABLE_IMPORTS));
    if (dropped.length) await db.restorePoints.bulkDelete(dropped.map((d) => d.id));
    await writeUndoStack(db, stack);
    return plan.preview;
  });
}

function restorePoint(local: LocalState, writes: ImportWrites, packIds: number[], at: number): RestorePoint {
  return {
    at,
    notices: writes.notices.map((n) => ({ key: n.key, before: local.notices.get(n.key) ?? null, after: n })),
    annotations: writes.annotations.map((a) => ({
      key: [a.noticeKey, a.itemNo] as [string, number],
      before: local.annotations.get(itemKey(a.noticeKey, a.itemNo)) ?? null,
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
  const tables = [db.notices, db.annotations, db.historyPacks, db.restorePoints, db.meta, ...digestTables(db)];
  return db.transaction('rw', tables, async () => {
    const stack = await undoStack(db);
    const last = stack.at(-1);
    const point = last && (await db.restorePoints.get(last.id));
    if (!last || !point) throw new UndoRefused(NO_IMPORT);
    if (last.id !== id) throw new UndoRefused(NEWER_IMPORT);
    const current = await db.annotations.bulkGet(point.annotations.map((c) => c.key));
    const changed = changedSinceImport(point, current);
    if (changed.length) throw new UndoRefused(changedMessage(changed));
    const w = undoWrites(point, await db.notices.bulkGet(point.notices.map((c) => c.key)));
    if (w.putAnnotations.length) await db.annotations.bulkPut(w.putAnnotations);
    if (w.deleteAnnotations.length) await db.annotations.bulkDelete(w.deleteAnnotations);
    if (w.putNotices.length) await db.notices.bulkPut(w.putNotices);
    const deletedNotices: string[] = [];
    for (const key of w.deleteNotices) {
      // A notice the import created stays while it has annotations the import did not write.
      if (!(await db.annotations.where('noticeKey').equals(key).count())) {
        await db.notices.delete(key);
        deletedNotices.push(key);
      }
    }
    await writeDigests(db, {
      notices: w.putNotices,
      deletedNotices,
      annotations: w.putAnnotations,
      deletedAnnotations: w.deleteAnnotations,
    });
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
