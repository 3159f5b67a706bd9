/**
 * Notice records and annotations are written here and nowhere else, each write with the popup's
 * digests (lib/summary/digests.ts) in the same transaction: every write path (an edit, a page
 * visit, an accepted revision, an import, an undo) calls writeRecords, so the digests can never be
 * seen out of step with the tables (./digests.test.ts). The popup reads them in ./popup-summary.ts.
 */
import { digestUpdate, type SourceWrites } from '../summary/digests';
import type { DubanDatabase } from './database';

/** The tables writeRecords writes: every transaction that calls it has them in its scope. */
export const recordTables = (db: DubanDatabase) => [db.notices, db.annotations, db.noticeDigests, db.annotationDigests, db.summaryDigests];

/**
 * Puts and deletes notice records and annotations (annotations first, as an undo needs) and
 * brings the digests of every notice key they touch in step; call inside a transaction that has
 * recordTables(db) in its scope.
 */
export async function writeRecords(db: DubanDatabase, w: SourceWrites): Promise<void> {
  if (w.annotations?.length) await db.annotations.bulkPut(w.annotations);
  if (w.deletedAnnotations?.length) await db.annotations.bulkDelete(w.deletedAnnotations.map(([key, itemKey]) => [key, itemKey]));
  if (w.notices?.length) await db.notices.bulkPut(w.notices);
  if (w.deletedNotices?.length) await db.notices.bulkDelete([...w.deletedNotices]);
  const update = await digestUpdate(w, {
    notices: (keys) => db.noticeDigests.bulkGet(keys),
    annotations: (keys) => db.annotationDigests.bulkGet(keys),
  });
  if (!update) return;
  const { put, drop } = update;
  await Promise.all([
    put.notices.length && db.noticeDigests.bulkPut(put.notices),
    drop.notices.length && db.noticeDigests.bulkDelete(drop.notices),
    put.annotations.length && db.annotationDigests.bulkPut(put.annotations),
    drop.annotations.length && db.annotationDigests.bulkDelete(drop.annotations),
    put.summaries.length && db.summaryDigests.bulkPut(put.summaries),
    drop.summaries.length && db.summaryDigests.bulkDelete(drop.summaries),
  ]);
}
