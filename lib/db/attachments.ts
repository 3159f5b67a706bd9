/**
 * The attachment files notices were read from (the document viewer, entrypoints/viewer/): kept
 * so a notice reopens from the popup, the overview or a reminder without fetching its file
 * again, and offline. One file per notice; a file over the cap is not kept, and the oldest files
 * go when the kept ones would pass the total.
 */
import { MAX_ATTACHMENT_BYTES } from '../notice/attachment-key';
import type { AttachmentRecord, DubanDatabase } from './database';

export type { AttachmentRecord };
export { MAX_ATTACHMENT_BYTES };

/** All kept files together. */
export const MAX_KEPT_BYTES = 300 * 1024 * 1024;

/** Keeps `record`, replacing the notice's earlier file; false when it is over the cap. */
export async function keepAttachment(db: DubanDatabase, record: AttachmentRecord): Promise<boolean> {
  if (record.size > MAX_ATTACHMENT_BYTES) return false;
  return db.transaction('rw', db.attachments, async () => {
    await db.attachments.put(record);
    // Oldest first, until the rest fit.
    let total = 0;
    const all = await db.attachments.orderBy('savedAt').reverse().toArray();
    for (const a of all) {
      total += a.size;
      if (total > MAX_KEPT_BYTES && a.noticeKey !== record.noticeKey) await db.attachments.delete(a.noticeKey);
    }
    return true;
  });
}

export function keptAttachment(db: DubanDatabase, noticeKey: string): Promise<AttachmentRecord | undefined> {
  return db.attachments.get(noticeKey);
}

/** The kept file fetched from `url` (a notice's source URL, its #hash aside), if any. */
export function attachmentAt(db: DubanDatabase, url: string): Promise<AttachmentRecord | undefined> {
  return db.attachments.where('url').equals(url.replace(/#.*$/, '')).first();
}
