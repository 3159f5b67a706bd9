/**
 * The annotation model: what a user records about one item of one notice. `ItemAnnotation` is the
 * single source: the edit, patch, file, overview and view shapes are derived from it (pick/extend
 * here and in lib/transfer/format.ts, mapped types elsewhere), and ./fields.ts says, per field,
 * how it is merged, recorded in the history, exported and compared.
 * Schemas are Zod so that messages, the database and imported files are checked by the same rules.
 */
import { z } from 'zod';
import { isItemKey, MAX_ITEM_KEY_LENGTH } from '../notice/item-key';
import { MAX_AUTHOR_NAME, MAX_AUTHOR_UNIT } from './author';
import { ITEM_STATUSES, MAX_NOTE_COPIES, MAX_NOTE_LENGTH } from './status';
import { appendedNote, isStaleNoteSave, keepStaleNote, NO_SUCH_COPY, NoteCopyRefused, type NoteCopyAction } from './note-copies';
import { NoteCopy } from './note-copy-schema';

// The constants live in a Zod-free module the content script can import; re-exported here.
export { ITEM_STATUSES, MAX_NOTE_COPIES, MAX_NOTE_LENGTH, NOTE_COPY_KINDS, STATUS_LABELS } from './status';
// The note copy's schema (./note-copy-schema.ts, apart from its rules in ./note-copies.ts); re-exported for the model's users.
export { NoteCopy } from './note-copy-schema';
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** A calendar day, YYYY-MM-DD: follow-ups are days, not instants. */
const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar day');

/** The notice's identity: 文号 where the page has one, else host + path. */
export const NoticeKey = z.string().min(1).max(300);
/**
 * The item's key in its notice: `12`, `二、3.`, `1/一、2.`, `3-2` (lib/notice/item-key.ts). An item
 * stored before keys were strings had its number: the database's version 6 and old files convert it.
 */
export const ItemKey = z
  .string()
  .min(1)
  .max(MAX_ITEM_KEY_LENGTH)
  .refine(isItemKey, 'must be an item key such as 12 or 二、3.');
export type ItemKey = z.infer<typeof ItemKey>;

/** An author's id (lib/annotation/author.ts). */
export const AuthorId = z.string().min(1).max(100);

export const AuthorSchema = z.object({
  id: AuthorId,
  name: z.string().max(MAX_AUTHOR_NAME),
  unit: z.string().max(MAX_AUTHOR_UNIT),
});

export const ItemAnnotation = z.object({
  noticeKey: NoticeKey,
  itemKey: ItemKey,
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
  /** The note's revision in this database: one more each time its text changes; absent is 0. */
  noteRev: z.number().int().nonnegative().optional(),
  /** The editing session that wrote the current revision, when its save said. */
  noteSession: z.string().max(100).optional(),
  /** The item's other note records (NoteCopy), oldest first; absent when there are none. */
  noteCopies: z.array(NoteCopy).max(MAX_NOTE_COPIES).optional(),
  /** Who made the last change (填报人): an author id (lib/annotation/author.ts); absent: unknown. */
  author: AuthorId.optional(),
  /** Who wrote the note's current text: an author id; absent: unknown (before authors, or no note). */
  noteAuthor: AuthorId.optional(),
});
export type ItemAnnotation = z.infer<typeof ItemAnnotation>;

/** What a user edits of an item; null clears an optional field (a follow-up day, a progress). */
const Edits = ItemAnnotation.pick({ status: true, note: true }).extend({
  followUp: ItemAnnotation.shape.followUp.unwrap().nullable(),
  progress: ItemAnnotation.shape.progress.unwrap().nullable(),
});
export type EditableFields = z.infer<typeof Edits>;

/** A user's edit of one item: only the fields given change; null clears a field. */
export const AnnotationPatch = ItemAnnotation.pick({ noticeKey: true, itemKey: true, fingerprint: true })
  .extend(Edits.partial().shape)
  .extend({
    /**
     * The note revision (ItemAnnotation.noteRev) the typed note was based on. When the stored note
     * has moved on since, by another session, the note is kept as a conflict copy instead of
     * overwriting it. Absent: the note is written whatever the revision (last write wins).
     */
    baseNoteRev: ItemAnnotation.shape.noteRev,
    /** The editing session (one per open editor): its own later saves are never stale to it (ItemAnnotation.noteSession). */
    session: ItemAnnotation.shape.noteSession.unwrap().min(1).optional(),
    /**
     * The editor's visit of the field (one more each time a field is left): a history entry
     * gathers one session's saves of a field until the field is left or a few minutes pass.
     */
    fieldVisit: z.number().int().nonnegative().optional(),
  });
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;

/**
 * `noteCopy`: a conflict copy kept (from null to its length), updated (length to length) or
 * resolved (length to 'dismissed' or 'appended'; appending also writes a `note` entry).
 * `trimmed`: the item's oldest entries were dropped (MAX_HISTORY_PER_ITEM); `to` counts them.
 */
export const HISTORY_FIELDS = ['status', 'note', 'followUp', 'progress', 'import', 'created', 'noteCopy', 'trimmed'] as const;
export const HistoryEntry = z.object({
  id: z.number().int().optional(),
  noticeKey: NoticeKey,
  itemKey: ItemKey,
  at: z.number().int().nonnegative(),
  field: z.enum(HISTORY_FIELDS),
  from: z.union([z.string(), z.number(), z.null()]).optional(),
  to: z.union([z.string(), z.number(), z.null()]).optional(),
  /** The editing session that made the change (local: folds one session's saves into one entry; never exported). */
  session: z.string().max(100).optional(),
  /** Who made the change: an author id (lib/annotation/author.ts); absent: unknown. */
  author: AuthorId.optional(),
  /** A note entry: the text it replaced and the text it left (from/to are their lengths, which the merge compares). */
  fromText: z.string().max(MAX_NOTE_LENGTH * 2).optional(),
  toText: z.string().max(MAX_NOTE_LENGTH * 2).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

function emptyAnnotation(noticeKey: string, itemKey: string, fingerprint: string, now: number): ItemAnnotation {
  return { noticeKey, itemKey, status: 'not_started', note: '', fingerprint, createdAt: now, updatedAt: now };
}

/**
 * Applies a patch; returns the new annotation and one history entry per field that changed.
 * A patch that changes nothing returns no entries and the annotation as it was. A stale note
 * (./note-copies.ts) becomes a conflict copy, with ids from `newId`; the other fields apply.
 */
export function applyPatch(
  current: ItemAnnotation | undefined,
  patch: AnnotationPatch,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
  author?: string,
): { annotation: ItemAnnotation; history: HistoryEntry[] } {
  const base = current ?? emptyAnnotation(patch.noticeKey, patch.itemKey, patch.fingerprint, now);
  const next: ItemAnnotation = { ...base };
  const history: HistoryEntry[] = [];
  const by = author === undefined ? {} : { author };
  const log = (field: HistoryEntry['field'], from: string | number | null, to: string | number | null, texts?: { fromText: string; toText: string }) =>
    history.push({ noticeKey: patch.noticeKey, itemKey: patch.itemKey, at: now, field, from, to, ...by, ...texts });

  if (patch.status !== undefined && patch.status !== base.status) {
    log('status', base.status, patch.status);
    next.status = patch.status;
  }
  if (patch.note !== undefined && patch.note !== base.note) {
    if (isStaleNoteSave(base, patch)) {
      const kept = keepStaleNote(base.noteCopies ?? [], patch.note, patch.session, now, newId);
      if (kept) {
        log('noteCopy', kept.from, kept.to);
        next.noteCopies = kept.copies;
      }
    } else {
      // Lengths identify a note version (the merge compares them); the texts keep the words. One
      // editing session's saves fold into one entry (lib/db/annotations.ts), so not a copy per keystroke.
      log('note', base.note.length, patch.note.length, { fromText: base.note, toText: patch.note });
      writeNote(next, patch.note, now, patch.session, author);
    }
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
  if (!current) history.unshift({ noticeKey: patch.noticeKey, itemKey: patch.itemKey, at: now, field: 'created', ...by });
  next.fingerprint = patch.fingerprint;
  next.updatedAt = now;
  if (author !== undefined && history.some((h) => h.field !== 'noteCopy')) next.author = author;
  return { annotation: next, history };
}

/** Sets the note as a new revision, written by `session` and `author` if known. */
function writeNote(a: ItemAnnotation, note: string, now: number, session?: string, author?: string): void {
  a.note = note;
  a.noteUpdatedAt = now;
  a.noteRev = (a.noteRev ?? 0) + 1;
  if (session === undefined) delete a.noteSession;
  else a.noteSession = session;
  if (author !== undefined) a.noteAuthor = author;
}

/**
 * Resolves conflict copy `copyId`: 'dismiss' drops it, 'append' appends its text to the note and
 * drops it. Recorded in the history like an edit. The appended note is a revision of no editing
 * session: a save any editor typed before it is stale and kept as a copy, so the appended text
 * cannot be overwritten by a save still on its way.
 */
export function resolveNoteCopy(
  current: ItemAnnotation | undefined,
  copyId: string,
  action: NoteCopyAction,
  now: number,
  author?: string,
): { annotation: ItemAnnotation; history: HistoryEntry[] } {
  const copy = current?.noteCopies?.find((c) => c.id === copyId);
  if (!current || !copy) throw new NoteCopyRefused(NO_SUCH_COPY);
  const next: ItemAnnotation = { ...current, updatedAt: now, ...(author !== undefined && { author }) };
  const rest = current.noteCopies!.filter((c) => c !== copy);
  if (rest.length) next.noteCopies = rest;
  else delete next.noteCopies;
  const entry = (field: HistoryEntry['field'], from: string | number | null, to: string | number | null): HistoryEntry => ({
    noticeKey: current.noticeKey,
    itemKey: current.itemKey,
    at: now,
    field,
    from,
    to,
    ...(author !== undefined && { author }),
  });
  const history: HistoryEntry[] = [];
  if (action === 'append') {
    const note = appendedNote(current.note, copy.text);
    if (note !== current.note) {
      history.push({ ...entry('note', current.note.length, note.length), fromText: current.note, toText: note });
      writeNote(next, note, now, undefined, author);
    }
  }
  history.push(entry('noteCopy', copy.text.length, action === 'append' ? 'appended' : 'dismissed'));
  return { annotation: next, history };
}
