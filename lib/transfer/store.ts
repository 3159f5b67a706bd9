/**
 * The database side of export and import (background only). An import is read, planned and
 * written inside ONE Dexie transaction: any failure, even in its last write, leaves nothing.
 */
import Dexie from 'dexie';
import type { HistoryEntry, ItemAnnotation } from '../annotation/model';
import type { DubanDatabase, HistoryPack } from '../db/database';
import type { TransferFile } from './format';
import { planImport, type ImportPreview, type LocalState } from './plan';
import { itemKey, type TransferSnapshot } from './snapshot';

export const LAST_EXPORT_KEY = 'lastExport';

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
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
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

/** Imports `file`: planned against the database as it is now and written all or nothing. */
export async function applyImport(db: DubanDatabase, file: TransferFile, now: number): Promise<ImportPreview> {
  return db.transaction('rw', [db.notices, db.annotations, db.history, db.historyPacks], async () => {
    const plan = planImport(file, await readLocal(db, file), now);
    if (!plan.ok) throw new ImportRefused(plan.errors);
    const { notices, annotations, history } = plan.writes;
    if (notices.length) await db.notices.bulkPut(notices);
    if (annotations.length) await db.annotations.bulkPut(annotations);
    // One pack per notice: IndexedDB pays per record, and an import may bring tens of thousands of entries.
    if (history.length) await db.historyPacks.bulkAdd(packHistory(history, now));
    return plan.preview;
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
