/**
 * A colleague's note arrives as their own note record on the item: an imported item whose note
 * another author wrote (its `noteAuthor`, named in the file's `authors`) keeps the local note as
 * it is, and the colleague's text goes to a record of kind `colleague` beside it, one per author
 * and item (id `colleague:<author id>`: a later import of the same author's note updates it, the
 * merge keeps the later text). The same author (this profile, or the user on another device:
 * lib/annotation/author.ts isSameAuthor), an author who gave no name or unit (who they are cannot
 * be shown, and a backup restored before naming oneself stays one's own), any author while this
 * profile has no name or unit yet (one's own named backup restored on a new machine) and files
 * without authors merge as before. Pure.
 */
import { isSameAuthor, type Author, type AuthorDirectory } from '../annotation/author';
import type { ItemAnnotation, NoteCopy } from '../annotation/model';

export const colleagueRecordId = (authorId: string) => `colleague:${authorId}`;

/**
 * Whether `id` names someone else than `me`, by a name or unit the directory has for them. A
 * profile not named yet cannot tell its own backup from a colleague's file: it takes the notes as
 * notes (each still signed by its writer), as before authors.
 */
function isColleague(id: string, me: Author | undefined, authors: AuthorDirectory): boolean {
  const who = authors.get(id);
  if (!me || !who || (!who.name.trim() && !who.unit.trim())) return false;
  if (!me.name.trim() && !me.unit.trim()) return false;
  return !isSameAuthor(me, who);
}

/**
 * The imported annotation as this profile takes it: a colleague's note moved into their record
 * (the local note, or none, in its place); records of the local author's own notes that went
 * round through a colleague's file dropped (this profile has the note itself).
 */
export function withColleagueNotes(
  incoming: ItemAnnotation,
  local: ItemAnnotation | undefined,
  me: Author | undefined,
  authors: AuthorDirectory,
): ItemAnnotation {
  const copies = (incoming.noteCopies ?? []).filter((c) => c.kind !== 'colleague' || c.authorId === undefined || isColleague(c.authorId, me, authors));
  const writer = incoming.noteAuthor;
  const next: ItemAnnotation = { ...incoming };
  if (writer !== undefined && isColleague(writer, me, authors)) {
    if (incoming.note !== '') {
      const who = authors.get(writer);
      const record: NoteCopy = {
        id: colleagueRecordId(writer),
        text: incoming.note,
        at: incoming.noteUpdatedAt ?? incoming.updatedAt,
        kind: 'colleague',
        authorId: writer,
        ...(who?.name && { author: who.name }),
        ...(who?.unit && { unit: who.unit }),
      };
      const at = copies.findIndex((c) => c.id === record.id);
      if (at >= 0) copies[at] = record.at >= copies[at].at ? record : copies[at];
      else copies.push(record);
    }
    // The local note stays the local note: the incoming side brings none of its own.
    next.note = local?.note ?? '';
    for (const f of ['noteUpdatedAt', 'noteAuthor'] as const) {
      if (local?.[f] === undefined) delete next[f];
      else next[f] = local[f] as never;
    }
  }
  if (copies.length) next.noteCopies = copies;
  else delete next.noteCopies;
  return next;
}
