/**
 * Undo of imports, newest first. Before an import writes, ./transfer-store.ts keeps a restore point in the
 * same transaction: for every record the import writes, its exact prior state ("did not exist" is
 * `before: null`) and the state the import left, plus the ids of the history packs it added; and,
 * in the meta table beside `lastExport`, the small summaries of the imports that can be undone
 * (`importUndoStack`, oldest first), which the popup reads (a point itself can be megabytes). The
 * last 10 imports keep their points. Undo of the newest puts its prior states back and deletes its
 * packs, in one transaction, then drops its point and summary: the one before becomes the newest.
 * Undone in turn, the imports give back exactly the database before the oldest of them.
 *
 * Newer work wins over undo: if an annotation the import wrote has changed since (an edit in the
 * overlay, the overview, a reminder), undo is refused and names the items. A notice record
 * refreshed since (the page was opened, so duban read its full text) is kept as it is, and so is
 * a notice the import created that has annotations the import did not write. Pure: no database.
 */
import type { ItemAnnotation } from '../annotation/model';
import type { ImportCounts } from '../annotation/record-set';
import { message, type Message } from '../message';
import type { NoticeRecord } from '../notice/notice-record';
import { sameData } from '../util/same-data';

interface RecordChange<K, T> {
  key: K;
  /** The record before the import; null when it did not exist. */
  before: T | null;
  /** The record as the import wrote it. */
  after: T;
}

export interface RestorePoint {
  id?: number;
  /** When the import ran. */
  at: number;
  notices: RecordChange<string, NoticeRecord>[];
  annotations: RecordChange<[string, string], ItemAnnotation>[];
  /** History packs the import added (the `history` table is never written by an import). */
  packIds: number[];
}

/** Meta key of the summaries of the imports that can be undone, oldest first. */
export const UNDO_STACK_KEY = 'importUndoStack';
/** Meta key under which versions before the stack kept the one import that could be undone. */
export const LAST_IMPORT_KEY = 'lastImport';

/** What the meta table keeps of an import that can be undone. */
export interface UndoableImport {
  /** Its restore point. */
  id: number;
  at: number;
  /** The imported file's name, as the popup read it. */
  fileName?: string;
  /** The popup's id of the apply request: tells it whether an interrupted import landed. */
  importId?: string;
  counts: ImportCounts;
}

/** The annotations the import wrote that are not as it left them: undo would overwrite newer work. */
export function changedSinceImport(point: RestorePoint, current: readonly (ItemAnnotation | undefined)[]): [string, string][] {
  return point.annotations.filter((c, i) => !sameData(current[i], c.after)).map((c) => c.key);
}

interface UndoWrites {
  putNotices: NoticeRecord[];
  /** Notices the import created; ./transfer-store.ts keeps any that still has annotations after the undo. */
  deleteNotices: string[];
  putAnnotations: ItemAnnotation[];
  deleteAnnotations: [string, string][];
}

/** The writes that put back what the import replaced; `notices` are the current records of point.notices. */
export function undoWrites(point: RestorePoint, notices: readonly (NoticeRecord | undefined)[]): UndoWrites {
  const w: UndoWrites = { putNotices: [], deleteNotices: [], putAnnotations: [], deleteAnnotations: [] };
  point.notices.forEach((c, i) => {
    if (!sameData(notices[i], c.after)) return; // refreshed from the page since: keep it
    if (c.before) w.putNotices.push(c.before);
    else w.deleteNotices.push(c.key);
  });
  for (const c of point.annotations) {
    if (c.before) w.putAnnotations.push(c.before);
    else w.deleteAnnotations.push(c.key);
  }
  return w;
}

const MAX_LISTED = 10;

/**
 * Cannot undo: 2 imported items were changed since (拱政办发〔2024〕2号 items 3, 5)… Each notice is
 * named as a reader knows it (`label`: its 文号, else its title), not by its key (文号@site).
 */
export function changedMessage(changed: readonly [string, string][], label: (noticeKey: string) => string = (k) => k): Message {
  const byNotice = new Map<string, string[]>();
  for (const [key, itemKey] of changed.slice(0, MAX_LISTED)) {
    const list = byNotice.get(key);
    if (list) list.push(itemKey);
    else byNotice.set(key, [itemKey]);
  }
  const items = [...byNotice].map(([key, nos]) => message('undo.noticeItems', { notice: label(key), items: nos }, nos.length));
  return message('undo.changedSince', { items, more: changed.length > MAX_LISTED ? '…' : '' }, changed.length);
}

export const NO_IMPORT: Message = message('undo.noImport');
export const NEWER_IMPORT: Message = message('undo.newerImport');
