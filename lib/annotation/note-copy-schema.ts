/** The note record's schema (its rules: ./note-copies.ts, which stays Zod-free). */
import { z } from 'zod';
import { MAX_NOTE_LENGTH, NOTE_COPY_KINDS } from './status';

/**
 * A note record. An item holds its own note (ItemAnnotation.note) and any number of note records
 * beside it (ItemAnnotation.noteCopies, at most MAX_NOTE_COPIES), each with its own id, text, time
 * and kind: a conflict copy, a save made on an older revision of the note than the stored one (see
 * above), or a colleague's note, another author's note on the item, arrived by import
 * (lib/transfer/colleague-notes.ts: one record per author, id `colleague:<author id>`). The file
 * carries every record (lib/transfer/format.ts) and an import keeps those of both sides, each once.
 */
export const NoteCopy = z.object({
  /** Unique across databases (a UUID): an import never duplicates a copy. */
  id: z.string().min(1).max(100),
  text: z.string().max(MAX_NOTE_LENGTH),
  /** When its text was last written. */
  at: z.number().int().nonnegative(),
  kind: z.enum(NOTE_COPY_KINDS),
  /** Who wrote it (a name), when it is not this browser's user. */
  author: z.string().max(200).optional(),
  /** The writer's unit (a colleague's note). */
  unit: z.string().max(200).optional(),
  /** The writer's author id (lib/annotation/author.ts; a colleague's note). */
  authorId: z.string().max(100).optional(),
  /** The editing session whose stale saves it holds: that session's next stale saves update it. */
  session: z.string().max(100).optional(),
  /** The file an import kept it from, by the name the user chose it under (a conflict copy). */
  source: z.string().max(300).optional(),
});
export type NoteCopy = z.infer<typeof NoteCopy>;
