/**
 * Notice records as pages see them and the user accepts their texts (the rules: lib/notice/notice-record.ts);
 * each write is one transaction with the digests the popup reads (written through ./records.ts).
 */
import { message } from '../message';
import { noticeKey } from '../notice/notice-key';
import type { Notice } from '../notice/types';
import type { DubanDatabase } from './database';
import { recordTables, writeRecords } from './records';
import {
  acceptRevision,
  RevisionNotFound,
  seeNotice,
  summariseRevisions,
  type NoticeRecord,
  type NoticeRevisions,
  type SeenNotice,
} from '../notice/notice-record';

/**
 * Records that a page showed `notice` now: adds its URL; a text other than the stored one is kept
 * as a revision, never put in its place. Answers the record and the page's revision, if any.
 */
export async function noticeSeen(db: DubanDatabase, notice: Notice, now: number): Promise<SeenNotice> {
  return db.transaction('rw', recordTables(db), async () => {
    const seen = seeNotice(await db.notices.get(noticeKey(notice)), notice, now);
    await writeRecords(db, { notices: [seen.record] });
    return seen;
  });
}

/** noticeSeen, answering the record as stored. */
export async function rememberNotice(db: DubanDatabase, notice: Notice, now: number): Promise<NoticeRecord> {
  return (await noticeSeen(db, notice, now)).record;
}

/** Makes revision `id` the notice's text (the old text becomes a revision); throws RevisionNotFound. */
export async function acceptNoticeRevision(db: DubanDatabase, key: string, id: number, now: number): Promise<NoticeRecord> {
  return db.transaction('rw', recordTables(db), async () => {
    const old = await db.notices.get(key);
    const record = acceptRevision(old ?? missing(key), id, now);
    await writeRecords(db, { notices: [record] });
    return record;
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
