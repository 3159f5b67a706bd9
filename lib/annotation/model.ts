/**
 * The annotation model: what a user records about one item of one notice.
 * Schemas are Zod so that messages, the database and imported files are checked by the same rules.
 */
import { z } from 'zod';
import { ITEM_STATUSES, MAX_NOTE_LENGTH } from './status';

// The constants live in a Zod-free module the content script can import; re-exported here.
export { ITEM_STATUSES, MAX_NOTE_LENGTH, STATUS_LABELS } from './status';
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** A calendar day, YYYY-MM-DD: follow-ups are days, not instants. */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar day');

/** The notice's identity: 文号 where the page has one, else host + path. */
export const NoticeKey = z.string().min(1).max(300);
export const ItemNo = z.number().int().min(1).max(9999);

export const ItemAnnotation = z.object({
  noticeKey: NoticeKey,
  itemNo: ItemNo,
  status: ItemStatus,
  note: z.string().max(MAX_NOTE_LENGTH),
  /** Personal follow-up day. */
  followUp: CalendarDay.optional(),
  /** Optional progress in percent, compared with 序时进度. */
  progress: z.number().min(0).max(100).optional(),
  /** Fingerprint of the item text the annotation was made on. */
  fingerprint: z.string().max(64),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  /** When the note text itself last changed: the merge rule compares these. */
  noteUpdatedAt: z.number().int().nonnegative().optional(),
});
export type ItemAnnotation = z.infer<typeof ItemAnnotation>;

/** A user's edit of one item: only the fields given change; null clears a field. */
export const AnnotationPatch = z.object({
  noticeKey: NoticeKey,
  itemNo: ItemNo,
  fingerprint: z.string().max(64),
  status: ItemStatus.optional(),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  followUp: CalendarDay.nullable().optional(),
  progress: z.number().min(0).max(100).nullable().optional(),
});
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;

export const HISTORY_FIELDS = ['status', 'note', 'followUp', 'progress', 'import', 'created'] as const;
export const HistoryEntry = z.object({
  id: z.number().int().optional(),
  noticeKey: NoticeKey,
  itemNo: ItemNo,
  at: z.number().int().nonnegative(),
  field: z.enum(HISTORY_FIELDS),
  from: z.union([z.string(), z.number(), z.null()]).optional(),
  to: z.union([z.string(), z.number(), z.null()]).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export function emptyAnnotation(noticeKey: string, itemNo: number, fingerprint: string, now: number): ItemAnnotation {
  return { noticeKey, itemNo, status: 'not_started', note: '', fingerprint, createdAt: now, updatedAt: now };
}

/**
 * Applies a patch; returns the new annotation and one history entry per field that changed.
 * A patch that changes nothing returns no entries and the annotation as it was.
 */
export function applyPatch(
  current: ItemAnnotation | undefined,
  patch: AnnotationPatch,
  now: number,
): { annotation: ItemAnnotation; history: HistoryEntry[] } {
  const base = current ?? emptyAnnotation(patch.noticeKey, patch.itemNo, patch.fingerprint, now);
  const next: ItemAnnotation = { ...base };
  const history: HistoryEntry[] = [];
  const log = (field: HistoryEntry['field'], from: string | number | null, to: string | number | null) =>
    history.push({ noticeKey: patch.noticeKey, itemNo: patch.itemNo, at: now, field, from, to });

  if (patch.status !== undefined && patch.status !== base.status) {
    log('status', base.status, patch.status);
    next.status = patch.status;
  }
  if (patch.note !== undefined && patch.note !== base.note) {
    // The note's text can be long: history records its length, not a copy per keystroke.
    log('note', base.note.length, patch.note.length);
    next.note = patch.note;
    next.noteUpdatedAt = now;
  }
  if (patch.followUp !== undefined && (patch.followUp ?? undefined) !== base.followUp) {
    log('followUp', base.followUp ?? null, patch.followUp);
    if (patch.followUp === null) delete next.followUp;
    else next.followUp = patch.followUp;
  }
  if (patch.progress !== undefined && (patch.progress ?? undefined) !== base.progress) {
    log('progress', base.progress ?? null, patch.progress);
    if (patch.progress === null) delete next.progress;
    else next.progress = patch.progress;
  }
  if (!history.length) return { annotation: base, history };
  if (!current) history.unshift({ noticeKey: patch.noticeKey, itemNo: patch.itemNo, at: now, field: 'created' });
  next.fingerprint = patch.fingerprint;
  next.updatedAt = now;
  return { annotation: next, history };
}
